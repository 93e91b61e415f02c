import Crypto
import Foundation
import GRDB
import OnRollCore

/// One entry of the audit log. `hash` = SHA-256 of the previous hash and this entry's fields,
/// so altering, removing or reordering any entry breaks every hash after it.
public struct AuditEntry: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit"
    public var id: Int64?
    public var at: String
    public var user: String
    public var op: String
    public var entity: String
    public var entityId: String
    public var caseRef: String?
    /// A human one-liner: "WM-0012: status open → closed".
    public var summary: String
    public var before: String?
    public var after: String?
    public var prevHash: String
    public var hash: String

    static let genesis = String(repeating: "0", count: 64)

    static func digest(prevHash: String, at: String, user: String, op: String, entity: String, entityId: String,
                       caseRef: String?, summary: String, before: String?, after: String?) -> String {
        // Fields are length-prefixed so no choice of text can make two entries hash alike.
        var text = ""
        for f in [prevHash, at, user, op, entity, entityId, caseRef ?? "\u{0}", summary, before ?? "\u{0}", after ?? "\u{0}"] {
            text += "\(f.utf8.count):\(f);"
        }
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// Lowercase hex, without `String(format:)` (which cost more than the hash itself on an import).
    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }

    var expectedHash: String {
        AuditEntry.digest(prevHash: prevHash, at: at, user: user, op: op, entity: entity, entityId: entityId,
                          caseRef: caseRef, summary: summary, before: before, after: after)
    }
}

/// Canonical JSON of a record: sorted keys, so the same row always serialises to the same bytes.
enum CanonicalJSON {
    /// One encoder for every record: making and configuring one per audit entry showed in an import's
    /// profile. Its settings are never changed after this, and `encode` keeps no state between calls.
    nonisolated(unsafe) private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
