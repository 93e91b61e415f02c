/// Data is shown, never executed. Every control character, escape, C1 code, bidi override and
/// zero-width character in stored text becomes a visible placeholder before it reaches a terminal,
/// so a name holding `ESC ]52;…` (clipboard write), `ESC ]0;…BEL` (window title) or `ESC [2J`
/// (clear screen) is drawn, not obeyed, and a name can't hide characters or reverse its own text.
///
/// This is the one rule: the console's cells, every line the CLI prints to stdout or stderr, and
/// JSON (which escapes the same scalars as `\uXXXX`) all use `isUnsafe`.
public enum Sanitise {
    /// For one cell or one line: newlines and tabs are shown too (␊, ␉), as a cell has no room for them.
    public static func forTerminal(_ s: String) -> String { replace(s, keepingLayout: false) }

    /// For a whole document printed as lines: newline, tab and CRLF keep their meaning; everything else
    /// unsafe is shown. A lone CR is shown, as it would let one line overprint another.
    public static func forText(_ s: String) -> String { replace(s, keepingLayout: true) }

    /// True for a scalar that a terminal would obey or that would be invisible.
    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool { placeholder(u) != nil }

    /// The placeholder for a dangerous scalar, or nil if it is safe to draw.
    /// C0 controls use Unicode's Control Pictures (␛ for ESC, ␀ for NUL, ␊ for LF); DEL is ␡;
    /// C1 controls, bidi controls, zero-width characters and line separators, which have no picture, become ⍰.
    public static func placeholder(_ u: Unicode.Scalar) -> String? {
        let v = u.value
        switch v {
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + v)!)
        case 0x7F: return "␡"
        case 0x80...0x9F: return "⍰"
        // bidi marks, embeddings, overrides and isolates
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return "⍰"
        // zero-width space, non-joiner, joiner, word joiner and invisible operators, BOM, Mongolian vowel separator
        case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x180E: return "⍰"
        // line and paragraph separators break a line where none is shown
        case 0x2028, 0x2029: return "⍰"
        default: return nil
        }
    }

    static func replace(_ s: String, keepingLayout: Bool) -> String {
        // The common case, printable ASCII (and the layout a document keeps), is one pass over the bytes.
        if s.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || (keepingLayout && ($0 == 0x0A || $0 == 0x09)) }) { return s }
        // Then clean text beyond ASCII, one pass over the scalars and no copy.
        let layout: (Unicode.Scalar) -> Bool = { keepingLayout && ($0 == "\n" || $0 == "\t") }
        guard s.unicodeScalars.contains(where: { isUnsafe($0) && !layout($0) }) else { return s }
        let scalars = Array(s.unicodeScalars)
        // A CR directly before LF is a line end (calendars and spreadsheets' CSV use CRLF); a lone CR
        // would return to the line's start and overprint it.
        func kept(_ i: Int) -> Bool {
            guard keepingLayout else { return false }
            let u = scalars[i]
            return u == "\n" || u == "\t" || (u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n")
        }
        guard scalars.indices.contains(where: { isUnsafe(scalars[$0]) && !kept($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for i in scalars.indices {
            if !kept(i), let p = placeholder(scalars[i]) { out.append(contentsOf: p.unicodeScalars) } else { out.append(scalars[i]) }
        }
        return String(out)
    }
}
