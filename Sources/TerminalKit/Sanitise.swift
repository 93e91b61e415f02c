/// Data is shown, never executed. Every control character, escape, C1 code and bidi override in
/// stored text becomes a visible placeholder before it can reach a cell, so a name holding
/// `ESC ]52;…` (clipboard write) or `ESC [2J` (clear screen) is drawn, not obeyed.
public enum Sanitise {
    public static func forTerminal(_ s: String) -> String {
        var needs = false
        for u in s.unicodeScalars where placeholder(u) != nil { needs = true; break }
        guard needs else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if let p = placeholder(u) { out.append(contentsOf: p.unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    /// The placeholder for a dangerous scalar, or nil if it is safe to draw.
    /// C0 controls use Unicode's Control Pictures (␛ for ESC, ␀ for NUL, ␊ for LF); DEL is ␡;
    /// C1 controls and bidi overrides, which have no picture, become ⍰.
    public static func placeholder(_ u: Unicode.Scalar) -> String? {
        let v = u.value
        switch v {
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + v)!)
        case 0x7F: return "␡"
        case 0x80...0x9F: return "⍰"
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return "⍰"
        default: return nil
        }
    }
}
