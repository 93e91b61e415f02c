import Foundation
import XCTest

/// Version-checked edits for scripts, the debug log's silence about children, and the store's mode.
final class SafetyCLITests: XCTestCase {
    func testExpectVersionRefusesAStaleAssignAndStatus() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let show = try XCTUnwrap(try cli.json(["show", "WM-00007", "--format", "json"]) as? [String: Any])
        let v = try XCTUnwrap(show["version"] as? Int)

        // The script read version v; another officer then assigns; the script's assign must not overwrite.
        let first = try cli.run(["case", "assign", "WM-00007", "--owner", "tom.reid", "--expect-version", "\(v)", "--user", "asha.patel"])
        XCTAssertEqual(first.code, 0, first.err)
        let stale = try cli.run(["case", "assign", "WM-00007", "--owner", "sam.jones", "--expect-version", "\(v)", "--user", "sam.jones"])
        XCTAssertEqual(stale.code, 1)
        XCTAssertTrue(stale.err.hasPrefix("error: case WM-00007 was changed by asha.patel at "), stale.err)
        XCTAssertTrue(stale.err.contains("— reload and try again"), stale.err)
        let status = try cli.run(["case", "status", "WM-00007", "monitoring", "--expect-version", "\(v)"])
        XCTAssertEqual(status.code, 1, status.err)
        XCTAssertTrue(status.err.contains("was changed by asha.patel"), status.err)

        let after = try XCTUnwrap(try cli.json(["show", "WM-00007", "--format", "json"]) as? [String: Any])
        XCTAssertEqual(after["owner"] as? String, "tom.reid", "the stale assign changed nothing")
        XCTAssertEqual(after["version"] as? Int, v + 1)
        // With the current version it goes through.
        XCTAssertEqual(try cli.run(["case", "status", "WM-00007", "monitoring", "--expect-version", "\(v + 1)"]).code, 0)
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testDebugLogNeverNamesAChild() throws {
        let cli = try CLI()
        let dbg = ["ONROLL_LOG": "debug"]
        var stderr = ""
        func run(_ args: [String]) throws {
            let r = try cli.run(args, env: dbg)
            XCTAssertEqual(r.code, 0, "\(args): \(r.err)")
            stderr += r.err
        }
        try run(["init", "--sample"])
        let list = try XCTUnwrap(try cli.json(["list", "--format", "json", "--all"]) as? [[String: Any]])
        let refs = list.compactMap { $0["ref"] as? String }
        try run(["list"])
        try run(["list", "--format", "csv", "--search", "a"])
        for ref in refs.prefix(5) {
            try run(["show", ref])
            try run(["note", ref, "Debug-log test note"])
        }
        try run(["case", "assign", refs[0], "--owner", "tom.reid"])
        let kids = try cli.write("kids.csv", "ref,upn,forename,surname,dob\nZ1,,Zebedee,Quartermaine,2012-01-01\n")
        try run(["import", "children", kids])
        try run(["case", "open", "--child", "Z1", "--kind", "ebsa"])
        try run(["check"])
        try run(["log"])

        XCTAssertTrue(stderr.contains("committed"), "the debug log should say something:\n\(stderr.prefix(500))")
        // Every child in the store, by every form of their name, and their UPN.
        var needles = ["Zebedee", "Quartermaine"]
        for r in list { if let n = r["childName"] as? String { needles.append(n) } }
        for ref in refs.prefix(5) {
            let s = try XCTUnwrap(try cli.json(["show", ref, "--format", "json"]) as? [String: Any])
            let c = try XCTUnwrap(s["child"] as? [String: Any])
            needles += ["forename", "surname", "upn"].compactMap { c[$0] as? String }.filter { $0.count > 3 }
        }
        XCTAssertGreaterThan(needles.count, 100)
        for n in needles { XCTAssertFalse(stderr.contains(n), "the log names \(n)") }
        XCTAssertFalse(stderr.contains("Debug-log test note"), "the log carries a note's text")
    }

    func testStoreIsCreated0600AndAWarningWhenOthersCanRead() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: cli.store)[.posixPermissions] as? NSNumber).intValue
        XCTAssertEqual(mode & 0o777, 0o600)
        let quiet = try cli.run(["list"])
        XCTAssertFalse(quiet.err.contains("warning"), quiet.err)
        chmod(cli.store, 0o644)
        let loud = try cli.run(["list"])
        XCTAssertEqual(loud.code, 0)
        XCTAssertTrue(loud.err.contains("warning: \(cli.store) can be read by other users"), loud.err)
    }
}
