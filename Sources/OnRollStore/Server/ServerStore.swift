import Foundation
import OnRollCore
import PostgresClient

/// A store on a PostgreSQL server, shared by a team. The officer is the login the server
/// authenticated; who and when of every audit entry are set by the database, and what each role may do
/// is enforced by it (ServerSchema). This is the server side of the store seam as far as it goes today:
/// creating and upgrading the schema, logins and roles, the audit chain and its verification.
public final class ServerStore: @unchecked Sendable {
    public let location: StoreLocation
    let conn: PGConnection
    let roles: ServerSchema.Roles
    /// The authenticated login (`session_user`).
    public let login: String
    /// LISTENing for committed changes (`listenForChanges`): kept across a reconnect.
    var listening = false
    /// The connection was made again while listening: what was committed meanwhile was never announced.
    var missedNotices = false

    /// Opens an existing server store; a database `init` never ran on is refused, naming the fix.
    public convenience init(url: String) throws {
        try self.init(connecting: url)
        guard try schemaExists() else {
            throw StoreError.missing("\(location.display) (no OnRoll store in database \(conn.database): its owner runs `onroll init --store URL`)")
        }
        try upgradeIfNeeded()
    }

    init(connecting url: String) throws {
        location = .server(url)
        do {
            conn = try PGConnection(url)
            try conn.exec(ServerSchema.setSearchPath)
            login = try conn.exec("SELECT session_user").first?[0] ?? conn.user
        } catch let e as PGError {
            throw ServerStore.storeError(e, location: StoreLocation.redacted(url))
        }
        roles = ServerSchema.Roles(database: conn.database)
    }

    /// Creates the schema in an empty database. Run by the database's owner, who becomes the first
    /// manager; the owner needs CREATEROLE to make the store's group roles and, later, its logins.
    public static func initialize(url: String) throws -> ServerStore {
        let s = try ServerStore(connecting: url)
        try s.mapErrors {
            try s.requireOwnerOfEmptyDatabase("init", exists: s.location.display)
            try s.conn.transaction {
                try s.sync()
                let owner = try s.makeOwnerFirstManager()
                try s.audit(.serverInit, entity: "store", entityId: s.conn.database, caseRef: nil,
                            summary: "server store created in database \(s.conn.database); \(s.login) is its first manager",
                            after: CanonicalJSON.encode(owner))
            }
        }
        return s
    }

    /// `init` and `restore` start a store: only in an empty database, and only as its owner.
    func requireOwnerOfEmptyDatabase(_ command: String, exists: String) throws {
        guard try isDatabaseOwner() else {
            throw StoreError.denied("`onroll \(command)` must be run by the owner of database \(conn.database); \(login) is not")
        }
        if try schemaExists() { throw StoreError.exists(exists) }
    }

    /// The login that created the store is its first manager.
    func makeOwnerFirstManager() throws -> Officer {
        let owner = Officer(login: login, role: .manager, enabled: true, addedAt: try serverStamp(), addedBy: login)
        try insertOfficer(owner)
        try conn.exec("GRANT \(ServerSchema.q(roles.group(.manager))) TO \(ServerSchema.q(login))")
        return owner
    }

    // MARK: schema

    func schemaExists() throws -> Bool {
        try mapErrors {
            try conn.exec("SELECT to_regclass($1) IS NOT NULL AS present", ["\(ServerSchema.namespace).\"serverMigrations\""]).first?.bool("present") ?? false
        }
    }

    func isDatabaseOwner() throws -> Bool {
        try conn.exec("""
            SELECT pg_get_userbyid(datdba) = session_user AS owner FROM pg_database WHERE datname = current_database()
            """).first?.bool("owner") ?? false
    }

