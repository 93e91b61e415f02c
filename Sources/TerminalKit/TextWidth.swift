/// Display width in terminal cells, following wcwidth: combining marks 0, East Asian wide and
/// fullwidth characters and emoji 2, everything else 1. Pure Swift, so layout (and tests) do not
/// depend on the process locale; ncursesw agrees with these widths for the scripts we handle.
public enum TextWidth {
    public enum Align: Sendable { case left, right }

    public static func of(_ s: String) -> Int {
        // Most cells are plain ASCII, one column a byte: a byte scan, not a walk by grapheme.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var w = 0
        for ch in s { w += of(ch) }
        return w
    }

    /// Width of one grapheme: its first scalar decides, combining marks after it add nothing.
    public static func of(_ ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        if ch.unicodeScalars.count > 1, ch.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return scalarWidth(first)
    }

    public static func scalarWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 1 } // shown as placeholders by Sanitise
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x05BF, 0x05C1...0x05C2, 0x05C4...0x05C5, 0x05C7,
             0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8, 0x06EA...0x06ED,
             0x0900...0x0902, 0x093A, 0x093C, 0x0941...0x0948, 0x094D, 0x0951...0x0957, 0x0962...0x0963,
             0x0981, 0x09BC, 0x09C1...0x09C4, 0x09CD, 0x0A01...0x0A02, 0x0A3C, 0x0A41...0x0A51, 0x0A70...0x0A71,
             0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F,
             0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF,
             0x1F3FB...0x1F3FF, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
             0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
             0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
             0x1F7E0...0x1F7EB, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Cuts `s` to at most `width` cells, ending with `…` when anything was cut. Never splits a wide glyph.
    public static func truncate(_ s: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let limit = width - of(ellipsis)
        var out = "", used = 0
        for ch in s {
            let w = of(ch)
            if used + w > limit { break }
            out.append(ch); used += w
        }
        return limit >= 0 ? out + ellipsis : ""
    }

    /// Pads `s` with spaces to exactly `width` cells (truncating first if longer).
    public static func pad(_ s: String, toWidth width: Int, align: Align = .left) -> String {
        let used = of(s)
        let t = used > width ? truncate(s, toWidth: width) : s
        let gap = String(repeating: " ", count: max(0, width - (used > width ? of(t) : used)))
        return align == .left ? t + gap : gap + t
    }
}
