import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

final class StoreWriteTests: XCTestCase {
    func testStoreIsCreated0600AndRefusesOverwrite() throws {
        try StoreFixture.fileOnly("a file's mode")
        let f = try StoreFixture(load: false)
        let mode = (try FileManager.default.attributesOfItem(atPath: f.path)[.posixPermissions] as! NSNumber).intValue
        XCTAssertEqual(mode & 0o777, 0o600)
        XCTAssertFalse(f.store.isReadableByOthers)
        XCTAssertThrowsError(try Store.create(path: f.path)) { XCTAssertEqual($0 as? StoreError, .exists(f.path)) }
        XCTAssertThrowsError(try Store(path: f.dir + "/nothing.onroll")) {
            guard case .missing = $0 as? StoreError else { return XCTFail("\($0)") }
        }
    }

    func testOpenCaseNoteAndActionReachChronologyAndAudit() throws {
        let f = try StoreFixture()
        let c = try f.store.openCase(user: "asha", childRef: "C2", kind: .cme, owner: "asha", summary: "Not seen", today: f.today)
        XCTAssertEqual(c.ref, "WM-00003")
        try f.store.addNote(user: "asha", caseRef: c.ref, text: "Home visit, no answer", date: f.today)
        let a = try f.store.addAction(user: "asha", caseRef: c.ref, agency: "education welfare", description: "Check with siblings' school",
                                      owner: "ewo.kim", due: f.today.adding(days: 7), today: f.today)
        XCTAssertEqual(a.agency, "education welfare")
        let file = try f.store.caseFile(c.ref)
        XCTAssertEqual(file.chronology.map(\.kind), [.action, .note, .opened])
        let log = try f.store.auditLog(caseRef: c.ref)
        XCTAssertTrue(log.contains { $0.op == "case.open" && $0.user == f.who("asha") })
        XCTAssertTrue(log.contains { $0.op == "note.add" })
        XCTAssertTrue(log.contains { $0.op == "action.add" })
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testUnknownAgencyIsRefusedUntilAdded() throws {
        let f = try StoreFixture()
        XCTAssertThrowsError(try f.store.addAction(user: "a", caseRef: "WM-00001", agency: "dog warden", description: "x", owner: nil, due: nil, today: f.today))
        try f.store.addAgency(user: "a", name: "Dog warden")
        let a = try f.store.addAction(user: "a", caseRef: "WM-00001", agency: "dog WARDEN", description: "x", owner: nil, due: nil, today: f.today)
        XCTAssertEqual(a.agency, "Dog warden")
    }

    func testCloseStatusAssignAreRecordedAsChanges() throws {
        let f = try StoreFixture()
        try f.store.assign(user: "lead", ref: "WM-00001", owner: "tom.reid", today: f.today)
        try f.store.setStatus(user: "lead", ref: "WM-00001", status: .monitoring, today: f.today)
        let closed = try f.store.closeCase(user: "lead", ref: "WM-00001", reason: "Settled back in school", today: f.today)
        XCTAssertEqual(closed.status, .closed)
        XCTAssertEqual(closed.version, 3)
        let texts = try f.store.caseFile("WM-00001").chronology.map(\.text)
        XCTAssertTrue(texts.contains("owner asha.patel → tom.reid"))
        XCTAssertTrue(texts.contains("status open → monitoring"))
        XCTAssertTrue(texts.contains("status monitoring → closed (Settled back in school)"))
        XCTAssertThrowsError(try f.store.closeCase(user: "lead", ref: "WM-00001", reason: "again", today: f.today))
    }

    func testStaleVersionIsAConflictNamingWhoChangedIt() throws {
        let f = try StoreFixture()
        let before = try XCTUnwrap(f.store.case("WM-00001"))
        try f.colleague("tom.reid").assign(user: "tom.reid", ref: "WM-00001", owner: "tom.reid", today: f.today)
        XCTAssertThrowsError(try f.store.setStatus(user: "asha", ref: "WM-00001", status: .monitoring, today: f.today,
                                                   expectedVersion: before.version)) { e in
            guard case .conflict(let msg) = e as? StoreError else { return XCTFail("\(e)") }
            XCTAssertTrue(msg.contains("changed by \(f.who("tom.reid")) at"), msg)
            XCTAssertTrue(msg.contains("reload"), msg)
        }
        XCTAssertEqual(try f.store.case("WM-00001")?.status, .open)
    }

    func testFailedWriteLeavesNothing() throws {
        let f = try StoreFixture()
        let n = try f.store.counts()
        XCTAssertThrowsError(try f.store.write(user: "x") { ctx in
            try ctx.chronicle("WM-00001", date: f.today, kind: .note, text: "half-written")
            throw StoreError.invalid("boom")
        })
        XCTAssertEqual(try f.store.counts(), n)
    }

    func testSuspensionOverCapIsRecordedNotRefused() throws {
        let f = try StoreFixture()
        let start = try SchoolDate.parse("2026-09-07")
        let s = try f.store.addSuspension(user: "a", Suspension(childRef: "C1", start: start, days: 46), today: f.today)
        XCTAssertNotNil(s.id)
        XCTAssertEqual(s.schoolURN, "140001")
        XCTAssertTrue(try f.store.caseFile("WM-00001").chronology.contains { $0.kind == .suspension })
        XCTAssertThrowsError(try f.store.addSuspension(user: "a", Suspension(childRef: "C1", start: start, days: 0.3), today: f.today))
    }

    func testChronologyAndAuditRefuseDeletion() throws {
        let f = try StoreFixture()
        XCTAssertThrowsError(try f.store.write(user: "x") { try $0.db.execute(sql: "DELETE FROM chronology") })
        XCTAssertThrowsError(try f.store.write(user: "x") { try $0.db.execute(sql: "UPDATE audit SET user = 'y'") })
    }
}
