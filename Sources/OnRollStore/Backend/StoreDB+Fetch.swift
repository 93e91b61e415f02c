import GRDB

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
    private let row: Row?
    private let values: [DatabaseValue]
    private let names: [String]

    init(_ row: Row) { self.row = row; values = []; names = [] }
    init(values: [DatabaseValue], names: [String]) { row = nil; self.values = values; self.names = names }

    func columnName(_ i: Int) -> String { row.map { Array($0.columnNames)[i] } ?? names[i] }

    func value(_ i: Int) -> DatabaseValue { row.map { $0[i] } ?? values[i] }

    /// As GRDB's: an optional type reads NULL as nil; a value of another type is a programming error.
    subscript<T: DatabaseValueConvertible>(_ i: Int) -> T {
        if let row { return row[i] }
        guard let v = T.fromDatabaseValue(values[i]) else { fatalError("column \(i): \(values[i]) is not a \(T.self)") }
        return v
    }

    static func fetchAll(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [PositionalRow] {
        var out: [PositionalRow] = []
        let c = try fetchCursor(db, sql: sql, arguments: arguments)
        // A file's cursor reuses its row: each is copied to be kept.
        while let r = try c.next() { out.append(r.row.map { PositionalRow($0.copy()) } ?? r) }
        return out
    }

    static func fetchCursor(_ db: StoreDB, sql: String, arguments: StatementArguments = StatementArguments()) throws -> StoreCursor<PositionalRow> {
        switch db.engine {
        case .file(let d):
            let c = try Row.fetchCursor(d, sql: sql, arguments: arguments)
            return StoreCursor { try c.next().map(PositionalRow.init) }
        case .server(let s):
            // Each row typed as it is read, not all of them first: at 100,000 cases the caseload's rows
            // were held twice over, as text and as values.
            let r = try s.query(sql, arguments)
            var next = 0
            return StoreCursor {
                guard next < r.values.count else { return nil }
                defer { next += 1 }
                return PositionalRow(values: r.values[next].enumerated().map { ServerSession.value($1, type: r.types[$0]) }, names: r.columns)
            }
        }
    }
}
