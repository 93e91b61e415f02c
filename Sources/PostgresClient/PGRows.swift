import CLibPQ

/// The rows of one result, copied out of libpq's buffer as text (the text protocol: what psql shows).
public struct PGRows: Sendable {
    public let columns: [String]
    /// Each column's type as the server's OID (`pg_type.oid`: 20 bigint, 25 text, 701 double…), so a
    /// caller can turn the text back into the value it was.
    public let types: [UInt32]
    public let values: [[String?]]
    /// Rows changed by an INSERT/UPDATE/DELETE (libpq's PQcmdTuples).
    public let affected: Int

    /// Every value of `result` copied out as text.
    public init(_ result: PGResult) {
        columns = result.columns
        types = result.types
        values = result.rows
        affected = result.affected
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// Row `i` as a lookup by column name.
    public subscript(i: Int) -> PGRow { PGRow(columns: columns, values: values[i]) }
    public var rows: [PGRow] { values.map { PGRow(columns: columns, values: $0) } }
    public var first: PGRow? { values.first.map { PGRow(columns: columns, values: $0) } }
}

public struct PGRow: Sendable {
    public let columns: [String]
    public let values: [String?]

    public subscript(name: String) -> String? {
        guard let i = columns.firstIndex(of: name) else { return nil }
        return values[i]
    }
    public subscript(i: Int) -> String? { values[i] }

    public func int(_ name: String) -> Int64? { self[name].flatMap { Int64($0) } }
    /// PostgreSQL's text form of a boolean is `t` or `f`.
    public func bool(_ name: String) -> Bool? { self[name].map { $0 == "t" } }
}
