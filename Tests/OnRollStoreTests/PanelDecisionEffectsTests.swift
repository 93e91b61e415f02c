import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// What a decision sets in motion, and the agenda built once and capped. Today is Mon 23 Nov 2026;
/// the panels met before it, so their records are dated the panel's day, not today.
final class PanelDecisionEffectsTests: XCTestCase {
    func meeting(_ f: StoreFixture, _ date: String, refs: [String], type: Panel.Kind = .inclusion) throws -> Int64 {
        let p = try f.store.newPanel(user: "chair", date: try SchoolDate.parse(date), type: type, chair: nil)
        for r in refs { try f.store.addItem(user: "chair", panelId: p.id!, caseRef: r, reason: "school asked", today: f.today) }
        try f.store.startPanel(user: "chair", id: p.id!)
        return p.id!
    }

    func item(_ f: StoreFixture, _ pid: Int64, _ ref: String) throws -> Int64 { try f.store.panelItem(panelId: pid, caseRef: ref).id! }

    func testCloseClosesTheCaseWithThePanelsDecisionDatedThePanelsDay() throws {
        let f = try StoreFixture()
        let pid = try meeting(f, "2026-11-20", refs: ["WM-00001"])
        try f.store.recordDecision(user: "chair", itemId: try item(f, pid, "WM-00001"), decision: .close,
                                   note: "back in school full-time", today: f.today)
        let c = try f.store.caseFile("WM-00001")
        XCTAssertEqual(c.case.status, .closed)
        XCTAssertEqual(c.case.closedOn?.iso, "2026-11-20")
        XCTAssertEqual(c.case.closureReason, "Panel 2026-11-20: close — back in school full-time")
        XCTAssertTrue(c.chronology.contains { $0.kind == .closed && $0.date.iso == "2026-11-20" })
        XCTAssertTrue(c.chronology.contains { $0.kind == .decision && $0.date.iso == "2026-11-20" && $0.text == "Inclusion panel 20 Nov 2026: close — back in school full-time" })
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00001").map(\.op).contains(AuditOp.panelClose.rawValue))
    }

    func testNothingIsWrittenWhenTheEffectCannotHappen() throws {
        let f = try StoreFixture()
        let pid = try meeting(f, "2026-11-20", refs: ["WM-00001"])
        try f.store.closeCase(user: "t", ref: "WM-00001", reason: "moved away", today: f.today)
        let id = try item(f, pid, "WM-00001")
        XCTAssertThrowsError(try f.store.recordDecision(user: "chair", itemId: id, decision: .close, note: nil, today: f.today))
        XCTAssertThrowsError(try f.store.recordDecision(user: "chair", itemId: id, decision: .other, note: "  ", today: f.today))
        let it = try f.store.panelItem(id)
        XCTAssertEqual(it.status, .pending)
        XCTAssertNil(it.decision)
        XCTAssertEqual(try f.store.caseFile("WM-00001").case.closureReason, "moved away")
    }

    func testReferToFairAccessOpensTheReferral() throws {
        let f = try StoreFixture()
        let fa = try f.store.newPanel(user: "chair", date: try SchoolDate.parse("2026-12-01"), type: .fairAccess, chair: nil)
        let pid = try meeting(f, "2026-11-20", refs: ["WM-00002"])
        try f.store.recordDecision(user: "chair", itemId: try item(f, pid, "WM-00002"), decision: .fairAccess, note: nil, today: f.today)
        let file = try f.store.caseFile("WM-00002")
        let action = try XCTUnwrap(file.actions.first { $0.panelId == pid })
        XCTAssertEqual(action.agency, "LA inclusion")
        XCTAssertEqual(action.due?.iso, "2026-12-01")
        XCTAssertEqual(action.created.iso, "2026-11-20")
        XCTAssertEqual(try f.store.panelItem(panelId: fa.id!, caseRef: "WM-00002").reasons, "referred by the Inclusion panel of 2026-11-20")
        XCTAssertTrue(file.chronology.contains { $0.kind == .action && $0.text.hasPrefix("Fair access referral opened (LA inclusion)") })
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00002").map(\.op).contains(AuditOp.panelFairAccess.rawValue))
    }

