import SafeText
// Renderers: plain-text table, CSV, markdown and JSON, all pure string building (no Foundation).

public enum ReportFormat: Hashable, Sendable {
    /// Aligned plain text fitting `width` characters.
    case table(width: Int)
    /// RFC 4180 quoting, `\n` line ends: one table, the bundle's first (`ReportRender.csv(_:table:)` picks another).
    case csv
    case markdown
    case json

    /// `table`, `csv`, `md`/`markdown`, `json` as the CLI spells them.
    public static func parse(_ text: String, width: Int = 100) -> ReportFormat? {
        switch text.trimmingSpaces.lowercased() {
        case "table", "text": .table(width: width)
        case "csv": .csv
        case "md", "markdown": .markdown
        case "json": .json
        default: nil
        }
    }
}

extension ReportBundle {
    public func rendered(_ format: ReportFormat) -> String {
        switch format {
        case .table(let width): ReportRender.text(self, width: width)
        case .csv: ReportRender.csv(self)
        case .markdown: ReportRender.markdown(self)
        case .json: ReportRender.json(self)
        }
    }
}

public enum ReportRender {
    // MARK: Plain text

    public static func text(_ bundle: ReportBundle, width: Int) -> String {
        var out = [bundle.title, bundle.period]
        for t in bundle.tables { out.append(""); out += textLines(t, width: width) }
        return out.joined(separator: "\n") + "\n"
    }

    /// Cuts `s` to `w` characters, ending with `…` when anything was cut.
    public static func truncate(_ s: String, to w: Int) -> String {
        guard s.count > w else { return s }
        guard w > 1 else { return String(s.prefix(max(w, 0))) }
        return String(s.prefix(w - 1)) + "…"
    }

    /// Greedy word wrap; a word longer than the width is truncated.
    public static func wrap(_ s: String, width: Int) -> [String] {
        let w = max(width, 1)
        var lines: [String] = [], line = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let word = truncate(word, to: w)
            if line.isEmpty { line = word } else if line.count + 1 + word.count <= w { line += " " + word } else {
                lines.append(line); line = word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    static func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    public static func textLines(_ t: ReportTable, width: Int) -> [String] {
        let n = t.columns.count
        let body = t.allRows.map { $0.map { oneLine($0.display) } }
        let sep = 2
        var widths = [Int](repeating: 0, count: n), mins = [Int](repeating: 0, count: n)
        for (i, c) in t.columns.enumerated() {
            let values = body.map { $0[i].count }.max() ?? 0
            let longestWord = c.header.split(separator: " ").map(\.count).max() ?? 0
            widths[i] = max(values, longestWord, 1)
            // Numbers are never cut; text columns may shrink to 4 characters (or their natural width).
            mins[i] = c.align == .right ? max(values, 1) : min(widths[i], 4)
        }
        let total = { widths.reduce(0, +) + sep * max(n - 1, 0) }
        // Give way in stages, widest column first: text down to 10 characters, then numeric headers
        // down to their figures (header words get cut), then text down to 4. Figures are never cut.
        let stages: [(Int) -> Int?] = [
            { t.columns[$0].align == .left ? max(mins[$0], min(widths[$0], 10)) : nil },
            { t.columns[$0].align == .right ? mins[$0] : nil },
            { t.columns[$0].align == .left ? mins[$0] : nil },
        ]
        for floor in stages {
            let floors = (0..<n).map { floor($0) }
            while total() > width {
                let pool: [Int] = (0..<n).filter { i in floors[i].map { f in widths[i] > f } ?? false }
                guard let i = pool.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] -= 1
            }
        }
        func fit(_ s: String, _ i: Int) -> String {
            let v = truncate(s, to: widths[i])
            let pad = String(repeating: " ", count: widths[i] - v.count)
            return t.columns[i].align == .right ? pad + v : v + pad
        }
        func line(_ cells: [String]) -> String {
            var s = cells.enumerated().map { fit($0.element, $0.offset) }.joined(separator: "  ")
            while s.last == " " { s.removeLast() }
            return s
        }
        var out = [truncate(t.title, to: width)]
        if !t.subtitle.isEmpty { out.append(truncate(t.subtitle, to: width)) }
        let headers = t.columns.enumerated().map { wrap($0.element.header, width: widths[$0.offset]) }
        let depth = headers.map(\.count).max() ?? 1
        for k in 0..<depth {
            // Headers sit on the bottom line, as in a printed table.
            out.append(line(headers.map { h in k >= depth - h.count ? h[k - (depth - h.count)] : "" }))
        }
        let rule = String(repeating: "─", count: min(total(), max(width, 1)))
        out.append(rule)
        for r in body.prefix(t.rows.count) { out.append(line(r)) }
        if t.totalRow != nil, let last = body.last { out.append(rule); out.append(line(last)) }
        if !t.notes.isEmpty {
            out.append("")
            for note in t.notes {
                let w = wrap(oneLine(note), width: max(width - 2, 10))
                out += w.enumerated().map { ($0.offset == 0 ? "* " : "  ") + $0.element }
            }
        }
        return out
    }

    // MARK: CSV

    public static func csvField(_ s: String) -> String { CSVQuote.field(s) }

    /// One table: header row, rows, the total row last.
    public static func csv(_ t: ReportTable) -> String {
        let lines = [t.columns.map(\.header)] + t.allRows.map { $0.map(\.display) }
        return lines.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A CSV file holds one table (a spreadsheet or a script reads one header): the bundle's first,
    /// or the one named by its id. The others are asked for with `--table`.
    public static func csv(_ bundle: ReportBundle, table id: String? = nil) -> String {
        guard let t = id.map({ id in bundle.tables.first { $0.id == id } }) ?? bundle.tables.first else { return "" }
        return csv(t)
    }

    // MARK: Markdown

    static func mdCell(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "\n", "\r\n", "\r": out += "<br>"
            default: out.append(ch)
            }
        }
        return out
    }

