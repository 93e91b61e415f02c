import Foundation
import XCTest

/// `plan review --decision extend|end` and `plan target` through the real binary.
extension CaseworkCLITests {
    func testExtendAndEndDecisionsAndTarget() throws {
        let cli = try setUpStore()
        func ok(_ args: [String]) throws -> String { try self.ok(cli, args) }
        let id = try ok(["plan", "new", "WM-00001", "--from", "140002", "--to", "140001", "--start", "2026-09-14", "--target", "2026-12-18"])
        let review = ["plan", "review", id, "--attended", "7", "--planned", "8", "--rag", "green"]

        let missing = try cli.run(review + ["--date", "2026-10-05", "--decision", "extend"])
        XCTAssertEqual(missing.code, 65)
        XCTAssertEqual(missing.err, "error: a decision to extend plan 1 needs --new-target DATE\n")
        let early = try cli.run(review + ["--date", "2026-10-05", "--decision", "extend", "--new-target", "2026-12-01"])
        XCTAssertTrue(early.err.contains("--new-target 2026-12-01 is not after plan 1's target (2026-12-18)"), early.err)
        _ = try ok(review + ["--date", "2026-10-05", "--decision", "extend", "--new-target", "2027-02-12"])
        XCTAssertTrue(try ok(["plan", "show", id]).contains("full time by 2027-02-12"))

        XCTAssertEqual(try ok(["plan", "target", id, "--date", "2027-01-29", "--reason", "Spring start agreed"]), "plan 1: full time by 2027-01-29")

        let noOutcome = try cli.run(review + ["--date", "2026-10-19", "--decision", "end"])
        XCTAssertTrue(noOutcome.err.contains("needs --outcome completed or broken-down"), noOutcome.err)
        let noReason = try cli.run(review + ["--date", "2026-10-19", "--decision", "end", "--outcome", "broken-down"])
        XCTAssertEqual(noReason.err, "error: a plan that broke down needs a --reason\n")
        _ = try ok(review + ["--date", "2026-10-19", "--decision", "end", "--outcome", "broken-down", "--reason", "Family moved"])
        let show = try XCTUnwrap(try cli.json(["plan", "show", id, "--format", "json"]) as? [String: Any])
        XCTAssertEqual(show["status"] as? String, "broken-down")
        XCTAssertEqual(show["endedOn"] as? String, "2026-10-19")
        XCTAssertEqual(show["target"] as? String, "2027-01-29")
    }
}
