import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// `check` must notice any change made outside OnRoll: to a record, or to the audit log itself.
final class AuditChainTests: XCTestCase {
    func testCleanStoreChecksClean() throws {
        let f = try StoreFixture()
        let r = try f.store.check()
        XCTAssertTrue(r.isClean, "\(r.problems)")
        XCTAssertGreaterThan(r.entriesVerified, 5)
        XCTAssertEqual(r.rowsVerified, 2 + 2 + 2 + 2) // schools, children, cases, imported "opened" chronology lines
    }

    func testRowEditedWithSqlite3IsCaught() throws {
        try StoreFixture.fileOnly("edits the file behind OnRoll's back with sqlite3 (ServerStoreTests tamper with a server's rows)")
        let f = try StoreFixture()
        _ = try f.sqlite("UPDATE children SET surname = 'Smith' WHERE ref = 'C1'")
        let r = try f.store.check()
        XCTAssertFalse(r.isClean)
        XCTAssertTrue(r.problems.contains { $0.contains("child C1 differs from its last audit entry") }, "\(r.problems)")
    }

    func testRowInsertedOutsideIsCaught() throws {
        try StoreFixture.fileOnly("edits the file behind OnRoll's back with sqlite3 (ServerStoreTests tamper with a server's rows)")
        let f = try StoreFixture()
        _ = try f.sqlite("INSERT INTO schools(urn, name) VALUES ('999999', 'Ghost School')")
        XCTAssertTrue(try f.store.check().problems.contains { $0.contains("school 999999 has no audit entry") })
    }

    func testAuditEntryAlteredIsCaughtAndNamed() throws {
        try StoreFixture.fileOnly("edits the file behind OnRoll's back with sqlite3 (ServerStoreTests tamper with a server's rows)")
        let f = try StoreFixture()
        _ = try f.sqlite("DROP TRIGGER audit_no_update; UPDATE audit SET user = 'mallory' WHERE id = 2")
        let r = try f.store.check()
        XCTAssertEqual(r.problems.first, "audit entry 2 (import.add school 140002) was altered: its hash does not match its contents")
    }

    func testAuditEntryRemovedIsCaught() throws {
        try StoreFixture.fileOnly("edits the file behind OnRoll's back with sqlite3 (ServerStoreTests tamper with a server's rows)")
        let f = try StoreFixture()
        _ = try f.sqlite("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4")
        XCTAssertEqual(try f.store.check().problems.first, "audit entry 4 is missing (next present is 5)")
    }

    func testRowDeletedOutsideIsCaught() throws {
        try StoreFixture.fileOnly("edits the file behind OnRoll's back with sqlite3 (ServerStoreTests tamper with a server's rows)")
        let f = try StoreFixture()
        _ = try f.sqlite("PRAGMA foreign_keys=OFF; DELETE FROM actions; DELETE FROM chronology WHERE 0; DELETE FROM cases WHERE ref = 'WM-00002'")
        // The chronology trigger stops deleting its lines, so the case's lines now name a missing case.
        let r = try f.store.check()
        XCTAssertTrue(r.problems.contains { $0.contains("case WM-00002 is in the audit log but missing from the store") }, "\(r.problems)")
    }
}
