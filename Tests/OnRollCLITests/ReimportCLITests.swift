import Foundation
import XCTest

/// Issue 12 point 2 by the CLI: an old export cannot undo a colleague's newer change (exit 65), and a
/// versionless change goes in only with --update-existing.
final class ReimportCLITests: XCTestCase {
    func owner(_ cli: CLI, _ ref: String) throws -> String? {
        (try cli.json(["show", ref, "--format", "json"]) as? [String: Any])?["owner"] as? String
    }

    func testAnOldExportIsRefusedAndAVersionlessChangeNeedsUpdateExisting() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let dir = cli.dir + "/csv"
        XCTAssertEqual(try cli.run(["export", "--format", "csv", dir]).code, 0)
        let cases = dir + "/cases.csv"
        XCTAssertTrue(try String(contentsOfFile: cases, encoding: .utf8).hasPrefix("ref,child_ref,"), "export wrote cases.csv")

        // Untouched, the export imports back as unchanged.
        let same = try cli.run(["import", "cases", cases])
        XCTAssertEqual(same.code, 0, same.err)
        XCTAssertTrue(same.out.hasPrefix("cases: 0 added, 0 updated, "), same.out)

        // Another officer takes WM-00001; the old file would put the old owner back.
        let was = try owner(cli, "WM-00001")
        XCTAssertEqual(try cli.run(["case", "assign", "WM-00001", "--owner", "sam.lee"], env: ["ONROLL_USER": "sam.lee"]).code, 0)
        let stale = try cli.run(["import", "cases", cases])
        XCTAssertEqual(stale.code, 65, stale.out)
        XCTAssertTrue(stale.err.contains("\(cases):2: ref: changed by sam.lee at "), stale.err)
        XCTAssertTrue(stale.err.contains(" since this file was made"), stale.err)
        XCTAssertEqual(try owner(cli, "WM-00001"), "sam.lee", "nothing written")

        // A file without versions may add cases but not change one, unless asked.
        let row = "ref,child_ref,kind,status,opened,owner\nWM-00001,C00001,suspension,open,2026-09-03,\(was ?? "x")\n"
        let plain = try cli.write("plain.csv", row)
        let refused = try cli.run(["import", "cases", plain])
        XCTAssertEqual(refused.code, 65)
        XCTAssertTrue(refused.err.contains("WM-00001 already exists and this row would change it ("), refused.err)
        XCTAssertTrue(refused.err.contains("re-export to get versions, or pass --update-existing"), refused.err)
        let forced = try cli.run(["import", "cases", plain, "--update-existing"])
        XCTAssertEqual(forced.code, 0, forced.err)
        XCTAssertEqual(forced.out, "cases: 0 added, 1 updated, 0 unchanged\n")
        XCTAssertEqual(try owner(cli, "WM-00001"), was)
        let log = try cli.run(["show", "WM-00001"])
        XCTAssertTrue(log.out.contains("import plain.csv: owner sam.lee → \(was ?? "x")"), log.out)
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }
}
