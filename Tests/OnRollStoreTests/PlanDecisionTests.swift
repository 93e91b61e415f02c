import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// A review's decision is the plan's next step: step up, extend, end, or pause, each in the review's own write.
final class PlanDecisionTests: XCTestCase {
    func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }

    /// A plan 2026-09-14 → 2026-12-18 with phases of 4 and 7 sessions, on a calendar with half term 26–30 October.
    func planWithPhases(_ f: StoreFixture) throws -> Int64 {
        try f.imp(.terms, """
            academic_year,term,start,end,closures
            2026/27,autumn,2026-09-02,2026-10-23,
            2026/27,autumn,2026-11-02,2026-12-18,
            """)
        let id = try XCTUnwrap(try f.store.newPlan(user: "pru", ReintegrationPlan(caseRef: "WM-00001", fromURN: "140002", toURN: "140001",
                                                                                 start: d("2026-09-14"), target: d("2026-12-18"))).id)
        try f.store.addPhase(user: "pru", PlanPhase(planId: id, from: d("2026-09-14"), to: d("2026-10-23"), sessions: 4))
        try f.store.addPhase(user: "pru", PlanPhase(planId: id, from: d("2026-11-02"), to: d("2026-12-18"), sessions: 7))
        return id
    }

    func review(_ id: Int64, _ date: String, _ decision: PlanReview.Decision) -> PlanReview {
        PlanReview(planId: id, date: d(date), attended: 6, planned: 8, rag: .amber, decision: decision, author: "pru")
    }

    func testStepUpEndsTheCurrentPhaseAndStartsTheNextOnTheNextSchoolDay() throws {
        let f = try StoreFixture()
        let id = try planWithPhases(f)
        try f.store.addPlanReview(user: "pru", review(id, "2026-10-09", .stepUp), today: f.today)
        let phases = try f.store.plan(id).phases
        XCTAssertEqual(phases.map(\.from), [d("2026-09-14"), d("2026-10-12")], "Friday's review: the next phase starts on Monday")
        XCTAssertEqual(phases.map(\.to), [d("2026-10-09"), d("2026-12-18")], "the next phase keeps its end")
        XCTAssertEqual(try f.store.plan(id).phase(on: d("2026-10-12"))?.sessions, 7)
        XCTAssertTrue(try f.store.caseFile("WM-00001").chronology.contains { $0.text.hasPrefix("Plan \(id) stepped up: 7 sessions a week from 2026-10-12") })
        XCTAssertEqual(try f.store.auditLog(caseRef: "WM-00001").filter { $0.op == "plan.phase" }.count, 4, "two added, two moved")

        // From the last phase there is nowhere to step up to: the review is refused with it, nothing written.
        let before = try f.store.auditLog().count
        XCTAssertThrowsError(try f.store.addPlanReview(user: "pru", review(id, "2026-11-16", .stepUp), today: f.today)) {
            XCTAssertEqual($0 as? StoreError, .invalid("plan \(id) has no next phase to step up to: add one with `onroll plan phase`"))
        }
        XCTAssertEqual(try f.store.auditLog().count, before)
        XCTAssertEqual(try f.store.plan(id).reviews.count, 1)
    }

    func testExtendMovesTheTargetLaterAndNeedsANewTarget() throws {
        let f = try StoreFixture()
        let id = try planWithPhases(f)
        XCTAssertThrowsError(try f.store.addPlanReview(user: "pru", review(id, "2026-11-16", .extend), today: f.today)) {
            XCTAssertEqual($0 as? StoreError, .invalid("a decision to extend plan \(id) needs --new-target DATE"))
        }
        XCTAssertThrowsError(try f.store.addPlanReview(user: "pru", review(id, "2026-11-16", .extend), effect: .init(newTarget: d("2026-12-18")), today: f.today)) {
            XCTAssertTrue("\($0)".contains("is not after plan \(id)'s target (2026-12-18)"), "\($0)")
        }
        XCTAssertThrowsError(try f.store.addPlanReview(user: "pru", review(id, "2026-11-16", .continue), effect: .init(newTarget: d("2027-02-12")), today: f.today))
        XCTAssertEqual(try f.store.plan(id).reviews.count, 0)
        try f.store.addPlanReview(user: "pru", review(id, "2026-11-16", .extend), effect: .init(newTarget: d("2027-02-12")), today: f.today)
        XCTAssertEqual(try f.store.plan(id).plan.target, d("2027-02-12"))
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00001").contains { $0.op == "plan.target" && $0.summary.contains("2026-12-18 → 2027-02-12") })
        XCTAssertTrue(try f.store.caseFile("WM-00001").chronology.contains { $0.text.contains("extended at review: full time now by 2027-02-12") })
    }

    func testEndEndsThePlanWithItsOutcome() throws {
        let f = try StoreFixture()
        let id = try planWithPhases(f)
        XCTAssertThrowsError(try f.store.addPlanReview(user: "pru", review(id, "2026-11-16", .end), today: f.today))
        XCTAssertThrowsError(try f.store.addPlanReview(user: "pru", review(id, "2026-11-16", .end), effect: .init(outcome: .brokenDown), today: f.today)) {
            XCTAssertEqual($0 as? StoreError, .invalid("a plan that broke down needs a --reason"))
        }
        XCTAssertThrowsError(try f.store.addPlanReview(user: "pru", review(id, "2026-11-16", .end), effect: .init(outcome: .extended), today: f.today))
        XCTAssertEqual(try f.store.plan(id).plan.status, .active)
        try f.store.addPlanReview(user: "pru", review(id, "2026-11-16", .end), effect: .init(outcome: .brokenDown, reason: "Family moved"), today: f.today)
        let p = try f.store.plan(id).plan
        XCTAssertEqual([p.status.rawValue, p.endedOn?.iso, p.endReason], ["broken-down", "2026-11-16", "Family moved"])
        XCTAssertTrue(try f.store.caseFile("WM-00001").chronology.contains { $0.kind == .planEnd && $0.text.contains("broken down — Family moved") })
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testAPhaseOutsideThePlansDatesIsRefused() throws {
        let f = try StoreFixture()
        let id = try planWithPhases(f)
        XCTAssertThrowsError(try f.store.addPhase(user: "pru", PlanPhase(planId: id, from: d("2026-09-07"), to: d("2026-09-11"), sessions: 2))) {
            XCTAssertEqual($0 as? StoreError, .invalid("--from: the phase starts before the plan (2026-09-14)"))
        }
        try f.store.changePlanTarget(user: "pru", id: id, target: d("2027-01-15"), reason: nil, today: f.today)
        XCTAssertThrowsError(try f.store.addPhase(user: "pru", PlanPhase(planId: id, from: d("2027-01-05"), to: d("2027-01-22"), sessions: 10))) {
            XCTAssertEqual($0 as? StoreError, .invalid("--to: the phase ends after the plan's target (2027-01-15)"))
        }
    }

    func testChangePlanTargetIsAuditedAndKeepsPhasesInside() throws {
        let f = try StoreFixture()
        let id = try planWithPhases(f)
        XCTAssertThrowsError(try f.store.changePlanTarget(user: "pru", id: id, target: d("2026-12-04"), reason: nil, today: f.today)) {
            XCTAssertTrue("\($0)".contains("phase 2026-11-02..2026-12-18 ending after 2026-12-04"), "\($0)")
        }
        XCTAssertThrowsError(try f.store.changePlanTarget(user: "pru", id: id, target: d("2026-12-18"), reason: nil, today: f.today))
        let p = try f.store.changePlanTarget(user: "pru", id: id, target: d("2027-02-12"), reason: "Needs the spring half term", today: f.today)
        XCTAssertEqual(p.target, d("2027-02-12"))
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00001").contains { $0.op == "plan.target" && $0.summary.contains("2026-12-18 → 2027-02-12") })
        let line = try XCTUnwrap(try f.store.caseFile("WM-00001").chronology.first { $0.text.contains("target moved") })
        XCTAssertEqual(line.text, "Plan \(id) target moved: full time by 2027-02-12 (was 2026-12-18) — Needs the spring half term")
        XCTAssertEqual(line.date, f.today)
    }
}
