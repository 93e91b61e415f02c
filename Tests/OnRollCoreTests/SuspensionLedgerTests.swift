import XCTest
@testable import OnRollCore

final class SuspensionLedgerTests: XCTestCase {
    let cal = testCalendar()
    /// Nine 5-day suspensions, each Mon–Fri, a fortnight apart (never back to back): 45 days.
    let nineFives = ["2026-09-14", "2026-09-28", "2026-10-12", "2026-11-02", "2026-11-16", "2026-11-30",
                     "2027-01-04", "2027-01-18", "2027-02-01"]

    func ledger(_ s: [Suspension], lookedAfter: Bool = false) -> SuspensionLedger {
        SuspensionLedger.build(suspensions: s, year: y2026, calendar: cal, lookedAfter: lookedAfter)
    }

    func testExactly45IsAtTheCapNotABreach() {
        let l = ledger(nineFives.map { susp($0, 5) })
        XCTAssertEqual(l.total, 45)
        XCTAssertEqual(l.capStatus, .atCap)
        XCTAssertNil(l.overCap)
        XCTAssertEqual(l.remaining, 0)
        let f = caseFile(suspensions: nineFives.map { susp($0, 5) })
        let cap = Clocks.deadlines(for: f, calendar: cal, today: d("2027-02-10")).one(DeadlineKind.suspensionCap)
        XCTAssertEqual(cap?.state, .upcoming)
        XCTAssertEqual(cap?.due, d("2027-07-31"))
    }

    func testOver45IsABreachFlaggedOnTheSuspensionThatPassedIt() {
        let list = nineFives.map { susp($0, 5) } + [susp("2027-02-22", 0.5)]
        let l = ledger(list)
        XCTAssertEqual(l.total, 45.5)
        XCTAssertEqual(l.capStatus, .over)
        XCTAssertEqual(l.overCap?.start, d("2027-02-22"))
        let cap = Clocks.deadlines(for: caseFile(suspensions: list), calendar: cal, today: d("2027-03-01"))
            .one(DeadlineKind.suspensionCap)
        XCTAssertEqual(cap?.state, .breached)
        XCTAssertEqual(cap?.due, d("2027-02-22"))
    }

    func testNearingFrom35AndYearBoundaryAndOtherSchools() {
        var list = Array(nineFives.prefix(7)).map { susp($0, 5) }       // 35 days
        list[0].schoolURN = "100001"; list[1].schoolURN = "100002"          // every school counts
        list.append(susp("2026-07-06", 5))                                 // 2025/26: not counted
        let l = ledger(list)
        XCTAssertEqual(l.total, 35)
        XCTAssertEqual(l.capStatus, .nearing)
        XCTAssertEqual(SuspensionLedger.CapStatus.of(34.5), .within)
    }

    func testPerTermTotalsAndThresholdSuspensions() {
        let a = susp("2026-09-14", 10), b = susp("2026-10-05", 6), c = susp("2027-01-11", 6)
        let l = ledger([a, b, c])
        XCTAssertEqual(l.term(.autumn).days, 16)
        XCTAssertEqual(l.term(.autumn).count, 2)
        XCTAssertEqual(l.term(.autumn).overFive, a)
        XCTAssertEqual(l.term(.autumn).overFifteen, b)
        XCTAssertEqual(l.term(.spring).days, 6)
        XCTAssertEqual(l.term(.spring).overFive, c)
        XCTAssertNil(l.term(.spring).overFifteen)
        XCTAssertEqual(l.term(.summer).days, 0)
    }

    func testDay6ForASuspensionSpanningHalfTerm() {
        // Wed 21 Oct is day 1; Thu 22, Fri 23, [half term], Mon 2, Tue 3 are days 2–5; Wed 4 Nov is day 6.
        let f = caseFile(suspensions: [susp("2026-10-21", 6)])
        XCTAssertEqual(Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-03")).one(DeadlineKind.suspensionDay6)?.due,
                       d("2026-11-04"))
        XCTAssertEqual(Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-03")).one(DeadlineKind.suspensionDay6)?.state,
                       .upcoming)
        XCTAssertEqual(Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-05")).one(DeadlineKind.suspensionDay6)?.state,
                       .overdue)
        let met = caseFile(suspensions: [susp("2026-10-21", 6) { $0.provisionFrom = d("2026-11-04") }])
        XCTAssertEqual(Clocks.deadlines(for: met, calendar: cal, today: d("2026-11-20")).one(DeadlineKind.suspensionDay6)?.state, .met)
        let late = caseFile(suspensions: [susp("2026-10-21", 6) { $0.provisionFrom = d("2026-11-05") }])
        XCTAssertEqual(Clocks.deadlines(for: late, calendar: cal, today: d("2026-11-20")).one(DeadlineKind.suspensionDay6)?.state, .breached)
    }

