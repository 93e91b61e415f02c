// The reports behind `onroll report NAME`. Each is a pure function of the data, the period and
// today's date; none reads a clock or a file. Figures and their definitions: docs/reports.md.

public enum Reports {
    public static let names = ["caseload", "suspensions", "reintegration", "out-of-school", "actions"]

    /// Runs a report by its CLI name; nil for an unknown name.
    public static func run(_ name: String, _ data: ReportData, period: ReportPeriod, today: SchoolDate) -> ReportBundle? {
        switch name {
        case "caseload": caseload(data, period: period, today: today)
        case "suspensions": suspensions(data, period: period, today: today)
        case "reintegration": reintegration(data, period: period, today: today)
        case "out-of-school", "outofschool": outOfSchool(data, period: period, today: today)
        case "actions": actions(data, period: period, today: today)
        default: nil
        }
    }

    static let noSchoolLabel = "No school / not known"

    // MARK: Caseload

    public static func caseload(_ data: ReportData, period: ReportPeriod, today: SchoolDate) -> ReportBundle {
        let (r, periodNote) = period.range(calendar: data.calendar)
        let label = period.label(calendar: data.calendar)
        let ctx = SchoolContext(data)
        let open = data.cases.filter { $0.isOpen && $0.opened <= today }
        let new = data.cases.filter { r.contains($0.opened) }
        let closed = data.cases.filter { c in c.closedOn.map { r.contains($0) } ?? false }
        func daysOpen(_ cs: [ReportCase]) -> ReportCell { .median(cs.map { Double($0.opened.days(to: today)) }) }
        func counts(_ keep: (ReportCase) -> Bool) -> [ReportCell] {
            [.count(open.filter(keep).count), .count(new.filter(keep).count), .count(closed.filter(keep).count)]
        }
        let flowCols = [
            ReportColumn(key: "open", header: "Open", role: .count(summed: true)),
            ReportColumn(key: "newInPeriod", header: "New in period", role: .count(summed: true)),
            ReportColumn(key: "closedInPeriod", header: "Closed in period", role: .count(summed: true)),
        ]
        let medianCol = ReportColumn(key: "medianDaysOpen", header: "Median days open", role: .measure(summed: false))
        let definitions = [
            "Open: cases whose status is not closed on \(today.long) (referral, open, monitoring), whatever the period.",
            "New in period: cases opened in the period, whatever their status now. Closed in period: cases with a closed date in the period.",
            "Median days open: calendar days from the opened date to \(today.long) over open cases; of an even number of cases, the mean of the middle two.",
            "Source: OnRoll case records (cases, owners; a case's school is the child's school on roll).",
        ] + (periodNote.map { [$0] } ?? [])

        var byKind = ReportTable(id: "byKind", title: "Cases by kind", subtitle: label,
                                 columns: [ReportColumn(key: "kind", header: "Kind")] + flowCols + [medianCol],
                                 notes: definitions)
        for k in CaseKind.allCases {
            byKind.rows.append([.text(k.label)] + counts { $0.kind == k } + [daysOpen(open.filter { $0.kind == k })])
        }
        byKind.totalRow = [.text("Total")] + counts { _ in true } + [daysOpen(open)]

        var byStatus = ReportTable(id: "byStatus", title: "Open cases by status", subtitle: "as at \(today.long)",
                                   columns: [ReportColumn(key: "status", header: "Status"),
                                             ReportColumn(key: "open", header: "Open", role: .count(summed: true))],
                                   notes: ["Open cases by their status on \(today.long)."])
        for s in CaseStatus.allCases where s != .closed {
            byStatus.rows.append([.text(s.label), .count(open.filter { $0.status == s }.count)])
        }
        byStatus.totalRow = [.text("Total"), .count(open.count)]

        let unassigned = "(unassigned)"
        let owners = Set((open + new + closed).map { $0.owner.flatMap { $0.isEmpty ? nil : $0 } ?? unassigned })
        var byOwner = ReportTable(id: "byOfficer", title: "Cases by officer", subtitle: label,
                                  columns: [ReportColumn(key: "officer", header: "Officer", role: .officer)] + flowCols + [medianCol],
                                  notes: ["Officer: the case owner; cases with no owner are counted as \(unassigned)."])
        func ownerOf(_ c: ReportCase) -> String { c.owner.flatMap { $0.isEmpty ? nil : $0 } ?? unassigned }
        for o in owners.sorted(by: { ($0 == unassigned ? 1 : 0, $0) < ($1 == unassigned ? 1 : 0, $1) }) {
            byOwner.rows.append([.text(o)] + counts { ownerOf($0) == o } + [daysOpen(open.filter { ownerOf($0) == o })])
        }
        byOwner.totalRow = [.text("Total")] + counts { _ in true } + [daysOpen(open)]

        // Each case has one school key: counted once per key here, a group's figure is the sum of its
        // keys' (filtering every case again for each school and trust made this report quadratic).
        func perKey(_ cs: [ReportCase]) -> [String: Int] {
            var n: [String: Int] = [:]
            for c in cs { n[ctx.key(forChild: c.childRef), default: 0] += 1 }
            return n
        }
        let openBy = perKey(open), newBy = perKey(new), closedBy = perKey(closed)
        func sum(_ by: [String: Int], _ keys: Set<String>) -> ReportCell { .count(keys.reduce(0) { $0 + (by[$1] ?? 0) }) }
        let used = Set(openBy.keys).union(newBy.keys).union(closedBy.keys)
        let (schoolTables, links) = ctx.schoolTables(
            idPrefix: "", what: "Cases", subtitle: label, used: used, includeAll: true, withTrust: true,
            columns: flowCols, notes: definitions.suffix(1) + ["A child with no school recorded (or a school not in the school list) is counted under \"\(noSchoolLabel)\"."]
        ) { keys in [sum(openBy, keys), sum(newBy, keys), sum(closedBy, keys)] }

        return ReportBundle(name: "caseload", title: "Caseload", period: label,
                            tables: [byKind, byStatus, byOwner] + schoolTables, links: links, schoolURNs: ctx.urns)
    }

