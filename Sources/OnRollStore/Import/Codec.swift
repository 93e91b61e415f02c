import GRDB
import OnRollCore

/// How one record kind travels as CSV: its columns (in export order), how a row becomes a record,
/// which other records it names, and how a re-imported row finds the record it updates.
struct Codec<E: AuditedRecord> {
    var kind: String
    var columns: [String]
    var required: [String]
    var decode: (inout RowReader) -> E
    var encode: (E) -> [String]
    /// Records this one names: (column, table, key). Each must exist in the store or the same file.
    var references: (E) -> [(column: String, table: String, key: String)] = { _ in [] }
    /// The stored record a re-imported row stands for, if any (refs are keys).
    var existing: (StoreDB, E) throws -> E?
    /// The case a change to this record belongs to, for the audit log.
    var caseRef: (E) -> String? = { _ in nil }
    /// Carries over what the file does not hold (id, version) so an unchanged row compares equal.
    var merge: (E, E) -> E
    var describe: (E) -> String
    /// Adds chronology lines for a new record (skipped when the chronology itself is imported); the
    /// string is the file's name as given.
    var chronicle: ((WriteContext, E, String) throws -> Void)?
    /// The column that names the record in refusals, where it is not `ref`, `urn` or `id`.
    var keyColumn: String? = nil
    /// Whether the file carries a `version` column (set by `withVersion()`, for `VersionedRecord`s).
    var versioned = false
    /// Whether an import that changes a stored record writes one chronology line per changed field.
    var chroniclesChanges = false
    /// The date a record says something happened on, which can't be after today (RecordedDate).
    var happened: ((E) -> (date: SchoolDate, column: String, what: String))? = nil
    /// Sets what the importing officer's write decides, not the file, on a new record.
    var stamp: ((inout E, WriteContext, ImportOptions) -> Void)? = nil
    /// How a row may name a child by `upn` instead (ImportNames): the column the UPN stands in for.
    var namesChild: ChildName? = nil
    /// Columns holding a school's URN, where a 7-digit DfE number (laestab) may stand instead.
    var schoolColumns: [String] = []
}

/// What a `upn` in a row stands in for.
enum ChildName {
    /// The child's ref (`child_ref`).
    case child(String)
    /// The child's one open case (`case_ref`).
    case openCase(String)
    /// The child's suspension starting on `suspension_start` (`suspension_id`).
    case suspension(String)

    var column: String {
        switch self { case .child(let c), .openCase(let c), .suspension(let c): c }
    }
}

/// Keeps a record's identity when a re-import updates it.
func keeping<E: VersionedRecord>(_ stored: E, _ incoming: E, id: WritableKeyPath<E, Int64?>? = nil) -> E {
    var e = incoming
    e.version = stored.version
    if let k = id { e[keyPath: k] = stored[keyPath: k] }
    return e
}

extension FetchableRecord where Self: TableRecord {
    /// One record by a WHERE clause, through the statement cache: an import looks up every row's
    /// record, and building and preparing a query-interface request per row was a fifth of its time.
    static func cached(_ db: StoreDB, where clause: String, _ arguments: StatementArguments) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM \(databaseTableName) WHERE \(clause) LIMIT 1"), arguments: arguments)
    }
}
