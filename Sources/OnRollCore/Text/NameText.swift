import SafeText

/// The rule for a name or a ref (a child's names, an officer, an owner, a school, an agency): one
/// line of text a person can read as it is stored. Control characters would be obeyed by a terminal;
/// bidi controls make a name display as another (`\u{202E}` reverses what follows); zero-width
/// characters and soft hyphens make two names that look identical differ, so a search or a
/// duplicate check misses one.
public enum NameText {
    /// Why `text` can't be stored as a name or ref, or nil when it can.
    public static func problem(_ text: String) -> String? {
        for u in text.unicodeScalars {
            switch u.value {
            case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x2028, 0x2029:
                return "contains a control character (line break, tab or escape)"
            case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069:
                return "contains a bidi control character (it changes the order the name is shown in)"
            case 0x00AD, 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x180E:
                return "contains an invisible character (a zero-width space, joiner or soft hyphen)"
            default:
                if Sanitise.isUnsafe(u) { return "contains a character that can't be shown" }
            }
        }
        return nil
    }
}
