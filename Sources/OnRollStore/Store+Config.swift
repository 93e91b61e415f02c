import GRDB
import OnRollCore

/// Team-wide settings (triage coefficients and the like), stored so the whole team works alike,
/// and audited like any other change.
extension Store {
    public func config() throws -> [String: String] {
        try read { db in try config(db) }
    }

    func config(_ db: StoreDB) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM config").map {
            ($0["key"] as String, $0["value"] as String)
        })
    }

    public func setConfig(user: String, key: String, value: String?) throws {
        try write(user: user) { ctx in
            let old = try String.fetchOne(ctx.db, sql: "SELECT value FROM config WHERE key = ?", arguments: [key])
            if let v = value {
                try ctx.db.execute(sql: "INSERT INTO config(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                   arguments: [key, v])
            } else {
                try ctx.db.execute(sql: "DELETE FROM config WHERE key = ?", arguments: [key])
            }
            try ctx.audit(op: .configSet, entity: "config", entityId: key, caseRef: nil,
                          summary: "\(key): \(old ?? "default") → \(value ?? "default")",
                          before: old.map(Store.auditedConfigValue), after: value.map(Store.auditedConfigValue))
        }
    }

    /// How a config value is written into its audit entry's before/after; `check` compares the
    /// config table against it.
    static func auditedConfigValue(_ value: String) -> String { "\"\(value)\"" }
}
