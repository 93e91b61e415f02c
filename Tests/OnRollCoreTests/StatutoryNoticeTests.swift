import XCTest
@testable import OnRollCore

/// The rules of issue 16.5, each date counted by hand on the test calendar (Fixtures.testCalendar:
/// autumn 2 is Mon 2 Nov – Fri 18 Dec 2026, spring 1 starts Mon 4 Jan 2027, 2026/27 bank holidays from gov.uk).
final class StatutoryNoticeTests: XCTestCase {
    let cal = testCalendar()

    // MARK: Reconsideration after an independent review panel

    func pex(panel: String, _ configure: (inout Suspension) -> Void = { _ in }) -> CaseFile {
        caseFile(kind: .exclusion, suspensions: [susp("2026-11-09", 1, type: .permanent) {
            $0.noticeDate = d("2026-11-09"); $0.governorsMet = d("2026-11-25"); $0.decisionLetter = d("2026-11-26")
            $0.reviewRequested = d("2026-12-10"); $0.reviewPanel = d(panel); configure(&$0)
        }])
    }

    func testWorkingDaysAndDeemedService() {
        // Fri 15 Jan 2027 posted: Mon 18 (1st working day), Tue 19 (2nd) → deemed given Tue 19 Jan.
        XCTAssertEqual(WorkingDays.deemedGiven(sent: d("2027-01-15"), byHand: false), d("2027-01-19"))
        XCTAssertEqual(WorkingDays.deemedGiven(sent: d("2027-01-15"), byHand: true), d("2027-01-15"))
        // Wed 23 Dec 2026: Thu 24 (1); Fri 25 Christmas, the weekend, Mon 28 (Boxing Day substitute) are
        // not working days; Tue 29 (2). A school holiday is still a working day.
        XCTAssertEqual(WorkingDays.deemedGiven(sent: d("2026-12-23"), byHand: false), d("2026-12-29"))
        // Thu 1 Apr 2027: Fri 2 (1), Mon 5 (2): Easter 2027 was 26–29 March.
        XCTAssertEqual(WorkingDays.deemedGiven(sent: d("2027-04-01"), byHand: false), d("2027-04-05"))
        // Thu 2 Apr 2026: Good Friday 3 Apr and Easter Monday 6 Apr are not working days → Tue 7 (1), Wed 8 (2).
        XCTAssertEqual(WorkingDays.deemedGiven(sent: d("2026-04-02"), byHand: false), d("2026-04-08"))
    }

    func testReconsiderationCountsFromDeemedNoticeNotTheHearing() {
        // Panel Thu 14 Jan 2027; decision posted Fri 15 Jan, deemed given Tue 19 Jan. 10 school days after
        // 19 Jan: 20, 21, 22, 25, 26, 27, 28, 29 Jan, 1 Feb, 2 Feb → Tue 2 Feb (from the hearing it was 28 Jan).
        let posted = pex(panel: "2027-01-14") { $0.panelDecisionSent = d("2027-01-15") }
        var r = Clocks.deadlines(for: posted, calendar: cal, today: d("2027-01-29")).one(DeadlineKind.pexReconsider)
        XCTAssertEqual(r?.due, d("2027-02-02"))
        XCTAssertEqual(r?.state, .upcoming, "on 29 Jan it is not yet due: counting from the hearing made it overdue")
        XCTAssertTrue(r?.detail?.contains("deemed given 19 Jan 2027") ?? false, r?.detail ?? "")
        // Delivered by hand on Fri 15 Jan: given that day; 18–22 (5), 25–29 (10) → Fri 29 Jan.
        let hand = pex(panel: "2027-01-14") { $0.panelDecisionSent = d("2027-01-15"); $0.panelDecisionByHand = true }
        r = Clocks.deadlines(for: hand, calendar: cal, today: d("2027-01-29")).one(DeadlineKind.pexReconsider)
        XCTAssertEqual(r?.due, d("2027-01-29"))
        XCTAssertEqual(r?.state, .dueToday)
        // Posted Wed 23 Dec 2026 → deemed Tue 29 Dec; school resumes Mon 4 Jan: 4–8 (5), 11–15 (10) → Fri 15 Jan.
        let xmas = pex(panel: "2026-12-17") { $0.panelDecisionSent = d("2026-12-23"); $0.reconsidered = d("2027-01-15") }
        r = Clocks.deadlines(for: xmas, calendar: cal, today: d("2027-01-20")).one(DeadlineKind.pexReconsider)
        XCTAssertEqual(r?.due, d("2027-01-15"))
        XCTAssertEqual(r?.state, .met)
        // Nothing recorded about the sending: counted from the hearing (the earliest notice could be given) and said so.
        r = Clocks.deadlines(for: pex(panel: "2027-01-14"), calendar: cal, today: d("2027-01-20")).one(DeadlineKind.pexReconsider)
        XCTAssertEqual(r?.due, d("2027-01-28"))
        XCTAssertTrue(r?.detail?.contains("counted from the hearing") ?? false)
    }

