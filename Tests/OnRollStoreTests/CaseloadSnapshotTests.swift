import Foundation
import GRDB
import OnRollCore
@testable import OnRollStore
import XCTest

/// Issue 14.3 and 14.5 in part: one snapshot for the caseload and its change stamp; the bulk read
/// and the single read agree, including on a damaged store.
final class CaseloadSnapshotTests: XCTestCase {
    func testTheSnapshotsStampIsTheLastChangeItHolds() throws {
        let fx = try StoreFixture()
        let before = try fx.store.caseloadSnapshot(today: fx.today)
        XCTAssertEqual(before.stamp, try fx.store.changeStamp())
        _ = try fx.store.assign(user: "t", ref: "WM-00002", owner: "sam.lee", today: fx.today)
        let after = try fx.store.caseloadSnapshot(today: fx.today)
        XCTAssertEqual(after.stamp, try fx.store.changeStamp())
        XCTAssertEqual(after.cases.first { $0.file.case.ref == "WM-00002" }?.file.case.owner, "sam.lee", "the change is in the cases read with its stamp")
        XCTAssertEqual(try fx.store.changes(since: after.stamp).caseRefs, [], "and nothing after the stamp is left to follow")
    }

    /// A panel's own changes (new, started, attendees) name no case and need no full reload; a
    /// decision names its case, so only that case is re-read.
    func testPanelWritesNameTheirCasesAndForceNoFullReload() throws {
        let fx = try StoreFixture()
        let stamp = try fx.store.changeStamp()
        let p = try fx.store.newPanel(user: "t", date: try SchoolDate.parse("2026-11-26"), type: .inclusion, chair: "R. Lee")
        try fx.store.addAttendee(user: "t", panelId: p.id!, name: "J. Amadi", organisation: "Westmarch PRU")
        let panelOnly = try fx.store.changes(since: stamp)
        XCTAssertFalse(panelOnly.needsFullReload)
        XCTAssertEqual(panelOnly.caseRefs, [])
        _ = try fx.store.addItem(user: "t", panelId: p.id!, caseRef: "WM-00002", reason: "flagged", today: fx.today)
        let withItem = try fx.store.changes(since: stamp)
        XCTAssertFalse(withItem.needsFullReload)
        XCTAssertEqual(withItem.caseRefs, ["WM-00002"])
    }

    /// The bulk read keeps each case's latest contact: the latest date, and of that date the entry added
    /// last — not simply the entry added last, nor the first of the day.
    func testTheBulkReadKeepsTheLatestDatedContact() throws {
        let fx = try StoreFixture()
        var added: [ChronologyEntry] = []
        for (date, text) in [("2026-11-20", "Seen at home"), ("2026-11-02", "Phoned mum"),
                             ("2026-11-20", "Seen again that afternoon"), ("2026-11-10", "Seen in school")] {
            added.append(try fx.store.addContact(user: "t", caseRef: "WM-00001", date: try SchoolDate.parse(date), type: "home visit",
                                                 outcome: "seen", seen: true, text: text, today: fx.today))
        }
        let bulk = try XCTUnwrap(try fx.store.caseload(today: fx.today).first { $0.file.case.ref == "WM-00001" })
        XCTAssertEqual(bulk.file.chronology.map(\.id), [added[2].id])
        XCTAssertEqual(bulk.file.lastContact, try SchoolDate.parse("2026-11-20"))
    }

    func testTheBulkAndSingleReadsGiveTheSameCase() throws {
        let fx = try StoreFixture()
        _ = try fx.store.addContact(user: "t", caseRef: "WM-00001", date: try SchoolDate.parse("2026-11-20"), type: "home visit",
                                    outcome: "seen", seen: true, text: "Seen at home", today: fx.today)
        for bulk in try fx.store.caseload(today: fx.today) {
            var single = try fx.store.assessedCase(bulk.file.case.ref, today: fx.today)
            // The bulk read keeps only the latest contact of the chronology (what the rules read).
            single.file.chronology = single.file.chronology.filter { $0.kind == .contact || $0.kind == .seen }.prefix(1).map { $0 }
            let (b, o) = (bulk.file, single.file)
            XCTAssertEqual(b.case, o.case); XCTAssertEqual(b.child, o.child); XCTAssertEqual(b.school, o.school)
            XCTAssertEqual(b.suspensions, o.suspensions); XCTAssertEqual(b.attendance, o.attendance); XCTAssertEqual(b.actions, o.actions)
            XCTAssertEqual(b.chronology, o.chronology, b.case.ref); XCTAssertEqual(b.team, o.team); XCTAssertEqual(b.deletions, o.deletions)
            XCTAssertEqual(bulk.score, single.score, bulk.file.case.ref)
        }
    }

    func testACaseWhoseChildIsMissingIsReportedByTheBulkReadAsByTheSingle() throws {
        try StoreFixture.fileOnly("removes a row from the file behind OnRoll's back")
        let fx = try StoreFixture()
        // Damage the file behind OnRoll's back, as a bad copy or a hand edit could.
        let q = try DatabaseQueue(path: fx.path)
        try q.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE cases SET childRef = 'GONE' WHERE ref = 'WM-00002'")
        }
        try q.close()
        XCTAssertThrowsError(try fx.store.caseFile("WM-00002"))
        XCTAssertThrowsError(try fx.store.caseload(today: fx.today)) { e in
            XCTAssertEqual("\(e)", "case WM-00002 names child GONE, who is not in the store: run `onroll check`")
        }
    }
}