    // MARK: Suspensions

    public static func suspensions(_ data: ReportData, period: ReportPeriod, today: SchoolDate) -> ReportBundle {
        let (r, periodNote) = period.range(calendar: data.calendar)
        let label = period.label(calendar: data.calendar)
        let ctx = SchoolContext(data)
        let inPeriod = data.suspensions.filter { r.contains($0.start) }
        func key(_ s: ReportSuspension) -> String {
            if let u = s.schoolURN, ctx.byURN[u] != nil { return u }
            return s.schoolURN == nil ? ctx.key(forChild: s.childRef) : ""
        }
        // Each suspension with its school key, worked out once: every row filters the suspensions by it.
        let keyed = inPeriod.map { (s: $0, key: key($0)) }
        let columns = [
            ReportColumn(key: "roll", header: "Roll", role: .denominator),
            ReportColumn(key: "suspensions", header: "Suspensions", role: .count(summed: true)),
            ReportColumn(key: "suspensionRate", header: "Suspension rate", role: .rate(numerator: "suspensions")),
            ReportColumn(key: "pupilsSuspended", header: "Pupils suspended", role: .count(summed: true)),
            ReportColumn(key: "onePlusRate", header: "One-plus rate", role: .rate(numerator: "pupilsSuspended")),
            ReportColumn(key: "permanentExclusions", header: "PEx", role: .count(summed: true)),
            ReportColumn(key: "pexRate", header: "PEx rate", role: .rate(numerator: "permanentExclusions")),
            ReportColumn(key: "pupilsRepeat2", header: "Pupils 2+", role: .count(summed: true)),
            ReportColumn(key: "pupilsRepeat5", header: "Pupils 5+", role: .count(summed: true)),
            ReportColumn(key: "daysLost", header: "Days lost", role: .measure(summed: true)),
            ReportColumn(key: "topReasons", header: "Top reasons", role: .detail),
        ]
        func row(_ keys: Set<String>) -> [ReportCell] {
            let ss = keyed.filter { keys.contains($0.key) }
            let susp = ss.filter { !$0.s.isPermanent }, pex = ss.filter(\.s.isPermanent)
            // Rates are over schools with a known roll: numerator and denominator from the same schools.
            let rolled = Set(keys.filter { (ctx.byURN[$0]?.roll ?? 0) > 0 })
            let roll = rolled.reduce(0) { $0 + (ctx.byURN[$1]?.roll ?? 0) }
            var perPupil: [String: Int] = [:]
            for x in susp { perPupil["\(x.key)|\(x.s.childRef)", default: 0] += 1 }
            let rolledPupils = Set(susp.filter { rolled.contains($0.key) }.map { "\($0.key)|\($0.s.childRef)" }).count
            var reasons: [ReasonCode: Int] = [:]
            for x in ss { if let c = x.s.reason { reasons[c, default: 0] += 1 } }
            let top = reasons.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }.prefix(3)
            let rate = { (n: Int) -> ReportCell in roll > 0 ? .per100(n, of: roll) : .notApplicable }
            return [
                roll > 0 ? .count(roll) : .notApplicable,
                .count(susp.count), rate(susp.filter { rolled.contains($0.key) }.count),
                .count(perPupil.count), rate(rolledPupils),
                .count(pex.count), rate(pex.filter { rolled.contains($0.key) }.count),
                .count(perPupil.values.filter { $0 >= 2 }.count), .count(perPupil.values.filter { $0 >= 5 }.count),
                .measure(susp.reduce(0) { $0 + $1.s.days }, basis: susp.count),
                .tally(top.map { TallyItem(label: $0.key.rawValue, count: $0.value) }),
            ]
        }
        let notes = [
            "Period: suspensions and permanent exclusions whose first day falls in the period, at the school that issued them.",
            "Suspensions: fixed-period suspensions (a permanent exclusion, PEx, is counted only as a permanent exclusion).",
            "Suspension rate = suspensions ÷ headcount on roll × 100; PEx rate = permanent exclusions ÷ headcount × 100; one-plus rate = pupils with at least one suspension ÷ headcount × 100 (DfE definitions, domain.md §9). Rates to 1 d.p., rounded half away from zero.",
            "Headcount: the school's roll (January census). Rates are z where the roll is not recorded; the partnership and trust rates use only schools with a recorded roll, for numerator and denominator alike.",
            "Pupils suspended: distinct pupils with at least one suspension at the school; the total row sums schools, so a pupil suspended at two schools counts at each. Pupils 2+/5+: pupils with at least 2/5 suspensions at the school in the period.",
            "School days lost: the sum of suspension lengths in school days (half days count 0.5). Top reasons: the three most frequent census reason codes across suspensions and permanent exclusions.",
            "Source: OnRoll suspension ledger; school rolls from the school list.",
        ] + (periodNote.map { [$0] } ?? [])
        let used = Set(keyed.map(\.key))
        let (tables, links) = ctx.schoolTables(idPrefix: "", what: "Suspensions and permanent exclusions", subtitle: label,
                                               used: used, includeAll: true, withTrust: true, columns: columns,
                                               notes: notes, totalLabel: "Partnership total", row: row)
        return ReportBundle(name: "suspensions", title: "Suspensions and permanent exclusions", period: label,
                            tables: tables, links: links, schoolURNs: ctx.urns)
    }
}

