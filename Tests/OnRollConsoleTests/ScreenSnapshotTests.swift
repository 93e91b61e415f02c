import OnRollConsole
import OnRollCore
import TerminalKit
import XCTest

/// Each screen rendered into the in-memory grid at 80×24 and 160×48, compared with a snapshot.
final class ScreenSnapshotTests: XCTestCase {
    func testCaseloadAt80x24() throws {
        assertSnapshot(maskingScores(try ConsoleFixture().text), named: "caseload-80x24")
    }

    func testCaseloadAt160x48() throws {
        assertSnapshot(maskingScores(try ConsoleFixture(width: 160, height: 48).text), named: "caseload-160x48")
    }

    func testCaseScreenTabsAt80x24() throws {
        let f = try ConsoleFixture()
        f.type("/okafor")
        f.press([.enter, .enter])
        assertSnapshot(f.text, named: "case-summary-80x24")
        f.press([.tab])
        assertSnapshot(maskingScores(f.text), named: "case-why-80x24")
        f.press([.tab, .tab])
        assertSnapshot(f.text, named: "case-actions-80x24")
        f.press([.tab])
        assertSnapshot(f.text, named: "case-suspensions-80x24")
        f.press([.tab])
        assertSnapshot(f.text, named: "case-plan-80x24")
    }

    func testCaseScreenAt160x48() throws {
        let f = try ConsoleFixture(width: 160, height: 48)
        f.type("/okafor")
        f.press([.enter, .enter, .tab, .tab])
        assertSnapshot(f.text, named: "case-chronology-160x48")
    }

    func testHelpOverlayListsTheKeyTable() throws {
        let f = try ConsoleFixture()
        f.press([.char("?")])
        let text = f.text
        assertSnapshot(text, named: "help-caseload-80x24")
        // Every binding of the table is listed (titles may be cut to fit two columns at 80×24).
        for b in KeyMap.bindings(for: .caseload) {
            XCTAssertTrue(text.contains(b.label + " ") && text.contains(String(b.command.title.prefix(12))), b.command.title)
        }
    }

    func testPaletteFuzzyMatches() throws {
        let f = try ConsoleFixture()
        f.press([.char(":")])
        f.type("overd")
        assertSnapshot(f.text, named: "palette-80x24")
        f.press([.enter])
        XCTAssertEqual(f.console.state.view, .overdue)
    }

    func testTooSmallTerminalShowsANotice() throws {
        let f = try ConsoleFixture()
        f.console.resize(width: 40, height: 10)
        XCTAssertTrue(f.text.contains("Terminal too small"))
        f.console.resize(width: 20, height: 3)
        XCTAssertTrue(f.text.contains("Terminal too small"))
        f.console.resize(width: 80, height: 24)
        XCTAssertTrue(f.text.contains("OnRoll · All open cases"))
    }

    func testNewNoteFormAt80x24() throws {
        let f = try ConsoleFixture()
        f.press([.char("n")])
        f.type("Called mum")
        assertSnapshot(f.text, named: "form-note-80x24")
    }
}
