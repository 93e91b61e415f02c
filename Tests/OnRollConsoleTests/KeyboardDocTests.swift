import Foundation
import OnRollConsole
import XCTest

/// docs/keyboard.md must list every key the console dispatches on, with its command.
final class KeyboardDocTests: XCTestCase {
    func testKeyboardReferenceListsEveryBinding() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/keyboard.md"), encoding: .utf8)
        let rows = doc.split(separator: "\n").filter { $0.hasPrefix("| `") }
        for mode in [ScreenMode.caseload, .caseDetail, .plans, .reports, .panel, .overdueActions] {
            for b in KeyMap.bindings(for: mode) {
                for key in b.keys {
                    let cell = "`\(key.label)`"
                    XCTAssertTrue(rows.contains { $0.contains(cell) && $0.contains(String(b.command.title.prefix(14))) },
                                  "docs/keyboard.md has no row with \(cell) for “\(b.command.title)”")
                }
            }
        }
    }
}
