import GRDB
import OnRollTestSupport
import Foundation
import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// Names and notes full of terminal escape sequences are shown as placeholders: no cell of any
/// screen ever holds an ESC, a C1 control, a bidi override or any other control character.
final class HostileNameTests: XCTestCase {
    static let payloads = ["\u{1B}[2J\u{1B}[H", "\u{1B}]0;pwned\u{7}", "\u{9B}31m", "\u{1B}P+q\u{1B}\\", "\u{7F}",
                           "\u{202E}evil", "\u{8}\u{8}\u{8}", "\r\nX", "\u{1B}[?1049l"]

    /// What the importer lets into a name: combining marks and wide glyphs. (It refuses controls, bidi
    /// and invisible characters; those are written past it below, as a hostile copy of the file could.)
    static let namePayloads = ["Jo\u{301}", "王", "Zoë"]
    static let forgedNames = ["\u{9B}31m", "\u{202E}evil", "\u{2066}x\u{2069}", "\u{85}", "\u{200B}"]

    func testEscapeSequencesNeverReachTheGrid() throws {
        let dir = NSTemporaryDirectory() + "onroll-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try Store.create(path: dir + "/h.onroll")
        var rng = FuzzRNG(seed: 31)
        var children = "ref,forename,surname,dob,strengths\n", cases = "ref,child_ref,kind,opened,owner,summary\n"
        for i in 0..<40 {
            let name = (0..<3).map { _ in rng.pick(Self.namePayloads) + "Jo" }.joined()
            children += "H\(i),\(CSVText.field(name)),\(CSVText.field(rng.pick(Self.namePayloads) + "Smith")),2012-01-01,\(CSVText.field(rng.pick(Self.payloads)))\n"
            cases += "WM-\(10000 + i),H\(i),ebsa,2026-10-01,owner,\(CSVText.field(rng.pick(Self.payloads)))\n"
        }
        _ = try store.importCSV(.children, data: Data(children.utf8), fileName: "children.csv", user: "t")
        // A name with an escape in it does not get in at all.
        XCTAssertThrowsError(try store.importCSV(.children, data: Data("ref,forename,surname,dob\nX1,\"\u{1B}[2J\",Smith,2012-01-01\n".utf8),
                                                 fileName: "children.csv", user: "t")) { e in
            XCTAssertTrue("\(e)".contains("children.csv:2: forename: contains a control character"), "\(e)")
        }
        _ = try store.importCSV(.cases, data: Data(cases.utf8), fileName: "cases.csv", user: "t")
        for (i, forged) in Self.forgedNames.enumerated() {
            try forge(store.path, "UPDATE children SET forename = ? || forename, surname = surname || ? WHERE CAST(substr(ref, 2) AS INTEGER) % ? = 0",
                      [forged, forged, i + 1])
        }
        try forge(store.path, "UPDATE cases SET owner = ?", ["o\u{9B}31m\u{202E}"])
        _ = try store.addNote(user: "t", caseRef: "WM-10000", text: "\u{1B}]52;c;ZXZpbA==\u{7} clipboard a\u{0}b", date: try SchoolDate.parse("2026-11-20"))

        let console = try Console(store: store, user: "t", today: try SchoolDate.parse("2026-11-23"), width: 120, height: 40)
        func assertClean(_ what: String) {
            let screen = Screen(width: 120, height: 40)
            RootView.render(console.state, on: screen)
            for cell in screen.cells {
                for u in cell.text.unicodeScalars {
                    let bad = u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
                    XCTAssertFalse(bad, "\(what): cell holds U+\(String(u.value, radix: 16, uppercase: true))")
                    if bad { return }
                }
            }
        }
        assertClean("caseload")
        XCTAssertEqual(console.state.all.count, 40)
        // Open the case and walk every tab, then search with an escape typed in.
        console.handle(.enter)
        for _ in AppState.CaseTab.allCases { assertClean("case tab \(console.state.tab)"); console.handle(.tab) }
        console.handle(.char("q"))
        console.handle(.char("/"))
        for ch in "jo\u{1B}" { console.handle(.char(ch)) }
        assertClean("search")
    }
}
