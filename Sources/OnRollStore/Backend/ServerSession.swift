import Foundation
import Logging
import GRDB
import OnRollCore
import PostgresClient

/// The server side of `StoreDB`: one connection to the store's database, the dialect that turns the
/// store's SQL into PostgreSQL, and the catalog of the tables (the file store's, from `FileSchema`).
/// Values travel as text both ways and are turned back into the value types GRDB's records decode,
/// so a record reads the same from either backend.
final class ServerSession: @unchecked Sendable {
    let server: ServerStore
    var conn: PGConnection { server.conn }
    let catalog: ServerCatalog
    private let lock = NSRecursiveLock()
    private var translated: [String: String] = [:]

    let busyTimeout: Double

    init(server: ServerStore, busyTimeout: Double) throws {
        self.server = server
        self.busyTimeout = busyTimeout
        catalog = try ServerCatalog.shared()
    }

    /// One statement, translated, its arguments sent apart from it.
    func query(_ sql: String, _ arguments: StatementArguments) throws -> PGRows {
        PGRows(try queryResult(sql, arguments))
    }
    static let log = Logger(label: "onroll.server")

    /// `query`, its result read in place (`PGResult`) rather than copied out as strings.
    func queryResult(_ sql: String, _ arguments: StatementArguments) throws -> PGResult {
        let text = translate(sql)
        do { return try conn.execPreparedResult(text, try ServerSession.texts(arguments)) } catch let e as PGError {
            ServerSession.log.debug("server refused a statement", metadata: ["sql": "\(text)", "error": "\(e.message)"])
            throw e
        }
    }

    /// Several independent statements in one round trip (`PGConnection.pipeline`).
    func batch(_ queries: [(sql: String, arguments: StatementArguments)]) throws -> [PGRows] {
        let statements = try queries.map { (sql: translate($0.sql), params: try ServerSession.texts($0.arguments)) }
        do { return try conn.pipeline(statements) } catch let e as PGError {
            ServerSession.log.debug("server refused a statement of a batch", metadata: ["error": "\(e.message)"])
            throw e
        }
    }

    func translate(_ sql: String) -> String {
        lock.lock(); defer { lock.unlock() }
        if let t = translated[sql] { return t }
        let t = catalog.dialect.translate(sql)
        translated[sql] = t
        return t
    }