    // MARK: Notice of day-6 provision

    func day6(_ configure: (inout Suspension) -> Void = { _ in }) -> CaseFile {
        // Wed 4 Nov, 6 days: day 1 = 4 Nov; day 6 = 5 school days after: 5, 6, 9, 10, 11 → Wed 11 Nov.
        caseFile(suspensions: [susp("2026-11-04", 6, configure: configure)])
    }

    func testDay6NoticeIsDue48HoursBeforeProvision() {
        // 48 hours before Wed 11 Nov → Mon 9 Nov.
        func notice(_ f: CaseFile, today: String) -> Deadline? {
            Clocks.deadlines(for: f, calendar: cal, today: d(today)).one(DeadlineKind.suspensionDay6Notice)
        }
        XCTAssertEqual(Clocks.deadlines(for: day6(), calendar: cal, today: d("2026-11-05")).one(DeadlineKind.suspensionDay6)?.due, d("2026-11-11"))
        XCTAssertEqual(notice(day6(), today: "2026-11-05")?.due, d("2026-11-09"))
        XCTAssertEqual(notice(day6(), today: "2026-11-05")?.state, .upcoming)
        XCTAssertEqual(notice(day6(), today: "2026-11-10")?.state, .overdue)
        XCTAssertEqual(notice(day6 { $0.provisionNotice = d("2026-11-09") }, today: "2026-11-10")?.state, .met)
        XCTAssertEqual(notice(day6 { $0.provisionNotice = d("2026-11-10") }, today: "2026-11-12")?.state, .breached)
        let waived = notice(day6 { $0.provisionNoticeWaived = true }, today: "2026-11-12")
        XCTAssertEqual(waived?.state, .met)
        XCTAssertTrue(waived?.detail?.contains("waived") ?? false)
        // No day-6 clock (5 days or fewer), no notice clock; a looked-after child's day-1 provision has none either.
        XCTAssertTrue(Clocks.deadlines(for: caseFile(suspensions: [susp("2026-11-04", 5)]), calendar: cal, today: d("2026-11-05"))
            .of(DeadlineKind.suspensionDay6Notice).isEmpty)
        XCTAssertTrue(Clocks.deadlines(for: caseFile(flags: [.LAC], suspensions: [susp("2026-11-04", 6)]), calendar: cal,
                                       today: d("2026-11-05")).of(DeadlineKind.suspensionDay6Notice).isEmpty)
    }

    // MARK: A missed public exam

    func testExamDateBringsTheGovernorsDeadlineForward() {
        // Mon 9 Nov, 3 days, exam missed: 15 school days after 9 Nov: 10–13 (4), 16–20 (9), 23–27 (14), Mon 30 Nov.
        func exam(_ date: String?) -> Deadline? {
            let f = caseFile(suspensions: [susp("2026-11-09", 3) { $0.examMissed = true; $0.examDate = date.map { d($0) } }])
            return Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-10")).one(DeadlineKind.governorsExam)
        }
        XCTAssertEqual(exam(nil)?.due, d("2026-11-30"))
        // Exam Thu 19 Nov: the meeting is due the day before, Wed 18 Nov.
        XCTAssertEqual(exam("2026-11-19")?.due, d("2026-11-18"))
        XCTAssertTrue(exam("2026-11-19")?.detail?.contains("brought forward") ?? false)
        // Exam Fri 4 Dec, after the 15 days: 30 Nov stands.
        XCTAssertEqual(exam("2026-12-04")?.due, d("2026-11-30"))
        // An exam date alone raises the clock (the flag is implied).
        let dated = caseFile(suspensions: [susp("2026-11-09", 3) { $0.examDate = d("2026-11-19") }])
        XCTAssertEqual(Clocks.deadlines(for: dated, calendar: cal, today: d("2026-11-10")).one(DeadlineKind.governorsExam)?.due, d("2026-11-18"))
        // A permanent exclusion's governors' meeting likewise: notice 9 Nov, 30 Nov → 18 Nov.
        let p = caseFile(kind: .exclusion, suspensions: [susp("2026-11-09", 1, type: .permanent) {
            $0.noticeDate = d("2026-11-09"); $0.examDate = d("2026-11-19")
        }])
        XCTAssertEqual(Clocks.deadlines(for: p, calendar: cal, today: d("2026-11-10")).one(DeadlineKind.pexGovernors)?.due, d("2026-11-18"))
    }

