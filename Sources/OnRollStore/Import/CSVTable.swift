import Foundation
import OnRollCore

/// A strict RFC 4180 reader that knows where every record starts.
///
/// Why our own: CSV.swift (which we use for writing) reads a stray quote or an unclosed quote
/// by silently swallowing text, and it does not report line numbers. An importer of children's
/// records must say `FILE:LINE: reason` and refuse malformed input instead (docs/decisions.md).
public struct CSVTable: Sendable {
    public struct Record: Sendable {
        /// Physical line the record starts on (1-based; the header is line 1).
        public var line: Int
        public var fields: [String]
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public var header: [String]
    public var records: [Record]

    /// Largest cell accepted; anything bigger is a mistake or an attack, not a note.
    public static let maxCellBytes = 1_048_576

    public static func parse(_ data: Data) throws(Failure) -> CSVTable {
        var bytes = [UInt8](data)
        // A UTF-8 byte-order mark (Excel's "CSV UTF-8") is tolerated and dropped.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            throw Failure(line: lineOf(bytes, nul), reason: "contains a NUL byte: is this a text CSV file?")
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            throw Failure(line: firstInvalidUTF8Line(bytes), reason: "is not valid UTF-8: save the file as \"CSV UTF-8\"")
        }
        var rows: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var i = 0
        let n = bytes.count
        var quoted = false
        var fieldStarted = false
        var afterQuote = false

        func endField() throws(Failure) {
            if field.count > maxCellBytes {
                throw Failure(line: recordLine, reason: "field \(fields.count + 1) is \(field.count) bytes; the limit is 1 MB")
            }
            // OnRoll's own exports neutralise formula cells; reading them back undoes it exactly.
            fields.append(CSVQuote.restored(String(decoding: field, as: UTF8.self)))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
            afterQuote = false
        }
        func endRecord() {
            // A blank line is not a record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                rows.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while i < n {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < n, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    quoted = false
                    afterQuote = true
                    i += 1
                    continue
                }
                if b == 0x0A { line += 1 }
                field.append(b)
                i += 1
                continue
            }
            switch b {
            case 0x2C: // ,
                try endField()
                i += 1
            case 0x0D, 0x0A: // CR, LF, CRLF
                try endField()
                endRecord()
                if b == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                line += 1
                recordLine = line
            case 0x22: // "
                if fieldStarted || afterQuote {
                    throw Failure(line: line, reason: "a quote inside an unquoted field: quote the whole field and double the quote (\"\")")
                }
                quoted = true
                fieldStarted = true
                i += 1
            default:
                if afterQuote {
                    throw Failure(line: line, reason: "text after a closing quote: a quote inside a quoted field must be doubled (\"\")")
                }
                field.append(b)
                fieldStarted = true
                i += 1
            }
        }
        if quoted { throw Failure(line: recordLine, reason: "a quoted field is never closed") }
        if fieldStarted || afterQuote || !fields.isEmpty { try endField(); endRecord() }

        guard let first = rows.first else { throw Failure(line: 1, reason: "the file is empty: a header row is required") }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return CSVTable(header: header, records: Array(rows.dropFirst()))
    }

    static func lineOf(_ bytes: [UInt8], _ index: Int) -> Int {
        1 + bytes[..<index].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var start = 0, line = 1
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            start = i + 1
            line += 1
        }
        return line
    }
}
