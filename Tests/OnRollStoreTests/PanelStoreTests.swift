import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// Panel operations through the audited write path: each lands in the chronology and the audit log.
final class PanelStoreTests: XCTestCase {
    func testAgendaDecisionActionDeferAndRemove() throws {
        let f = try StoreFixture()
        let s = f.store
        try s.flagForPanel(user: "t", ref: "WM-00002", flagged: true, today: f.today)
        let p = try s.newPanel(user: "chair", date: try SchoolDate.parse("2026-11-26"), type: .inclusion, chair: "Dr Lee")
        let pid = try XCTUnwrap(p.id)
        try s.addAttendee(user: "chair", panelId: pid, name: "J. Amadi", organisation: "Westmarch PRU")
        let added = try s.buildAgenda(user: "chair", panelId: pid, today: f.today)
        XCTAssertEqual(added.map(\.caseRef), ["WM-00002"])
        XCTAssertEqual(added[0].reasons, "flagged for panel")
        XCTAssertEqual(try s.buildAgenda(user: "chair", panelId: pid, today: f.today).count, 0, "building again adds nothing")
        try s.addItem(user: "chair", panelId: pid, caseRef: "WM-00001", reason: "school asked", today: f.today)
        try s.moveItem(user: "chair", panelId: pid, caseRef: "WM-00001", to: 1)
        XCTAssertEqual(try s.panelRecord(pid).agenda.map(\.item.caseRef), ["WM-00001", "WM-00002"])

        try s.startPanel(user: "chair", id: pid)
        let item = try s.panelItem(panelId: pid, caseRef: "WM-00001")
        try s.recordDecision(user: "chair", itemId: item.id!, decision: .apPlace, note: "two terms", today: f.today)
        let action = try s.addPanelAction(user: "chair", itemId: item.id!, agency: "camhs", description: "Assess", owner: "Dr Q",
                                          due: try SchoolDate.parse("2026-12-04"), today: f.today)
        XCTAssertEqual(action.panelId, pid)
        XCTAssertEqual(action.agency, "CAMHS")
        try s.addItemSeconds(user: "chair", itemId: item.id!, seconds: 95)

        let chron = try s.caseFile("WM-00001").chronology
        XCTAssertTrue(chron.contains { $0.kind == .decision && $0.text == "Inclusion panel 26 Nov 2026: AP place — two terms" && $0.author == f.who("chair") })
        XCTAssertTrue(chron.contains { $0.kind == .action && $0.text.contains("Assess") && $0.linkId == action.id })
        let ops = try s.auditLog(caseRef: "WM-00001").map(\.op)
        for op in ["panel.add", "panel.move", "panel.decision", "panel.action", "panel.timer", "chronology.decision"] {
            XCTAssertTrue(ops.contains(op), op)
        }
        let saved = try s.panelItem(item.id!)
        XCTAssertEqual(saved.decision, "AP place")
        XCTAssertEqual(saved.status, .discussed)
        XCTAssertEqual(saved.seconds, 95)

        // Deferring with no later panel creates one a week on, with the case and why.
        let other = try s.panelItem(panelId: pid, caseRef: "WM-00002")
        let next = try s.deferItem(user: "chair", itemId: other.id!, today: f.today)
        XCTAssertEqual(next.date.iso, "2026-12-03")
        XCTAssertEqual(next.type, .inclusion)
        XCTAssertEqual(try s.panelItem(other.id!).status, .deferred)
        let moved = try s.panelItem(panelId: next.id!, caseRef: "WM-00002")
        XCTAssertEqual(moved.reasons, "deferred from the panel of 2026-11-26\nflagged for panel")
        XCTAssertTrue(try s.caseFile("WM-00002").chronology.contains { $0.kind == .decision && $0.text.contains("deferred to the panel of 3 Dec 2026") })
        // Deferred again from that panel, it moves on another week.
        let later = try s.deferItem(user: "chair", itemId: moved.id!, today: f.today)
        XCTAssertEqual(later.date.iso, "2026-12-10")

        // A deferral is part of that panel's record: it cannot be taken off afterwards.
        XCTAssertThrowsError(try s.removeItem(user: "chair", panelId: next.id!, caseRef: "WM-00002", reason: "x", today: f.today))
        // Removing keeps the row, with why, and says so in the chronology.
        XCTAssertThrowsError(try s.removeItem(user: "chair", panelId: later.id!, caseRef: "WM-00002", reason: "  ", today: f.today),
                             "a removal needs a reason")
        try s.removeItem(user: "chair", panelId: later.id!, caseRef: "WM-00002", reason: "the school has it in hand", today: f.today)
        let off = try s.panelItem(panelId: later.id!, caseRef: "WM-00002")
        XCTAssertEqual(off.status, .removed)
        XCTAssertEqual(off.removalReason, "the school has it in hand")
        XCTAssertTrue(try s.caseFile("WM-00002").chronology.contains {
            $0.kind == .decision && $0.text == "taken off the agenda of the Inclusion panel of 10 Dec 2026 by chair: the school has it in hand"
        })
        XCTAssertTrue(try s.auditLog(caseRef: "WM-00002").contains { $0.op == "panel.remove" && $0.summary.contains("the school has it in hand") })

        try s.endPanel(user: "chair", id: pid)
        XCTAssertEqual(try s.panel(pid).status, .closed)
        XCTAssertThrowsError(try s.recordDecision(user: "chair", itemId: item.id!, decision: .continuePlan, note: nil, today: f.today))
        let check = try s.check()
        XCTAssertTrue(check.problems.isEmpty, "\(check.problems)")
    }

    func testAgendaSettingsComeFromConfig() throws {
        let f = try StoreFixture()
        XCTAssertEqual(try f.store.agendaSettings(), AgendaRules.Settings())
        try f.store.setConfig(user: "t", key: "panel.threshold", value: "12.5")
        try f.store.setConfig(user: "t", key: "panel.overdue-days", value: "7")
        XCTAssertEqual(try f.store.agendaSettings(), AgendaRules.Settings(threshold: 12.5, overdueDays: 7))
    }
}
