import TerminalKit

/// A one-line text editor with a cursor: what every form field types into.
/// Works on Characters so a cursor never lands inside an accented letter or a CJK glyph.
public struct LineEditor: Equatable, Sendable {
    public private(set) var text: [Character]
    public private(set) var cursor: Int

    public init(_ s: String = "") {
        text = Array(s)
        cursor = text.count
    }

    public var string: String { String(text) }

    /// Applies an editing key; returns false for keys it does not handle.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            text.insert(c, at: cursor); cursor += 1
        case .backspace:
            if cursor > 0 { text.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < text.count { text.remove(at: cursor) }
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = text.count
        case .ctrl("u"):
            text.removeFirst(cursor); cursor = 0
        case .ctrl("k"):
            text.removeLast(text.count - cursor)
        case .ctrl("w"):
            var i = cursor
            while i > 0, text[i - 1] == " " { i -= 1 }
            while i > 0, text[i - 1] != " " { i -= 1 }
            text.removeSubrange(i..<cursor); cursor = i
        default:
            return false
        }
        return true
    }

    /// The part of the text that fits `width` cells with the cursor visible, and the cursor's column in it.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        func w(_ a: Int, _ b: Int) -> Int { TextWidth.of(String(text[a..<b])) }
        while w(start, cursor) > width - 1 { start += 1 }
        var end = cursor
        while end < text.count, w(start, end + 1) <= width { end += 1 }
        return (String(text[start..<end]), w(start, cursor))
    }
}
