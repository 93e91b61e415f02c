import OnRollCore

extension Builder {
    /// Census reasons in roughly the national mix: persistent disruption far ahead.
    static let reasonWeights: [(ReasonCode, Int)] = [
        (.DB, 26), (.VA, 15), (.PP, 12), (.PA, 7), (.VP, 8), (.DM, 6), (.DA, 5), (.BU, 4), (.MT, 4), (.OW, 3),
        (.TH, 3), (.RA, 2), (.SM, 2), (.LG, 1), (.DS, 1),
    ]

    /// Records a suspension (or permanent exclusion) with the usual notifications and its chronology line.
    /// `notify: false` leaves the checklist for the caller to fill.
    @discardableResult
    func addSuspension(child: Int, case c: Int?, start: SchoolDate, days: Double, reason: ReasonCode? = nil,
                       school: String? = nil, type: SuspensionType = .suspension, notify: Bool = true) -> Int64 {
        let id = nextId(out.suspensions.count)
        let kid = out.children[child]
        let urn = school ?? kid.schoolURN ?? rng.pick(secondaries).urn
        var s = Suspension(id: id, childRef: kid.ref, start: start, days: days,
                           reason: reason ?? rng.weighted(Builder.reasonWeights), schoolURN: urn, type: type)
        if notify {
            // Schools mostly tell everyone on the day; a missed or late notice is the exception (and a
            // breach that stays on the case), so it is rare.
            s.noticeDate = rng.chance(0.9) ? start : nil
            let la = rng.int(0...99)
            s.notifiedLA = la < 96 ? start : (la < 98 ? cal.forward(1, from: start) : nil)
            let f = kid.flags
            if f.contains(.CP) || f.contains(.CIN) || f.contains(.LAC) {
                s.notifiedSocialWorker = rng.chance(0.95) ? start : nil
            }
            if f.contains(.LAC) {
                s.notifiedVirtualSchool = rng.chance(0.9) ? start : nil
                s.provisionFrom = rng.chance(0.9) ? start : nil   // a looked-after child needs provision from day 1
            } else if days >= 6 || type == .permanent {
                s.provisionFrom = rng.chance(0.95) ? cal.forward(5, from: start) : nil   // day 6
                // A school that arranged the provision told the parents on day 2, well over 48 hours before
                // (no random draw: the rest of the sample stays as it was).
                if s.provisionFrom != nil && type == .suspension { s.provisionNotice = cal.forward(1, from: start) }
            }
            if kid.upn?.value.dropFirst().hasPrefix("961") == true, rng.chance(0.5) { s.notifiedHomeLA = start }
        }
        if SchoolAge.ncYear(dob: kid.dob, in: AcademicYear(containing: start)) == 11, [5, 6].contains(start.month) {
            s.examMissed = rng.chance(0.6)
        }
        out.suspensions.append(s)
        if let c {
            let schoolName = schoolNames[urn] ?? urn
            let what = type == .permanent ? "Permanently excluded" : "Suspended \(Builder.daysText(days))"
            log(c, start, .suspension, "\(what) from \(start.short) (\(s.reason!.rawValue): \(s.reason!.label.lowercased())) at \(schoolName).",
                link: id)
        }
        return id
    }

    static func daysText(_ d: Double) -> String {
        if d == 0.5 { return "for a lunchtime (0.5 day)" }
        let whole = d == d.rounded()
        let n = whole ? String(Int(d)) : String(d)
        return "for \(n) day\(d == 1 ? "" : "s")"
    }

    /// `count` suspensions between the term start before the case and its end, some with reflections.
    func randomSuspensions(child: Int, case c: Int, count: Int) {
        guard count > 0 else { return }
        let kase = out.cases[c]
        let lo = max(cal.days[0], kase.opened.adding(days: -120))
        let hi = min(kase.closedOn ?? today, today)
        var starts: [SchoolDate] = []
        for _ in 0..<count { starts.append(day(lo, hi)) }
        starts.sort()
        var last: SchoolDate?
        for start in starts where start != last {
            last = start
            let days = rng.weighted([(0.5, 15), (1.0, 30), (2.0, 25), (3.0, 18), (5.0, 10), (4.0, 2)])
            let id = addSuspension(child: child, case: c, start: start, days: days)
            if rng.chance(0.55) { addReflection(suspension: id, case: c) }
        }
    }

