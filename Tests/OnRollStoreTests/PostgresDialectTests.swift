import GRDB
@testable import OnRollStore
import XCTest

/// The store's SQLite SQL as the server runs it: each rule of PostgresDialect, the expected text written
/// out by hand from the two dialects' documentation.
final class PostgresDialectTests: XCTestCase {
    let d = PostgresDialect(identifiers: ["caseRef", "entityId", "cases", "caseSummary", "ref"])

    func testParametersAreNumberedAsSQLiteNumbersThem() {
        XCTAssertEqual(d.translate("SELECT ref FROM cases WHERE ref = ? AND kind = ?"),
                       "SELECT ref FROM cases WHERE ref = $1 AND kind = $2")
        // `?1` is reused; a bare `?` after it is one more than the largest so far.
        XCTAssertEqual(d.translate("SELECT ?1 - x, ?1 + y, ?"), "SELECT $1 - x, $1 + y, $2")
    }

    func testCamelCaseNamesAreQuotedAndLiteralsAreLeftAlone() {
        XCTAssertEqual(d.translate("SELECT caseRef, 'caseRef ?' FROM caseSummary WHERE entityid = ?"),
                       "SELECT \"caseRef\", 'caseRef ?' FROM \"caseSummary\" WHERE \"entityId\" = $1")
        XCTAssertEqual(d.translate("INSERT INTO audit (at, user) VALUES (?, ?)"),
                       "INSERT INTO audit (at, \"user\") VALUES ($1, $2)")
        // Already quoted (GRDB's own SQL): untouched.
        XCTAssertEqual(d.translate("SELECT \"caseRef\" FROM \"cases\""), "SELECT \"caseRef\" FROM \"cases\"")
    }

    func testDialectDifferences() {
        XCTAssertEqual(d.translate("WHERE a IS ? AND b IS NOT ? AND c IS NULL"),
                       "WHERE a IS NOT DISTINCT FROM $1 AND b IS DISTINCT FROM $2 AND c IS NULL")
        XCTAssertEqual(d.translate("SELECT MIN(MAX(0, x), cap), MAX(id) FROM t"),
                       "SELECT LEAST(GREATEST(0, x), cap), MAX(id) FROM t")
        XCTAssertEqual(d.translate("WHERE instr(flags, ?) > 0 AND ref LIKE 'WM-%'"),
                       "WHERE strpos(flags, $1) > 0 AND ref ILIKE 'WM-%'")
        XCTAssertEqual(d.translate("SELECT value FROM json_each(?)"), "SELECT value FROM json_array_elements_text($1)")
        XCTAssertEqual(d.translate("CAST(ROUND(w * 10) AS INTEGER)"), "CAST(round(CAST(w * 10 AS numeric)) AS INTEGER)")
    }

    func testOrderByPutsNullsWhereSQLiteDoes() {
        XCTAssertEqual(d.translate("SELECT id FROM t ORDER BY a, b DESC LIMIT 1"),
                       "SELECT id FROM t ORDER BY a NULLS FIRST, b DESC NULLS LAST LIMIT 1")
        XCTAssertEqual(d.translate("SELECT (SELECT x FROM u ORDER BY y DESC) FROM t ORDER BY f(a, b)"),
                       "SELECT (SELECT x FROM u ORDER BY y DESC NULLS LAST) FROM t ORDER BY f(a, b) NULLS FIRST")
    }

    /// A bare column NOT NULL wherever it appears needs no clause (it would only keep the server from
    /// reading the order off an index); a nullable one, or an expression of the never-null one, still gets it.
    func testANeverNullColumnIsOrderedWithoutANullsClause() {
        let n = PostgresDialect(identifiers: ["fixedTenths", "caseRef", "nextReview"], neverNull: ["fixedTenths", "caseRef"])
        XCTAssertEqual(n.translate("SELECT fixedTenths FROM s ORDER BY fixedTenths DESC LIMIT 1 OFFSET ?"),
                       #"SELECT "fixedTenths" FROM s ORDER BY "fixedTenths" DESC LIMIT 1 OFFSET $1"#)
        XCTAssertEqual(n.translate("SELECT 1 FROM s ORDER BY s.caseRef, nextReview DESC, fixedTenths + 1"),
                       #"SELECT 1 FROM s ORDER BY s."caseRef", "nextReview" DESC NULLS LAST, "fixedTenths" + 1 NULLS FIRST"#)
    }

    /// GRDB keeps statement arguments private; the server path reads them by reflection. A GRDB that
    /// renames the field must fail here, not in an officer's save.
    func testStatementArgumentsAreReadInOrder() throws {
        let args: StatementArguments = [1, "two", nil, 3.5]
        XCTAssertEqual(try args.boundValues(), [1.databaseValue, "two".databaseValue, .null, 3.5.databaseValue])
        XCTAssertThrowsError(try StatementArguments(["name": "x"]).boundValues())
    }
}
