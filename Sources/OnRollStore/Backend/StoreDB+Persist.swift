import GRDB
import PostgresClient

// GRDB's persistence methods, taking a StoreDB. On a server the statement is made from the record's
// own encoding (`databaseDictionary`) and the catalog's keys, which is what GRDB does against SQLite.

extension MutablePersistableRecord {
    mutating func insert(_ db: StoreDB) throws {
        guard case .server(let s) = db.engine else { try insert(db.fileDatabase!); return }
        let table = try s.catalog.table(Self.databaseTableName)
        let values = try databaseDictionary
        var columns: [String] = [], args: [DatabaseValue] = []
        for c in table.columns {
            guard let v = Self.encoded(c.name, in: values) else { continue }
            // A NULL key is the server's to number, as SQLite numbers an INTEGER PRIMARY KEY.
            if c.name == table.rowIDColumn {
                if v.isNull { continue }
                s.numberedByWriter[table.name] = c.name
            }
            columns.append(c.name); args.append(v)
        }
        let q = PGConnection.quoteIdent
        var sql = "INSERT INTO \(q(table.name)) (\(columns.map(q).joined(separator: ", "))) VALUES (\(columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")))"
        if table.rowIDColumn != nil { sql += " RETURNING *" }
        let r = try s.conn.execPrepared(sql, args.map(ServerSession.text))
        // The inserted row, numbered by the server, becomes the record (GRDB's `didInsert`).
        if let row = ServerSession.rows(r).first, let decoded = try (Self.self as? any FetchableRecord.Type)?.init(row: row) as? Self {
            self = decoded
        }
    }

    func update(_ db: StoreDB) throws {
        guard case .server(let s) = db.engine else { try update(db.fileDatabase!); return }
        guard try updateOnServer(s) else {
            throw StoreError.notFound("\(Self.databaseTableName) row to update does not exist")
        }
    }

    mutating func save(_ db: StoreDB) throws {
        guard case .server(let s) = db.engine else { try save(db.fileDatabase!); return }
        if try !updateOnServer(s) { try insert(db) }
    }

    /// The record's value for a column, matched as SQLite matches names (case-insensitively); nil when
    /// the record does not encode that column at all.
    private static func encoded(_ column: String, in values: [String: DatabaseValue]) -> DatabaseValue? {
        values[column] ?? values.first(where: { $0.key.lowercased() == column.lowercased() })?.value
    }

    /// `UPDATE … WHERE key`; false when no row has that key.
    private func updateOnServer(_ s: ServerSession) throws -> Bool {
        let table = try s.catalog.table(Self.databaseTableName)
        let values = try databaseDictionary
        let key = table.primaryKey
        func value(_ c: String) -> DatabaseValue { Self.encoded(c, in: values) ?? .null }
        if key.contains(where: { value($0).isNull }) { return false }
        let q = PGConnection.quoteIdent
        // Only the columns the record encodes, as GRDB's update: one it does not know stays as it is.
        let set = table.columns.map(\.name).filter { !key.contains($0) && Self.encoded($0, in: values) != nil }
        var args = set.map(value)
        let assignments = set.enumerated().map { "\(q($1)) = $\($0 + 1)" }.joined(separator: ", ")
        let condition = key.enumerated().map { "\(q($1)) = $\(set.count + $0 + 1)" }.joined(separator: " AND ")
        args += key.map(value)
        let r = try s.conn.execPrepared("UPDATE \(q(table.name)) SET \(assignments) WHERE \(condition)", args.map(ServerSession.text))
        return r.affected > 0
    }
}
