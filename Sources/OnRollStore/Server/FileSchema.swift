import GRDB

/// The file store's tables as the migrations leave them, read back from a scratch SQLite database, so the
/// server's schema is derived from the one definition and the two backends cannot drift apart.
struct FileSchema {
    struct Column: Equatable {
        let name: String
        let declaredType: String
        let notNull: Bool
        let defaultSQL: String?
        /// Position in the primary key (1-based), 0 when not part of it.
        let primaryKey: Int
    }

    struct ForeignKey: Equatable {
        let column: String
        let table: String
        let to: String
    }

    struct Index: Equatable {
        let name: String
        let columns: [String]
        let unique: Bool
    }

    struct Table {
        let name: String
        let columns: [Column]
        let foreignKeys: [ForeignKey]
        let indexes: [Index]
        /// `INTEGER PRIMARY KEY AUTOINCREMENT`: an identity column on the server.
        let autoIncrement: Bool
        /// An FTS5 table: the server keeps the same rows in a plain table with a trigram index.
        let isFullText: Bool

        func has(_ column: String) -> Bool { columns.contains { $0.name == column } }

        /// The one INTEGER PRIMARY KEY column, which SQLite numbers itself (an identity on the server).
        var rowIDColumn: String? {
            let pk = columns.filter { $0.primaryKey > 0 }
            guard pk.count == 1, pk[0].declaredType == "INTEGER", !isFullText else { return nil }
            return pk[0].name
        }
        var primaryKey: [String] { columns.filter { $0.primaryKey > 0 }.sorted { $0.primaryKey < $1.primaryKey }.map(\.name) }
    }

    let tables: [Table]
    /// The file migrations these tables reflect, in order.
    let migrations: [String]

    static func current() throws -> FileSchema { try currentWithDatabase().0 }

    /// The schema and the scratch database it was read from (ServerCatalog compiles requests against it).
    static func currentWithDatabase() throws -> (FileSchema, DatabaseQueue) {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let schema = try queue.read { db in
            let masters = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                  AND name NOT LIKE 'grdb_%' ORDER BY rowid
                """)
            let virtual = masters.filter { ($0["sql"] as String? ?? "").uppercased().hasPrefix("CREATE VIRTUAL TABLE") }
                .map { $0["name"] as String }
            var tables: [Table] = []
            for m in masters {
                let name: String = m["name"]
                // FTS5 keeps its index in shadow tables named after it: not data, never copied.
                if virtual.contains(where: { name.hasPrefix($0 + "_") }) { continue }
                let sql: String = m["sql"] ?? ""
                if virtual.contains(name) {
                    tables.append(Table(name: name, columns: [
                        Column(name: "rowid", declaredType: "INTEGER", notNull: true, defaultSQL: nil, primaryKey: 1),
                        Column(name: "text", declaredType: "TEXT", notNull: true, defaultSQL: nil, primaryKey: 0),
                    ], foreignKeys: [], indexes: [], autoIncrement: false, isFullText: true))
                    continue
                }
                let cols = try Row.fetchAll(db, sql: "SELECT * FROM pragma_table_info(?) ORDER BY cid", arguments: [name]).map {
                    Column(name: $0["name"], declaredType: ($0["type"] as String? ?? "").uppercased(), notNull: $0["notnull"] == 1,
                           defaultSQL: $0["dflt_value"], primaryKey: $0["pk"])
                }
                let fks = try Row.fetchAll(db, sql: "SELECT * FROM pragma_foreign_key_list(?)", arguments: [name]).map {
                    ForeignKey(column: $0["from"], table: $0["table"], to: ($0["to"] as String?) ?? "")
                }
                var indexes: [Index] = []
                // 'c': CREATE INDEX; 'u': a unique constraint (`.unique()`, `uniqueKey`), an automatic index in
                // SQLite whose name is SQLite's own, so it is named after its columns on the server.
                for ix in try Row.fetchAll(db, sql: "SELECT * FROM pragma_index_list(?) WHERE origin IN ('c', 'u')", arguments: [name]) {
                    let ixName: String = ix["name"], origin: String = ix["origin"]
                    let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [ixName])
                    indexes.append(Index(name: origin == "u" ? "\(name)_\(columns.joined(separator: "_"))_key" : ixName,
                                         columns: columns, unique: origin == "u" || ix["unique"] == 1))
                }
                tables.append(Table(name: name, columns: cols, foreignKeys: fks, indexes: indexes,
                                    autoIncrement: sql.uppercased().contains("AUTOINCREMENT"), isFullText: false))
            }
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            return FileSchema(tables: tables, migrations: migrations)
        }
        return (schema, queue)
    }
}