    func testAPPlaceRecordsThePlacementInTheTeam() throws {
        let f = try StoreFixture()
        let pid = try meeting(f, "2026-11-20", refs: ["WM-00001"])
        try f.store.recordDecision(user: "chair", itemId: try item(f, pid, "WM-00001"), decision: .apPlace, note: "two terms",
                                   provider: "Riverside AP", today: f.today)
        let team = try f.store.caseFile("WM-00001").team
        let ap = try XCTUnwrap(team.first { $0.agency == "AP provider" })
        XCTAssertEqual(ap.name, "Riverside AP")
        XCTAssertEqual(ap.since?.iso, "2026-11-20")
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00001").map(\.op).contains(AuditOp.panelAPPlace.rawValue))
    }

    func testTheFlagClearsOnceDiscussed() throws {
        let f = try StoreFixture()
        try f.store.flagForPanel(user: "t", ref: "WM-00002", flagged: true, today: f.today)
        let pid = try meeting(f, "2026-11-20", refs: ["WM-00002"])
        try f.store.markDiscussed(user: "chair", itemId: try item(f, pid, "WM-00002"), today: f.today)
        XCTAssertFalse(try f.store.caseFile("WM-00002").case.flaggedForPanel)
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00002").map(\.op).contains(AuditOp.panelFlagCleared.rawValue))
    }

    func testADeferredItemDoesNotStopTheAgendaBeingBuiltOnce() throws {
        let f = try StoreFixture()
        let pid = try meeting(f, "2026-11-19", refs: ["WM-00001"])
        let next = try f.store.deferItem(user: "chair", itemId: try item(f, pid, "WM-00001"), today: f.today)
        try f.store.flagForPanel(user: "t", ref: "WM-00002", flagged: true, today: f.today)
        XCTAssertFalse(try f.store.agendaBuilt(panelId: next.id!))
        XCTAssertEqual(try f.store.ensureAgenda(user: "chair", panelId: next.id!, today: f.today)?.map(\.caseRef), ["WM-00002"])
        XCTAssertNil(try f.store.ensureAgenda(user: "chair", panelId: next.id!, today: f.today), "built once")
        XCTAssertEqual(try f.store.panelRecord(next.id!).agenda.map(\.item.caseRef), ["WM-00001", "WM-00002"])
    }

    func testDecidedLastWeekComesBackOnlyWithNewsAndTheCapHolds() throws {
        let f = try StoreFixture()
        // Every open case is above a threshold of -1: both qualify every week.
        try f.store.setConfig(user: "t", key: "panel.threshold", value: "-1")
        let p1 = try f.store.newPanel(user: "chair", date: try SchoolDate.parse("2026-11-12"), type: .inclusion, chair: nil)
        XCTAssertEqual(try f.store.buildAgenda(user: "chair", panelId: p1.id!, today: try SchoolDate.parse("2026-11-12")).count, 2)
        try f.store.startPanel(user: "chair", id: p1.id!)
        try f.store.recordDecision(user: "chair", itemId: try item(f, p1.id!, "WM-00001"), decision: .continuePlan, note: nil, today: f.today)
        try f.store.markDiscussed(user: "chair", itemId: try item(f, p1.id!, "WM-00002"), today: f.today)
        try f.store.endPanel(user: "chair", id: p1.id!)
        try f.store.addNote(user: "t", caseRef: "WM-00002", text: "Mum called", date: try SchoolDate.parse("2026-11-16"), today: f.today)
        let p2 = try f.store.newPanel(user: "chair", date: try SchoolDate.parse("2026-11-19"), type: .inclusion, chair: nil)
        let plan = try f.store.agendaPlan(panelId: p2.id!, today: f.today)
        XCTAssertEqual(plan.items.map(\.caseRef), ["WM-00002"])
        XCTAssertEqual(plan.decidedNothingNew, ["WM-00001"])
        // One place: the other case is listed, not added.
        try f.store.setConfig(user: "t", key: "panel.max-items", value: "1")
        try f.store.addNote(user: "t", caseRef: "WM-00001", text: "School called", date: try SchoolDate.parse("2026-11-17"), today: f.today)
        XCTAssertEqual(try f.store.buildAgenda(user: "chair", panelId: p2.id!, today: f.today).count, 1)
        XCTAssertEqual(try f.store.agendaPlan(panelId: p2.id!, today: f.today).alsoEligible.count, 1)
        XCTAssertEqual(try f.store.agendaSettings().maxItems, 1)
        XCTAssertTrue(try f.store.check().problems.isEmpty)
    }
}
