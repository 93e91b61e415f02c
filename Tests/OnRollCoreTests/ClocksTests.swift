import XCTest
@testable import OnRollCore

final class ClocksTests: XCTestCase {
    let cal = testCalendar()

    func testDeadlineStates() {
        XCTAssertEqual(DeadlineState.of(due: d("2026-11-10"), done: d("2026-11-10"), today: d("2026-12-01")), .met)
        XCTAssertEqual(DeadlineState.of(due: d("2026-11-10"), done: d("2026-11-11"), today: d("2026-12-01")), .breached)
        XCTAssertEqual(DeadlineState.of(due: d("2026-11-10"), done: nil, today: d("2026-11-11")), .overdue)
        XCTAssertEqual(DeadlineState.of(due: d("2026-11-10"), done: nil, today: d("2026-11-10")), .dueToday)
        XCTAssertEqual(DeadlineState.of(due: d("2026-11-10"), done: nil, today: d("2026-11-09")), .upcoming)
        XCTAssertEqual(try DeadlineState.parse("no-calendar"), .noCalendar)
        XCTAssertEqual(DeadlineState.dueToday.rawValue, "due-today")
    }

    func testPartTimeMissingReviewDate() {
        let f = caseFile(kind: .partTime, opened: "2026-11-02") { $0.partTimeEnd = d("2026-12-18") }
        let dl = Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-12"))
        XCTAssertEqual(dl.one(DeadlineKind.partTimeNoReview)?.state, .breached)
        XCTAssertEqual(dl.one(DeadlineKind.partTimeNoReview)?.title, "No review date set")
        XCTAssertEqual(dl.one(DeadlineKind.partTimeEnd)?.state, .upcoming)
        let none = caseFile(kind: .partTime, opened: "2026-11-02")
        let dl2 = Clocks.deadlines(for: none, calendar: cal, today: d("2026-11-12"))
        XCTAssertEqual(dl2.one(DeadlineKind.partTimeNoEnd)?.state, .breached)
        XCTAssertEqual(dl2.one(DeadlineKind.partTimeNoReview)?.state, .breached)
    }

    func testPartTimeReviewOverdue() {
        let f = caseFile(kind: .partTime) { $0.partTimeEnd = d("2026-12-18"); $0.partTimeReview = d("2026-11-10") }
        let dl = Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-12"))
        XCTAssertEqual(dl.one(DeadlineKind.partTimeReview)?.state, .overdue)
        XCTAssertTrue(dl.of(DeadlineKind.partTimeNoReview).isEmpty)
    }

    func testEHCWeeks6_16_20() {
        // Request Tue 1 Sep 2026: +42 = 13 Oct, +112 = 22 Dec, +140 = 19 Jan 2027 (calendar weeks).
        let f = caseFile(kind: .ebsa) { $0.ehcRequest = d("2026-09-01") }
        let dl = Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-01"))
        XCTAssertEqual(dl.one(DeadlineKind.ehcWeek6)?.due, d("2026-10-13"))
        XCTAssertEqual(dl.one(DeadlineKind.ehcWeek6)?.state, .overdue)
        XCTAssertEqual(dl.one(DeadlineKind.ehcWeek16)?.due, d("2026-12-22"))
        XCTAssertEqual(dl.one(DeadlineKind.ehcWeek20)?.due, d("2027-01-19"))
        XCTAssertEqual(dl.one(DeadlineKind.ehcWeek20)?.state, .upcoming)
        let issued = caseFile(kind: .ebsa) { $0.ehcRequest = d("2026-09-01"); $0.ehcLastReview = d("2027-01-10") }
        let dl2 = Clocks.deadlines(for: issued, calendar: cal, today: d("2027-02-01"))
        XCTAssertEqual(dl2.one(DeadlineKind.ehcWeek20)?.state, .met)
        XCTAssertEqual(dl2.one(DeadlineKind.ehcWeek6)?.state, .met)
        XCTAssertEqual(dl2.one(DeadlineKind.ehcAnnualReview)?.due, d("2028-01-10"))
        let late = caseFile(kind: .ebsa) { $0.ehcRequest = d("2026-09-01"); $0.ehcLastReview = d("2027-01-20") }
        XCTAssertEqual(Clocks.deadlines(for: late, calendar: cal, today: d("2027-02-01")).one(DeadlineKind.ehcWeek20)?.state, .breached)
    }

    func testEHCRecordedStepsAreJudgedByTheirOwnDates() {
        // Decision on 9 Oct, within 6 weeks (13 Oct): met. On 20 Oct: breached, whatever happens after.
        let onTime = caseFile(kind: .ebsa) { $0.ehcRequest = d("2026-09-01"); $0.ehcDecision = d("2026-10-09") }
        XCTAssertEqual(Clocks.deadlines(for: onTime, calendar: cal, today: d("2026-11-01")).one(DeadlineKind.ehcWeek6)?.state, .met)
        let late = caseFile(kind: .ebsa) {
            $0.ehcRequest = d("2026-09-01"); $0.ehcDecision = d("2026-10-20"); $0.ehcLastReview = d("2027-01-10")
        }
        XCTAssertEqual(Clocks.deadlines(for: late, calendar: cal, today: d("2027-02-01")).one(DeadlineKind.ehcWeek6)?.state, .breached)
        // A notice that no plan will be issued ends the clock: week 16 met, no week-20 deadline.
        let noPlan = caseFile(kind: .ebsa) { $0.ehcRequest = d("2026-09-01"); $0.ehcDecision = d("2026-10-09"); $0.ehcNoPlanNotice = d("2026-12-15") }
        let dl = Clocks.deadlines(for: noPlan, calendar: cal, today: d("2027-02-01"))
        XCTAssertEqual(dl.one(DeadlineKind.ehcWeek16)?.state, .met)
        XCTAssertTrue(dl.of(DeadlineKind.ehcWeek20).isEmpty)
    }