    func addReflection(suspension id: Int64, case c: Int?) {
        let s = out.suspensions[Int(id) - 1]
        let date = min(today, cal.forward(Int(s.days.rounded(.up)) + rng.int(0...3), from: s.start))
        let author = textRng.chance(0.5) ? officer() : "\(textRng.pick(Names.adultForenames)) \(textRng.pick(["Mills", "Osei", "Hartley", "Novak"])) (head of year)"
        out.reflections.append(Reflection(
            suspensionId: id, date: date,
            whatHappened: textRng.pick(["Argument in the lunch queue became a push.", "Walked out of science and kicked a door.",
                                        "Swore at a teacher after being told to move seats.", "Brought a vape into school.",
                                        "Fight after messages on social media over the weekend.", "Refused to go to isolation and left site."]),
            triggers: textRng.pick(["Unstructured time; hungry", "Being singled out in front of the class", "Online conflict carried into school",
                                    "Tired after a difficult night at home", "Cover teacher; change of routine"]),
            pupilView: textRng.pick(["Says nobody asked what happened first.", "Knows it was wrong, felt cornered.",
                                     "Wants to apologise to the teacher.", "Thinks the same people wind them up every day."]),
            whatWillChange: textRng.pick(["Pass to the learning base at lunch.", "Named adult check-in each morning.",
                                          "Seat moved; staff briefed on triggers.", "Referral to the school counsellor.",
                                          "Restorative meeting before return."]),
            author: author))
        if let c { log(c, date, .reflection, "Reflection recorded after the suspension of \(s.start.short).", link: id) }
    }

    /// A permanent exclusion at the case's opening, with the statutory steps done so far.
    func randomExclusion(child: Int, case c: Int) {
        let start = cal.onOrAfter(max(out.cases[c].opened.adding(days: -2), cal.days[0]))
        let id = addSuspension(child: child, case: c, start: start, days: 1,
                               reason: rng.weighted([(.PA, 3), (.OW, 2), (.DB, 3), (.PP, 2), (.DA, 1)]), type: .permanent)
        var s = out.suspensions[Int(id) - 1]
        // Each step is recorded once its date has come, at a pace within the statutory limits, and the
        // outcome once the review has run its course.
        func done(_ d: SchoolDate) -> SchoolDate? { d <= today ? d : nil }
        var settled: SchoolDate?
        if let g = done(cal.forward(rng.int(8...14), from: start)) {
            s.governorsMet = g
            s.decisionLetter = done(cal.forward(1, from: g))
        }
        if let letter = s.decisionLetter {
            let window = cal.forward(15, from: letter)
            if rng.chance(0.5), let req = done(cal.forward(rng.int(5...13), from: letter)) {
                s.reviewRequested = req
                if let panel = done(cal.forward(rng.int(12...15), from: req)) {
                    s.reviewPanel = panel
                    if rng.chance(0.3) { s.reconsidered = done(cal.forward(rng.int(6...10), from: panel)) }
                    settled = s.reconsidered ?? cal.forward(10, from: panel)
                }
            } else if window < today {
                settled = window
            }
        }
        if let end = settled, end < today {
            s.pexOutcome = (s.reconsidered != nil && rng.chance(0.5)) ? "reinstated" : "off-roll"
        }
        out.suspensions[Int(id) - 1] = s
        if s.pexOutcome == "off-roll" {
            out.children[child].schoolURN = rng.chance(0.7) ? rng.pick(prus).urn : rng.pick(aps).urn
        }
        if let g = s.governorsMet { log(c, g, .note, "Governors met and upheld the exclusion.", link: id) }
    }
}
