import OnRollCore

/// The named situations the sample must show, then a varied caseload around them.
extension Builder {
    mutating func build() {
        out.schools = Schools.all(forCases: target, rng: &rng)
        scenarios()
        while out.cases.count < target { randomCase() }
        panels()
    }

    mutating func secondary() -> String { rng.pick(Schools.secondaries).urn }

    mutating func scenarios() {
        // 1. Exactly at the 45-day cap this year (not a breach), and one past it (a breach, recorded as it happened).
        let atCap = newChild(school: "140101", year: 10, flags: [.FSM])
        let c1 = newCase(atCap, .suspension, opened: d("2026-09-08"), review: d("2026-11-25"), flagged: true)
        for (start, days) in [("2026-09-14", 5.0), ("2026-10-05", 10.0), ("2026-11-03", 15.0), ("2026-11-17", 15.0)] {
            _ = suspend(atCap, d(start), days, .PA, reflect: true)
        }
        chronicleSuspensions(atCap, [c1])
        attend(atCap, missedFraction: 0.18)

        let overCap = newChild(school: "140104", year: 11, flags: [.CIN])
        let c2 = newCase(overCap, .suspension, opened: d("2026-09-03"), review: d("2026-11-18"))
        for (start, days) in [("2026-09-08", 10.0), ("2026-09-29", 15.0), ("2026-10-19", 5.0), ("2026-11-04", 15.0), ("2026-11-20", 1.5)] {
            _ = suspend(overCap, d(start), days, .VA, reflect: false, notifyAll: false)
        }
        chronicleSuspensions(overCap, [c2])
        attend(overCap, missedFraction: 0.31)

        // 2. Repeat suspensions with no reflection after the previous one (two children), lunchtimes among them.
        for (urn, year) in [("140106", 8), ("140102", 9)] {
            let ch = newChild(school: urn, year: year)
            let c = newCase(ch, .suspension)
            _ = suspend(ch, schoolDay(d("2026-09-07"), d("2026-09-30")), 2, .DB, reflect: false)
            _ = suspend(ch, schoolDay(d("2026-10-05"), d("2026-10-16")), 0.5, .VP, reflect: false)
            _ = suspend(ch, schoolDay(d("2026-11-09"), d("2026-11-19")), 3, .DB, reflect: false)
            chronicleSuspensions(ch, [c])
            attend(ch, missedFraction: 0.12)
        }

        // 3. A term total over 15 (governors must consider reinstatement within 15 school days).
        let gov = newChild(school: "140108", year: 9, sen: .support)
        let cg = newCase(gov, .suspension, opened: d("2026-09-20"))
        _ = suspend(gov, d("2026-10-06"), 8, .PP, reflect: true)
        _ = suspend(gov, d("2026-11-10"), 9, .PA, reflect: false)
        chronicleSuspensions(gov, [cg])

        // 4. Permanent exclusions part-way through their steps; one looked-after child.
        let pex1 = newChild(school: "140105", year: 10, flags: [.LAC], sen: .support)
        let p1 = newCase(pex1, .exclusion, opened: d("2026-10-20"), review: d("2026-11-24"), flagged: true)
        var s1 = suspend(pex1, d("2026-10-20"), 1, .OW, type: .permanent, reflect: false, notifyAll: false)
        s1.governorsMet = d("2026-11-06"); s1.decisionLetter = d("2026-11-09")
        out.suspensions[out.suspensions.count - 1] = s1
        chronicleSuspensions(pex1, [p1])
        chron(p1.ref, d("2026-11-06"), .note, "Governors upheld the exclusion; decision letter to follow.")

        let pex2 = newChild(school: "140112", year: 11)
        let p2 = newCase(pex2, .exclusion, opened: d("2026-11-11"), review: d("2026-11-27"))
        _ = suspend(pex2, d("2026-11-11"), 1, .PA, type: .permanent, reflect: false)
        chronicleSuspensions(pex2, [p2])

        // 5. EBSA with severe and persistent absence, exactly 10% and exactly 50%.
        let ten = newChild(school: "140103", year: 8)
        _ = newCase(ten, .ebsa)
        attend(ten, missedFraction: 0.10, records: 1)
        let fifty = newChild(school: "140110", year: 9, flags: [.CP])
        _ = newCase(fifty, .ebsa, review: today.adding(days: -9), flagged: true)
        attend(fifty, missedFraction: 0.50, records: 1)

        // 6. Part-time timetables: one with both dates, one with no review date set.
        let pt1 = newChild(school: "140111", year: 7, sen: .ehcp)
        var ptc = newCase(pt1, .partTime)
        ptc.partTimeEnd = d("2026-12-18"); ptc.partTimeReview = d("2026-11-20")
        out.cases[out.cases.count - 1] = ptc
        let pt2 = newChild(school: "140109", year: 10)
        var ptc2 = newCase(pt2, .partTime)
        ptc2.partTimeEnd = d("2027-01-29")
        out.cases[out.cases.count - 1] = ptc2

        // 7. EHC needs assessments under way, and fair access.
        for weeksAgo in [5, 15, 22] {
            let ch = newChild(school: secondary(), year: rng.int(7...10), sen: .support)
            var c = newCase(ch, .ebsa)
            c.ehcRequest = today.adding(days: -7 * weeksAgo)
            out.cases[out.cases.count - 1] = c
        }
        let fa1 = newChild(school: nil, year: 9)
        var f1 = newCase(fa1, .cme, opened: d("2026-09-21"))
        f1.fairAccessAccepted = d("2026-10-01")
        out.cases[out.cases.count - 1] = f1
        let fa2 = newChild(school: "140113", year: 8)
        var f2 = newCase(fa2, .suspension, opened: d("2026-10-12"))
        f2.fairAccessAccepted = d("2026-11-12")
        out.cases[out.cases.count - 1] = f2

        // 8. Children out of sight: EHE (one on a CP plan), CME, off-roll; deletions, one to nobody knows where.
        for kind in [CaseKind.ehe, .ehe, .ehe, .cme, .cme, .cme, .offroll, .offroll] {
            outOfSight(kind, cpPlan: kind == .ehe && out.outOfSchool.isEmpty)
        }
        let gone = newChild(school: nil, year: 8)
        delSeq += 1
        out.deletions.append(RollDeletion(id: delSeq, childRef: gone.ref, schoolURN: "140107", date: d("2026-10-09"),
                                          ground: "I: 20 days' continuous absence", laNotified: false, destination: nil))
        let cme = newCase(gone, .cme, opened: d("2026-10-09"), review: d("2026-11-13"))
        chron(cme.ref, d("2026-10-09"), .deletion, "Deleted from roll of Harbour View Academy (ground I); destination unknown: CME case opened")
        out.outOfSchool.append(OutOfSchoolRecord(childRef: gone.ref, childAddress: "14 Quay Street, Westmarch", parent1Name: "Ms R. Dunn",
                                                 enquirySchool: d("2026-10-12"), enquiryHomeVisit: d("2026-10-15")))

        // 9. The PRU: pupils stepping back into mainstream, plans in every state.
        for status in [ReintegrationPlan.Status.active, .active, .active, .active, .paused, .completed, .extended, .brokenDown] {
            pruPlan(status)
        }
    }

