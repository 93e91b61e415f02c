import GRDB
import PostgresClient

// GRDB's fetch methods, taking a StoreDB: the store's reads keep GRDB's shape (`Case.fetchOne(db, key:)`,
// `Int.fetchOne(db, sql:)`) and run on a file through GRDB itself, on a server through ServerSession.

/// Rows read one at a time from a file (a GRDB cursor), or from a server's result already in memory.
final class StoreCursor<Element> {
    private let step: () throws -> Element?
    init(_ step: @escaping () throws -> Element?) { self.step = step }
    convenience init(_ elements: [Element]) {
        var it = elements.makeIterator()
        self.init { it.next() }
    }
    func next() throws -> Element? { try step() }
    func forEach(_ body: (Element) throws -> Void) throws {
        while let e = try next() { try body(e) }
    }
}

extension FetchableRecord {
    static func fetchAll(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        switch db.engine {
        case .file(let d): return try fetchAll(d, sql: sql, arguments: arguments)
        case .server: return try db.rows(sql: sql, arguments: arguments).map { try Self(row: $0) }
        }
    }

    static func fetchOne(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        switch db.engine {
        case .file(let d): return try fetchOne(d, sql: sql, arguments: arguments)
        case .server: return try db.rows(sql: sql, arguments: arguments).first.map { try Self(row: $0) }
        }
    }

    static func fetchCursor(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> StoreCursor<Self> {
        switch db.engine {
        case .file(let d):
            let c = try fetchCursor(d, sql: sql, arguments: arguments)
            return StoreCursor { try c.next() }
        case .server: return StoreCursor(try fetchAll(db, sql: sql, arguments: arguments))
        }
    }

    static func fetchAll(_ s: StoreStatement, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        if let f = s.file { return try fetchAll(f, arguments: arguments) }
        return try fetchAll(s.db, sql: s.sql, arguments: arguments)
    }

    static func fetchOne(_ s: StoreStatement, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        if let f = s.file { return try fetchOne(f, arguments: arguments) }
        return try fetchOne(s.db, sql: s.sql, arguments: arguments)
    }
}

extension FetchableRecord where Self: TableRecord {
    static func fetchOne(_ db: StoreDB, key: some DatabaseValueConvertible) throws -> Self? {
        if case .file(let d) = db.engine { return try fetchOne(d, key: key) }
        return try filter(key: key).fetchOne(db)
    }

    static func fetchAll(_ db: StoreDB) throws -> [Self] {
        if case .file(let d) = db.engine { return try fetchAll(d) }
        return try all().fetchAll(db)
    }

    static func fetchCount(_ db: StoreDB) throws -> Int {
        if case .file(let d) = db.engine { return try fetchCount(d) }
        return try all().fetchCount(db)
    }
}

extension FetchRequest where RowDecoder: FetchableRecord {
    func fetchAll(_ db: StoreDB) throws -> [RowDecoder] {
        if case .file(let d) = db.engine { return try fetchAll(d) }
        let (sql, args) = try db.compiled(self, single: false)
        return try RowDecoder.fetchAll(db, sql: sql, arguments: args)
    }

    func fetchOne(_ db: StoreDB) throws -> RowDecoder? {
        if case .file(let d) = db.engine { return try fetchOne(d) }
        let (sql, args) = try db.compiled(self, single: true)
        return try RowDecoder.fetchOne(db, sql: sql, arguments: args)
    }

    func fetchCursor(_ db: StoreDB) throws -> StoreCursor<RowDecoder> {
        if case .file(let d) = db.engine {
            let c = try fetchCursor(d)
            return StoreCursor { try c.next() }
        }
        return StoreCursor(try fetchAll(db))
    }
}

extension FetchRequest {
    func fetchCount(_ db: StoreDB) throws -> Int {
        if case .file(let d) = db.engine { return try fetchCount(d) }
        let (sql, args) = try db.compiled(self, single: false)
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(sql)) AS counted", arguments: args) ?? 0
    }
}

extension DatabaseValueConvertible {
    static func fetchAll(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        try db.column(sql: sql, arguments: arguments).map(decode)
    }

    static func fetchOne(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        guard let v = try db.column(sql: sql, arguments: arguments).first, !v.isNull else { return nil }
        return try decode(v)
    }

