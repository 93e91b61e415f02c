import OnRollCore
import PostgresClient

/// Logins and roles: `onroll user add|list|disable`, run by a manager.
extension ServerStore {
    /// Adds a login with a role. The password is turned into a SCRAM verifier here, so it never
    /// appears in a statement or a server log.
    public func addUser(_ name: String, role: OfficerRole, password: String) throws -> Officer {
        if let p = Officer.loginProblem(name) { throw StoreError.invalid("login '\(name)' \(p)") }
        guard password.count >= 8 else { throw StoreError.invalid("the password must be at least 8 characters") }
        return try write {
            if try conn.exec(#"SELECT 1 FROM "officers" WHERE "login" = $1"#, [name]).count > 0 {
                throw StoreError.exists("login \(name) (already an officer of this store)")
            }
            let verifier = try conn.scramVerifier(password: password, user: name)
            try conn.exec("SELECT user_create($1, $2, $3)", [name, roles.group(role), verifier])
            let o = Officer(login: name, role: role, enabled: true, addedAt: try serverStamp(), addedBy: login)
            try insertOfficer(o)
            try audit(.userAdd, entity: "officer", entityId: name, caseRef: nil,
                      summary: "\(name) added as \(role.rawValue)", after: CanonicalJSON.encode(o))
            return o
        }
    }

    func insertOfficer(_ o: Officer) throws {
        try conn.exec("""
            INSERT INTO "officers" ("login", "role", "enabled", "addedAt", "addedBy") VALUES ($1, $2, $3, $4, $5)
            """, [o.login, o.role.rawValue, o.enabled ? "1" : "0", o.addedAt, o.addedBy])
    }

    public func users() throws -> [Officer] {
        try mapErrors {
            try conn.exec(#"SELECT * FROM "officers" ORDER BY "login""#).rows.map(ServerStore.officer)
        }
    }

    static func officer(_ r: PGRow) -> Officer {
        Officer(login: r["login"] ?? "", role: OfficerRole(rawValue: r["role"] ?? "") ?? .officer,
                enabled: r["enabled"] == "1", addedAt: r["addedAt"] ?? "", addedBy: r["addedBy"] ?? "")
    }

    /// Stops a login: it can no longer connect, and sessions already open lose their rights. Its history stays.
    public func disableUser(_ name: String) throws -> Officer {
        try write {
            guard let row = try conn.exec(#"SELECT * FROM "officers" WHERE "login" = $1 FOR UPDATE"#, [name]).first else {
                throw StoreError.notFound("no officer with login \(name)")
            }
            let before = ServerStore.officer(row)
            guard before.enabled else { throw StoreError.invalid("\(name) is already disabled") }
            try conn.exec("SELECT user_disable($1)", [name])
            var after = before
            after.enabled = false
            try conn.exec(#"UPDATE "officers" SET "enabled" = 0 WHERE "login" = $1"#, [name])
            try audit(.userDisable, entity: "officer", entityId: name, caseRef: nil, summary: "\(name) disabled",
                      before: CanonicalJSON.encode(before), after: CanonicalJSON.encode(after))
            return after
        }
    }
}
