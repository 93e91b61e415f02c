import CLibPQ
import Foundation

/// Bulk loading with `COPY … FROM STDIN`: one statement streams every row, where an INSERT a row costs a
/// round trip each (a 10,000-case restore took over ten minutes that way). Row triggers still fire.
extension PGConnection {
    /// Streams `rows` (values as libpq text, nil for NULL) into `table`'s `columns`. The server reports
    /// a bad row by its line number in the stream, which is the row's 1-based index here.
    public func copy(into table: String, columns: [String], rows: some Sequence<[String?]>) throws {
        let cols = columns.map(PGConnection.quoteIdent).joined(separator: ", ")
        try begin(copy: "COPY \(PGConnection.quoteIdent(table)) (\(cols)) FROM STDIN")
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 20)
        var failed: PGError?
        for row in rows where failed == nil {
            PGConnection.appendCopyLine(row, to: &buffer)
            if buffer.count >= 1 << 20 { failed = send(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        if failed == nil, !buffer.isEmpty { failed = send(buffer) }
        try end(copy: failed)
    }

    /// COPY's text format: tab between fields, `\N` for NULL, and backslash, tab, newline and carriage
    /// return escaped so a value can hold any of them.
    static func appendCopyLine(_ row: [String?], to out: inout [UInt8]) {
        for (i, value) in row.enumerated() {
            if i > 0 { out.append(0x09) }
            guard let value else { out.append(contentsOf: [0x5c, 0x4e]); continue }
            for byte in value.utf8 {
                switch byte {
                case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
                case 0x09: out.append(contentsOf: [0x5c, 0x74])
                case 0x0a: out.append(contentsOf: [0x5c, 0x6e])
                case 0x0d: out.append(contentsOf: [0x5c, 0x72])
                default: out.append(byte)
                }
            }
        }
        out.append(0x0a)
    }
}
