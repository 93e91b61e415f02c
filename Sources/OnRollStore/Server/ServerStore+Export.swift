import OnRollCore
import PostgresClient

/// `onroll export` from a server store and `onroll restore` into an empty server database: the same
/// document as a file store's, so a caseload moves between the two backends byte for byte.
extension ServerStore {
    /// The record tables a file export holds (not the read model, not the audit log, not the server's own).
    static func recordTables(_ file: FileSchema) -> [FileSchema.Table] {
        let names = Store.tableOrder(file.tables.map(\.name).filter { $0 != "caseSummary" && !$0.hasPrefix("caseSearch") })
        return names.compactMap { n in file.tables.first { $0.name == n } }
    }

    /// Every record and the whole audit log, in one REPEATABLE READ snapshot, typed as the file stores them.
    public func exportDocument(pseudonymiser: Pseudonymiser? = nil) throws -> ExportDocument {
        try mapErrors {
            let file = try FileSchema.current()
            try conn.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? conn.exec("COMMIT") }
            var tables: [(name: String, rows: [[String: StoredValue]])] = []
            for t in ServerStore.recordTables(file) { tables.append((t.name, try rows(of: t))) }
            guard let audit = file.tables.first(where: { $0.name == "audit" }) else { throw StoreError.invalid("no audit table") }
            let migrations = try conn.exec(#"SELECT "identifier" FROM "serverMigrations" ORDER BY "identifier""#).values.compactMap { $0[0] }
            let head = try conn.exec(#"SELECT "position", "hash" FROM chain_head()"#).first
            let position = head?.int("position") ?? 0
            let doc = ExportDocument(pseudonymised: false, migrations: migrations, tables: tables, audit: try rows(of: audit),
                                     head: position == 0 ? .empty : AuditHead(position: position, hash: head?["hash"] ?? AuditEntry.genesis))
            return pseudonymiser.map { $0.apply(doc) } ?? doc
        }
    }

    /// A table's rows with only the file's columns, in primary-key order, each value of the file's type.
    func rows(of t: FileSchema.Table) throws -> [[String: StoredValue]] {
        let pk = t.columns.filter { $0.primaryKey > 0 }.sorted { $0.primaryKey < $1.primaryKey }.map { ServerSchema.q($0.name) }
        let cols = t.columns.map { ServerSchema.q($0.name) }.joined(separator: ", ")
        let order = pk.isEmpty ? "" : " ORDER BY " + pk.joined(separator: ", ")
        let result = try conn.exec("SELECT \(cols) FROM \(ServerSchema.q(t.name))\(order)")
        return result.values.map { values in
            var out: [String: StoredValue] = [:]
            for (i, c) in t.columns.enumerated() { out[c.name] = ServerStore.stored(values[i], as: c) }
            return out
        }
    }

    static func stored(_ text: String?, as c: FileSchema.Column) -> StoredValue {
        guard let text else { return .null }
        switch ServerSchema.pgType(c) {
        case "bigint", "smallint": return Int64(text).map(StoredValue.int) ?? .text(text)
        case "double precision": return Double(text).map(StoredValue.real) ?? .text(text)
        default: return .text(text)
        }
    }

    /// Restores an export into an empty database (run by its owner, who becomes the first manager): the
    /// schema, every row, then the audit log verbatim — the trigger accepts each entry only if it extends
    /// the chain — and finally the chain must end at the head the export recorded. One transaction: a
    /// failure leaves the database as empty as it was.
    public static func restore(_ doc: ExportDocument, url: String, acceptNoHead: Bool = false) throws -> ServerStore {
        try doc.checkRestorable(acceptNoHead: acceptNoHead)
        let s = try ServerStore(connecting: url)
        try s.mapErrors {
            try s.requireOwnerOfEmptyDatabase("restore", exists: "\(s.location.display) (a server store is already there; restore goes into an empty database)")
            let file = try FileSchema.current()
            let own = Dictionary(uniqueKeysWithValues: recordTables(file).map { ($0.name, $0) })
            try doc.checkFits(migrations: file.migrations, tables: Set(own.keys))
            try s.conn.transaction {
                try s.sync(file)
                try s.conn.exec("SET CONSTRAINTS ALL DEFERRED")
                for t in doc.tables { try s.insert(t.rows, into: own[t.name]!) }
                try s.conn.exec("SELECT set_config('onroll.restoring', 'on', true)")
                let audit = file.tables.first { $0.name == "audit" }!
                do { try s.insert(doc.audit, into: audit) } catch let e as PGError where e.sqlState == "22000" {
                    throw StoreError.invalid("the export's audit log does not verify (\(e.message)); nothing was restored")
                }
                try s.conn.exec("SELECT set_config('onroll.restoring', 'off', true)")
                // Ids the rows brought with them: the next insert's identity must start after them.
                for t in file.tables where t.autoIncrement && t.name != "audit" {
                    try s.conn.exec("SELECT identity_catch_up($1, 'id')", [t.name])
                }
                let head = try s.headPosition()
                if let expected = doc.head, head != expected.position {
                    throw StoreError.invalid("the export says its audit log ends at entry \(expected.position) (\(expected.short)) but it ends at entry \(head): entries were cut or added; nothing was restored")
                }
                _ = try s.makeOwnerFirstManager()
            }
            // The planner's statistics, now rather than whenever autovacuum gets there: the first reads
            // after a restore (every summary to assess) were planned as if each table were empty.
            try s.conn.exec("ANALYZE")
        }
        return s
    }

    /// Streams a table's rows with COPY, a run of rows with the same columns at a time (an export writes
    /// every column of every row, so that is one run a table). A row the server refuses is named by its
    /// place in the export.
    private func insert(_ rows: [[String: StoredValue]], into t: FileSchema.Table) throws {
        let known = Set(t.columns.map(\.name))
        var start = 0
        while start < rows.count {
            let keys = rows[start].keys.sorted()
            if let bad = keys.first(where: { !known.contains($0) }) {
                throw StoreError.invalid("\(t.name) row \(start + 1): unknown column \(bad)")
            }
            var end = start + 1
            while end < rows.count, rows[end].count == keys.count, keys.allSatisfy({ rows[end][$0] != nil }) { end += 1 }
            do {
                try conn.copy(into: t.name, columns: keys, rows: rows[start..<end].lazy.map { row in keys.map { row[$0]!.text } })
            } catch let e as PGError where e.kind == .refused && e.sqlState != "22000" {
                let row = e.copyLine.map { " row \(start + $0)" } ?? ""
                throw StoreError.invalid("\(t.name)\(row): \(e.message)")
            }
            start = end
        }
    }
}

extension StoredValue {
    /// The value as libpq's text parameter (the server casts it to the column's type).
    var text: String? {
        switch self {
        case .null: nil
        case .int(let i): String(i)
        case .real(let d): "\(d)"
        case .text(let s): s
        }
    }
}
