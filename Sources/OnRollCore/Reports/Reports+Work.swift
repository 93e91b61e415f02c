// Reports on the work done: reintegration plans, children out of school, multi-agency actions.

extension Reports {
    // MARK: Reintegration

    public static func reintegration(_ data: ReportData, period: ReportPeriod, today: SchoolDate) -> ReportBundle {
        let (r, periodNote) = period.range(calendar: data.calendar)
        let label = period.label(calendar: data.calendar)
        let ctx = SchoolContext(data)
        let started = data.plans.filter { r.contains($0.start) }
        var usedWeekdays = false
        func schoolDays(_ p: ReportPlan) -> Double? {
            guard let end = p.endedOn, end >= p.start else { return nil }
            do { return try data.calendar.count(from: p.start, to: end) } catch {
                usedWeekdays = true
                var n = 0.0, d = p.start
                while d <= end { if !d.isWeekend { n += 1 }; d = d.adding(days: 1) }
                return n
            }
        }
        func row(_ keys: Set<String>) -> [ReportCell] {
            let ps = started.filter { keys.contains(ctx.key(urn: $0.fromURN)) }
            func n(_ s: ReintegrationPlan.Status...) -> ReportCell { .count(ps.filter { s.contains($0.status) }.count) }
            let days = ps.filter { $0.status == .completed }.compactMap(schoolDays)
            return [.count(ps.count), n(.completed), n(.brokenDown), n(.extended), n(.active, .paused), .median(days)]
        }
        let columns = [
            ReportColumn(key: "started", header: "Started", role: .count(summed: true)),
            ReportColumn(key: "completed", header: "Completed", role: .count(summed: true)),
            ReportColumn(key: "brokenDown", header: "Broken down", role: .count(summed: true)),
            ReportColumn(key: "extended", header: "Extended", role: .count(summed: true)),
            ReportColumn(key: "active", header: "Still active", role: .count(summed: true)),
            ReportColumn(key: "medianDaysToFullTime", header: "Median school days to full time", role: .measure(summed: false)),
        ]
        var notes = [
            "Plans: reintegration plans whose start date falls in the period, by the setting the pupil steps back from (the plan's 'from' school).",
            "Completed, broken down, extended: the plan's outcome as recorded on \(today.long). Still active: plans active or paused on \(today.long). Started = completed + broken down + extended + still active.",
            "Median school days to full time: over completed plans, school days from the plan's start to its end date inclusive (stored term dates; half days count 0.5).",
            "Source: OnRoll reintegration plans.",
        ]
        let used = Set(started.map { ctx.key(urn: $0.fromURN) })
        var (tables, _) = ctx.schoolTables(idPrefix: "", what: "Reintegration plans", subtitle: label, used: used,
                                           includeAll: false, withTrust: false, columns: columns, notes: [],
                                           settingHeader: "Setting", row: row)
        if usedWeekdays {
            notes.append("Term dates are missing for part of the period: school days for some plans were counted as weekdays (Mon–Fri), which overstates them across holidays.")
        }
        if let periodNote { notes.append(periodNote) }
        tables[0].notes = notes
        tables[0].rowSums = [RowSum(total: "started", parts: ["completed", "brokenDown", "extended", "active"])]
        return ReportBundle(name: "reintegration", title: "Reintegration plans", period: label, tables: tables,
                            schoolURNs: ctx.urns)
    }

    // MARK: Out of school