    func testExamDateBringsTheFifteenDayTermClockForward() {
        // 16 days from Mon 2 Nov passes 15 in the autumn term; notice = start, due 15 SD after 2 Nov:
        // 3–6 (4), 9–13 (9), 16–20 (14), Mon 23 Nov. Exam Fri 13 Nov → due Thu 12 Nov.
        let f = caseFile(suspensions: [susp("2026-11-02", 16) { $0.examDate = d("2026-11-13") }])
        let g = Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-03")).one(DeadlineKind.governors15)
        XCTAssertEqual(g?.due, d("2026-11-12"))
    }

    // MARK: Off-site directions

    func offsite(_ configure: (inout Case) -> Void) -> CaseFile { caseFile(kind: .suspension, configure: configure) }

    func testOffsiteNoticeTwoSchoolDaysBefore() {
        // First day Thu 19 Nov: Wed 18 (1), Tue 17 (2) → notice by Tue 17 Nov.
        func notice(_ n: String?, first: String = "2026-11-19", today: String = "2026-11-20") -> Deadline? {
            Clocks.deadlines(for: offsite { $0.offsiteFirstDay = d(first); $0.offsiteNotice = n.map { d($0) } },
                             calendar: cal, today: d(today)).one(DeadlineKind.offsiteNotice)
        }
        XCTAssertEqual(notice(nil)?.due, d("2026-11-17"))
        XCTAssertEqual(notice(nil)?.state, .overdue)
        XCTAssertEqual(notice("2026-11-17")?.state, .met)
        XCTAssertEqual(notice("2026-11-18")?.state, .breached)
        // First day Mon 2 Nov, after half term: Fri 23 Oct (1), Thu 22 Oct (2).
        XCTAssertEqual(notice(nil, first: "2026-11-02", today: "2026-10-20")?.due, d("2026-10-22"))
        // With an EHC plan the LA must be told too.
        var f = offsite { $0.offsiteFirstDay = d("2026-11-19") }
        f.child.sen = .ehcp
        XCTAssertTrue(Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-10")).one(DeadlineKind.offsiteNotice)?.detail?.contains("LA") ?? false)
    }

    func testOffsiteReviewOnRequestUnlessHeldInTheTenWeeksBefore() {
        // Requested Mon 23 Nov; 10 school days after: 24–27 (4), 30 Nov–4 Dec (9), Mon 7 Dec.
        func review(held: String?, today: String = "2026-11-24") -> Deadline? {
            Clocks.deadlines(for: offsite {
                $0.offsiteFirstDay = d("2026-09-14"); $0.offsiteNotice = d("2026-09-10")
                $0.offsiteReviewRequested = d("2026-11-23"); $0.offsiteReviewHeld = held.map { d($0) }
            }, calendar: cal, today: d(today)).one(DeadlineKind.offsiteReview)
        }
        XCTAssertEqual(review(held: nil)?.due, d("2026-12-07"))
        XCTAssertEqual(review(held: nil)?.state, .upcoming)
        XCTAssertEqual(review(held: nil, today: "2026-12-08")?.state, .overdue)
        // 10 weeks before 23 Nov is 14 Sep (70 days): a review on 14 Sep or later means none is required.
        XCTAssertEqual(review(held: "2026-09-14")?.state, .met)
        XCTAssertEqual(review(held: "2026-09-14")?.informational, true)
        XCTAssertEqual(review(held: "2026-09-13")?.state, .upcoming)
        XCTAssertEqual(review(held: "2026-09-13")?.due, d("2026-12-07"))
        // The review that answers the request, on time.
        XCTAssertEqual(review(held: "2026-12-01", today: "2026-12-02")?.state, .met)
        XCTAssertEqual(review(held: "2026-12-08", today: "2026-12-09")?.state, .breached)
        // No request, no review clock.
        XCTAssertTrue(Clocks.deadlines(for: offsite { $0.offsiteFirstDay = d("2026-11-19") }, calendar: cal, today: d("2026-11-20"))
            .of(DeadlineKind.offsiteReview).isEmpty)
    }

    func testSubtractSchoolDays() throws {
        XCTAssertEqual(try cal.subtract(2, before: d("2026-11-19")), d("2026-11-17"))
        XCTAssertEqual(try cal.subtract(1, before: d("2026-11-02")), d("2026-10-23"))
        // 19 Dec is Saturday after the half day of Fri 18 Dec (0.5): 18 (0.5), 17 (1.5), 16 (2.5) → Wed 16 Dec.
        XCTAssertEqual(try cal.subtract(2, before: d("2026-12-19")), d("2026-12-16"))
        XCTAssertThrowsError(try testCalendar(withPreviousYear: false).subtract(2, before: d("2026-09-08")))
    }

    // MARK: A referral nobody owns

    func testUnownedReferralClimbsPerSchoolDay() {
        let today = d("2026-11-23")
        // CME referral opened Mon 16 Nov, no owner, SEN support. School days waited (16 Nov not counted):
        // 17, 18, 19, 20, 23 → 5. Without the term: kind.cme 12 + status.referral 3 + sen.support 2 = 17.
        // With it: 5 × 5 = 25 → 42.
        let cme = caseFile(kind: .cme, status: .referral, opened: "2026-11-16", sen: .support)
        let a = CaseAssessment.assess(file: cme, calendar: cal, today: today)
        XCTAssertEqual(a.triage.reasons.first { $0.factor == UnownedReferral.factor }?.points, 25)
        XCTAssertEqual(a.triage.score, 42)
        var off = TriageWeights()
        try! off.set(UnownedReferral.factor, 0)
        XCTAssertEqual(CaseAssessment.assess(file: cme, calendar: cal, today: today, weights: off).triage.score, 17)
        // A part-time timetable at 38: kind 4 + CP 10 + looked after 8 + EHC plan 4 + 2 overdue (end and
        // review both 20 Nov) × 6 = 38.
        var pt = caseFile(kind: .partTime, opened: "2026-10-05", flags: [.CP, .LAC], sen: .ehcp) {
            $0.partTimeEnd = d("2026-11-20"); $0.partTimeReview = d("2026-11-20")
        }
        pt.case.ref = "K2"
        let b = CaseAssessment.assess(file: pt, calendar: cal, today: today)
        XCTAssertEqual(b.triage.score, 38)
        let ranked = AssessedCase.ranked([AssessedCase(file: pt, assessment: b), AssessedCase(file: cme, assessment: a)])
        XCTAssertEqual(ranked.map(\.file.case.ref), ["K1", "K2"], "a week-old unowned CME referral outranks the part-time timetable")
        // Owned, or past the referral stage: no term.
        var owned = cme; owned.case.owner = "amy"
        XCTAssertEqual(CaseAssessment.assess(file: owned, calendar: cal, today: today).triage.score, 17)
        var open = cme; open.case.status = .open
        XCTAssertNil(CaseAssessment.assess(file: open, calendar: cal, today: today).triage.reasons.first { $0.factor == UnownedReferral.factor })
        // Opened Mon 2 Nov: 3 Nov – 23 Nov is 15 school days, counted to 6 → 30.
        let old = caseFile(kind: .cme, status: .referral, opened: "2026-11-02")
        let r = CaseAssessment.assess(file: old, calendar: cal, today: today).triage.reasons.first { $0.factor == UnownedReferral.factor }
        XCTAssertEqual(r?.points, 30)
        XCTAssertTrue(r?.detail.contains("counted to 6") ?? false, r?.detail ?? "")
    }

    func testUnownedReferralSummaryHoldsOnlyToTheNextSchoolDay() {
        // The term is in the summary's fixed part (SQL can't count school days), so the summary is
        // stale from the next school day: Fri 20 Nov → Mon 23 Nov; Mon 23 → Tue 24.
        let cme = caseFile(kind: .cme, status: .referral, opened: "2026-11-16")
        for (asOf, next) in [("2026-11-20", "2026-11-23"), ("2026-11-23", "2026-11-24")] {
            let a = CaseAssessment.assess(file: cme, calendar: cal, today: d(asOf))
            let s = CaseSummary.make(file: cme, assessment: a, weights: TriageWeights())
            XCTAssertEqual(s.validUntil, d(next))
            // While it is current, the summary's score is a fresh assessment's.
            var day = d(asOf)
            while day < s.validUntil {
                XCTAssertEqual(s.score(on: day), CaseAssessment.assess(file: cme, calendar: cal, today: day).triage.score, "\(day)")
                day = day.adding(days: 1)
            }
        }
        // At the cap it no longer changes: opened 2 Nov, on 23 Nov the summary is not held to the next day.
        let old = caseFile(kind: .cme, status: .referral, opened: "2026-11-02")
        XCTAssertNil(CaseAssessment.assess(file: old, calendar: cal, today: d("2026-11-23")).scoreGrowsOn)
    }
}
