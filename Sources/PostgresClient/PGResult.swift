import CLibPQ

/// One result as libpq holds it, read in place: a value is turned into a Swift string or number only
/// when it is asked for. `PGRows` copies every value out as a string first, which for a caseload of
/// 100,000 rows was more of `list`'s time than the server's answer.
public final class PGResult: @unchecked Sendable {
    private let res: OpaquePointer
    public let rowCount: Int
    public let columnCount: Int

    /// Takes ownership of `res` (cleared when this goes).
    init(taking res: OpaquePointer) {
        self.res = res
        rowCount = Int(PQntuples(res))
        columnCount = Int(PQnfields(res))
    }

    deinit { PQclear(res) }

    public lazy var columns: [String] = (0..<columnCount).map { String(cString: PQfname(res, Int32($0))) }
    /// Each column's type as the server's OID (`pg_type.oid`), as in `PGRows.types`.
    public lazy var types: [UInt32] = (0..<columnCount).map { UInt32(PQftype(res, Int32($0))) }

    public func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(res, Int32(row), Int32(column)) == 1 }

    /// The value's text form (what psql shows), nil for NULL.
    public func text(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : String(cString: PQgetvalue(res, Int32(row), Int32(column)))
    }

    /// An integer column (or a boolean, `t` as 1), parsed from libpq's buffer without a string between;
    /// nil for NULL or for text that is not an integer.
    public func integer(_ row: Int, _ column: Int) -> Int64? {
        guard !isNull(row, column), var p = PQgetvalue(res, Int32(row), Int32(column)) else { return nil }
        if p[0] == UInt8(ascii: "t") && p[1] == 0 { return 1 }
        if p[0] == UInt8(ascii: "f") && p[1] == 0 { return 0 }
        var negative = false
        if p[0] == UInt8(ascii: "-") { negative = true; p += 1 }
        guard p[0] != 0 else { return nil }
        var v: Int64 = 0
        while p[0] != 0 {
            let d = Int64(p[0]) - 48
            guard d >= 0, d <= 9 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(d)
            guard !o1, !o2 else { return nil }
            v = s
            p += 1
        }
        return negative ? -v : v
    }

    /// Every value copied out as text (`PGRows`).
    var rows: [[String?]] {
        var out: [[String?]] = []
        out.reserveCapacity(rowCount)
        for r in 0..<rowCount { out.append((0..<columnCount).map { text(r, $0) }) }
        return out
    }

    var affected: Int { Int(String(cString: PQcmdTuples(res))) ?? 0 }
}