    mutating func outOfSight(_ kind: CaseKind, cpPlan: Bool) {
        let ch = newChild(school: kind == .offroll ? nil : nil, year: rng.int(5...11), flags: cpPlan ? [.CP] : [])
        let c = newCase(ch, kind, opened: today.adding(days: -rng.int(20...200)), flagged: kind == .cme && rng.chance(0.5))
        let lastSeen = rng.chance(0.7) ? today.adding(days: -rng.int(5...120)) : nil
        out.outOfSchool.append(OutOfSchoolRecord(
            childRef: ch.ref, childAddress: "\(rng.int(1...90)) \(rng.pick(["Mill Lane", "Harbour Road", "Castle Street", "Elm Close"])), Westmarch",
            parent1Name: "\(rng.pick(["Ms", "Mr", "Mrs"])) \(ch.surname)", parent1Address: "Same as child",
            educator: kind == .ehe ? rng.pick(["Mother", "Both parents", "Father and tutor"]) : nil,
            educatorHours: kind == .ehe ? Double(rng.int(10...25)) : nil,
            otherProviders: kind == .ehe && rng.chance(0.5) ? "Westmarch Learning Hub, online maths tutor, 4 h/week (unsupervised 0 h)" : nil,
            lastSeen: lastSeen, lastAnnualContact: kind == .ehe ? today.adding(days: -rng.int(200...420)) : nil,
            s47Enquiry: false, cpPlan: cpPlan, specialSchool: false,
            enquirySchool: kind == .cme ? c.opened.adding(days: 2) : nil,
            enquiryHomeVisit: kind == .cme && rng.chance(0.6) ? c.opened.adding(days: 5) : nil,
            enquirySocialCare: kind == .cme && rng.chance(0.5) ? c.opened.adding(days: 7) : nil))
        if kind == .offroll {
            delSeq += 1
            let school = secondary()
            out.deletions.append(RollDeletion(id: delSeq, childRef: ch.ref, schoolURN: school, date: c.opened.adding(days: -3),
                                              ground: "EHE: parental notice", laNotified: rng.chance(0.4), notifiedOn: nil,
                                              destination: "EHE"))
            chron(c.ref, c.opened, .deletion, "Deleted from roll of \(school) citing EHE; the authority was told late")
        }
    }