    public static func outOfSchool(_ data: ReportData, period: ReportPeriod, today: SchoolDate) -> ReportBundle {
        let (r, periodNote) = period.range(calendar: data.calendar)
        let label = period.label(calendar: data.calendar)
        let ctx = SchoolContext(data)
        var seen: [String: SchoolDate] = [:]
        for o in data.outOfSchool { if let d = o.lastSeen { seen[o.childRef] = d } }
        func lastContact(_ c: ReportCase) -> SchoolDate? {
            [data.lastContact[c.ref], seen[c.childRef]].compactMap { $0 }.filter { $0 <= today }.max()
        }
        let open = data.cases.filter { $0.isOpen && $0.opened <= today && $0.kind.isOutOfSchool }
        var cases = ReportTable(
            id: "openCases", title: "Open EHE, CME and off-roll cases", subtitle: "as at \(today.long)",
            columns: [ReportColumn(key: "kind", header: "Kind"),
                      ReportColumn(key: "open", header: "Open cases", role: .count(summed: true)),
                      ReportColumn(key: "contacted", header: "Contacted", role: .count(summed: true)),
                      ReportColumn(key: "neverContacted", header: "Never contacted", role: .count(summed: true)),
                      ReportColumn(key: "medianDaysSinceContact", header: "Median days since last contact", role: .measure(summed: false))],
            notes: [
                "Open: EHE, CME and off-roll cases whose status is not closed on \(today.long).",
                "Last contact: the latest chronology contact or 'seen' entry, or the out-of-school record's last-seen date, on or before \(today.long). Cases with none are counted as never contacted and left out of the median.",
                "Median days since last contact: calendar days from the last contact to \(today.long); of an even number, the mean of the middle two.",
                "Source: OnRoll cases, chronology and out-of-school records.",
            ],
            rowSums: [RowSum(total: "open", parts: ["contacted", "neverContacted"])])
        func caseRow(_ cs: [ReportCase]) -> [ReportCell] {
            let days = cs.compactMap(lastContact).map { Double($0.days(to: today)) }
            return [.count(cs.count), .count(days.count), .count(cs.count - days.count), .median(days)]
        }
        for k in [CaseKind.ehe, .cme, .offroll] { cases.rows.append([.text(k.label)] + caseRow(open.filter { $0.kind == k })) }
        cases.totalRow = [.text("Total")] + caseRow(open)

        let dels = data.deletions.filter { r.contains($0.date) }
        let delColumns = [
            ReportColumn(key: "deletions", header: "Deletions", role: .count(summed: true)),
            ReportColumn(key: "notNotified", header: "LA not notified", role: .count(summed: true)),
            ReportColumn(key: "unknownDestination", header: "Destination unknown", role: .count(summed: true)),
        ]
        func delRow(_ ds: [ReportDeletion]) -> [ReportCell] {
            [.count(ds.count), .count(ds.filter { !$0.laNotified }.count),
             .count(ds.filter { ($0.destination ?? "").trimmingSpaces.isEmpty }.count)]
        }
        let delNotes = [
            "Deletions: pupils deleted from a school's roll with a deletion date in the period, as reported to (or found by) the authority.",
            "LA not notified: deletions the school did not notify to the authority (regulation 9 requires notice no later than deletion). Destination unknown: no destination recorded (a CME case is opened).",
            "Source: OnRoll roll-deletion returns.",
        ] + (periodNote.map { [$0] } ?? [])
        let used = Set(dels.map { ctx.key(urn: $0.schoolURN) })
        let (delTables, links) = ctx.schoolTables(
            idPrefix: "deletions", what: "Deletions from roll", subtitle: label, used: used, includeAll: true,
            withTrust: true, columns: delColumns, notes: delNotes
        ) { keys in delRow(dels.filter { keys.contains(ctx.key(urn: $0.schoolURN)) }) }

        var byGround = ReportTable(id: "deletionsByGround", title: "Deletions from roll by ground", subtitle: label,
                                   columns: [ReportColumn(key: "ground", header: "Ground")] + delColumns,
                                   notes: ["Ground: the regulation 9 ground the school gave, as recorded."])
        for g in Set(dels.map(\.ground)).sorted() { byGround.rows.append([.text(g)] + delRow(dels.filter { $0.ground == g })) }
        byGround.totalRow = [.text("Total")] + delRow(dels)

        return ReportBundle(name: "out-of-school", title: "Children out of school", period: label,
                            tables: [cases] + delTables + [byGround], links: links, schoolURNs: ctx.urns)
    }

    // MARK: Actions

    public static func actions(_ data: ReportData, period: ReportPeriod, today: SchoolDate) -> ReportBundle {
        let label = period.label(calendar: data.calendar)
        let open = data.actions.filter { $0.status == .open }
        let agencies = Set(open.map(\.agency))
        func rank(_ a: String) -> Int { Agencies.defaults.firstIndex(of: a) ?? Agencies.defaults.count }
        var t = ReportTable(
            id: "byAgency", title: "Open and overdue actions by agency", subtitle: "as at \(today.long)",
            columns: [ReportColumn(key: "agency", header: "Agency"),
                      ReportColumn(key: "open", header: "Open", role: .count(summed: true)),
                      ReportColumn(key: "overdue", header: "Overdue", role: .count(summed: true))],
            notes: ["Open: actions not done or cancelled on \(today.long). Overdue: open actions whose due date is before \(today.long); an action with no due date is never overdue.",
                    "Source: OnRoll multi-agency actions."])
        for a in agencies.sorted(by: { (rank($0), $0) < (rank($1), $1) }) {
            let as_ = open.filter { $0.agency == a }
            t.rows.append([.text(a), .count(as_.count), .count(as_.filter { $0.isOverdue(on: today) }.count)])
        }
        t.totalRow = [.text("Total"), .count(open.count), .count(open.filter { $0.isOverdue(on: today) }.count)]
        return ReportBundle(name: "actions", title: "Actions", period: label, tables: [t])
    }
}
