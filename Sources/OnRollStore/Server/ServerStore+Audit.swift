import OnRollCore
import PostgresClient

/// The audit log on a server: read in chain order (position, never id: ids are handed out before
/// commit, positions under the head's lock), and verified with the same digest as a file's.
extension ServerStore {
    public func auditLog(caseRef: String? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        try mapErrors {
            var sql = #"SELECT * FROM "audit""#
            var params: [String?] = []
            if let caseRef { sql += #" WHERE lower("caseRef") = lower($1)"#; params.append(caseRef) }
            sql += #" ORDER BY "position" DESC"#
            if let limit { sql += " LIMIT \(max(0, limit))" }
            return try conn.exec(sql, params).rows.reversed().map(ServerStore.entry)
        }
    }

    /// The entries after `position`, in order: what a console or `changes` follows.
    public func auditSince(position: Int64) throws -> [AuditEntry] {
        try mapErrors {
            try conn.exec(#"SELECT * FROM "audit" WHERE "position" > $1 ORDER BY "position""#, [String(position)]).rows.map(ServerStore.entry)
        }
    }

    public func headPosition() throws -> Int64 {
        try mapErrors { try conn.exec(#"SELECT "position" FROM chain_head()"#).first?.int("position") ?? 0 }
    }

    static func entry(_ r: PGRow) -> AuditEntry {
        AuditEntry(id: r.int("position"), at: r["at"] ?? "", user: r["user"] ?? "", op: r["op"] ?? "", entity: r["entity"] ?? "",
                   entityId: r["entityId"] ?? "", caseRef: r["caseRef"], summary: r["summary"] ?? "",
                   before: r["before"], after: r["after"], prevHash: r["prevHash"] ?? "", hash: r["hash"] ?? "")
    }

    /// Every problem with the chain and the logins, one line each; empty when all is well.
    public func check() throws -> [String] {
        try mapErrors {
            var problems: [String] = []
            let rows = try conn.exec(#"SELECT * FROM "audit" ORDER BY "position""#).rows
            var prev = AuditEntry.genesis, lastAt = "", expected: Int64 = 1
            for r in rows {
                let e = ServerStore.entry(r)
                let pos = r.int("position") ?? -1
                if pos != expected { problems.append("audit: position \(pos) where \(expected) was due: an entry is missing or was inserted out of order") }
                if e.prevHash != prev { problems.append("audit: entry \(pos) does not follow the one before it (its previous hash differs)") }
                if e.hash != e.expectedHash { problems.append("audit: entry \(pos) was altered after it was written (its hash does not match)") }
                if e.at < lastAt { problems.append("audit: entry \(pos) is stamped \(e.at), before the entry before it (\(lastAt))") }
                prev = e.hash
                lastAt = max(lastAt, e.at)
                expected = pos + 1
            }
            if let head = try conn.exec(#"SELECT * FROM "auditHead""#).first {
                if head.int("position") != expected - 1 || head["hash"] != prev {
                    problems.append("audit: the chain head says position \(head["position"] ?? "?"), but the log ends at \(expected - 1): entries were cut from the end")
                }
            }
            // A login given a store role behind the program's back (GRANT in psql) is not in `officers`.
            let members = try conn.exec("""
                SELECT m.rolname AS login, g.rolname AS grp FROM pg_auth_members am
                JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
                WHERE g.rolname = ANY($1::text[]) AND m.rolcanlogin
                """, ["{" + OfficerRole.allCases.map { roles.group($0) }.joined(separator: ",") + "}"]).rows
            let known = Set(try users().filter(\.enabled).map(\.login))
            for m in members where !known.contains(m["login"] ?? "") {
                problems.append("logins: \(m["login"] ?? "?") holds \(m["grp"] ?? "?") but is not an enabled officer of this store (granted outside onroll)")
            }
            return problems
        }
    }
}

extension ServerStore {
    /// Records that something was read (an export, a case opened): views are audited on a server too.
    public func logRead(entity: String, entityId: String, caseRef: String? = nil, summary: String) throws {
        try write { try audit(.view, entity: entity, entityId: entityId, caseRef: caseRef, summary: summary) }
    }
}

extension ServerStore {
    /// Starts listening for committed changes (the audit trigger NOTIFYs in the writing transaction, so
    /// the wake-up is delivered only when it commits). Call once; then `waitForChange`.
    public func listenForChanges() throws {
        try mapErrors { try conn.exec("LISTEN \(ServerSchema.changesChannel)") }
        listening = true
    }

    /// Waits up to `timeout` seconds for a colleague's committed change; true when one arrived, or when
    /// the connection had to be made again (a server restart: changes meanwhile were never announced).
    /// A console calls this instead of polling, then reads what is new by position.
    public func waitForChange(timeout: Double) throws -> Bool {
        try mapErrors {
            if missedNotices { missedNotices = false; return true }
            return !(try conn.waitForNotifications(timeout: timeout)).isEmpty
        }
    }
}
