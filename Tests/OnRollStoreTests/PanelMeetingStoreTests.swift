import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// The chair's changes to a meeting: who came and who sent apologies (each person once), and the
/// agenda edited by hand (added, moved, taken off with a reason), each audited and in the chronology.
final class PanelMeetingStoreTests: XCTestCase {
    func panel(_ f: StoreFixture) throws -> Int64 {
        try XCTUnwrap(try f.store.newPanel(user: "chair", date: try SchoolDate.parse("2026-11-26"), type: .inclusion, chair: "Dr Lee").id)
    }

    func testAttendeesAndApologiesListEachPersonOnce() throws {
        let f = try StoreFixture()
        let s = f.store, pid = try panel(f)
        try s.addAttendee(user: "chair", panelId: pid, name: "J. Amadi", organisation: "Westmarch PRU", role: "headteacher")
        try s.addAttendee(user: "chair", panelId: pid, name: "P. Sandhu", organisation: "Educational psychology", apologies: true)
        // The same name at another organisation is another person.
        try s.addAttendee(user: "chair", panelId: pid, name: "J. Amadi", organisation: "CAMHS")
        // Capitals and spacing do not make a second person, in either list.
        XCTAssertThrowsError(try s.addAttendee(user: "chair", panelId: pid, name: "j.  amadi", organisation: "WESTMARCH PRU")) {
            XCTAssertEqual("\($0)", "J. Amadi (Westmarch PRU) is already listed as attending panel \(pid)")
        }
        XCTAssertThrowsError(try s.addAttendee(user: "chair", panelId: pid, name: "J. Amadi", organisation: "Westmarch PRU", apologies: true))
        XCTAssertThrowsError(try s.addAttendee(user: "chair", panelId: pid, name: "P. SANDHU", organisation: "educational psychology")) {
            XCTAssertEqual("\($0)", "P. Sandhu (Educational psychology) is already listed as sending apologies panel \(pid)")
        }
        let people = try s.panelRecord(pid).attendees
        XCTAssertEqual(people.map(\.name), ["J. Amadi", "P. Sandhu", "J. Amadi"])
        XCTAssertEqual(people.map(\.apologies), [false, true, false])
        let ops = try s.read { try String.fetchAll($0, sql: "SELECT op FROM audit WHERE op LIKE 'panel.a%' ORDER BY id") }
        XCTAssertEqual(ops, ["panel.attendee", "panel.apologies", "panel.attendee"], "refusals write nothing")
    }

    func testAgendaByHandAddMoveAndTakeOff() throws {
        let f = try StoreFixture()
        let s = f.store, pid = try panel(f)
        // The fixture has two cases: a second one for each child makes four.
        let third = try s.openCase(user: "t", childRef: "C1", kind: .ebsa, owner: nil, summary: nil, today: f.today).ref
        let fourth = try s.openCase(user: "t", childRef: "C2", kind: .suspension, owner: nil, summary: nil, today: f.today).ref
        for r in ["WM-00001", "WM-00002", third] { try s.addItem(user: "chair", panelId: pid, caseRef: r, reason: "school asked", today: f.today) }
        XCTAssertThrowsError(try s.addItem(user: "chair", panelId: pid, caseRef: "WM-00002", reason: "again", today: f.today)) {
            XCTAssertEqual("\($0)", "case WM-00002 is already on panel \(pid)'s agenda (item 2)")
        }
        XCTAssertEqual(try s.panelItem(panelId: pid, caseRef: "WM-00002").reasons, "school asked", "a refused add changes nothing")
        XCTAssertTrue(try s.caseFile("WM-00001").chronology.contains {
            $0.kind == .decision && $0.text == "put on the agenda of the Inclusion panel of 26 Nov 2026 by chair: school asked"
        })
        // One place at a time; at an end it stays where it is.
        XCTAssertEqual(try s.moveItem(user: "chair", panelId: pid, caseRef: third, by: -1), 2)
        XCTAssertEqual(try s.panelRecord(pid).agenda.map(\.item.caseRef), ["WM-00001", third, "WM-00002"])
        XCTAssertEqual(try s.moveItem(user: "chair", panelId: pid, caseRef: "WM-00001", by: -1), 1)
        XCTAssertEqual(try s.moveItem(user: "chair", panelId: pid, caseRef: "WM-00001", by: 1), 2)
        XCTAssertEqual(try s.panelRecord(pid).agenda.map(\.item.caseRef), [third, "WM-00001", "WM-00002"])
        // Taken off: the item stays, with why; the others close up; it can be put back.
        try s.removeItem(user: "chair", panelId: pid, caseRef: "WM-00001", reason: "seen at the PRU review", today: f.today)
        let r = try s.panelRecord(pid)
        XCTAssertEqual(r.agenda.map(\.item.caseRef), [third, "WM-00002"])
        XCTAssertEqual(r.items.first { $0.item.caseRef == "WM-00001" }?.item.removalReason, "seen at the PRU review")
        try s.addItem(user: "chair", panelId: pid, caseRef: "WM-00001", reason: "school asked again", today: f.today)
        let back = try s.panelItem(panelId: pid, caseRef: "WM-00001")
        XCTAssertEqual(back.status, .pending)
        XCTAssertNil(back.removalReason)
        XCTAssertEqual(try s.panelRecord(pid).agenda.map(\.item.caseRef), [third, "WM-00002", "WM-00001"])
        let ops = try s.auditLog(caseRef: "WM-00001").map(\.op)
        for op in ["panel.add", "panel.move", "panel.remove"] { XCTAssertTrue(ops.contains(op), op) }
        // An ended panel's agenda is closed.
        try s.endPanel(user: "chair", id: pid)
        XCTAssertThrowsError(try s.moveItem(user: "chair", panelId: pid, caseRef: "WM-00001", to: 1))
        XCTAssertThrowsError(try s.removeItem(user: "chair", panelId: pid, caseRef: "WM-00002", reason: "late", today: f.today))
        XCTAssertThrowsError(try s.addItem(user: "chair", panelId: pid, caseRef: fourth, reason: "late", today: f.today))
        XCTAssertEqual(try s.check().problems, [])
    }
}
