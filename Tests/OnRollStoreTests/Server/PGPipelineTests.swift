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
