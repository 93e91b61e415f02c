import GRDB
import OnRollCore

/// The head of the audit chain: its last entry's position (id) and hash. Printed on minutes, reports
/// and `check`, recorded in exports and in each machine's witness, so a copy held elsewhere anchors
/// the chain: a file can be rewritten to agree with itself, not with a head already on paper.
public struct AuditHead: Equatable, Sendable {
    public var position: Int64
    public var hash: String

    public init(position: Int64, hash: String) {
        self.position = position
        self.hash = hash
    }

    /// The head of a store with no entries yet.
    public static let empty = AuditHead(position: 0, hash: AuditEntry.genesis)

    /// The first 12 hex digits: enough to tell heads apart on paper, short enough to read out.
    public var short: String { String(hash.prefix(12)) }

    /// "Audit head: 1234 · 3fa9c01b22de", the footer line of minutes and reports.
    public var line: String { "Audit head: \(position) · \(short)" }
}

extension Store {
    public func head() throws -> AuditHead {
        try read { db in try Store.head(db) }
    }

    static func head(_ db: StoreDB) throws -> AuditHead {
        // A server's head row is the chain's end, readable by every role (a panel member reads no audit entry).
        let sql = db.isServer ? "SELECT position AS id, hash FROM chain_head()" : "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"
        guard let row = try Row.fetchOne(db, sql: sql), let id: Int64 = row["id"], id > 0 else { return .empty }
        return AuditHead(position: id, hash: row["hash"])
    }

    /// What names this store on an officer's machine: the hash of its first audit entry. It holds the
    /// first writer, the second and the first change, so two stores share it only when they began
    /// identically; a restored export keeps it (it is the same chain). Nil while the chain is empty.
    public func identity() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = 1") }
    }

    /// Nil when this store's chain still holds `witnessed` at its position (it is that chain, or an
    /// extension of it); otherwise why not: shorter (truncated, or an older copy put back) or
    /// rewritten from some point on.
    public func divergence(from witnessed: AuditHead) throws -> String? {
        try read { db in
            let current = try Store.head(db)
            let seen = "entry \(witnessed.position) (\(witnessed.short))"
            if current.position < witnessed.position {
                return "the audit chain ends at entry \(current.position) (\(current.short)), but this machine has seen it reach \(seen): entries were removed or an older copy of the store was put back"
            }
            let hash = try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = ?", arguments: [witnessed.position])
            if hash != witnessed.hash {
                return "audit entry \(witnessed.position) is \(hash.map { String($0.prefix(12)) } ?? "missing"), but this machine has seen the chain reach \(seen): the chain does not extend what was seen (rewritten or replaced)"
            }
            return nil
        }
    }
}
