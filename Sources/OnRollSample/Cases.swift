import OnRollCore

/// What a scenario may fix about a case.
struct CaseSpec {
    var status: CaseStatus? = nil
    var opened: SchoolDate? = nil
    var owner: String?? = nil
    var nextReview: SchoolDate?? = nil
    var flaggedForPanel: Bool? = nil
    var summary: String? = nil
}

extension Builder {
    static let kindWeights: [(CaseKind, Int)] = [(.ebsa, 24), (.suspension, 22), (.exclusion, 3), (.ehe, 15),
                                                 (.offroll, 7), (.cme, 11), (.partTime, 12)]
    static let statusWeights: [(CaseStatus, Int)] = [(.referral, 12), (.open, 48), (.monitoring, 25), (.closed, 15)]

    /// Adds a case with its opening chronology and returns its index in `out.cases`.
    @discardableResult
    func addCase(child: Int, kind: CaseKind, _ spec: CaseSpec = CaseSpec()) -> Int {
        let index = out.cases.count
        let ref = "WM-" + Builder.pad(index + 1, 5)
        let status = spec.status ?? rng.weighted(Builder.statusWeights)
        let opened: SchoolDate
        if let o = spec.opened { opened = o } else {
            switch (status, kind) {
            case (.referral, _): opened = day(today.adding(days: -25), today)
            case (_, .ehe): opened = day(today.adding(days: -900), today.adding(days: -20))
            default: opened = day(today.adding(days: -420), today.adding(days: -15))
            }
        }
        let owner: String? = spec.owner ?? ((status == .referral && rng.chance(0.3)) ? nil : officer())
        var c = Case(ref: ref, childRef: out.children[child].ref, kind: kind, status: status, opened: opened,
                     owner: owner, summary: spec.summary ?? summary(kind: kind, child: child, opened: opened))
        if status == .closed {
            c.closedOn = day(opened.adding(days: 20), today.adding(days: -1))
            c.closureReason = rng.pick(Phrases.closureReasons)
        } else {
            c.nextReview = spec.nextReview ?? randomReview()
            c.flaggedForPanel = spec.flaggedForPanel ?? rng.chance(0.08)
        }
        if out.children[child].sen == .ehcp {
            // Annual reviews mostly held on time: the last within the year, now and then one just missed.
            c.ehcLastReview = day(today.adding(days: rng.chance(0.05) ? -380 : -350), today.adding(days: -20))
        }
        if kind == .partTime {
            // A closed part-time case ended its timetable when it closed.
            let base = c.closedOn ?? today
            c.partTimeEnd = c.closedOn ?? cal.weekday(base.adding(days: rng.int(5...60)))
            c.partTimeReview = c.closedOn.map { cal.weekday($0.adding(days: -rng.int(10...30))) }
                ?? cal.weekday(today.adding(days: rng.int(1...20)))
        }
        out.cases.append(c)
        caseChild.append(child)
        pending.append([])
        log(index, opened, .opened, "Case opened (\(kind.label)): \(c.summary ?? "")")
        if status != .referral {
            log(index, day(opened, opened.adding(days: 6)), .status, "Status: referral → open. Referral accepted at triage.")
        }
        if status == .monitoring {
            log(index, day(opened.adding(days: 30), today), .status, "Status: open → monitoring. Things are steadier; review monthly.")
        }
        return index
    }

    /// Booked ahead as officers book them: a few slipped past, some this week, most in the coming weeks.
    func randomReview() -> SchoolDate {
        let untilFriday = max(0, 5 - today.weekday)
        switch rng.int(0...99) {
        case 0..<2: return cal.days[cal.index(onOrBefore: today.adding(days: -rng.int(1...10)))]
        case 2..<24: return today.isWeekend ? Terms.mondayOnOrAfter(today) : today.adding(days: rng.int(0...untilFriday))
        default: return cal.weekday(today.adding(days: rng.int(7...42)))
        }
    }

