import ArgumentParser
import Foundation
import OnRollCore
import TerminalKit

/// `--format` of listing and showing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

enum JSONOut {
    /// camelCase keys (the entities' own), dates as YYYY-MM-DD, stable key order.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapeUnsafe(String(decoding: try e.encode(value), as: UTF8.self))
    }

    /// JSONEncoder escapes C0 controls but passes DEL, C1, bidi and zero-width characters through raw;
    /// these are escaped as `\uXXXX`, so the data is kept exactly and no terminal obeys it. They can only
    /// occur inside strings (the encoder's own layout is spaces and newlines), so escaping is safe.
    static func escapeUnsafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0 != "\n" && Sanitise.isUnsafe($0) }) else { return json }
        var out = String.UnicodeScalarView()
        for u in json.unicodeScalars {
            if u != "\n", Sanitise.isUnsafe(u) {
                let hex = String(u.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}

/// Plain tables for the terminal (fitted to its width, aligned by display width) and CSV.
enum Tabular {
    static func render(_ header: [String], _ rows: [[String]], format: OutputFormat, width: Int? = nil) -> String {
        if format == .csv {
            return ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n")
        }
        let clean = rows.map { $0.map(Sanitise.forTerminal) }
        var widths = header.map { TextWidth.of($0) }
        for r in clean { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], TextWidth.of(c)) } }
        let total = width ?? terminalWidth()
        // Shrink the last (widest free-text) column first so the table fits the terminal.
        let used = widths.reduce(0, +) + 2 * (widths.count - 1)
        if used > total, let last = widths.indices.last {
            widths[last] = max(10, widths[last] - (used - total))
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let w = widths[min(i, widths.count - 1)]
                return i == cells.count - 1 ? TextWidth.truncate(c, toWidth: w) : TextWidth.pad(TextWidth.truncate(c, toWidth: w), toWidth: w)
            }.joined(separator: "  ")
        }
        var out = [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += clean.map(line)
        return out.joined(separator: "\n")
    }

    static func csvField(_ s: String) -> String { CSVQuote.field(s) }

    static func terminalWidth() -> Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 20 { return c }
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 20 { return Int(ws.ws_col) }
        return 120
    }
}
