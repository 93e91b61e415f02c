import Foundation
import OnRollConsole
import OnRollCore
import TerminalKit
import XCTest

/// The reports screen: opened with R or the palette, driven by keys, written to a file by w.
final class ReportScreenTests: XCTestCase {
    func testReportsScreenAt80x24() throws {
        let f = try ConsoleFixture()
        f.press([.char("R")])
        XCTAssertEqual(f.console.state.mode, .reports)
        assertSnapshot(f.text, named: "reports-caseload-80x24")
        f.press([.char("2"), .char("t")])
        assertSnapshot(f.text, named: "reports-suspensions-autumn-80x24")
    }

    func testReportsScreenAt160x48() throws {
        let f = try ConsoleFixture(width: 160, height: 48)
        f.press([.char("R"), .char("2")])
        assertSnapshot(f.text, named: "reports-suspensions-160x48")
        f.press([.char("p")])
        assertSnapshot(f.text, named: "reports-suspensions-published-160x48")
    }

    func testKeysChangeReportPeriodAndMode() throws {
        let f = try ConsoleFixture()
        f.press([.char("R")])
        var r = f.console.state.reports
        // The fixture's today is 23 Nov 2026: academic year 2026/27, whole year, internal.
        XCTAssertEqual(r.name, "caseload"); XCTAssertEqual(r.year?.description, "2026/27"); XCTAssertNil(r.term)
        f.press([.right, .right])
        XCTAssertEqual(f.console.state.reports.name, "reintegration")
        f.press([.left, .char("5")])
        XCTAssertEqual(f.console.state.reports.name, "actions")
        f.press([.char("["), .char("t"), .char("t")])
        r = f.console.state.reports
        XCTAssertEqual(r.year?.description, "2025/26"); XCTAssertEqual(r.term, .spring)
        f.press([.char("]"), .char("p")])
        r = f.console.state.reports
        XCTAssertEqual(r.year?.description, "2026/27"); XCTAssertTrue(r.publish); XCTAssertEqual(r.bundle?.published, true)
        // The same figures as the CLI's: 2 open actions in the fixture, both overdue? CAMHS due 10 Nov (overdue),
        // education welfare due 30 Nov (not yet): published, both counts of 1 become c.
        XCTAssertTrue(f.text.contains("CAMHS"))
        f.press([.char("2"), .char("t"), .char("t")])
        XCTAssertNil(f.console.state.reports.term, "t cycles spring → summer → whole year")
        // Suspensions of C1 at Hillcrest in 2026/27: 21 Sep (3 days) and 12 Oct (2 days).
        f.press([.char("p")])
        let table = try XCTUnwrap(f.console.state.reports.bundle?.table("bySchool"))
        XCTAssertEqual(table.cell(row: nil, key: "suspensions"), .count(2))
        XCTAssertEqual(table.cell(row: nil, key: "daysLost")?.numericValue, 5)
        f.press([.char("q")])
        XCTAssertEqual(f.console.state.mode, .caseload)
    }

    func testPaletteOpensReportsAndHelpListsTheirKeys() throws {
        let f = try ConsoleFixture(width: 160, height: 48)
        f.press([.char(":")])
        f.type("open the reports")
        f.press([.enter])
        XCTAssertEqual(f.console.state.mode, .reports)
        f.press([.char("?")])
        let help = f.text
        for s in ["Report: toggle publishable", "Report: write it to a markdown file", "Report: previous academic year"] {
            XCTAssertTrue(help.contains(s), "help lacks \(s)")
        }
    }

    func testWriteKeyWritesTheReportToTheShownPath() throws {
        let f = try ConsoleFixture()
        let dir = f.dir + "/out"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        f.console.reportDirectory = dir
        f.press([.char("R"), .char("2"), .char("t"), .char("p")])
        let path = dir + "/onroll-report-suspensions-2026-27-autumn-published.md"
        XCTAssertTrue(f.console.state.message.contains("w writes \(path)"), f.console.state.message)
        f.press([.char("w")])
        XCTAssertEqual(f.console.state.message, "Wrote \(path) (publishable)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# Suspensions and permanent exclusions\n"), text)
        XCTAssertTrue(text.contains("2026/27 autumn term (2 Sep 2026 – 18 Dec 2026)"), text)
        XCTAssertFalse(text.contains("Okafor"))
    }
}
