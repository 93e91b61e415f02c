import Foundation
import XCTest

/// Issue 13.5 and 13.6 through the real binary: settings changed with sqlite3, a cut or rolled-back
/// chain, the printed head, an all-or-nothing restore, and reads of personal data in the log.
final class AuditProofCLITests: XCTestCase {
    func sample() throws -> CLI {
        let cli = try CLI()
        let r = try cli.run(["init", "--sample"])
        XCTAssertEqual(r.code, 0, r.err)
        return cli
    }

    /// Runs SQL on the store with the sqlite3 CLI (from a file: no shell quoting to get wrong).
    @discardableResult
    func sql(_ cli: CLI, _ query: String) throws -> String {
        _ = try cli.write("query.sql", query)
        let r = try cli.shell("sqlite3 \"$STORE\" < query.sql")
        XCTAssertEqual(r.code, 0, r.err)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// "Audit head: N · hash12" as the store holds it now.
    func headLine(_ cli: CLI) throws -> String {
        let row = try sql(cli, "SELECT id || ' · ' || substr(hash, 1, 12) FROM audit ORDER BY id DESC LIMIT 1;")
        return "Audit head: \(row)"
    }

    // MARK: 5a

    func testConfigInsertedWithSqlite3FailsCheckNamingTheKey() throws {
        let cli = try sample()
        XCTAssertEqual(try cli.run(["config", "set", "triage.kind.ehe", "25"]).code, 0)
        XCTAssertEqual(try cli.run(["check"]).code, 0)
        try sql(cli, "INSERT INTO config(key, value) VALUES ('triage.kind.cme', '-100');")
        let r = try cli.run(["check"])
        XCTAssertEqual(r.code, 65, r.out + r.err)
        XCTAssertTrue(r.err.contains("error: config triage.kind.cme = -100 has no audit entry: set outside OnRoll"), r.err)
    }

    // MARK: 5d

    func testTruncatedChainIsReportedByCheckAndOnOpen() throws {
        let cli = try sample()
        XCTAssertEqual(try cli.run(["note", "WM-00001", "First visit"]).code, 0)
        let before = Int(try sql(cli, "SELECT MAX(id) FROM audit;"))!
        XCTAssertEqual(try cli.run(["note", "WM-00001", "Second visit"]).code, 0)
        let seen = try headLine(cli)
        let check = try cli.run(["check"])
        XCTAssertEqual(check.code, 0, check.err)
        XCTAssertTrue(check.out.contains(seen), check.out)
        // The last note and its audit entries, removed together: the file alone agrees with itself.
        try sql(cli, """
            DROP TRIGGER audit_no_delete; DROP TRIGGER chronology_no_delete;
            DELETE FROM chronology WHERE id = (SELECT MAX(id) FROM chronology);
            DELETE FROM audit WHERE id > \(before);
            """)
        XCTAssertEqual(try cli.run(["check"], env: ["XDG_STATE_HOME": cli.dir + "/other-machine"]).code, 0,
                       "with no witness the cut is invisible")
        let witnessed = seen.replacingOccurrences(of: "Audit head: ", with: "").replacingOccurrences(of: " · ", with: " (") + ")"
        let r = try cli.run(["check"])
        XCTAssertEqual(r.code, 65, r.out + r.err)
        XCTAssertTrue(r.err.contains("this machine has seen it reach entry \(witnessed)"), r.err)
        let open = try cli.run(["list"])
        XCTAssertEqual(open.code, 0, open.err)
        XCTAssertTrue(open.err.contains("warning: ") && open.err.contains("entry \(witnessed)"), open.err)
        // A warned store does not move the witness: the next open still warns.
        XCTAssertTrue(try cli.run(["list"]).err.contains("entry \(witnessed)"))
    }

    func testRolledBackStoreIsReportedByCheckAndOnOpen() throws {
        let cli = try sample()
        XCTAssertEqual(try cli.shell("cp \"$STORE\" old.onroll").code, 0)
        XCTAssertEqual(try cli.run(["note", "WM-00001", "Spoke to school"]).code, 0)
        let seen = try headLine(cli)
        XCTAssertEqual(try cli.run(["list"]).err, "", "nothing to warn about yet")
        XCTAssertEqual(try cli.shell("rm -f \"$STORE-wal\" \"$STORE-shm\"; cp old.onroll \"$STORE\"").code, 0)
        let witnessed = seen.replacingOccurrences(of: "Audit head: ", with: "").replacingOccurrences(of: " · ", with: " (") + ")"
        let r = try cli.run(["check"])
        XCTAssertEqual(r.code, 65, r.out + r.err)
        XCTAssertTrue(r.err.contains("entry \(witnessed)") && r.err.contains("older copy"), r.err)
        let open = try cli.run(["show", "WM-00002"])
        XCTAssertEqual(open.code, 0, open.err)
        XCTAssertTrue(open.err.contains("warning: ") && open.err.contains("entry \(witnessed)"), open.err)
    }

    func testMinutesReportsAndCheckPrintTheHead() throws {
        let cli = try sample()
        let check = try cli.run(["check"])
        XCTAssertTrue(check.out.hasSuffix(try headLine(cli) + "\n"), check.out)
        let minutes = try cli.run(["panel", "minutes", "1"])
        XCTAssertEqual(minutes.code, 0, minutes.err)
        XCTAssertTrue(minutes.out.hasSuffix("\n\n" + (try headLine(cli)) + "\n"), String(minutes.out.suffix(200)))
        let html = try cli.run(["panel", "minutes", "1", "--format", "html", "--redact"])
        XCTAssertTrue(html.out.contains("<p class=\"meta\">\(try headLine(cli))</p>\n</body>"), String(html.out.suffix(200)))
        let report = try cli.run(["report", "caseload"])
        XCTAssertTrue(report.out.hasSuffix("\n\n" + (try headLine(cli)) + "\n"), String(report.out.suffix(200)))
        let published = try cli.run(["report", "caseload", "--format", "md", "--publish"])
        XCTAssertTrue(published.out.hasSuffix(try headLine(cli) + "\n"), String(published.out.suffix(200)))
    }

    // MARK: 5e

    func testRestoreIsAllOrNothing() throws {
        let cli = try sample()
        XCTAssertEqual(try cli.run(["show", "WM-00001"]).code, 0)   // the last entry is a view: cutting it leaves no row behind
        let export = try cli.run(["export"]).out
        let other = ["XDG_STATE_HOME": cli.dir + "/other-machine"]
        func refused(_ name: String, _ text: String, _ expected: String, line: UInt = #line) throws {
            let file = try cli.write(name + ".json", text)
            let target = cli.dir + "/\(name).onroll"
            let r = try cli.run(["restore", file, "--store", target], store: false, env: other)
            XCTAssertEqual(r.code, 65, r.out + r.err, line: line)
            XCTAssertTrue(r.err.contains(expected), r.err, line: line)
            for s in ["", "-wal", "-shm"] {
                XCTAssertFalse(FileManager.default.fileExists(atPath: target + s), "\(name) left \(target + s)", line: line)
            }
        }
        // The last audit entry cut off (and the comma before it, so the JSON still reads).
        var lines = export.components(separatedBy: "\n")
        let end = try XCTUnwrap(lines.lastIndex(of: "  ]"))
        lines.remove(at: end - 1)
        lines[end - 2] = String(lines[end - 2].dropLast())
        try refused("cut", lines.joined(separator: "\n"), "entries were cut")
        try refused("extra", export.replacingOccurrences(of: "\"tables\": {", with: "\"tables\": {\n    \"grdb_migrations\": [{\"identifier\": \"v9-smuggled\"}],"),
                    "the export has a table grdb_migrations that OnRoll does not keep")
        // Passes the inserts but not `check` (a row that is not what its audit entry says).
        let altered = try XCTUnwrap(export.range(of: "\"surname\": \""))
        try refused("altered", export.replacingCharacters(in: altered, with: "\"surname\": \"X"), "fails `onroll check`")
        // The whole export restores, ending at its head.
        let whole = try cli.write("whole.json", export)
        let r = try cli.run(["restore", whole, "--store", cli.dir + "/whole.onroll"], store: false, env: other)
        XCTAssertEqual(r.code, 0, r.err)
    }

    // MARK: 6

    func views(_ cli: CLI) throws -> [String] {
        try sql(cli, "SELECT entity || ' ' || entityId || ' ' || user FROM audit WHERE op = 'view' ORDER BY id;")
            .split(separator: "\n").map(String.init)
    }

    func testReadingPersonalDataWritesOneViewEntry() throws {
        let cli = try sample()
        let cases: [([String], String?)] = [
            (["show", "WM-00001"], "case WM-00001 tester"),
            (["export", "--output", cli.dir + "/e.json"], "store export tester"),
            (["export", "--format", "csv", cli.dir + "/csv"], "store export tester"),
            (["log", "--format", "json", "--limit", "5"], "audit all tester"),
            (["log", "WM-00001", "--format", "json"], "audit WM-00001 tester"),
            (["log"], nil),
            (["oos", "show", "C00001"], "child C00001 tester"),
            (["panel", "minutes", "1"], "panel 1 tester"),
            (["panel", "minutes", "1", "--format", "html", "--output", cli.dir + "/m.html"], "panel 1 tester"),
            (["panel", "minutes", "1", "--redact"], nil),
            (["report", "caseload"], "report caseload tester"),
            (["report", "suspensions", "--format", "json"], "report suspensions tester"),
            (["report", "caseload", "--publish"], nil),
            (["list"], nil),
        ]
        for (args, expected) in cases {
            let before = try views(cli)
            let r = try cli.run(args)
            XCTAssertEqual(r.code, 0, "\(args): \(r.err)")
            let added = Array(try views(cli).dropFirst(before.count))
            XCTAssertEqual(added, expected.map { [$0] } ?? [], "\(args)")
        }
    }
}
