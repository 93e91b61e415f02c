@testable import TerminalKit
import XCTest

/// The real ncurses backend, headless: draw grids, read back what ncurses holds.
final class NcursesBackendTests: XCTestCase {
    func testDiffFlushWritesWhatTheGridSays() throws {
        let backend = try XCTUnwrap(NcursesBackend.headless(width: 20, height: 3))
        defer { backend.end() }
        let a = Screen(width: 20, height: 3)
        a.put("Sam Okafor", x: 0, y: 0)
        a.put("王小明 Zoë", x: 0, y: 1, style: Style(bold: true))
        a.put("\u{1B}[2Jboom", x: 0, y: 2)
        backend.draw(a)
        XCTAssertEqual(backend.readRow(0, width: 20).trimmingCharacters(in: .whitespaces), "Sam Okafor")
        XCTAssertTrue(backend.readRow(1, width: 20).hasPrefix("王"), backend.readRow(1, width: 20))
        XCTAssertTrue(backend.readRow(1, width: 20).contains("Zoë"))
        XCTAssertEqual(backend.readRow(2, width: 20).trimmingCharacters(in: .whitespaces), "␛[2Jboom")
        // A second frame goes through the diff: only the changed cells are written.
        let b = a.copy()
        b.put("Sam Okafor-Reid", x: 0, y: 0)
        XCTAssertEqual(b.changes(since: a).count, 5)
        backend.draw(b)
        XCTAssertEqual(backend.readRow(0, width: 20).trimmingCharacters(in: .whitespaces), "Sam Okafor-Reid")
    }
}
