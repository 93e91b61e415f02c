import Foundation
import GRDB
import OnRollCore

/// `onroll export` / `onroll restore`: the whole store as one JSON document and back, row for row.
extension Store {
    /// Tables in the order a restore inserts them: the audited record kinds parents first, then
    /// team settings, then any table a later migration added (A–Z). The audit log travels apart.
    static func tableOrder<S: Sequence>(_ names: S) -> [String] where S.Element == String {
        let known = AuditedTables.all.map { $0.databaseTableName } + ["agencies", "config"]
        let present = Set(names).subtracting(["audit"])
        return known.filter(present.contains) + present.subtracting(known).sorted()
    }

    /// Every row of every table and the whole audit log, read in one transaction (a consistent
    /// snapshot). With `pseudonymiser`, children are pseudonymised and the audit log is left out
    /// (its before/after snapshots hold the original records).
    public func exportDocument(pseudonymiser: Pseudonymiser? = nil) throws -> ExportDocument {
        if let server { return try server.exportDocument(pseudonymiser: pseudonymiser) }
        return try read { db in
            let names = try Store.recordTables(db)
            var tables: [(name: String, rows: [[String: StoredValue]])] = []
            for name in Store.tableOrder(names) { tables.append((name, try Store.rows(db, name))) }
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            var doc = ExportDocument(pseudonymised: false, migrations: migrations, tables: tables,
                                     audit: try Store.rows(db, "audit"), head: try Store.head(db))
            if let pseudonymiser { doc = pseudonymiser.apply(doc) }
            return doc
        }
    }

    static func rows(_ db: StoreDB, _ table: String) throws -> [[String: StoredValue]] {
        let pk = try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", arguments: [table])
            .map { $0["name"] as String }
        let order = pk.isEmpty ? "rowid" : pk.map { "\"\($0)\"" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY \(order)").map { row in
            var out: [String: StoredValue] = [:]
            for (col, value) in row { out[col] = try StoredValue(value) }
            return out
        }
    }

    /// Builds a new store at `path` holding exactly the document's rows and audit entries, in one
    /// transaction, then verifies it: `check` must find nothing and the chain must end exactly at the
    /// head the export recorded. Either the whole verified store is restored or no file is left behind.
    /// Refuses an existing store and a pseudonymised export (it is not the caseload it came from).
    /// `acceptNoHead`: restore an export made before exports recorded their head (an older OnRoll's
    /// backup); its chain is still verified, but a cut-off end could not be told from a whole one.
    public static func restore(_ doc: ExportDocument, to path: String, acceptNoHead: Bool = false) throws -> Store {
        try doc.checkRestorable(acceptNoHead: acceptNoHead)
        let store = try load(doc, to: path)
        do {
            let report = try store.check()
            guard report.isClean else {
                throw StoreError.invalid("the restored store fails `onroll check` (" + report.problems.prefix(3).joined(separator: "; ") + "); nothing was restored")
            }
            let restored = try store.head()
            if let head = doc.head, restored != head {
                throw StoreError.invalid("the export says its audit log ends at entry \(head.position) (\(head.short)) but it ends at entry \(restored.position) (\(restored.short)): entries were cut or added; nothing was restored")
            }
        } catch {
            try? store.pool.close()
            removeStoreFiles(path)
            throw error
        }
        return store
    }

    static func removeStoreFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The restore itself, without the pseudonymised check (CSV export of a pseudonymised copy
    /// goes through a scratch store).
    /// The tables that hold records: not GRDB's or SQLite's own, and not the caseload read model
    /// (`caseSummary` and the search index), which is derived from the records and rebuilt on restore.
    static func recordTables(_ db: StoreDB) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
            AND name != 'caseSummary' AND name NOT LIKE 'caseSearch%'
            """)
    }

    static func load(_ doc: ExportDocument, to path: String) throws -> Store {
        if FileManager.default.fileExists(atPath: path) { throw StoreError.exists(path) }
        let store = try Store.create(path: path)
        do {
            try store.pool.write { file in
                let db = StoreDB(file: file)
                // Only the tables OnRoll itself makes: not grdb_migrations or sqlite_sequence either.
                try doc.checkFits(migrations: try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                                  tables: Set(Store.tableOrder(try Store.recordTables(db))))
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                for t in doc.tables { try insert(db, t.name, t.rows) }
                // Verbatim: ids, times, users and hashes as exported, so the chain still verifies.
                try insert(db, "audit", doc.audit)
            }
        } catch {
            try? store.pool.close()
            removeStoreFiles(path)
            // A deferred foreign-key failure surfaces at commit: the document names a missing record.
            if let e = error as? DatabaseError {
                throw StoreError.invalid("the export does not hold together (\(e.message ?? e.description)); nothing was restored")
            }
            throw error
        }
        return store
    }

    private static func insert(_ db: StoreDB, _ table: String, _ rows: [[String: StoredValue]]) throws {
        let columns = Set(try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).map { $0["name"] as String })
        guard !columns.isEmpty else { throw StoreError.invalid("the export has a table \(table) this store does not know") }
        for (i, row) in rows.enumerated() {
            let keys = row.keys.sorted()
            if let bad = keys.first(where: { !columns.contains($0) }) {
                throw StoreError.invalid("\(table) row \(i + 1): unknown column \(bad)")
            }
            let sql = "INSERT INTO \"\(table)\" (" + keys.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES ("
                + keys.map { _ in "?" }.joined(separator: ", ") + ")"
            do {
                try db.execute(sql: sql, arguments: StatementArguments(keys.map { row[$0]!.databaseValue }))
            } catch let e as DatabaseError {
                throw StoreError.invalid("\(table) row \(i + 1): \(e.message ?? e.description)")
            }
        }
    }

    /// Writes one import-format CSV per record kind into `directory` (`schools.csv`, `children.csv`…)
    /// and returns the file names in `ImportKind` order, the order to import them back. With a
    /// pseudonymiser the CSVs come from a pseudonymised scratch copy of the store, deleted after.
    public func exportCSV(to directory: String, pseudonymiser: Pseudonymiser? = nil) throws -> [String] {
        if let pseudonymiser {
            let scratch = NSTemporaryDirectory() + "onroll-pseudonymised-\(UUID().uuidString).onroll"
            defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + s) } }
            let copy = try Store.load(try exportDocument(pseudonymiser: pseudonymiser), to: scratch)
            return try copy.exportCSV(to: directory)
        }
        try OutputFile.directory(directory, protecting: path)
        var out: [String] = []
        for kind in ImportKind.recordKinds {
            let name = kind.rawValue + ".csv"
            try OutputFile.write(try exportCSV(kind), to: (directory as NSString).appendingPathComponent(name), protecting: path)
            out.append(name)
        }
        return out
    }
}
