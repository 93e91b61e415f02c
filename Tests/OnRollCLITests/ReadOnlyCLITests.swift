import Foundation
import XCTest

/// Issue 12.10 and 12.11 from the outside: an auditor's read-only copy can be read, not changed, and a
/// save that waits for a colleague's import says whose it is.
final class ReadOnlyCLITests: XCTestCase {
    /// The tests run as root, for whom access(W_OK) succeeds whatever the mode bits and no read-only mount
    /// is available, so the copy is also opened with the debug-only ONROLL_FORCE_READONLY=1. The modes are
    /// still set as an auditor's copy would have them, and the copy is a single file (as a store closed
    /// cleanly is), so SQLite can only read it with `immutable=1`.
    func testAReadOnlyCopyCanBeReadNotChanged() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let copy = cli.dir + "/ro/caseload.onroll"
        let made = try cli.shell("""
            sqlite3 "$STORE" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null && mkdir ro && cp "$STORE" ro/ \
              && chmod 444 ro/caseload.onroll && chmod 555 ro
            """)
        XCTAssertEqual(made.code, 0, made.err)
        defer { _ = try? cli.shell("chmod 755 ro") }
        let ro = ["ONROLL_FORCE_READONLY": "1"]
        func run(_ args: [String]) throws -> CLI.Result { try cli.run(args + ["--store", copy], store: false, env: ro) }

        let list = try run(["list"])
        XCTAssertEqual(list.code, 0, list.err)
        XCTAssertTrue(list.out.contains("WM-00001"), list.out)
        let show = try run(["show", "WM-00001"])
        XCTAssertEqual(show.code, 0, show.err)
        XCTAssertTrue(show.out.contains("WM-00001"))
        XCTAssertTrue(show.err.contains("this read was not logged"), show.err)
        XCTAssertTrue(show.err.contains("is read-only"), show.err)
        for args in [["log", "--limit", "5"], ["report", "caseload"], ["check"], ["export"]] {
            let r = try run(args)
            XCTAssertEqual(r.code, 0, "\(args): \(r.err)")
            XCTAssertFalse(r.out.isEmpty, "\(args) printed nothing")
        }
        XCTAssertTrue(try run(["export"]).out.contains("\"audit\""))

        let note = try run(["note", "WM-00001", "Spoke to school"])
        XCTAssertEqual(note.code, 1)
        XCTAssertTrue(note.err.contains("\(copy) is read-only: it can be read"), note.err)
        let csv = try cli.write("children.csv", "ref,upn,forename,surname,dob,sex,school_urn\n")
        let imp = try run(["import", "children", csv])
        XCTAssertEqual(imp.code, 1)
        XCTAssertTrue(imp.err.contains("is read-only"), imp.err)
        // Nothing was created beside the copy (no -wal, no -shm, no import note).
        let beside = try FileManager.default.contentsOfDirectory(atPath: cli.dir + "/ro")
        XCTAssertEqual(beside, ["caseload.onroll"])
    }

    /// A save that finds the store locked by an import waits, then names the import when it gives up.
    /// sqlite3 holds the write lock as the import would; the note is the one the import leaves.
    func testASaveBlockedByAnImportNamesIt() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let r = try cli.shell("""
            started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
            printf '{"user":"asha.patel","file":"children.csv","started":"%s","rows":200000,"host":"elsewhere","pid":1}' "$started" > "$STORE.importing"
            (echo 'BEGIN IMMEDIATE;'; sleep 4; echo 'COMMIT;') | sqlite3 "$STORE" &
            sleep 1
            ONROLL_BUSY_TIMEOUT=0.3 ONROLL_IMPORT_WAIT=1 "$ONROLL" note WM-00001 'Spoke to school' --store "$STORE"
            echo "rc=$?"
            wait
            """)
        XCTAssertTrue(r.out.contains("rc=1"), r.out + r.err)
        XCTAssertTrue(r.err.contains("waiting for asha.patel's import of children.csv (started "), r.err)
        XCTAssertTrue(r.err.contains("200,000 rows)"), r.err)
        XCTAssertTrue(r.err.contains("nothing was saved"), r.err)
    }
}