    /// A case's summary as written when it opened: a time it names ("since October half-term") is
    /// before the opening, and who it names are the child's own carers.
    func summary(kind: CaseKind, child index: Int, opened: SchoolDate) -> String {
        let child = out.children[index]
        let name = child.preferredName ?? child.forename
        let family = self.family(index)
        let plural = carers(index).count > 1 || family == "the foster carer"
        switch kind {
        case .ebsa:
            var since = ["a bereavement in the family"]
            if (4...7).contains(opened.month) { since.append("the Easter holidays") }
            if (11...12).contains(opened.month) { since.append("October half-term") }
            if SchoolAge.ncYear(dob: child.dob, in: AcademicYear(containing: opened)) == 7 { since.append("moving up to Year 7") }
            return textRng.pick(["\(name) has not managed school since \(textRng.pick(since)); anxiety in the mornings.",
                                 "Emotionally based school avoidance: attendance falling, \(name) says school is too loud.",
                                 "\(name) is attending mornings only; panic attacks at the gate."])
        case .suspension:
            return textRng.pick(["Repeat suspensions at \(textRng.pick(["break times", "lunchtimes", "the end of the day"])); looking at what sits behind them.",
                                 "Suspension for \(textRng.pick(["a fight", "damage to a door", "verbal abuse of staff", "a vape in school"])); school asking what support there is.",
                                 "School asking for support to avoid a permanent exclusion."])
        case .exclusion:
            return "Permanently excluded; LA provision from day 6 and the governors' review to track."
        case .ehe:
            return textRng.pick(["\(family.capitalisedFirst) notified elective home education.", "EHE after a long period of anxiety-related absence.",
                                 "Family home educating; annual contact due."])
        case .offroll:
            return textRng.pick(["Removed from roll after a meeting about behaviour; \(family) \(plural ? "say they" : "says they") felt pushed to home educate.",
                                 "Possible off-rolling: deleted in Year 11 before exams.", "School advised a 'fresh start' elsewhere; no place found."])
        case .cme:
            return "Missing education."   // worded from the sightings once they are made (`describeMissing`)
        case .partTime:
            return textRng.pick(["Part-time timetable (mornings) while support is put in place.",
                                 "Reduced timetable after a return from hospital.", "Part-time timetable of three days a week; to build up."])
        }
    }

    /// Fills the caseload with random cases until it reaches the target size.
    func buildRandomCases() {
        var ownScript = Names.ownScript.makeIterator()
        while out.cases.count < target {
            let kind = rng.weighted(Builder.kindWeights)
            var spec = ChildSpec()
            if let n = ownScript.next() { spec.name = n }
            spec.nc = ncYear(for: kind)
            let child = addChild(spec)
            let caseIndex = addCase(child: child, kind: kind)
            fill(caseIndex)
            // Some children have a second, related case (about 14% of children).
            if out.cases.count < target, rng.chance(0.16) {
                let related: CaseKind? = switch kind {
                case .suspension: rng.chance(0.5) ? .exclusion : nil
                case .offroll: .cme
                case .ebsa: .partTime
                case .partTime: .ebsa
                default: nil
                }
                if let r = related {
                    let second = addCase(child: child, kind: r, CaseSpec(status: out.cases[caseIndex].isOpen ? nil : .closed))
                    fill(second)
                }
            }
        }
    }

    func ncYear(for kind: CaseKind) -> Int {
        switch kind {
        case .exclusion, .offroll: return rng.weighted([(5, 1), (6, 1), (7, 3), (8, 5), (9, 7), (10, 8), (11, 6)])
        case .ehe, .cme: return rng.int(1...11)
        default: return rng.weighted(Builder.ncWeights)
        }
    }

    /// The records every case gets according to its kind: suspensions, attendance, work, out-of-school.
    func fill(_ c: Int) {
        let kase = out.cases[c]
        let child = caseChild[c]
        switch kase.kind {
        case .suspension:
            randomSuspensions(child: child, case: c, count: rng.weighted([(1, 28), (2, 25), (3, 20), (4, 11), (5, 9), (6, 7)]))
        case .exclusion:
            randomSuspensions(child: child, case: c, count: rng.int(0...2))
            randomExclusion(child: child, case: c)
            randomPlan(child: child, case: c)
        case .ebsa, .partTime:
            if rng.chance(0.15) { randomSuspensions(child: child, case: c, count: 1) }
        case .ehe, .cme, .offroll:
            outOfSchool(child: child, case: c)
            if kase.kind == .cme { describeMissing(c) }
        }
        work(c)
    }

    /// What every case gets whatever its kind: attendance (once per child), actions, team, closure.
    func work(_ c: Int) {
        let kase = out.cases[c]
        let child = caseChild[c]
        if !childHasAttendance[child] { randomAttendance(child: child, kind: kase.kind) }
        actions(case: c)
        team(case: c)
        if kase.status == .closed, let d = kase.closedOn {
            log(c, d, .closed, "Case closed: \(kase.closureReason ?? "")")
        }
    }
}