    func testFairAccess20SchoolDays() {
        // Accepted Mon 2 Nov: 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Mon 30 Nov (20).
        func state(_ placed: String?, today: String) -> Deadline? {
            let f = caseFile(kind: .offroll) { $0.fairAccessAccepted = d("2026-11-02"); $0.fairAccessPlaced = placed.map { d($0) } }
            return Clocks.deadlines(for: f, calendar: cal, today: d(today)).one(DeadlineKind.fairAccessPlace)
        }
        XCTAssertEqual(state(nil, today: "2026-11-20")?.due, d("2026-11-30"))
        XCTAssertEqual(state("2026-11-30", today: "2026-12-05")?.state, .met)
        XCTAssertEqual(state("2026-12-01", today: "2026-12-05")?.state, .breached)
        XCTAssertEqual(state(nil, today: "2026-12-01")?.state, .overdue)
    }

    func testMissingCalendarIsADeadlineNotAThrowOrAGuess() {
        let f = caseFile(suspensions: [susp("2027-09-13", 6)]) { $0.fairAccessAccepted = d("2027-07-12") }
        let dl = Clocks.deadlines(for: f, calendar: cal, today: d("2027-09-14"))
        let missing = dl.of(DeadlineKind.calendarMissing)
        XCTAssertEqual(missing.count, 1)
        XCTAssertEqual(missing.first?.state, .noCalendar)
        XCTAssertEqual(missing.first?.title, "Import 2027/28 term dates")
        XCTAssertTrue(missing.first?.detail?.contains("2027/28") ?? false)
        XCTAssertTrue(dl.of(DeadlineKind.suspensionDay6).isEmpty)
        XCTAssertTrue(dl.of(DeadlineKind.fairAccessPlace).isEmpty)
        XCTAssertEqual(dl.one(DeadlineKind.notifyLA)?.state, .overdue, "clocks that need no school days still run")
    }

    func testCMEAndEHE() {
        var f = caseFile(kind: .cme, opened: "2026-11-02")
        f.outOfSchool = OutOfSchoolRecord(childRef: "C1", enquirySchool: d("2026-11-03"), enquiryHomeVisit: d("2026-11-04"))
        let dl = Clocks.deadlines(for: f, calendar: cal, today: d("2026-12-01"))
        XCTAssertEqual(dl.one(DeadlineKind.cmeEnquiries)?.due, d("2026-11-30"))
        XCTAssertEqual(dl.one(DeadlineKind.cmeEnquiries)?.state, .overdue)
        XCTAssertTrue(dl.one(DeadlineKind.cmeEnquiries)?.detail?.contains("2 of 7") ?? false)
        XCTAssertEqual(dl.one(DeadlineKind.cmeLostPupil)?.state, .overdue)
        var e = caseFile(kind: .ehe, opened: "2025-10-01")
        e.outOfSchool = OutOfSchoolRecord(childRef: "C1", lastAnnualContact: d("2025-11-20"))
        let de = Clocks.deadlines(for: e, calendar: cal, today: d("2026-12-01"))
        XCTAssertEqual(de.one(DeadlineKind.eheAnnualContact)?.due, d("2026-11-20"))
        XCTAssertEqual(de.one(DeadlineKind.eheAnnualContact)?.state, .overdue)
    }

    func testReviewsAndActions() {
        var f = caseFile(kind: .ebsa) { $0.nextReview = d("2026-11-20") }
        f.actions = [
            CaseAction(id: 1, caseRef: "K1", agency: "school", description: "Send timetable", due: d("2026-11-10"), created: d("2026-11-01")),
            CaseAction(id: 2, caseRef: "K1", agency: "CAMHS", description: "Assess", due: d("2026-11-01"), status: .done, created: d("2026-10-01")),
        ]
        f.plans = [PlanDetail(plan: ReintegrationPlan(id: 1, caseRef: "K1", fromURN: "1", toURN: "2", start: d("2026-11-02"),
                                                      target: d("2027-02-01"), reviewEvery: 10))]
        let dl = Clocks.deadlines(for: f, calendar: cal, today: d("2026-11-12"))
        XCTAssertEqual(dl.one(DeadlineKind.actionDue)?.state, .overdue)
        XCTAssertEqual(dl.one(DeadlineKind.caseReview)?.state, .upcoming)
        XCTAssertEqual(dl.one(DeadlineKind.planReview)?.due, d("2026-11-16"))
    }
}