    /// Brings the tables up to the file schema's migrations (the owner only: it owns the tables).
    func upgradeIfNeeded() throws {
        try mapErrors {
            let file = try FileSchema.current()
            let done = Set(try conn.exec(#"SELECT "identifier" FROM "serverMigrations""#).values.compactMap { $0[0] })
            guard !Set(file.migrations).isSubset(of: done) else { return }
            guard try isDatabaseOwner() else {
                throw StoreError.needsUpgrade("\(location.display): this OnRoll is newer than the server's schema; the database's owner opens it once to upgrade it")
            }
            try conn.transaction { try sync(file) }
        }
    }

    /// Creates what is missing and re-applies roles, grants and policies; safe to run any number of times.
    func sync(_ given: FileSchema? = nil) throws {
        let file = try given ?? FileSchema.current()
        try conn.exec("CREATE SCHEMA IF NOT EXISTS \(ServerSchema.q(ServerSchema.namespace))")
        // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
        try conn.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA \(ServerSchema.q(ServerSchema.namespace))")
        for t in file.tables {
            try conn.exec(ServerSchema.createTable(t))
            for c in t.columns { try conn.exec(ServerSchema.addColumn(c, to: t)) }
            for ix in ServerSchema.indexes(t) { try conn.exec(ix) }
        }
        try conn.script(ServerSchema.createRoles(roles))
        try conn.script(ServerSchema.serverObjects(roles: roles))
        try conn.script(ServerSchema.grants(roles, tables: file.tables))
        try conn.script(ServerSchema.policies(roles, tables: file.tables))
        let stamp = try serverStamp()
        for m in file.migrations {
            try conn.exec(#"INSERT INTO "serverMigrations" ("identifier", "appliedAt") VALUES ($1, $2) ON CONFLICT DO NOTHING"#, [m, stamp])
        }
    }

    // MARK: identity

    /// The server's clock for this transaction, in the audit log's format (what the trigger stamps too).
    func serverStamp() throws -> String {
        try conn.exec(ServerStore.clockSQL).first?[0] ?? ""
    }
    static let clockSQL = "SELECT \(clockExpression)"
    static let clockExpression = #"to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"#

    /// The role this login holds in this store (the strongest, when it holds several), nil for none.
    public func role() throws -> OfficerRole? {
        try mapErrors {
            for r in [OfficerRole.manager, .officer, .auditor, .panel] {
                let held = try conn.exec("SELECT pg_has_role(session_user, $1, 'MEMBER') AS held", [roles.group(r)]).first?.bool("held") ?? false
                if held { return r }
            }
            return nil
        }
    }

    /// On a server the officer is the login: `--user` may repeat it, never name anyone else.
    public func checkUser(_ named: String?) throws {
        guard let named, !named.isEmpty, named != login else { return }
        throw StoreError.denied("on a server store you act as the login you connected with (\(login)); --user \(named) is refused")
    }

    // MARK: writes

    /// Appends one audit entry. The trigger sets who, when, the chain position and both hashes; the client
    /// supplies only what happened.
    func audit(_ op: AuditOp, entity: String, entityId: String, caseRef: String?, summary: String,
               before: String? = nil, after: String? = nil) throws {
        try conn.exec("""
            INSERT INTO "audit" ("at", "user", "op", "entity", "entityId", "caseRef", "summary", "before", "after", "prevHash", "hash")
            VALUES ('', '', $1, $2, $3, $4, $5, $6, $7, '', '')
            """, [op.rawValue, entity, entityId, caseRef, summary, before, after])
    }

    /// Runs `body` in one transaction; an error the server gave is turned into the store's own. A dropped
    /// connection is reported as unavailable, never as saved: the commit was not confirmed.
    func write<T>(_ body: () throws -> T) throws -> T {
        try mapErrors { try conn.transaction(body) }
    }

    /// Runs `body`, reconnecting first when the connection dropped since the last call (a server restart):
    /// nothing had begun on the new connection, so nothing can be done twice.
    func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            if !conn.isConnected { try reconnect() }
            return try body()
        } catch let e as PGError {
            throw ServerStore.storeError(e, location: location.display)
        }
    }

    private func reconnect() throws {
        try conn.reconnect()
        try conn.exec(ServerSchema.setSearchPath)
        if listening {
            try conn.exec("LISTEN \(ServerSchema.changesChannel)")
            missedNotices = true
        }
    }

    static func storeError(_ e: PGError, location: String) -> StoreError {
        if e.isLoginRefused { return .denied("the server at \(location) refused the login: \(e.message)") }
        if e.kind == .unavailable, e.message.contains("database \""), e.message.contains("does not exist") {
            return .missing("\(location) (\(e.message): the DBA creates it, then its owner runs `onroll init`)")
        }
        if e.kind == .unavailable {
            return .unavailable("the server store at \(location) is unavailable: \(e.message)")
        }
        if e.sqlState == "55P03" {
            return .busy("\(location) is busy (another officer's save is still running); nothing was saved: try again")
        }
        if e.isPermissionDenied { return .denied("the server refused: \(e.message)") }
        if e.isUniqueViolation { return .invalid("the server refused: \(e.message)") }
        return .invalid("the server refused (\(e.sqlState ?? "?")): \(e.message)")
    }
}
