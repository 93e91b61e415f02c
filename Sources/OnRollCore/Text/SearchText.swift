/// The form names are compared in when an officer searches: lower case, without diacritics
/// (`zoe` finds Zoë, `wisniewski` finds Wiśniewski, `oisin` finds Oisín), and without the invisible
/// characters (zero-width space, soft hyphen) that made `Jaz\u{200B}mine` unfindable.
///
/// Pure standard library: a Latin letter with a mark is folded to the base letter its Unicode name
/// gives ("LATIN SMALL LETTER S WITH ACUTE" → s), and combining marks are dropped, so both
/// precomposed and decomposed spellings fold alike, with no hand-made table.
public enum SearchText {
    public static func key(_ text: String) -> String {
        var ascii = true
        for u in text.unicodeScalars where u.value >= 0x80 { ascii = false; break }
        if ascii { return text.lowercased() }
        var out = String.UnicodeScalarView()
        for u in text.lowercased().unicodeScalars {
            if isInvisible(u) { continue }
            if u.value < 0x80 { out.append(u); continue }
            switch u.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            if let base = latinBase(u) { out.append(base) } else { out.append(u) }
        }
        return String(out)
    }

    static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00AD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x180E, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }

    /// The plain letter of a Latin letter with a diacritic, read from its Unicode name.
    static func latinBase(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        guard (0x00C0...0x024F).contains(u.value) || (0x1E00...0x1EFF).contains(u.value), let name = u.properties.name else { return nil }
        for prefix in ["LATIN SMALL LETTER ", "LATIN CAPITAL LETTER "] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard rest.count > 6, rest.dropFirst().hasPrefix(" WITH "), let letter = rest.first?.lowercased().unicodeScalars.first else { return nil }
            return letter
        }
        return nil
    }
}
