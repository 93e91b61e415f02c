import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// A reintegration plan walked through its phases, reviews and each way it can end.
final class PlanWorkflowTests: XCTestCase {
    func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }

    func newPlan(_ f: StoreFixture, _ ref: String = "WM-00001") throws -> ReintegrationPlan {
        try f.store.newPlan(user: "pru.head", ReintegrationPlan(caseRef: ref, fromURN: "140002", toURN: "140001", start: d("2026-09-14"),
                                                                 target: d("2026-12-18"), reviewEvery: 10, successCriteria: "Full time by Christmas",
                                                                 support: "CAMHS: weekly session"))
    }

    func testPlanThroughPhasesReviewsAndCompletion() throws {
        let f = try StoreFixture()
        // The step-up below needs the calendar: the next phase starts the school day after the review.
        try f.imp(.terms, """
            academic_year,term,start,end,closures
            2026/27,autumn,2026-09-02,2026-12-18,
            """)
        let plan = try newPlan(f)
        let id = try XCTUnwrap(plan.id)
        XCTAssertEqual(plan.status, .active)
        try f.store.addPhase(user: "pru.head", PlanPhase(planId: id, from: d("2026-09-14"), to: d("2026-10-09"), sessions: 4, description: "mornings"))
        try f.store.addPhase(user: "pru.head", PlanPhase(planId: id, from: d("2026-10-12"), to: d("2026-11-20"), sessions: 7))
        // A phase that overlaps, runs backwards or asks for 11 sessions is refused, and nothing is written.
        let auditBefore = try f.store.auditLog().count
        XCTAssertThrowsError(try f.store.addPhase(user: "x", PlanPhase(planId: id, from: d("2026-10-01"), to: d("2026-10-20"), sessions: 5)))
        XCTAssertThrowsError(try f.store.addPhase(user: "x", PlanPhase(planId: id, from: d("2026-12-01"), to: d("2026-11-30"), sessions: 5)))
        XCTAssertThrowsError(try f.store.addPhase(user: "x", PlanPhase(planId: id, from: d("2026-11-23"), to: d("2026-12-18"), sessions: 11)))
        XCTAssertEqual(try f.store.auditLog().count, auditBefore)

        try f.store.addPlanReview(user: "pru.head", PlanReview(planId: id, date: d("2026-09-28"), attended: 7, planned: 8, rag: .green,
                                                               working: "Mornings with a key adult", decision: .stepUp, author: "pru.head"))
        try f.store.addPlanReview(user: "pru.head", PlanReview(planId: id, date: d("2026-10-12"), attended: 6, planned: 14, rag: .red,
                                                               notWorking: "Afternoons", pupilVoice: "Too noisy after lunch",
                                                               parentVoice: "She is tired by Wednesday", decision: .pause, author: "pru.head"))
        XCTAssertEqual(try f.store.plan(id).plan.status, .paused, "a decision to pause pauses the plan")
        try f.store.addPlanReview(user: "pru.head", PlanReview(planId: id, date: d("2026-10-26"), attended: 12, planned: 14, rag: .amber,
                                                               decision: .continue, author: "pru.head"))
        XCTAssertEqual(try f.store.plan(id).plan.status, .active, "continue after a pause makes it active again")
        XCTAssertThrowsError(try f.store.addPlanReview(user: "x", PlanReview(planId: id, date: d("2026-11-02"), attended: 9, planned: 8, rag: .green, author: "x")),
                             "attended more than planned")

        let detail = try f.store.plan(id)
        XCTAssertEqual(detail.phases.map(\.sessions), [4, 7])
        XCTAssertEqual(detail.reviews.map(\.rag), [.green, .red, .amber])
        XCTAssertEqual(PlanSchedule.attendanceSeries(detail), [7.0 / 8, 6.0 / 14, 12.0 / 14])
        XCTAssertEqual(PlanSchedule.sparkline(PlanSchedule.attendanceSeries(detail)), "▇▄▇")

        let ended = try f.store.endPlan(user: "pru.head", id: id, outcome: .completed, reason: nil, date: d("2026-11-20"))
        XCTAssertEqual(ended.status, .completed)
        XCTAssertEqual(ended.endedOn, d("2026-11-20"))
        XCTAssertThrowsError(try f.store.endPlan(user: "x", id: id, outcome: .extended, reason: nil, date: f.today), "an ended plan cannot end again")
        XCTAssertThrowsError(try f.store.addPlanReview(user: "x", PlanReview(planId: id, date: f.today, attended: 1, planned: 2, rag: .red, author: "x")),
                             "no reviews after the end")

        let ops = try f.store.auditLog(caseRef: "WM-00001").map(\.op)
        for op in ["plan.new", "plan.phase", "plan.review", "plan.status", "plan.end"] { XCTAssertTrue(ops.contains(op), op) }
        XCTAssertEqual(ops.filter { $0 == "plan.review" }.count, 3)
        XCTAssertEqual(ops.filter { $0 == "plan.status" }.count, 2, "paused, then active again")
        let chron = try f.store.caseFile("WM-00001").chronology.map(\.text)
        XCTAssertTrue(chron.contains { $0.hasPrefix("Plan \(id) ended: completed") })
        XCTAssertTrue(chron.contains { $0.contains("6/14 sessions, Red, decision: pause") })
        XCTAssertTrue(chron.contains { $0.contains("Pupil: Too noisy after lunch. Parent/carer: She is tired by Wednesday") },
                      "the child's and family's words reach the chronology")
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testExtendedAndBrokenDownEndings() throws {
        let f = try StoreFixture()
        let a = try XCTUnwrap(try newPlan(f).id)
        XCTAssertEqual(try f.store.endPlan(user: "pru.head", id: a, outcome: .extended, reason: "Needs a further half term", date: f.today).status, .extended)
        let b = try XCTUnwrap(try newPlan(f, "WM-00002").id)
        XCTAssertThrowsError(try f.store.endPlan(user: "pru.head", id: b, outcome: .brokenDown, reason: nil, date: f.today)) { e in
            XCTAssertEqual(e as? StoreError, .invalid("a plan that broke down needs a --reason"))
        }
        XCTAssertThrowsError(try f.store.endPlan(user: "pru.head", id: b, outcome: .brokenDown, reason: "  ", date: f.today))
        XCTAssertThrowsError(try f.store.endPlan(user: "pru.head", id: b, outcome: .active, reason: nil, date: f.today))
        XCTAssertEqual(try f.store.plan(b).plan.status, .active, "refused endings write nothing")
        let p = try f.store.endPlan(user: "pru.head", id: b, outcome: .brokenDown, reason: "Family moved", date: f.today)
        XCTAssertEqual(p.status, .brokenDown)
        XCTAssertEqual(p.endReason, "Family moved")
        let end = try XCTUnwrap(try f.store.auditLog(caseRef: "WM-00002").first { $0.op == "plan.end" })
        XCTAssertTrue(end.summary.contains("active → broken-down"), end.summary)
        XCTAssertTrue(try f.store.caseFile("WM-00002").chronology.contains { $0.kind == .planEnd && $0.text.contains("broken down — Family moved") })
        XCTAssertEqual(try f.store.planRows().count, 0, "ended plans leave the active list")
        XCTAssertEqual(try f.store.planRows(includeEnded: true).count, 2)
    }

    func testPlanNeedsRealCaseSchoolsAndDates() throws {
        let f = try StoreFixture()
        XCTAssertThrowsError(try f.store.newPlan(user: "x", ReintegrationPlan(caseRef: "WM-99999", fromURN: "140002", toURN: "140001", start: f.today, target: f.today)))
        XCTAssertThrowsError(try f.store.newPlan(user: "x", ReintegrationPlan(caseRef: "WM-00001", fromURN: "999999", toURN: "140001", start: f.today, target: f.today)))
        XCTAssertThrowsError(try f.store.newPlan(user: "x", ReintegrationPlan(caseRef: "WM-00001", fromURN: "140002", toURN: "140001", start: f.today, target: f.today.adding(days: -1))))
        XCTAssertThrowsError(try f.store.newPlan(user: "x", ReintegrationPlan(caseRef: "WM-00001", fromURN: "140002", toURN: "140001", start: f.today, target: f.today, reviewEvery: 0)))
        XCTAssertEqual(try f.store.planRows(includeEnded: true).count, 0)
    }
}
