import Foundation
import GRDB
import OnRollCore

/// One value of a stored row, as SQLite holds it: what the export writes and the restore inserts.
public enum StoredValue: Equatable, Sendable, Decodable {
    case null, int(Int64), real(Double), text(String)

    init(_ v: DatabaseValue) throws {
        switch v.storage {
        case .null: self = .null
        case .int64(let i): self = .int(i)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob: throw StoreError.invalid("the store holds a binary value, which the export format does not carry")
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let s = try? c.decode(String.self) { self = .text(s) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else { self = .real(try c.decode(Double.self)) }
    }

    var json: String {
        switch self {
        case .null: "null"
        case .int(let i): String(i)
        // Swift prints the shortest text that reads back as the same Double: exact round trip.
        case .real(let d): d.description
        case .text(let s): ReportRender.jsonString(s)
        }
    }

    var databaseValue: DatabaseValueConvertible? {
        switch self {
        case .null: nil
        case .int(let i): i
        case .real(let d): d
        case .text(let s): s
        }
    }
}

/// A whole store as rows: every table in restore order (parents first), the audit log last.
/// Rows are column name → value, in primary-key order.
public struct ExportDocument: Sendable {
    public static let format = "onroll-export"
    public static let version = 1

    public var pseudonymised: Bool
    /// The schema migrations the exporting store had applied.
    public var migrations: [String]
    public var tables: [(name: String, rows: [[String: StoredValue]])]
    public var audit: [[String: StoredValue]]
    /// The exporting store's audit head: a restore checks the restored chain ends exactly here, so an
    /// export whose last entries were cut off is refused. Nil in a pseudonymised export (no audit log).
    public var head: AuditHead? = nil

    /// Deterministic text: fixed top-level key order, tables in restore order, one row per line,
    /// row keys sorted. The same store always exports to the same bytes.
    public var json: String {
        var o = "{\n"
        o += "  \"format\": \(ReportRender.jsonString(Self.format)),\n"
        o += "  \"version\": \(Self.version),\n"
        o += "  \"pseudonymised\": \(pseudonymised),\n"
        o += "  \"migrations\": [" + migrations.map(ReportRender.jsonString).joined(separator: ", ") + "],\n"
        o += "  \"head\": " + (head.map { "{\"hash\": \(ReportRender.jsonString($0.hash)), \"position\": \($0.position)}" } ?? "null") + ",\n"
        o += "  \"tables\": {"
        o += tables.enumerated().map { i, t in "\n    \(ReportRender.jsonString(t.name)): " + Self.rows(t.rows, indent: "    ") }
            .joined(separator: ",")
        o += "\n  },\n"
        o += "  \"audit\": " + Self.rows(audit, indent: "  ") + "\n"
        return o + "}\n"
    }

    static func rows(_ rows: [[String: StoredValue]], indent: String) -> String {
        guard !rows.isEmpty else { return "[]" }
        let lines = rows.map { r in
            indent + "  {" + r.keys.sorted().map { "\(ReportRender.jsonString($0)): \(r[$0]!.json)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n" + indent + "]"
    }

    private struct Wire: Decodable {
        var format: String
        var version: Int
        var pseudonymised: Bool
        var migrations: [String]
        var tables: [String: [[String: StoredValue]]]
        var audit: [[String: StoredValue]]
        var head: Head?
    }
    private struct Head: Decodable { var position: Int64; var hash: String }

    /// Reads an export, checking its format marker and version first.
    public static func parse(_ data: Data, fileName: String) throws -> ExportDocument {
        struct Header: Decodable { var format: String?; var version: Int? }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch {
            throw StoreError.invalid("\(fileName): not a JSON document (\(Self.reason(error)))")
        }
        guard header.format == format else {
            throw StoreError.invalid("\(fileName): not an OnRoll export (expected \"format\": \"\(format)\")")
        }
        guard header.version == version else {
            throw StoreError.invalid("\(fileName): export version \(header.version.map(String.init) ?? "missing") is not supported (this build reads version \(version))")
        }
        let w: Wire
        do { w = try JSONDecoder().decode(Wire.self, from: data) } catch {
            throw StoreError.invalid("\(fileName): \(Self.reason(error))")
        }
        let order = Store.tableOrder(w.tables.keys)
        return ExportDocument(pseudonymised: w.pseudonymised, migrations: w.migrations,
                              tables: order.map { ($0, w.tables[$0]!) }, audit: w.audit,
                              head: w.head.map { AuditHead(position: $0.position, hash: $0.hash) })
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let k, let ctx):
            "missing \"\(k.stringValue)\"" + (ctx.codingPath.isEmpty ? "" : " at " + ctx.codingPath.map(\.stringValue).joined(separator: "."))
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx), DecodingError.dataCorrupted(let ctx):
            (ctx.codingPath.isEmpty ? "" : ctx.codingPath.map(\.stringValue).joined(separator: ".") + ": ") + ctx.debugDescription
        default: String(describing: error)
        }
    }
}