    mutating func pruPlan(_ status: ReintegrationPlan.Status) {
        let ch = newChild(school: Schools.pru, year: rng.int(7...10), sen: rng.chance(0.5) ? .support : .ehcp)
        let c = newCase(ch, rng.chance(0.5) ? .exclusion : .partTime, opened: today.adding(days: -rng.int(80...200)))
        planSeq += 1
        let start = status.isEnded ? d("2026-02-23") : schoolDay(d("2026-09-07"), d("2026-10-02"))
        let target = start.adding(days: 7 * 12)
        let to = secondary()
        var plan = ReintegrationPlan(id: planSeq, caseRef: c.ref, fromURN: Schools.pru, toURN: to, start: start, target: target,
                                     reviewEvery: 10, successCriteria: "Full-time at \(to) with no suspensions for half a term",
                                     support: "PRU: outreach worker 2 days/week; CAMHS: fortnightly sessions; school: key adult and safe space",
                                     status: status)
        let sessions = [3, 5, 7, 10]
        for (i, s) in sessions.enumerated() {
            phaseSeq += 1
            out.phases.append(PlanPhase(id: phaseSeq, planId: planSeq, from: start.adding(days: 21 * i), to: start.adding(days: 21 * i + 20),
                                        sessions: s, description: ["three mornings", "mornings", "mornings and two afternoons", "full days"][i]))
        }
        var date = start
        let reviewsCount = status == .active && planSeq == 1 ? 1 : rng.int(2...5)
        for r in 0..<reviewsCount {
            date = (try? calendar.add(10, after: date)) ?? date.adding(days: 14)
            if date > today { break }
            let planned = sessions[min(r, 3)] * 2
            let attended = max(0, planned - rng.int(0...(status == .brokenDown ? planned : 3)))
            reviewSeq += 1
            out.reviews.append(PlanReview(id: reviewSeq, planId: planSeq, date: date, attended: attended, planned: planned,
                                          rag: attended * 10 >= planned * 9 ? .green : attended * 10 >= planned * 6 ? .amber : .red,
                                          working: "Key adult at the gate each morning", notWorking: rng.chance(0.5) ? "Afternoons after lunch" : nil,
                                          pupilVoice: rng.pick(Phrases.pupilVoice), parentVoice: rng.pick(Phrases.parentVoice),
                                          decision: rng.pick([.continue, .stepUp, .stepUp]), author: "pru.head"))
            chron(c.ref, date, .planReview, "Plan \(planSeq) review: \(attended)/\(planned) sessions", author: "pru.head", link: reviewSeq)
        }
        if status.isEnded {
            plan.endedOn = d("2026-07-10")
            plan.endReason = status == .brokenDown ? "Attendance fell away after a family bereavement; back to full PRU place" : nil
            chron(c.ref, d("2026-07-10"), .planEnd, "Plan \(planSeq) ended: \(status.label)")
        }
        out.plans.append(plan)
        chron(c.ref, start, .plan, "Reintegration plan \(planSeq): PRU → \(to)", link: planSeq)
    }

