@testable import TerminalKit
import XCTest

final class ScreenTests: XCTestCase {
    func testPutClipsAtTheEdgeAndSnapshotsAsText() {
        let s = Screen(width: 10, height: 2)
        s.put("Hello world", x: 0, y: 0)
        s.put("ab", x: 8, y: 1)
        XCTAssertEqual(s.lines(), ["Hello worl", "        ab"])
    }

    func testWideGlyphsTakeTwoCellsAndNeverStraddleTheEdge() {
        let s = Screen(width: 5, height: 1)
        s.put("王小明", x: 0, y: 0)
        XCTAssertEqual(s.lines(), ["王小"])
        XCTAssertTrue(s[1, 0].isContinuation)
        XCTAssertEqual(s[4, 0].text, " ", "the third glyph would straddle the edge")
    }

    func testOverwritingHalfAWideGlyphBlanksTheOtherHalf() {
        let s = Screen(width: 6, height: 1)
        s.put("王小", x: 0, y: 0)
        s.put("x", x: 1, y: 0)
        XCTAssertEqual(s.lines(), [" x小"])
    }

    func testCombiningMarksJoinTheirBase() {
        let s = Screen(width: 6, height: 1)
        s.put("Zoe\u{308}!", x: 0, y: 0)
        XCTAssertEqual(s.lines(), ["Zoë!"])
        XCTAssertEqual(s[2, 0].text, "e\u{308}")
    }

    func testEscapesInDataReachNoCell() {
        let s = Screen(width: 20, height: 1)
        s.put("\u{1B}[31mRed\u{1B}[0m", x: 0, y: 0)
        XCTAssertEqual(s.lines(), ["␛[31mRed␛[0m"])
        XCTAssertFalse(s.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } })
    }

    func testChangesListsOnlyWhatDiffers() {
        let a = Screen(width: 4, height: 2)
        a.put("abcd", x: 0, y: 0)
        let b = a.copy()
        b.put("X", x: 2, y: 1)
        let diff = b.changes(since: a)
        XCTAssertEqual(diff.count, 1)
        XCTAssertEqual(diff[0].x, 2)
        XCTAssertEqual(diff[0].y, 1)
        XCTAssertEqual(b.changes(since: nil).count, 8, "no previous frame: everything is written")
    }

    func testBox() {
        let s = Screen(width: 4, height: 3)
        s.box(x: 0, y: 0, width: 4, height: 3)
        XCTAssertEqual(s.lines(), ["┌──┐", "│  │", "└──┘"])
    }
}

final class KeyTests: XCTestCase {
    func testDecodesCharactersAndFunctionKeys() {
        XCTAssertEqual(Key.fromCharacter(13), .enter)
        XCTAssertEqual(Key.fromCharacter(10), .enter)
        XCTAssertEqual(Key.fromCharacter(27), .escape)
        XCTAssertEqual(Key.fromCharacter(127), .backspace)
        XCTAssertEqual(Key.fromCharacter(9), .tab)
        XCTAssertEqual(Key.fromCharacter(12), .ctrl("l"))
        XCTAssertEqual(Key.fromCharacter(0xE9), .char("é"))
        XCTAssertEqual(Key.fromCharacter(0x738B), .char("王"))
        XCTAssertEqual(Key.fromKeyCode(259), .up)
        XCTAssertEqual(Key.fromKeyCode(338), .pageDown)
        XCTAssertEqual(Key.fromKeyCode(410), .resize)
        XCTAssertEqual(Key.fromKeyCode(265), .function(1))
        XCTAssertEqual(Key.ctrl("l").label, "Ctrl-L")
        XCTAssertEqual(Key.pageDown.label, "PgDn")
    }

    func testMemoryBackendScriptsKeysAndResizes() {
        let b = MemoryBackend(width: 80, height: 24, keys: MemoryBackend.typing("ab"))
        b.resize(width: 100, height: 30)
        XCTAssertEqual(b.readKey(timeoutMs: 0), .resize)
        XCTAssertEqual(b.size().width, 100)
        XCTAssertEqual(b.readKey(timeoutMs: 0), .char("a"))
        XCTAssertEqual(b.readKey(timeoutMs: 0), .char("b"))
        XCTAssertEqual(b.readKey(timeoutMs: 0), .ctrl("c"))
    }
}