    /// Runs `body` holding the connection (a store is shared by a console's threads).
    func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        return try body()
    }

    /// A snapshot read: everything `body` reads is from one moment, as a file store's read transaction.
    func read<T>(_ body: () throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", saving: false, body)
    }

    /// A write transaction. Writers take one lock first, as SQLite's immediate transaction does, so the
    /// store's read-check-write rules (a version compared, a duplicate looked for) see every earlier
    /// commit and no later one can slip between the check and the write.
    func write<T>(_ body: () throws -> T) throws -> T {
        // A colleague's long save is waited for as long as a file store waits, then reported busy. The
        // three statements go as one (a round trip, not three, before every save).
        try transaction("BEGIN; SET LOCAL lock_timeout = '\(Int(busyTimeout * 1000))ms'; SELECT pg_advisory_xact_lock(\(ServerSession.writeLock))",
                        saving: true) {
            numberedByWriter = [:]
            let v = try body()
            try catchUpNumbering()
            return v
        }
    }

    /// Tables this write gave rows an id of its own (an import carrying ids), with their id column.
    /// SQLite numbers the next row after the largest id whatever put it there; a server's identity
    /// counts only the ids it handed out, so it is moved past them before the commit — else the next
    /// note added on the server collided with an imported one.
    var numberedByWriter: [String: String] = [:]

    private func catchUpNumbering() throws {
        for (table, column) in numberedByWriter.sorted(by: { $0.key < $1.key }) {
            try conn.exec("SELECT identity_catch_up($1, $2)", [table, column])
        }
        numberedByWriter = [:]
    }

    /// Runs `body` between `begin` and COMMIT on the held connection, rolled back when it throws. A write
    /// (`saving`) whose COMMIT the server went away during is unconfirmed: it may have reached the server.
    private func transaction<T>(_ begin: String, saving: Bool, _ body: () throws -> T) throws -> T {
        try locked {
            try server.mapErrors {
                do {
                    // BEGIN and what goes with it (several statements: the simple protocol), inside the
                    // `do`, so a lock that times out after BEGIN is rolled back like any failure.
                    try conn.script(begin)
                    let v = try body()
                    do { try conn.exec("COMMIT") } catch let e as PGError where saving && e.kind == .unavailable {
                        throw StoreError.unconfirmed("the server store at \(server.location.display) went away while this was being saved: "
                            + "it may or may not have been saved; look before saving it again (\(e.message))")
                    }
                    return v
                } catch {
                    if conn.isConnected { _ = try? conn.exec("ROLLBACK") }
                    throw error
                }
            }
        }
    }

    /// A second login to the store that only LISTENs (ServerStore.listenForChanges), made at the first ask.
    private var listener: ServerStore?

    /// Whether a colleague may have committed since the last call: the audit trigger NOTIFYs every
    /// commit, heard on the listener's own connection, so an idle console sends the server nothing.
    /// True whenever that cannot be known (the listener is new, the server is away or came back).
    func mayHaveChanged() -> Bool {
        lock.lock(); defer { lock.unlock() }
        do {
            if let listener { return try listener.waitForChange(timeout: 0) }
            let l = try ServerStore(connecting: conn.conninfo)
            try l.listenForChanges()
            listener = l
        } catch {}
        return true
    }

    /// The advisory lock key every writer of a store takes ("OnRoll" in ASCII).
    static let writeLock: Int64 = 0x4f6e526f6c6c

    // MARK: values

    /// Arguments as the text the server parses; types are left for the server to infer from the
    /// statement (unknown-typed parameters), as SQLite's are.
    static func texts(_ arguments: StatementArguments) throws -> [String?] {
        try arguments.boundValues().map(text)
    }

    static func text(_ v: DatabaseValue) -> String? {
        switch v.storage {
        case .null: return nil
        case .int64(let i): return String(i)
        case .double(let d): return "\(d)"
        case .string(let s): return s
        case .blob(let d): return "\\x" + d.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// A value of a result back as the storage class SQLite would have given it.
    static func value(_ text: String?, type: UInt32) -> DatabaseValue {
        guard let text else { return .null }
        switch type {
        case 20, 21, 23, 26: return Int64(text).map { $0.databaseValue } ?? text.databaseValue
        case 16: return (text == "t" ? 1 : 0 as Int64).databaseValue
        case 700, 701: return Double(text).map { $0.databaseValue } ?? text.databaseValue
        case 1700:
            if let i = Int64(text) { return i.databaseValue }
            return Double(text).map { $0.databaseValue } ?? text.databaseValue
        case 17: return hexData(text).map { $0.databaseValue } ?? text.databaseValue
        default: return text.databaseValue
        }
    }

    private static func hexData(_ s: String) -> Data? {
        guard s.hasPrefix("\\x") else { return nil }
        var d = Data()
        var it = s.dropFirst(2).makeIterator()
        while let a = it.next(), let b = it.next() {
            guard let byte = UInt8(String([a, b]), radix: 16) else { return nil }
            d.append(byte)
        }
        return d
    }

    /// Each result row as a GRDB row, so records decode with their own `init(row:)`. Column lookup by
    /// name is what records use; a reader by position reads a `PositionalRow` instead.
    static func rows(_ r: PGRows) -> [Row] {
        r.values.map { vals in
            var d: [String: (any DatabaseValueConvertible)?] = [:]
            for (k, name) in r.columns.enumerated() where d[name] == nil {
                d[name] = value(vals[k], type: r.types[k])
            }
            return Row(d)
        }
    }
}

extension StatementArguments {
    /// The positional values, in order. GRDB keeps them private; they are read by reflection, which
    /// `PostgresDialectTests` pins (a GRDB that renames the field fails it, not a casework save).
    func boundValues() throws -> [DatabaseValue] {
        var positional: [DatabaseValue]?
        var named: [String: DatabaseValue] = [:]
        for child in Mirror(reflecting: self).children {
            if child.label == "values" { positional = child.value as? [DatabaseValue] }
            if child.label == "namedValues" { named = child.value as? [String: DatabaseValue] ?? [:] }
        }
        guard let positional, named.isEmpty else {
            throw StoreError.invalid("internal: statement arguments this store can't send to a server")
        }
        return positional
    }
}

/// The tables of the store as the file's migrations define them, and an in-memory SQLite copy of
/// that schema that GRDB's query builder compiles its requests against (it needs a database to know
/// primary keys); the SQL it makes is then translated and run on the server.
final class ServerCatalog: @unchecked Sendable {
    let schema: FileSchema
    let scratch: DatabaseQueue
    let dialect: PostgresDialect
    private let tables: [String: FileSchema.Table]

    private init() throws {
        let (schema, queue) = try FileSchema.currentWithDatabase()
        self.schema = schema
        scratch = queue
        tables = Dictionary(schema.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var identifiers: Set<String> = ServerSchema.serverTables.reduce(into: []) { $0.insert($1) }
        for t in schema.tables {
            identifiers.insert(t.name)
            for c in t.columns { identifiers.insert(c.name) }
        }
        for extra in ["position", "addedAt", "addedBy", "appliedAt"] { identifiers.insert(extra) }
        // A column NOT NULL in every table that has it needs no NULLS clause in an ORDER BY (the server
        // then uses its index for the order).
        var nullable = Set<String>(), neverNull = Set<String>()
        for t in schema.tables {
            for c in t.columns {
                if c.notNull || c.primaryKey > 0 { neverNull.insert(c.name.lowercased()) } else { nullable.insert(c.name.lowercased()) }
            }
        }
        dialect = PostgresDialect(identifiers: identifiers, neverNull: neverNull.subtracting(nullable))
    }

    nonisolated(unsafe) private static var made: ServerCatalog?
    private static let madeLock = NSLock()
    static func shared() throws -> ServerCatalog {
        madeLock.lock(); defer { madeLock.unlock() }
        if let made { return made }
        let c = try ServerCatalog()
        made = c
        return c
    }

    func table(_ name: String) throws -> FileSchema.Table {
        guard let t = tables[name] else { throw StoreError.invalid("internal: no table \(name) in the store's schema") }
        return t
    }

    /// The SQL and arguments GRDB makes for a request.
    func compile(_ request: some FetchRequest, single: Bool) throws -> (String, StatementArguments) {
        try scratch.read { db in
            let prepared = try request.makePreparedRequest(db, forSingleResult: single)
            return (prepared.statement.sql, prepared.statement.arguments)
        }
    }
}