    func testFiveDaysNeedsNoDay6() {
        let f = caseFile(suspensions: [susp("2026-11-16", 5)])
        XCTAssertTrue(Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-17")).of(DeadlineKind.suspensionDay6).isEmpty)
    }

    func testBackToBackSuspensionsAddUp() {
        // Mon 16–Wed 18 Nov (3 days), then Thu 19, Fri 20, Mon 23 (3 days): one run of 6, day 6 = Mon 23 Nov.
        // Wed 25 Nov (2 days) follows a gap (Tue 24) so starts a new run.
        let list = [susp("2026-11-16", 3), susp("2026-11-19", 3), susp("2026-11-25", 2)]
        let l = ledger(list)
        XCTAssertEqual(l.runs.count, 2)
        XCTAssertEqual(l.runs[0].days, 6)
        XCTAssertEqual(l.runs[0].start, d("2026-11-16"))
        XCTAssertEqual(l.runs[0].end, d("2026-11-23"))
        XCTAssertEqual(l.runs[0].provisionDue, d("2026-11-23"))
        XCTAssertNil(l.runs[1].provisionDue)
        let dl = Clocks.deadlines(for: caseFile(suspensions: list), calendar: cal, today: d("2026-11-20"))
        XCTAssertEqual(dl.one(DeadlineKind.suspensionDay6)?.due, d("2026-11-23"))
        // Six 1-day suspensions on consecutive school days: AP on day 6 (over a weekend too).
        let ones = ["2026-11-05", "2026-11-06", "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12"].map { susp($0, 1) }
        XCTAssertEqual(ledger(ones).runs.map(\.provisionDue), [d("2026-11-12")])
    }

    func testLookedAfterChildNeedsProvisionFromDay1() {
        let f = caseFile(flags: [.LAC], suspensions: [susp("2026-11-10", 1)])
        let dl = Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-10"))
        XCTAssertEqual(dl.one(DeadlineKind.suspensionDay1)?.due, d("2026-11-10"))
        XCTAssertEqual(dl.one(DeadlineKind.suspensionDay1)?.state, .dueToday)
        XCTAssertTrue(dl.of(DeadlineKind.suspensionDay6).isEmpty)
        XCTAssertEqual(dl.one(DeadlineKind.notifyVirtualSchool)?.state, .dueToday)
        XCTAssertEqual(dl.one(DeadlineKind.notifySocialWorker)?.state, .dueToday)
    }

    func testGovernors15DaysFromTheSuspensionThatPassed15InATerm() {
        // 10 then 6 days in autumn: the second takes the term to 16. No notice date: its start, Mon 5 Oct.
        // 15 school days after 5 Oct: 6–9 Oct (4), 12–16 (9), 19–23 (14), half term, Mon 2 Nov (15).
        let list = [susp("2026-09-14", 10), susp("2026-10-05", 6)]
        var dl = Clocks.deadlines(for: caseFile(suspensions: list), calendar: cal, today: d("2026-10-20"))
        XCTAssertEqual(dl.one(DeadlineKind.governors15)?.due, d("2026-11-02"))
        XCTAssertEqual(dl.one(DeadlineKind.governors15)?.state, .upcoming)
        XCTAssertTrue(dl.of(DeadlineKind.governors50).isEmpty, "the 15-day duty supersedes the 50-day one")
        // With a recorded notice date of Fri 2 Oct: 5–9 (5), 12–16 (10), 19–23 Oct (15).
        let noticed = [susp("2026-09-14", 10), susp("2026-10-05", 6) { $0.noticeDate = d("2026-10-02"); $0.governorsMet = d("2026-10-20") }]
        dl = Clocks.deadlines(for: caseFile(suspensions: noticed), calendar: cal, today: d("2026-11-20"))
        XCTAssertEqual(dl.one(DeadlineKind.governors15)?.due, d("2026-10-23"))
        XCTAssertEqual(dl.one(DeadlineKind.governors15)?.state, .met)
    }

    func testGovernors50IsInformational() {
        // Spring: 6 days from Mon 11 Jan. 50 school days after: 24 to 12 Feb, 48 to 25 Mar, then 12, 13 Apr.
        let dl = Clocks.deadlines(for: caseFile(suspensions: [susp("2027-01-11", 6)]), calendar: cal, today: d("2027-01-20"))
        let g = dl.one(DeadlineKind.governors50)
        XCTAssertEqual(g?.due, d("2027-04-13"))
        XCTAssertEqual(g?.informational, true)
        XCTAssertTrue(dl.of(DeadlineKind.governors15).isEmpty)
    }

    func testMissedExamNeedsGovernors() {
        let dl = Clocks.deadlines(for: caseFile(suspensions: [susp("2026-11-09", 2) { $0.examMissed = true }]),
                                  calendar: cal, today: d("2026-12-01"))
        XCTAssertEqual(dl.one(DeadlineKind.governorsExam)?.due, d("2026-11-30"))
        XCTAssertEqual(dl.one(DeadlineKind.governorsExam)?.state, .overdue)
    }

    func testNotificationChecklist() {
        let s = susp("2026-11-09", 2) { $0.notifiedLA = d("2026-11-09"); $0.notifiedHomeLA = d("2026-11-11") }
        var dl = Clocks.deadlines(for: caseFile(flags: [.CIN], suspensions: [s]), calendar: cal, today: d("2026-11-12"))
        XCTAssertEqual(dl.one(DeadlineKind.notifyLA)?.state, .met)
        XCTAssertEqual(dl.one(DeadlineKind.notifySocialWorker)?.state, .overdue)
        XCTAssertTrue(dl.of(DeadlineKind.notifyVirtualSchool).isEmpty)
        XCTAssertEqual(dl.one(DeadlineKind.notifyHomeLA)?.state, .breached)   // told two days late
        dl = Clocks.deadlines(for: caseFile(suspensions: [susp("2026-11-09", 2)]), calendar: cal, today: d("2026-11-12"))
        XCTAssertTrue(dl.of(DeadlineKind.notifySocialWorker).isEmpty)
        XCTAssertTrue(dl.of(DeadlineKind.notifyHomeLA).isEmpty)
    }
}
