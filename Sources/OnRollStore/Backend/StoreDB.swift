import Foundation
import GRDB
import OnRollCore
import PostgresClient

/// The database handle every read and write of the store goes through, on either backend: a GRDB
/// connection to the file, or a session on the server. The store's code is written once against it;
/// its methods and the fetch/persist overloads beside it (StoreDB+Fetch, StoreDB+Persist) have GRDB's
/// shapes, so a rule reads the same whichever backend runs it.
final class StoreDB {
    enum Engine {
        case file(Database)
        case server(ServerSession)
    }
    let engine: Engine
    /// The server's `INSERT … RETURNING` id of the last insert, as SQLite's `last_insert_rowid()`.
    private var serverLastRowID: Int64 = 0
    private var serverChanges = 0

    init(file db: Database) { engine = .file(db) }
    init(server: ServerSession) { engine = .server(server) }

    var isServer: Bool { if case .server = engine { return true } else { return false } }

    /// The file's connection, for what only a file has (PRAGMA checks, FTS maintenance).
    var fileDatabase: Database? { if case .file(let db) = engine { return db } else { return nil } }

    func execute(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        switch engine {
        case .file(let db): try db.execute(sql: sql, arguments: arguments)
        case .server(let s): try runOnServer(s, sql, arguments)
        }
    }

    /// A statement prepared once per connection on a file; on a server the translation is cached instead.
    func cachedStatement(sql: String) throws -> StoreStatement {
        switch engine {
        case .file(let db): return StoreStatement(db: self, sql: sql, file: try db.cachedStatement(sql: sql))
        case .server: return StoreStatement(db: self, sql: sql, file: nil)
        }
    }

    var lastInsertedRowID: Int64 {
        switch engine {
        case .file(let db): return db.lastInsertedRowID
        case .server: return serverLastRowID
        }
    }

    var changesCount: Int {
        switch engine {
        case .file(let db): return db.changesCount
        case .server: return serverChanges
        }
    }

    /// The rows of a query, as GRDB rows.
    func rows(sql: String, arguments: StatementArguments) throws -> [Row] {
        switch engine {
        case .file(let db): return try Row.fetchAll(db, sql: sql, arguments: arguments)
        case .server(let s): return ServerSession.rows(try s.query(sql, arguments))
        }
    }

    /// The rows of several queries that do not depend on each other: on a server in one round trip
    /// (libpq's pipeline), on a file one after another through the statement cache.
    func rowsBatch(_ queries: [(sql: String, arguments: StatementArguments)]) throws -> [[Row]] {
        switch engine {
        case .file(let db): return try queries.map { try Row.fetchAll(db.cachedStatement(sql: $0.sql), arguments: $0.arguments) }
        case .server(let s): return try s.batch(queries).map(ServerSession.rows)
        }
    }

    /// The first column of each row, as values (what `Int.fetchAll` and friends decode).
    func column(sql: String, arguments: StatementArguments) throws -> [DatabaseValue] {
        switch engine {
        case .file(let db): return try DatabaseValue.fetchAll(db, sql: sql, arguments: arguments)
        case .server(let s):
            let r = try s.query(sql, arguments)
            guard !r.columns.isEmpty else { return [] }
            return r.values.map { ServerSession.value($0[0], type: r.types[0]) }
        }
    }

    /// An INSERT reports its new row's id as SQLite's `last_insert_rowid()` would: on the server the
    /// statement asks for it (`RETURNING`), for a table whose key the server numbers.
    private func runOnServer(_ s: ServerSession, _ sql: String, _ arguments: StatementArguments) throws {
        var text = sql
        // Not for the audit log: RETURNING needs SELECT, which a panel member (who appends views) lacks,
        // and an entry's id is its chain position, never read back from the insert.
        if let table = ServerSession.insertTable(sql), table != "audit", let key = try? s.catalog.table(table).rowIDColumn {
            text += " RETURNING \(PGConnection.quoteIdent(key))"
        }
        let r = try s.query(text, arguments)
        serverChanges = r.affected
        if text != sql, let id = r.values.first?[0].flatMap({ Int64($0) }) { serverLastRowID = id }
    }

    /// Runs a GRDB request's SQL (compiled against the scratch schema on a server).
    func compiled(_ request: some FetchRequest, single: Bool) throws -> (String, StatementArguments) {
        guard case .server(let s) = engine else { preconditionFailure("compiled is for the server") }
        return try s.catalog.compile(request, single: single)
    }
}

extension ServerSession {
    /// The table of a plain `INSERT INTO name …` statement.
    static func insertTable(_ sql: String) -> String? {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" }).prefix(3)
        guard words.count == 3, words[0].uppercased() == "INSERT", words[1].uppercased() == "INTO" else { return nil }
        return String(words[2]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
}

/// A statement the store runs many times (an import's lookups and inserts, the audit append).
struct StoreStatement {
    let db: StoreDB
    let sql: String
    let file: Statement?

    func execute(arguments: StatementArguments = StatementArguments()) throws {
        if let file { try file.execute(arguments: arguments) } else { try db.execute(sql: sql, arguments: arguments) }
    }
}
