/// RFC 4180 quoting for every CSV OnRoll writes (exports, reports, action lists): a field is quoted
/// only when it must be — a comma, quote or line break inside, or a space at either end that a
/// spreadsheet would otherwise trim — so files stay readable and diff-able.
public enum CSVQuote {
    public static func field(_ s: String) -> String {
        let needs = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        guard needs else { return s }
        var q = "\""
        for ch in s.unicodeScalars { if ch == "\"" { q += "\"\"" } else { q.unicodeScalars.append(ch) } }
        return q + "\""
    }

    /// Free text in a file made to be opened in a spreadsheet (an agency's action list): a cell that
    /// starts with `=`, `+`, `-` or `@` would run as a formula, so it gets a leading apostrophe.
    /// Not used for import-format exports, which must round-trip exactly.
    public static func spreadsheetSafe(_ s: String) -> String {
        guard let f = s.unicodeScalars.first, "=+-@".unicodeScalars.contains(f) else { return s }
        return "'" + s
    }
}