    static func fetchSet(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Set<Self> where Self: Hashable {
        Set(try fetchAll(db, sql: sql, arguments: arguments))
    }

    static func fetchOne(_ s: StoreStatement, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try fetchOne(s.db, sql: s.sql, arguments: arguments)
    }

    static func fetchAll(_ db: StoreDB, _ request: some FetchRequest) throws -> [Self] {
        if case .file(let d) = db.engine { return try DatabaseValue.fetchAll(d, request).map(decode) }
        let (sql, args) = try db.compiled(request, single: false)
        return try fetchAll(db, sql: sql, arguments: args)
    }

    static func fetchOne(_ db: StoreDB, _ request: some FetchRequest) throws -> Self? {
        if case .file(let d) = db.engine {
            guard let v = try DatabaseValue.fetchOne(d, request), !v.isNull else { return nil }
            return try decode(v)
        }
        let (sql, args) = try db.compiled(request, single: true)
        return try fetchOne(db, sql: sql, arguments: args)
    }

    private static func decode(_ v: DatabaseValue) throws -> Self {
        guard let x = fromDatabaseValue(v) else {
            throw StoreError.invalid("internal: a stored value \(v) is not a \(Self.self)")
        }
        return x
    }
}

extension Row {
    static func fetchAll(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try db.rows(sql: sql, arguments: arguments)
    }

    static func fetchOne(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        switch db.engine {
        case .file(let d): return try fetchOne(d, sql: sql, arguments: arguments)
        case .server: return try db.rows(sql: sql, arguments: arguments).first
        }
    }

    /// On a file the rows are read one at a time and each is valid only until the next: copy one to keep it.
    static func fetchCursor(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> StoreCursor<Row> {
        switch db.engine {
        case .file(let d):
            let c = try fetchCursor(d, sql: sql, arguments: arguments)
            return StoreCursor { try c.next() }
        case .server: return StoreCursor(try db.rows(sql: sql, arguments: arguments))
        }
    }
}

/// A row read by position (the caseload and the reports, where a lookup by name per value was a fifth
/// of the time). A file's GRDB row is read as it is; a server's result row keeps its values in SELECT
/// order, which a GRDB row built from a server's result could not promise.
struct PositionalRow {
    private enum Source {
        case file(Row)
        case values([DatabaseValue], names: [String])
        /// Row `index` of a server's result, read in place: nothing is copied out until it is asked for.
        case result(PGResult, index: Int)
    }
    private let source: Source

    init(_ row: Row) { source = .file(row) }
    init(values: [DatabaseValue], names: [String]) { source = .values(values, names: names) }
    init(result: PGResult, index: Int) { source = .result(result, index: index) }

    func columnName(_ i: Int) -> String {
        switch source {
        case .file(let row): return Array(row.columnNames)[i]
        case .values(_, let names): return names[i]
        case .result(let r, _): return r.columns[i]
        }
    }

    func value(_ i: Int) -> DatabaseValue {
        switch source {
        case .file(let row): return row[i]
        case .values(let values, _): return values[i]
        case .result(let r, let index): return ServerSession.value(r.text(index, i), type: r.types[i])
        }
    }

    /// As GRDB's: an optional type reads NULL as nil; a value of another type is a programming error.
    subscript<T: DatabaseValueConvertible>(_ i: Int) -> T {
        if case .file(let row) = source { return row[i] }
        let v = value(i)
        guard let t = T.fromDatabaseValue(v) else { fatalError("column \(i): \(v) is not a \(T.self)") }
        return t
    }

    // Typed reads for the hot paths (the caseload, `list`): a file's through GRDB's statement-column
    // decoding, a server's parsed from libpq's buffer. The generic subscript above went through
    // DatabaseValue and a generic metadata lookup for every value, most of `list`'s own time.

    /// An integer or boolean column; nil for NULL.
    func integer(_ i: Int) -> Int? {
        switch source {
        case .file(let row): return row[i] as Int?
        case .values(let values, _): return Int.fromDatabaseValue(values[i])
        case .result(let r, let index): return r.integer(index, i).map { Int($0) }
        }
    }

    /// A text column; nil for NULL.
    func text(_ i: Int) -> String? {
        switch source {
        case .file(let row): return row[i] as String?
        case .values(let values, _): return String.fromDatabaseValue(values[i])
        case .result(let r, let index): return r.text(index, i)
        }
    }

    static func fetchAll(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [PositionalRow] {
        var out: [PositionalRow] = []
        let c = try fetchCursor(db, sql: sql, arguments: arguments)
        // A file's cursor reuses its row: each is copied to be kept.
        while let r = try c.next() {
            if case .file(let row) = r.source { out.append(PositionalRow(row.copy())) } else { out.append(r) }
        }
        return out
    }

    static func fetchCursor(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> StoreCursor<PositionalRow> {
        switch db.engine {
        case .file(let d):
            let c = try Row.fetchCursor(d, sql: sql, arguments: arguments)
            return StoreCursor { try c.next().map(PositionalRow.init) }
        case .server(let s):
            // The result stays in libpq's buffer and each row is read from it as the cursor reaches it: at
            // 100,000 cases, copying every value out as a string first was most of the client's time.
            let r = try s.queryResult(sql, arguments)
            var next = 0
            return StoreCursor {
                guard next < r.rowCount else { return nil }
                defer { next += 1 }
                return PositionalRow(result: r, index: next)
            }
        }
    }
}
