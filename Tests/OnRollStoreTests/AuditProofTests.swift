import Foundation
import GRDB
import OnRollCore
@testable import OnRollStore
import XCTest

/// What the audit trail proves beyond its own consistency (issue 13.5): team settings are audited
/// rows, time never steps back, a witnessed head catches truncation and rollback, and a restore is
/// all or nothing.
final class AuditProofTests: XCTestCase {
    // MARK: 5a. config is an audited table

    func testConfigSetThroughOnRollChecksClean() throws {
        let f = try StoreFixture()
        try f.store.setConfig(user: "tester", key: "triage.kind.cme", value: "30")
        try f.store.setConfig(user: "tester", key: "panel.threshold", value: "40")
        try f.store.setConfig(user: "tester", key: "panel.threshold", value: nil)
        let r = try f.store.check()
        XCTAssertTrue(r.isClean, "\(r.problems)")
    }

    func testConfigRowInsertedOutsideOnRollIsCaughtByKey() throws {
        try StoreFixture.fileOnly("rewrites the file or its witness behind OnRoll's back")
        let f = try StoreFixture()
        // What sqlite3 would do: straight into the table, no audit entry.
        try f.store.pool.write { db in
            try db.execute(sql: "INSERT INTO config(key, value) VALUES ('triage.kind.cme', '-100')")
        }
        let r = try f.store.check()
        XCTAssertTrue(r.problems.contains("config triage.kind.cme = -100 has no audit entry: set outside OnRoll"), "\(r.problems)")
    }

    func testConfigValueAlteredOrDeletedOutsideOnRollIsCaught() throws {
        try StoreFixture.fileOnly("rewrites the file or its witness behind OnRoll's back")
        let f = try StoreFixture()
        try f.store.setConfig(user: "tester", key: "triage.kind.cme", value: "30")
        try f.store.setConfig(user: "tester", key: "panel.threshold", value: "40")
        _ = try f.sqlite("UPDATE config SET value = '-100' WHERE key = 'triage.kind.cme'; DELETE FROM config WHERE key = 'panel.threshold'")
        let p = try f.store.check().problems
        XCTAssertTrue(p.contains { $0.hasPrefix("config triage.kind.cme = -100 differs from its last audit entry") }, "\(p)")
        XCTAssertTrue(p.contains("config panel.threshold is in the audit log but missing from the store: deleted outside OnRoll"), "\(p)")
    }

    // MARK: 5b. time never steps back, even in an entry whose hash is right

