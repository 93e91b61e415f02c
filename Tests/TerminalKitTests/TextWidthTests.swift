@testable import TerminalKit
import XCTest

final class TextWidthTests: XCTestCase {
    func testWidthsFollowWcwidth() {
        XCTAssertEqual(TextWidth.of("Sam"), 3)
        XCTAssertEqual(TextWidth.of("漢字"), 4)
        XCTAssertEqual(TextWidth.of("e\u{301}"), 1, "a combining accent adds no width")
        XCTAssertEqual(TextWidth.of("Zoë"), 3)
        XCTAssertEqual(TextWidth.of("김민준"), 6)
        XCTAssertEqual(TextWidth.of("محمد"), 4)
        XCTAssertEqual(TextWidth.of("👍"), 2)
        XCTAssertEqual(TextWidth.of("ｶ"), 1, "halfwidth katakana is narrow")
        XCTAssertEqual(TextWidth.of("Ａ"), 2, "fullwidth latin is wide")
    }

    func testTruncateNeverSplitsAWideGlyph() {
        XCTAssertEqual(TextWidth.truncate("Okafor", toWidth: 10), "Okafor")
        XCTAssertEqual(TextWidth.truncate("Okafor-Williams", toWidth: 8), "Okafor-…")
        XCTAssertEqual(TextWidth.truncate("王小明同学", toWidth: 6), "王小…")
        XCTAssertEqual(TextWidth.truncate("王小明同学", toWidth: 5), "王小…")
        XCTAssertEqual(TextWidth.of(TextWidth.truncate("王小明同学", toWidth: 4)), 3)
    }

    func testPadAlignsMixedScriptsByCells() {
        let names = ["Sam Okafor", "王小明", "Zoë Brontë", "محمد علي"]
        let padded = names.map { TextWidth.pad($0, toWidth: 12) + "|" }
        for p in padded { XCTAssertEqual(TextWidth.of(p), 13, p) }
        XCTAssertEqual(TextWidth.pad("7", toWidth: 3, align: .right), "  7")
    }
}

final class SanitiseTests: XCTestCase {
    func testEscapeSequencesBecomeVisiblePlaceholders() {
        XCTAssertEqual(Sanitise.forTerminal("\u{1B}[2JAna"), "␛[2JAna")
        XCTAssertEqual(Sanitise.forTerminal("\u{1B}]52;c;SGVsbG8=\u{07}"), "␛]52;c;SGVsbG8=␇")
        XCTAssertEqual(Sanitise.forTerminal("a\u{0}b\u{7F}c\u{9B}d"), "a␀b␡c⍰d")
        XCTAssertEqual(Sanitise.forTerminal("line\nbreak\ttab\r"), "line␊break␉tab␍")
        XCTAssertEqual(Sanitise.forTerminal("abc\u{202E}fdp.exe"), "abc⍰fdp.exe", "right-to-left override is neutralised")
        XCTAssertEqual(Sanitise.forTerminal("Zoë 王小明 محمد"), "Zoë 王小明 محمد", "ordinary text is untouched")
    }

    func testNoControlCharacterSurvives() {
        var all = ""
        for v in 0..<0xA0 { all.unicodeScalars.append(Unicode.Scalar(v)!) }
        let clean = Sanitise.forTerminal(all)
        XCTAssertFalse(clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }
}
