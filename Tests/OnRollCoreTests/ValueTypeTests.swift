import XCTest
@testable import OnRollCore

final class SchoolDateTests: XCTestCase {
    func testParsesBothForms() throws {
        XCTAssertEqual(try SchoolDate.parse("2026-11-23"), SchoolDate(year: 2026, month: 11, day: 23))
        XCTAssertEqual(try SchoolDate.parse("23/11/2026"), SchoolDate(year: 2026, month: 11, day: 23))
        XCTAssertEqual(try SchoolDate.parse(" 2026-11-23 ").iso, "2026-11-23")
    }

    func testRejectsMonthFirstAndImpossibleDates() {
        XCTAssertThrowsError(try SchoolDate.parse("11/23/2026")) { e in
            XCTAssertTrue("\(e)".contains("never month-first"), "\(e)")
        }
        XCTAssertThrowsError(try SchoolDate.parse("31/02/2026"))
        XCTAssertThrowsError(try SchoolDate.parse("29/02/2027"))
        XCTAssertThrowsError(try SchoolDate.parse("2026/11/23"))
        XCTAssertThrowsError(try SchoolDate.parse(""))
    }

    func testLeapDay() throws {
        XCTAssertEqual(try SchoolDate.parse("29/02/2028").iso, "2028-02-29")
    }

    func testWeekdayAndArithmetic() {
        XCTAssertEqual(d("2026-11-23").weekday, 1)
        XCTAssertTrue(d("2026-10-24").isWeekend)
        XCTAssertEqual(d("2026-01-31").adding(months: 1), d("2026-02-28"))
        XCTAssertEqual(d("2026-09-01").days(to: d("2026-10-13")), 42)
    }
}

final class AcademicYearTests: XCTestCase {
    func testParse() throws {
        XCTAssertEqual(try AcademicYear.parse("2026/27"), y2026)
        XCTAssertEqual(try AcademicYear.parse("1999/00").startYear, 1999)
        XCTAssertThrowsError(try AcademicYear.parse("2026/28"))
        XCTAssertThrowsError(try AcademicYear.parse("2026-27"))
        XCTAssertThrowsError(try AcademicYear.parse("26/27"))
        XCTAssertEqual(y2026.description, "2026/27")
    }

    func testBoundaryIsFirstOfAugust() {
        XCTAssertEqual(AcademicYear(containing: d("2026-07-31")), y2025)
        XCTAssertEqual(AcademicYear(containing: d("2026-08-01")), y2026)
    }

    func testNCYearAt31AugustBoundary() {
        // Born 31 Aug 2015: 11 on 31 Aug 2026 → Year 7. Born 1 Sep 2015: still 10 → Year 6.
        XCTAssertEqual(SchoolAge.ncYear(dob: d("2015-08-31"), in: y2026), 7)
        XCTAssertEqual(SchoolAge.ncYear(dob: d("2015-09-01"), in: y2026), 6)
        XCTAssertEqual(SchoolAge.age(dob: d("2015-09-01"), on: d("2026-08-31")), 10)
        XCTAssertEqual(SchoolAge.ncYearLabel(0), "R")
    }
}

final class UPNTests: XCTestCase {
    func testHandCheckedExamples() throws {
        XCTAssertEqual(try UPN("H801200001001").value, "H801200001001")
        XCTAssertFalse(try UPN("H801200001001").isTemporary)
        XCTAssertTrue(try UPN("G80120000101A").isTemporary)
        XCTAssertNoThrow(try UPN("B801200005001"))
        XCTAssertNoThrow(try UPN("A950000178301"))
        XCTAssertEqual(UPN.withCheckLetter(body: "801200001001")?.value, "H801200001001")
    }

    func testWrongCheckLetter() {
        XCTAssertThrowsError(try UPN("Z801200001001")) { e in
            XCTAssertTrue("\(e)".contains("wrong check letter"), "\(e)")
            XCTAssertTrue("\(e)".contains("expected H"), "\(e)")
        }
    }

    func testWrongLengthAndForbiddenLetters() {
        XCTAssertThrowsError(try UPN("H80120000100")) { e in XCTAssertTrue("\(e)".contains("13"), "\(e)") }
        XCTAssertThrowsError(try UPN("H8012000010011"))
        XCTAssertThrowsError(try UPN("I801200001001"))
        XCTAssertThrowsError(try UPN("O801200001001"))
        XCTAssertThrowsError(try UPN("S801200001001"))
        XCTAssertThrowsError(try UPN("G80120000101O")) { e in
            XCTAssertTrue("\(e)".contains("character 13"), "\(e)")
        }
        XCTAssertThrowsError(try UPN("H8012000A1001"))
    }
}