    mutating func randomCase() {
        let kind: CaseKind = rng.pick([.ebsa, .ebsa, .ebsa, .suspension, .suspension, .suspension, .exclusion, .ehe, .offroll, .cme, .partTime, .partTime])
        let primary = rng.chance(0.2)
        let school: String? = kind.isOutOfSchool ? nil : primary ? rng.pick(Schools.primaries).urn : rng.pick(out.schools.filter { $0.phase == .secondary }).urn
        let ch = newChild(school: school, year: primary ? rng.int(1...6) : rng.int(7...11),
                          flags: rng.chance(0.06) ? [.LAC] : rng.chance(0.06) ? [.CP] : [])
        let status: CaseStatus = rng.chance(0.15) ? .closed : rng.chance(0.15) ? .monitoring : rng.chance(0.1) ? .referral : .open
        if kind.isOutOfSchool, status != .closed {
            outOfSightRecordOnly(ch, kind)
        }
        let c = newCase(ch, kind, status: status, flagged: rng.chance(0.05))
        if kind == .suspension || (kind == .ebsa && rng.chance(0.2)) {
            let n = rng.chance(0.15) ? rng.int(5...7) : rng.int(1...3)
            for _ in 0..<n {
                _ = suspend(ch, schoolDay(d("2025-09-08"), today), rng.pick([0.5, 1, 1, 2, 3, 5]), rng.pick(ReasonCode.allCases))
            }
            chronicleSuspensions(ch, [c])
        }
        if kind == .partTime {
            var pc = c
            pc.partTimeEnd = today.adding(days: rng.int(10...80))
            pc.partTimeReview = rng.chance(0.85) ? today.adding(days: rng.int(-10...30)) : nil
            out.cases[out.cases.count - 1] = pc
        }
        if !kind.isOutOfSchool {
            attend(ch, missedFraction: kind == .ebsa ? Double(rng.int(8...70)) / 100 : Double(rng.int(2...25)) / 100, records: rng.int(1...3))
        }
    }

    mutating func outOfSightRecordOnly(_ ch: Child, _ kind: CaseKind) {
        out.outOfSchool.append(OutOfSchoolRecord(childRef: ch.ref, childAddress: "\(rng.int(1...90)) Station Road, Westmarch",
                                                 parent1Name: "Parent of \(ch.forename)",
                                                 educator: kind == .ehe ? "Parent" : nil, educatorHours: kind == .ehe ? 15 : nil,
                                                 lastSeen: rng.chance(0.6) ? today.adding(days: -rng.int(5...150)) : nil,
                                                 lastAnnualContact: kind == .ehe ? today.adding(days: -rng.int(100...400)) : nil))
    }

    mutating func panels() {
        out.panels = [
            Panel(id: 1, date: d("2026-11-19"), type: .inclusion, chair: "Head of Inclusion", status: .closed,
                  startedAt: "2026-11-19T09:30:00Z", endedAt: "2026-11-19T11:05:00Z"),
            Panel(id: 2, date: d("2026-11-26"), type: .inclusion, chair: "Head of Inclusion", status: .planned),
        ]
        let people: [(String, String)] = [("Head of Inclusion", "Westmarch LA"), ("PRU headteacher", "Westmarch PRU"),
                                          ("Deputy head", "Hillcrest Academy"), ("Education welfare lead", "Westmarch LA"),
                                          ("CAMHS link worker", "Westmarch CAMHS"), ("Virtual school head", "Westmarch Virtual School")]
        var id: Int64 = 0
        for (i, p) in people.enumerated() {
            id += 1
            out.attendees.append(PanelAttendee(id: id, panelId: 2, name: Names.professionals[i], organisation: p.1, role: p.0))
        }
        for (i, p) in people.prefix(4).enumerated() {
            id += 1
            out.attendees.append(PanelAttendee(id: id, panelId: 1, name: Names.professionals[i], organisation: p.1, role: p.0))
        }
    }
}
