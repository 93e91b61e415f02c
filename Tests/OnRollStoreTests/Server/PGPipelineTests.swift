import Foundation
@testable import PostgresClient
import XCTest

/// libpq's pipeline mode as the store uses it (a case's thirteen reads in one round trip), and COPY.
final class PGPipelineTests: XCTestCase {
    func connection() throws -> PGConnection {
        let f = try TestServer.fresh()
        return try f.connect(as: f.owner, password: f.password)
    }

    func testABatchAnswersEachStatementInOrderWithItsOwnParameters() throws {
        let c = try connection()
        let r = try c.pipeline([("SELECT $1::int + 1 AS n", ["41"]), ("SELECT 'b' AS s", []),
                                ("SELECT g FROM generate_series(1, $1::int) g", ["3"])])
        XCTAssertEqual(r.map { $0.values.map { $0.map { $0 ?? "NULL" } } }, [[["42"]], [["b"]], [["1"], ["2"], ["3"]]])
        XCTAssertEqual(r[0].columns, ["n"])
    }

    func testAStatementTheServerRefusesIsThrownAndTheConnectionStillWorks() throws {
        let c = try connection()
        XCTAssertThrowsError(try c.pipeline([("SELECT 1", []), ("SELECT 1/0", []), ("SELECT 3", [])])) { e in
            XCTAssertEqual((e as? PGError)?.sqlState, "22012", "\(e)")
        }
        XCTAssertEqual(try c.exec("SELECT 7 AS n").first?["n"], "7", "out of pipeline mode, nothing left unread")
        // Inside a transaction the batch is part of it: a refusal aborts the transaction, as any statement's.
        try c.exec("BEGIN")
        try c.exec("CREATE TEMP TABLE t (x int)")
        _ = try c.pipeline([("INSERT INTO t VALUES ($1::int)", ["1"]), ("INSERT INTO t VALUES ($1::int)", ["2"])])
        XCTAssertEqual(try c.exec("SELECT count(*) AS n FROM t").first?["n"], "2")
        try c.exec("COMMIT")
    }

    /// A result read in place: integers parsed from libpq's buffer as the server wrote them, booleans as
    /// 1 and 0, NULL as nil, and text that is not an integer (or too big for one) refused rather than misread.
    func testAResultIsReadInPlaceWithIntegersParsedExactly() throws {
        let c = try connection()
        let r = try c.execPreparedResult("""
            SELECT * FROM (VALUES (1, -42::bigint, true, 'Zoë'), (2, 9223372036854775807, false, NULL),
                                  (3, NULL, NULL, '12a'), (4, 0, true, '99999999999999999999')) v(n, i, b, t) ORDER BY n
            """)
        XCTAssertEqual(r.rowCount, 4)
        XCTAssertEqual(r.columns, ["n", "i", "b", "t"])
        XCTAssertEqual((0..<4).map { r.integer($0, 1) }, [-42, Int64.max, nil, 0])
        XCTAssertEqual((0..<4).map { r.integer($0, 2) }, [1, 0, nil, 1])
        XCTAssertEqual((0..<4).map { r.text($0, 3) }, ["Zoë", nil, "12a", "99999999999999999999"])
        XCTAssertEqual((0..<4).map { r.integer($0, 3) }, [nil, nil, nil, nil], "not integers, or past Int64")
        XCTAssertTrue(r.isNull(2, 1))
        XCTAssertEqual(PGRows(r).values[0], ["1", "-42", "t", "Zoë"], "the copied rows are the same text")
    }

    func testABatchTooBigForTheSocketRunsOneStatementAtATime() throws {
        let c = try connection()
        let big = String(repeating: "x", count: PGConnection.pipelineBytes)
        let r = try c.pipeline([("SELECT length($1) AS n", [big]), ("SELECT 2 AS n", [])])
        XCTAssertEqual(r.map { $0.first?["n"] }, [String(big.count), "2"])
    }

    func testCopyLinesEscapeWhatTheTextFormatGivesAMeaning() {
        var out: [UInt8] = []
        PGConnection.appendCopyLine(["a\tb", nil, "c\\N", "line\nnext\r"], to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "a\\tb\t\\N\tc\\\\N\tline\\nnext\\r\n")
    }
}
