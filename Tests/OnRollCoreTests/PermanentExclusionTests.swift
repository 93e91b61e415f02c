import XCTest
@testable import OnRollCore

final class PermanentExclusionTests: XCTestCase {
    let cal = testCalendar()

    func pex(_ configure: (inout Suspension) -> Void = { _ in }) -> CaseFile {
        caseFile(kind: .exclusion, suspensions: [susp("2026-11-09", 1, type: .permanent) {
            $0.noticeDate = d("2026-11-09"); configure(&$0)
        }])
    }

    func testOnlyTheFirstStepsBeforeGovernorsMeet() {
        let dl = Clocks.deadlines(for: pex(), calendar: cal, today: d("2026-11-20"))
        XCTAssertEqual(dl.one(DeadlineKind.pexDay6)?.due, d("2026-11-16"))
        XCTAssertEqual(dl.one(DeadlineKind.pexDay6)?.state, .overdue)
        XCTAssertEqual(dl.one(DeadlineKind.pexGovernors)?.due, d("2026-11-30"))
        XCTAssertEqual(dl.one(DeadlineKind.pexGovernors)?.state, .upcoming)
        XCTAssertEqual(dl.one(DeadlineKind.notifyLA)?.state, .overdue)
        for k in [DeadlineKind.pexDecisionLetter, DeadlineKind.pexIRPRequest, DeadlineKind.pexIRPPanel,
                  DeadlineKind.pexReconsider, DeadlineKind.pexOutcome] {
            XCTAssertTrue(dl.of(k).isEmpty, k)
        }
        XCTAssertTrue(dl.of(DeadlineKind.suspensionCap).isEmpty, "a PEx does not count towards the 45 days")
    }

    func testStepSequenceToThePanel() {
        let f = pex {
            $0.governorsMet = d("2026-11-25"); $0.decisionLetter = d("2026-11-26"); $0.reviewRequested = d("2026-12-10")
        }
        let dl = Clocks.deadlines(for: f, calendar: cal, today: d("2027-01-18"))
        XCTAssertEqual(dl.one(DeadlineKind.pexGovernors)?.state, .met)
        XCTAssertEqual(dl.one(DeadlineKind.pexDecisionLetter)?.due, d("2026-11-26"))
        XCTAssertEqual(dl.one(DeadlineKind.pexDecisionLetter)?.state, .met)
        // Window: 15 school days after 26 Nov = Thu 17 Dec.
        XCTAssertEqual(dl.one(DeadlineKind.pexIRPRequest)?.due, d("2026-12-17"))
        XCTAssertEqual(dl.one(DeadlineKind.pexIRPRequest)?.state, .met)
        // Panel: 15 school days after 10 Dec, with Fri 18 Dec a half day: 14.5 by Thu 14 Jan, so Fri 15 Jan.
        XCTAssertEqual(dl.one(DeadlineKind.pexIRPPanel)?.due, d("2027-01-15"))
        XCTAssertEqual(dl.one(DeadlineKind.pexIRPPanel)?.state, .overdue)
        XCTAssertTrue(dl.of(DeadlineKind.pexReconsider).isEmpty)
        XCTAssertTrue(dl.of(DeadlineKind.pexOutcome).isEmpty)
        // Sorted by due date.
        XCTAssertEqual(dl.map(\.due), dl.map(\.due).sorted())
    }

    func testReconsiderationAndOutcome() {
        let base: (inout Suspension) -> Void = {
            $0.governorsMet = d("2026-11-25"); $0.decisionLetter = d("2026-11-26")
            $0.reviewRequested = d("2026-12-10"); $0.reviewPanel = d("2027-01-14"); $0.reconsidered = d("2027-01-27")
        }
        var dl = Clocks.deadlines(for: pex(base), calendar: cal, today: d("2027-02-01"))
        XCTAssertEqual(dl.one(DeadlineKind.pexIRPPanel)?.state, .met)
        XCTAssertEqual(dl.one(DeadlineKind.pexReconsider)?.due, d("2027-01-28"))
        XCTAssertEqual(dl.one(DeadlineKind.pexReconsider)?.state, .met)
        XCTAssertEqual(dl.one(DeadlineKind.pexOutcome)?.state, .overdue)
        XCTAssertEqual(dl.one(DeadlineKind.pexOutcome)?.due, d("2027-01-27"))
        dl = Clocks.deadlines(for: pex { base(&$0); $0.pexOutcome = "off-roll" }, calendar: cal, today: d("2027-02-01"))
        XCTAssertEqual(dl.one(DeadlineKind.pexOutcome)?.state, .met)
    }

    func testWindowClosedWithoutRequest() {
        let f = pex { $0.governorsMet = d("2026-11-25"); $0.decisionLetter = d("2026-11-26") }
        var dl = Clocks.deadlines(for: f, calendar: cal, today: d("2026-12-10"))
        XCTAssertEqual(dl.one(DeadlineKind.pexIRPRequest)?.state, .upcoming)
        XCTAssertEqual(dl.one(DeadlineKind.pexIRPRequest)?.informational, true)
        XCTAssertTrue(dl.of(DeadlineKind.pexOutcome).isEmpty)
        dl = Clocks.deadlines(for: f, calendar: cal, today: d("2027-01-05"))
        XCTAssertEqual(dl.one(DeadlineKind.pexIRPRequest)?.state, .met)
        XCTAssertEqual(dl.one(DeadlineKind.pexOutcome)?.due, d("2026-12-17"))
        XCTAssertEqual(dl.one(DeadlineKind.pexOutcome)?.state, .overdue)
    }

    func testLookedAfterPExDay1() {
        var f = pex()
        f.child.flags = FlagSet([.LAC])
        let dl = Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-09"))
        XCTAssertEqual(dl.one(DeadlineKind.pexDay1)?.due, d("2026-11-09"))
        XCTAssertTrue(dl.of(DeadlineKind.pexDay6).isEmpty)
    }
}
