import OnRollCore

/// Hand-built cases that every sample contains, whatever the seed and size, because screens,
/// rules and tests depend on them: the 45-day cap exactly reached and breached, governors' duties,
/// a looked-after child with a missing notification, exclusions mid-process, a PRU with plans in every
/// state, part-time timetables, fair access, EHC clocks, children out of sight, and exact attendance bands.
/// Dates are counted in school days back from `today`, so they stay consistent with the terms.
extension Builder {
    func buildScenarios() {
        let thisYear = out.terms.filter { $0.academicYear == year }
        let firstDay = cal.onOrAfter(thisYear[0].start)
        func ago(_ n: Int) -> SchoolDate { cal.back(n, from: today) }

        // 1. Exactly 45 days of suspension this academic year (no further suspension possible).
        let cap = addChild(ChildSpec(nc: 10, schoolURN: "140001", name: ("Tyler", "Brooks", nil, true),
                                     flags: [.FSM, .PP], sen: .support, need: .SEMH, carers: [("Mum", "Grace Brooks")]))
        let capCase = addCase(child: cap, kind: .suspension, CaseSpec(status: .open, opened: firstDay, owner: "tom.reid",
                                                                      nextReview: today, flaggedForPanel: true,
                                                                      summary: "45 school days of suspension this year: the legal maximum is reached."))
        var d = firstDay
        for (len, reason) in [(5.0, ReasonCode.VA), (10, .PA), (5, .DB), (10, .DM), (15, .PP)] {
            let id = addSuspension(child: cap, case: capCase, start: d, days: len, reason: reason)
            if len == 5 { addReflection(suspension: id, case: capCase) }
            d = cal.forward(Int(len) + 1, from: d)
        }
        work(capCase)

        // 2. A breach: the fourth suspension takes the year's total from 40 to 47.
        let breach = addChild(ChildSpec(nc: 9, schoolURN: "140004", name: ("Kacper", "Wójcik", nil, true),
                                        flags: [.EAL, .FSM, .PP], sen: SENStatus.none))
        let breachCase = addCase(child: breach, kind: .suspension, CaseSpec(status: .open, opened: firstDay, owner: "dan.kowalski",
                                                                            flaggedForPanel: true,
                                                                            summary: "Suspensions this year now exceed 45 days: breach to raise with the trust."))
        d = firstDay
        for (len, reason) in [(10.0, ReasonCode.PP), (15, .VA), (15, .DB), (7, .PA)] {
            addSuspension(child: breach, case: breachCase, start: d, days: len, reason: reason)
            d = cal.forward(Int(len) + 1, from: d)
        }
        work(breachCase)

        // 3. The term total goes over 15 (3+5+5+3 = 16): the governors must consider reinstatement.
        let term = addChild(ChildSpec(nc: 8, schoolURN: "140009", name: ("Jayden", "Francis", nil, true), flags: [.CIN], sen: .support, need: .SLCN))
        let termCase = addCase(child: term, kind: .suspension, CaseSpec(status: .open, opened: ago(40), owner: "grace.okafor"))
        for (back, len) in [(40, 3.0), (30, 5), (20, 5), (6, 3)] {
            let id = addSuspension(child: term, case: termCase, start: ago(back), days: len, reason: .DB)
            if back == 40 { addReflection(suspension: id, case: termCase) }
        }
        work(termCase)

        // 4. Six suspensions, four of them lunchtimes, with reflections on some.
        let lunch = addChild(ChildSpec(nc: 7, schoolURN: "140003", name: ("Alfie", "Marsh", "Alf", true), flags: [.FSM, .PP, .YC], sen: .support, need: .ASD))
        let lunchCase = addCase(child: lunch, kind: .suspension, CaseSpec(status: .open, opened: ago(60), owner: "mei.lin",
                                                                          summary: "Lunchtimes are the flashpoint: four lunchtime suspensions since September."))
        for (i, (back, len)) in [(60, 0.5), (48, 0.5), (35, 1.0), (27, 0.5), (15, 2.0), (5, 0.5)].enumerated() {
            let id = addSuspension(child: lunch, case: lunchCase, start: ago(back), days: len, reason: i % 2 == 0 ? .VP : .DB)
            if i == 0 || i == 2 || i == 4 { addReflection(suspension: id, case: lunchCase) }
        }
        work(lunchCase)

        // 5. Two children suspended again with no reflection after the previous suspension.
        let nr1 = addChild(ChildSpec(nc: 9, schoolURN: "140006", name: ("Shanice", "Bailey", nil, false), flags: [.FSM, .PP], sen: SENStatus.none))
        let nr1Case = addCase(child: nr1, kind: .suspension, CaseSpec(status: .open, opened: ago(45), owner: "sam.hughes"))
        addSuspension(child: nr1, case: nr1Case, start: ago(45), days: 2, reason: .VA)
        addSuspension(child: nr1, case: nr1Case, start: ago(12), days: 3, reason: .PP)
        work(nr1Case)
        let nr2 = addChild(ChildSpec(nc: 10, schoolURN: "140012", name: ("Mahad", "Warsame", nil, true), flags: [.EAL], sen: .support, need: .SEMH))
        let nr2Case = addCase(child: nr2, kind: .suspension, CaseSpec(status: .monitoring, opened: ago(70), owner: "asha.patel"))
        for (back, len) in [(70, 1.0), (33, 2.0), (9, 1.0)] { addSuspension(child: nr2, case: nr2Case, start: ago(back), days: len, reason: .DB) }
        work(nr2Case)

        // 6. A looked-after child: social worker told, the virtual school head not, no day-1 provision.
        let lac = addChild(ChildSpec(nc: 9, schoolURN: "140008", name: ("Ruby", "Walker", nil, false), flags: [.LAC, .PP], sen: .ehcp, need: .SEMH))
        let lacCase = addCase(child: lac, kind: .suspension, CaseSpec(status: .open, opened: ago(8), owner: "grace.okafor", flaggedForPanel: true,
                                                                      summary: "Looked-after child suspended; virtual school not yet told."))
        let lacSusp = addSuspension(child: lac, case: lacCase, start: ago(8), days: 3, reason: .VA, notify: false)
        out.suspensions[Int(lacSusp) - 1].noticeDate = ago(8)
        out.suspensions[Int(lacSusp) - 1].notifiedLA = ago(8)
        out.suspensions[Int(lacSusp) - 1].notifiedSocialWorker = ago(7)
        work(lacCase)

        // 7. Permanent exclusions part-way through: one awaiting the review panel, one awaiting governors.
        let pexA = addChild(ChildSpec(nc: 10, schoolURN: "140005", name: ("Reece", "Pickering", nil, true), flags: [.FSM, .PP, .CIN], sen: .support, need: .SEMH))
        let pexACase = addCase(child: pexA, kind: .exclusion, CaseSpec(status: .open, opened: ago(20), owner: "tom.reid", flaggedForPanel: true))
        let pa = addSuspension(child: pexA, case: pexACase, start: ago(20), days: 1, reason: .OW, type: .permanent, notify: false)
        out.suspensions[Int(pa) - 1].noticeDate = ago(20)
        out.suspensions[Int(pa) - 1].notifiedLA = ago(20)
        out.suspensions[Int(pa) - 1].notifiedSocialWorker = ago(19)
        out.suspensions[Int(pa) - 1].provisionFrom = ago(15)
        out.suspensions[Int(pa) - 1].governorsMet = ago(9)
        out.suspensions[Int(pa) - 1].decisionLetter = ago(8)
        out.suspensions[Int(pa) - 1].reviewRequested = ago(2)
        log(pexACase, ago(9), .note, "Governors upheld the exclusion; \(family(pexA)) \(carers(pexA).count > 1 ? "have" : "has") asked for an independent review.", link: pa)
        work(pexACase)

        let pexB = addChild(ChildSpec(nc: 9, schoolURN: "140010", name: ("Chidi", "Okonkwo", nil, true), flags: [], sen: SENStatus.none))
        let pexBCase = addCase(child: pexB, kind: .exclusion, CaseSpec(status: .referral, opened: ago(4), owner: "dan.kowalski"))
        let pb = addSuspension(child: pexB, case: pexBCase, start: ago(4), days: 1, reason: .PA, type: .permanent, notify: false)
        out.suspensions[Int(pb) - 1].noticeDate = ago(4)   // LA not notified: found out from the parent
        work(pexBCase)

        // 8. The PRU: nine pupils in reintegration, plans in every state (five active, one review overdue).
        let pru = Schools.pruURN
        let plans: [(String, String, String?, Bool, ReintegrationPlan.Status, Int, String, CaseKind, CaseStatus, Bool)] = [
            ("Callum", "Ashworth", "Cal", true, .active, 25, "140002", .exclusion, .open, false),
            ("Precious", "Adebayo", nil, false, .active, 35, "140013", .exclusion, .open, true),
            ("Zuzanna", "Kamińska", "Zuzia", false, .paused, 30, "140011", .suspension, .open, false),
            ("Mason", "Reid", nil, true, .completed, 95, "140001", .exclusion, .monitoring, false),
            ("Isaiah", "Grant", "Zay", true, .extended, 60, "140006", .suspension, .open, false),
            ("Tommy", "Fletcher", nil, true, .brokenDown, 45, "140009", .exclusion, .open, false),
            ("Amara", "Okoye", nil, false, .active, 20, "140004", .suspension, .open, false),
            ("Leon", "Whitfield", nil, true, .active, 15, "140007", .exclusion, .open, false),
            ("Nadia", "Rahman", "Nad", false, .active, 40, "140010", .exclusion, .open, false),
        ]
        for (i, p) in plans.enumerated() {
            let (fore, sur, pref, boy, status, startBack, toURN, kind, caseStatus, overdue) = p
            let kid = addChild(ChildSpec(nc: 8 + i % 3, schoolURN: pru, name: (fore, sur, pref, boy), sen: i % 2 == 0 ? .support : .ehcp, need: .SEMH))
            let opened = ago(startBack + 40)
            let kc = addCase(child: kid, kind: kind, CaseSpec(status: caseStatus, opened: opened, owner: Builder.officers[i % 6],
                                                               flaggedForPanel: status == .brokenDown,
                                                               summary: status == .completed ? "Back in mainstream after a reintegration from the PRU."
                                                                   : "At the PRU; reintegration to mainstream under way."))
            if kind == .exclusion {
                let e = addSuspension(child: kid, case: kc, start: opened, days: 1, reason: .PA, school: secondaries[(i + 3) % 11].urn, type: .permanent)
                out.suspensions[Int(e) - 1].governorsMet = cal.forward(10, from: opened)
                out.suspensions[Int(e) - 1].decisionLetter = cal.forward(11, from: opened)
                out.suspensions[Int(e) - 1].pexOutcome = "off-roll"
            } else {
                addSuspension(child: kid, case: kc, start: opened, days: 5, reason: .DB, school: secondaries[(i + 3) % 11].urn)
            }
            addPlan(case: kc, status: status, start: ago(startBack), from: pru, to: toURN, overdueReview: overdue)
            if status == .completed { out.children[kid].schoolURN = toURN }
            work(kc)
        }

        // 9. Part-time timetables: one in order, one with no review date, one past its end and review.
        for (i, name) in [("Evie", "Hall"), ("Arjun", "Sharma"), ("Maja", "Nowak")].enumerated() {
            let kid = addChild(ChildSpec(nc: [6, 8, 10][i], name: (name.0, name.1, nil, i == 1), sen: .support, need: i == 1 ? .ASD : .SEMH))
            let kc = addCase(child: kid, kind: .partTime, CaseSpec(status: .open, opened: ago(30 + i * 10), owner: Builder.officers[(i + 2) % 6]))
            switch i {
            case 0: out.cases[kc].partTimeEnd = cal.forward(20, from: today); out.cases[kc].partTimeReview = cal.forward(5, from: today)
            case 1: out.cases[kc].partTimeEnd = cal.forward(30, from: today); out.cases[kc].partTimeReview = nil
            default: out.cases[kc].partTimeEnd = ago(5); out.cases[kc].partTimeReview = ago(10)
            }
            work(kc)
        }

        // 10. Fair access: one accepted 25 school days ago and still without a place, one placed in time.
        let fa1 = addChild(ChildSpec(nc: 9, schoolURN: .some(nil), name: ("Andrei", "Munteanu", nil, true), flags: [.EAL], sen: SENStatus.none))
        let fa1Case = addCase(child: fa1, kind: .cme, CaseSpec(status: .open, opened: ago(30), owner: "mei.lin", flaggedForPanel: true,
                                                                summary: "Arrived in Westmarch in September with no school place; fair access accepted."))
        out.cases[fa1Case].fairAccessAccepted = ago(25)
        outOfSchool(child: fa1, case: fa1Case, OutOfSchoolSpec(noDeletion: true))
        work(fa1Case)
        let fa2 = addChild(ChildSpec(nc: 10, name: ("Keisha", "Samuels", nil, false), flags: [.FSM, .PP], sen: .support, need: .SEMH))
        let fa2Case = addCase(child: fa2, kind: .exclusion, CaseSpec(status: .monitoring, opened: ago(70), owner: "sam.hughes"))
        addSuspension(child: fa2, case: fa2Case, start: ago(70), days: 1, reason: .DA, school: "140007", type: .permanent)
        out.cases[fa2Case].fairAccessAccepted = ago(30)
        out.cases[fa2Case].fairAccessPlaced = ago(16)
        out.children[fa2].schoolURN = "140003"
        work(fa2Case)

        // 11. EHC needs assessments at week 3, week 11 and week 19 of the 20-week clock.
        for (i, (weeks, name)) in [(3, ("Grace", "Evans")), (11, ("Oisín", "Byrne")), (19, ("Hodan", "Farah"))].enumerated() {
            let kid = addChild(ChildSpec(nc: [7, 9, 5][i], name: (name.0, name.1, nil, i == 1), sen: .support, need: [.ASD, .SEMH, .SLCN][i]))
            let kc = addCase(child: kid, kind: .ebsa, CaseSpec(status: .open, opened: today.adding(days: -weeks * 7 - 30), owner: Builder.officers[i]))
            out.cases[kc].ehcRequest = cal.weekday(today.adding(days: -weeks * 7))
            log(kc, out.cases[kc].ehcRequest!, .note, "EHC needs assessment requested by the school with parental support.")
            work(kc)
        }

        // 12. Home education needing the authority's consent: a child on a CP plan, one from a special
        //     school, one under a section 47 enquiry.
        let cp = addChild(ChildSpec(nc: 6, name: ("Lily", "Thompson", nil, false), flags: [.CP, .FSM, .PP], sen: SENStatus.none))
        let cpCase = addCase(child: cp, kind: .ehe, CaseSpec(status: .open, opened: ago(12), owner: "asha.patel", flaggedForPanel: true,
                                                              summary: "\(family(cp)) \(carers(cp).count > 1 ? "want" : "wants") to home educate; Lily is on a child protection plan, so consent is needed."))
        outOfSchool(child: cp, case: cpCase, OutOfSchoolSpec(laNotified: true, cpPlan: true))
        work(cpCase)
        let sp = addChild(ChildSpec(nc: 8, schoolURN: Schools.specialURN, name: ("Ethan", "Roberts", nil, true), sen: .ehcp, need: .ASD))
        let spCase = addCase(child: sp, kind: .ehe, CaseSpec(status: .referral, opened: ago(3), owner: .some(nil)))
        outOfSchool(child: sp, case: spCase, OutOfSchoolSpec(laNotified: true, fromSpecial: true))
        work(spCase)
        let s47 = addChild(ChildSpec(nc: 4, name: ("Amina", "Jama", nil, false), flags: [.CIN, .EAL], sen: SENStatus.none))
        let s47Case = addCase(child: s47, kind: .ehe, CaseSpec(status: .open, opened: ago(6), owner: "grace.okafor"))
        outOfSchool(child: s47, case: s47Case, OutOfSchoolSpec(laNotified: false, s47: true))
        work(s47Case)

        // 13. Deleted with no known destination and no notice to the authority: a CME case.
        let lost = addChild(ChildSpec(nc: 8, schoolURN: "140009", name: ("Stefan", "Dumitru", nil, true), flags: [.EAL, .FSM, .PP], sen: SENStatus.none))
        let lostCase = addCase(child: lost, kind: .cme, CaseSpec(status: .open, opened: ago(10), owner: "grace.okafor", flaggedForPanel: true,
                                                                  summary: "Deleted after 20 days' absence; the school did not tell us and nobody knows where he is."))
        outOfSchool(child: lost, case: lostCase, OutOfSchoolSpec(ground: "I 20-day absence", destination: .some(nil), laNotified: false))
        work(lostCase)
        // …and a Year 11 deleted to "home education" in October without telling the authority.
        let y11 = addChild(ChildSpec(nc: 11, schoolURN: "140001", name: ("Megan", "Ashworth", nil, false), flags: [.PP], sen: .support, need: .SPLD))
        let y11Case = addCase(child: y11, kind: .offroll, CaseSpec(status: .open, opened: ago(15), owner: "tom.reid", flaggedForPanel: true))
        outOfSchool(child: y11, case: y11Case, OutOfSchoolSpec(ground: "EHE", destination: "EHE", laNotified: false))
        work(y11Case)

        // 14. Attendance exactly on the band edges this year: 10% missed (persistent) and 50% (severe).
        for (i, (fraction, name)) in [(0.10, ("Noor", "Mansour")), (0.50, ("Owen", "Davies"))].enumerated() {
            let kid = addChild(ChildSpec(nc: 8 + i, name: (name.0, name.1, nil, i == 1), sen: .support, need: .SEMH))
            var to = cal.back(1, from: today)
            let step = fraction == 0.10 ? 10 : 2
            while cal.sessions(from: firstDay, to: to) % step != 0 { to = cal.back(1, from: to) }
            addAttendance(child: kid, from: firstDay, to: to, missed: fraction)
            let kc = addCase(child: kid, kind: .ebsa, CaseSpec(status: .open, opened: ago(25), owner: Builder.officers[i + 3]))
            work(kc)
        }
    }
}