    func testBackdatedEntryWithAValidHashIsCaught() throws {
        try StoreFixture.fileOnly("rewrites the file or its witness behind OnRoll's back")
        let f = try StoreFixture()
        let head = try f.store.head()
        let at = "2001-01-01T00:00:00Z"
        let hash = AuditEntry.digest(prevHash: head.hash, at: at, user: "mallory", op: "view", entity: "case", entityId: "WM-00001",
                                     caseRef: "WM-00001", summary: "WM-00001: viewed (forged)", before: nil, after: nil)
        try f.store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO audit (at, user, op, entity, entityId, caseRef, summary, before, after, prevHash, hash)
                VALUES (?, 'mallory', 'view', 'case', 'WM-00001', 'WM-00001', 'WM-00001: viewed (forged)', NULL, NULL, ?, ?)
                """, arguments: [at, head.hash, hash])
        }
        let p = try f.store.check().problems
        let n = head.position + 1
        XCTAssertEqual(p.count, 1, "\(p)")
        XCTAssertTrue(p.first?.hasPrefix("audit entry \(n) is dated \(at), before entry \(n - 1) (") == true, "\(p)")
        XCTAssertTrue(p.first?.hasSuffix("time goes backwards there") == true, "\(p)")
    }

    // MARK: 5d. the witness

    func witness() -> Witness {
        Witness(directory: NSTemporaryDirectory() + "onroll-witness-" + UUID().uuidString + "/onroll")
    }

    func testWitnessIsPrivateAndOnlyMovesForward() throws {
        let f = try StoreFixture()
        let w = witness()
        try f.store.advanceWitness(w)
        let id = try XCTUnwrap(try f.store.identity())
        XCTAssertEqual(w.head(identity: id), try f.store.head())
        let dirMode = try FileManager.default.attributesOfItem(atPath: w.directory)[.posixPermissions] as! NSNumber
        let fileMode = try FileManager.default.attributesOfItem(atPath: w.file(id))[.posixPermissions] as! NSNumber
        XCTAssertEqual(dirMode.intValue & 0o777, 0o700)
        XCTAssertEqual(fileMode.intValue & 0o777, 0o600)
        try w.record(AuditHead(position: 1, hash: String(repeating: "a", count: 64)), identity: id, store: f.path)
        XCTAssertEqual(w.head(identity: id), try f.store.head(), "a lower head never replaces a higher one")
        XCTAssertNil(try f.store.witnessProblem(w))
    }

    func testTruncatedChainIsCaughtByTheWitness() throws {
        try StoreFixture.fileOnly("rewrites the file or its witness behind OnRoll's back")
        let f = try StoreFixture()
        _ = try f.store.addNote(user: "tester", caseRef: "WM-00001", text: "Home visit", date: f.today, today: f.today)
        let w = witness()
        try f.store.advanceWitness(w)
        let seen = try f.store.head()
        // The last note and its audit entry go together: the file alone still checks clean.
        _ = try f.sqlite("""
            DROP TRIGGER audit_no_delete; DROP TRIGGER chronology_no_delete;
            DELETE FROM chronology WHERE id = (SELECT MAX(id) FROM chronology);
            DELETE FROM audit WHERE id = \(seen.position);
            """)
        let alone = try f.store.check()
        XCTAssertTrue(alone.isClean, "the cut is invisible to the file alone: \(alone.problems)")
        let problem = try XCTUnwrap(try f.store.witnessProblem(w))
        XCTAssertTrue(problem.contains("ends at entry \(seen.position - 1)"), problem)
        XCTAssertTrue(problem.contains("entry \(seen.position) (\(seen.short))"), problem)
    }

    func testRolledBackOrRewrittenChainIsCaughtByTheWitness() throws {
        try StoreFixture.fileOnly("rewrites the file or its witness behind OnRoll's back")
        let f = try StoreFixture()
        let old = f.dir + "/old.onroll"
        try f.store.pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [old]) }
        _ = try f.store.addNote(user: "tester", caseRef: "WM-00001", text: "Home visit", date: f.today, today: f.today)
        let w = witness()
        try f.store.advanceWitness(w)
        let seen = try f.store.head()
        let rolledBack = try Store(path: old)
        XCTAssertTrue(try rolledBack.check().isClean)
        let problem = try XCTUnwrap(try rolledBack.witnessProblem(w))
        XCTAssertTrue(problem.contains("entry \(seen.position) (\(seen.short))") && problem.contains("older copy"), problem)
        // The older copy, written on past the witnessed position: same length, another chain.
        for i in 0..<3 { _ = try rolledBack.addNote(user: "mallory", caseRef: "WM-00002", text: "Note \(i)", date: f.today, today: f.today) }
        let forked = try XCTUnwrap(try rolledBack.witnessProblem(w))
        XCTAssertTrue(forked.contains("does not extend"), forked)
    }

    // MARK: 5e. restore is all or nothing

    func restoreTarget(_ f: StoreFixture) -> String { f.dir + "/restored-\(UUID().uuidString).onroll" }

    func assertRefused(_ doc: ExportDocument, _ f: StoreFixture, _ expected: String, line: UInt = #line) {
        let path = restoreTarget(f)
        XCTAssertThrowsError(try Store.restore(doc, to: path), line: line) { error in
            XCTAssertTrue("\(error)".contains(expected), "\(error)", line: line)
        }
        for s in ["", "-wal", "-shm"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: path + s), "a refused restore left \(path + s)", line: line)
        }
    }

    func testExportRecordsItsHeadAndRestoresToExactlyIt() throws {
        let f = try StoreFixture()
        let doc = try f.store.exportDocument()
        XCTAssertEqual(doc.head, try f.store.head())
        XCTAssertTrue(doc.json.contains("\"head\": {\"hash\": \"\(doc.head!.hash)\", \"position\": \(doc.head!.position)}"))
        let parsed = try ExportDocument.parse(Data(doc.json.utf8), fileName: "x.json")
        XCTAssertEqual(parsed.head, doc.head)
        let restored = try Store.restore(parsed, to: restoreTarget(f))
        XCTAssertEqual(try restored.head(), doc.head)
    }

    func testRestoreRefusesAnExportWhoseLastEntriesWereCut() throws {
        let f = try StoreFixture()
        try f.store.logView(user: "tester", caseRef: "WM-00001", via: "show")
        try f.store.logView(user: "tester", caseRef: "WM-00002", via: "show")
        var doc = try f.store.exportDocument()
        doc.audit.removeLast(2)   // views change no row: the cut chain agrees with itself
        assertRefused(doc, f, "ends at entry")
    }

    /// An older OnRoll's backup records no head: refused unless the officer accepts that a cut end
    /// can't be detected; the chain itself is still verified either way.
    func testAnExportWithoutAHeadIsRestoredOnlyWhenAccepted() throws {
        let f = try StoreFixture()
        var doc = try f.store.exportDocument()
        doc.head = nil
        assertRefused(doc, f, "restore it with --accept-no-head")
        let restored = try Store.restore(doc, to: restoreTarget(f), acceptNoHead: true)
        XCTAssertTrue(try restored.check().isClean)
        var forged = try f.store.exportDocument()
        forged.head = nil
        let ci = try XCTUnwrap(forged.tables.firstIndex { $0.name == "children" })
        forged.tables[ci].rows[0]["surname"] = .text("Smith")
        XCTAssertThrowsError(try Store.restore(forged, to: restoreTarget(f), acceptNoHead: true), "the chain is still checked")
    }

    func testRestoreRefusesExtraTables() throws {
        let f = try StoreFixture()
        var doc = try f.store.exportDocument()
        doc.tables.append(("grdb_migrations", [["identifier": .text("v9-not-a-real-migration")]]))
        assertRefused(doc, f, "the export has a table grdb_migrations that OnRoll does not keep")
    }

    func testRestoreThatFailsCheckLeavesNoStore() throws {
        let f = try StoreFixture()
        var doc = try f.store.exportDocument()
        let ci = try XCTUnwrap(doc.tables.firstIndex { $0.name == "children" })
        doc.tables[ci].rows[0]["surname"] = .text("Smith")
        assertRefused(doc, f, "fails `onroll check`")
    }
}