/// Schools by URN, and the by-school / by-trust table pair most reports share.
struct SchoolContext {
    let byURN: [String: School]
    let childSchool: [String: String]
    /// Every school's URN, sorted: the order school pseudonyms follow.
    let urns: [String]

    init(_ data: ReportData) {
        var m: [String: School] = [:]
        for s in data.schools { m[s.urn] = s }
        byURN = m
        var c: [String: String] = [:]
        for ch in data.children { if let u = ch.schoolURN { c[ch.ref] = u } }
        childSchool = c
        urns = m.keys.sorted()
    }

    /// The school key of a child: its URN when that school is known, else "" (no school / not known).
    func key(forChild ref: String) -> String { key(urn: childSchool[ref]) }
    func key(urn: String?) -> String { urn.flatMap { byURN[$0] != nil ? $0 : nil } ?? "" }

    func schoolTables(idPrefix: String, what: String, subtitle: String, used: Set<String>, includeAll: Bool,
                      withTrust: Bool, columns: [ReportColumn], notes: [String], totalLabel: String = "Total",
                      settingHeader: String = "School",
                      row: (Set<String>) -> [ReportCell]) -> ([ReportTable], [ReportLink]) {
        let schools = byURN.values.filter { includeAll || used.contains($0.urn) }
            .sorted { ($0.name, $0.urn) < ($1.name, $1.urn) }
        var keys = schools.map(\.urn)
        if used.contains("") { keys.append("") }
        let schoolId = idPrefix.isEmpty ? "bySchool" : idPrefix + "BySchool"
        var bySchool = ReportTable(
            id: schoolId, title: "\(what) by \(settingHeader.lowercased())", subtitle: subtitle,
            columns: [ReportColumn(key: "urn", header: "URN", role: .schoolURN),
                      ReportColumn(key: "school", header: settingHeader, role: .schoolName)]
                + (withTrust ? [ReportColumn(key: "trust", header: "Trust", role: .trust)] : []) + columns,
            notes: notes)
        for k in keys {
            let s = byURN[k]
            bySchool.rows.append([.text(k), .text(s?.name ?? Reports.noSchoolLabel)]
                                 + (withTrust ? [.text(s?.trustLabel ?? Reports.noSchoolLabel)] : []) + row([k]))
        }
        bySchool.totalRow = [.text(""), .text(totalLabel)] + (withTrust ? [.text("")] : []) + row(Set(keys))
        guard withTrust else { return ([bySchool], []) }
        let trustId = idPrefix.isEmpty ? "byTrust" : idPrefix + "ByTrust"
        var byTrust = ReportTable(id: trustId, title: "\(what) by trust", subtitle: subtitle,
                                  columns: [ReportColumn(key: "trust", header: "Trust", role: .label)] + columns,
                                  notes: ["Trust rows add up the schools of each trust; schools with no trust are the authority's own (\"Maintained (LA)\")."])
        var groups: [String: [Int]] = [:]
        for (i, k) in keys.enumerated() { groups[byURN[k]?.trustLabel ?? Reports.noSchoolLabel, default: []].append(i) }
        let order = groups.keys.sorted { ($0 == Reports.noSchoolLabel ? 1 : 0, $0) < ($1 == Reports.noSchoolLabel ? 1 : 0, $1) }
        var links: [ReportLink] = []
        for (ti, t) in order.enumerated() {
            let idx = groups[t]!
            byTrust.rows.append([.text(t)] + row(Set(idx.map { keys[$0] })))
            links.append(ReportLink(totalTable: trustId, totalRow: ti, partsTable: schoolId, partRows: idx))
        }
        byTrust.totalRow = [.text(totalLabel)] + row(Set(keys))
        return ([bySchool, byTrust], links)
    }
}
