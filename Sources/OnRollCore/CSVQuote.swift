/// The one writer of CSV fields (exports, reports, `list`, action lists, rejects).
///
/// RFC 4180 quoting only where it is needed (a comma, quote or line break inside, or a space at
/// either end that a spreadsheet would trim), so files stay readable and diff-able; and a cell a
/// spreadsheet would run as a formula is neutralised, because every CSV OnRoll writes may be opened
/// in one: a school named `=HYPERLINK(…)` must arrive as text.
public enum CSVQuote {
    public static func field(_ s: String) -> String {
        // Most cells need nothing: one pass over the bytes says so (`list` writes a million cells at 100,000 cases).
        if let first = s.utf8.first, !plainNever.contains(first), s.utf8.last != 0x20,
           !s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return s
        }
        let s = neutralised(s)
        // Bytes, not Characters: a comma followed by a combining mark is still a comma to a CSV reader.
        let needs = s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        guard needs else { return s }
        var q = "\""
        for ch in s.unicodeScalars { if ch == "\"" { q += "\"\"" } else { q.unicodeScalars.append(ch) } }
        return q + "\""
    }

    /// First bytes that may make a cell a formula (or an apostrophe-escaped one) or need quoting for its space.
    private static let plainNever: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x27, 0x20]

    /// The common rule (OWASP's): a cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading
    /// apostrophe, unless it is a number (`-5`, `+1.5`). So that the rule can be undone exactly, a
    /// value that already starts with apostrophes before such a character gets one more.
    public static func neutralised(_ s: String) -> String {
        guard startsFormula(s.drop { $0 == "'" }), !isNumber(s) else { return s }
        return "'" + s
    }

    /// What `neutralised` undid: importing OnRoll's own export gives back the original text.
    public static func restored(_ s: String) -> String {
        guard s.hasPrefix("'"), startsFormula(s.drop { $0 == "'" }) else { return s }
        return String(s.dropFirst())
    }

    static func startsFormula(_ s: Substring) -> Bool {
        guard let f = s.unicodeScalars.first else { return false }
        return f == "=" || f == "+" || f == "-" || f == "@" || f == "\t" || f == "\r"
    }

    static func isNumber(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        var dot = false
        for c in body {
            if c == "." { if dot { return false }; dot = true } else if !("0"..."9").contains(c) { return false }
        }
        return body != "."
    }
}