    public static func markdown(_ bundle: ReportBundle) -> String {
        var out = ["# \(mdCell(bundle.title))", "", "Period: \(mdCell(bundle.period))"]
        for t in bundle.tables {
            out += ["", "## \(mdCell(t.title))", ""]
            if !t.subtitle.isEmpty { out += ["_\(mdCell(t.subtitle))_", ""] }
            out.append("| " + t.columns.map { mdCell($0.header) }.joined(separator: " | ") + " |")
            out.append("|" + t.columns.map { $0.align == .right ? " ---: " : " --- " }.joined(separator: "|") + "|")
            for r in t.rows { out.append("| " + r.map { mdCell($0.display) }.joined(separator: " | ") + " |") }
            if let tr = t.totalRow {
                out.append("| " + tr.map { $0.display.isEmpty ? "" : "**\(mdCell($0.display))**" }.joined(separator: " | ") + " |")
            }
            if !t.notes.isEmpty { out.append(""); out += t.notes.map { "- " + mdCell($0) } }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// A JSON string literal per RFC 8259: quote, backslash and control characters escaped.
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                // Escaped, not dropped: JSON keeps the data exactly, and no terminal obeys it.
                if Sanitise.isUnsafe(u) {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Numbers as numbers, `c` and `z` as strings, text and tallies as strings.
    public static func jsonValue(_ c: ReportCell) -> String {
        switch c {
        case .count(let n): String(n)
        case .rate(let v?, _, _), .measure(let v?, _): ReportMath.oneDecimal(v)
        case .text, .tally, .suppressed, .notApplicable, .rate(nil, _, _), .measure(nil, _): jsonString(c.display)
        }
    }

    static func jsonRow(_ cols: [ReportColumn], _ cells: [ReportCell]) -> String {
        "{" + zip(cols, cells).map { "\(jsonString($0.key)): \(jsonValue($1))" }.joined(separator: ", ") + "}"
    }

    public static func json(_ bundle: ReportBundle) -> String {
        var o = ["{"]
        o.append("  \"name\": \(jsonString(bundle.name)),")
        o.append("  \"title\": \(jsonString(bundle.title)),")
        o.append("  \"period\": \(jsonString(bundle.period)),")
        o.append("  \"published\": \(bundle.published),")
        o.append("  \"tables\": [")
        for (ti, t) in bundle.tables.enumerated() {
            o.append("    {")
            o.append("      \"id\": \(jsonString(t.id)),")
            o.append("      \"title\": \(jsonString(t.title)),")
            o.append("      \"subtitle\": \(jsonString(t.subtitle)),")
            o.append("      \"columns\": [")
            for (i, c) in t.columns.enumerated() {
                o.append("        {\"key\": \(jsonString(c.key)), \"header\": \(jsonString(c.header)), \"align\": \(jsonString(c.align.rawValue))}" + (i < t.columns.count - 1 ? "," : ""))
            }
            o.append("      ],")
            o.append("      \"rows\": [")
            for (i, r) in t.rows.enumerated() {
                o.append("        " + jsonRow(t.columns, r) + (i < t.rows.count - 1 ? "," : ""))
            }
            o.append("      ],")
            o.append("      \"total\": " + (t.totalRow.map { jsonRow(t.columns, $0) } ?? "null") + ",")
            o.append("      \"notes\": [")
            for (i, n) in t.notes.enumerated() {
                o.append("        " + jsonString(n) + (i < t.notes.count - 1 ? "," : ""))
            }
            o.append("      ]")
            o.append("    }" + (ti < bundle.tables.count - 1 ? "," : ""))
        }
        o.append("  ]")
        o.append("}")
        return o.joined(separator: "\n") + "\n"
    }
}

/// Horizontal bars for the console: `label ███████▍ 12.3`, eighth-block resolution.
public enum BarChart {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// One line per row, each at most `width` characters. Bars scale to the largest value; negative
    /// values draw no bar. Labels take at most a third of the width and are cut with `…`.
    public static func lines(_ rows: [(label: String, value: Double)], width: Int) -> [String] {
        guard !rows.isEmpty else { return [] }
        let values = rows.map { ReportMath.oneDecimal($0.value) }
        let valueW = values.map(\.count).max() ?? 1
        let labelW = min(rows.map { ReportRender.oneLine($0.label).count }.max() ?? 0, max(width / 3, 1))
        let barW = max(width - labelW - valueW - 2, 1)
        let top = rows.map(\.value).max() ?? 0
        return zip(rows, values).map { row, v in
            let label = ReportRender.truncate(ReportRender.oneLine(row.label), to: labelW)
            let units = top > 0 && row.value > 0 ? Int((row.value / top * Double(barW * 8)).rounded()) : 0
            var bar = String(repeating: "█", count: units / 8) + eighths[units % 8]
            bar += String(repeating: " ", count: barW - bar.count)
            return label + String(repeating: " ", count: labelW - label.count) + " " + bar + " "
                + String(repeating: " ", count: valueW - v.count) + v
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
