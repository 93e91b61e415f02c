import XCTest
@testable import OnRollCore

final class SchoolCalendarTests: XCTestCase {
    let cal = testCalendar()

    func testWeekendsHolidaysAndClosuresAreNotSchoolDays() throws {
        XCTAssertFalse(try cal.isSchoolDay(d("2026-09-07")))   // INSET closure
        XCTAssertTrue(try cal.isSchoolDay(d("2026-09-08")))
        XCTAssertFalse(try cal.isSchoolDay(d("2026-10-24")))   // Saturday
        XCTAssertFalse(try cal.isSchoolDay(d("2026-10-28")))   // half term
        XCTAssertFalse(try cal.isSchoolDay(d("2027-05-03")))   // bank holiday
        XCTAssertEqual(try cal.weight(of: d("2026-12-18")), 0.5) // half day
    }

    func testCountAcrossHalfTerm() throws {
        // Mon 19–Fri 23 Oct (5) + half term (0) + Mon 2–Fri 6 Nov (5).
        XCTAssertEqual(try cal.count(from: d("2026-10-19"), to: d("2026-11-06")), 10)
        // Autumn 1: 7 weeks of 5 days minus the INSET day.
        XCTAssertEqual(try cal.count(from: d("2026-09-01"), to: d("2026-10-31")), 34)
        XCTAssertEqual(try cal.count(from: d("2026-11-06"), to: d("2026-11-02")), 0)
    }

    func testHalfDays() throws {
        XCTAssertEqual(try cal.count(from: d("2026-12-14"), to: d("2026-12-18")), 4.5)
        // 4.5 days reached on Fri 18 Dec.
        XCTAssertEqual(try cal.add(4.5, after: d("2026-12-11")), d("2026-12-18"))
        // 5 days: 4.5 by 18 Dec, then Mon 4 Jan brings it to 5.5.
        XCTAssertEqual(try cal.add(5, after: d("2026-12-11")), d("2027-01-04"))
    }

    func testAddSkipsHalfTerm() throws {
        // After Wed 21 Oct: Thu 22, Fri 23, Mon 2, Tue 3, Wed 4 Nov.
        XCTAssertEqual(try cal.add(5, after: d("2026-10-21")), d("2026-11-04"))
        XCTAssertEqual(try cal.dayNumber(6, from: d("2026-10-21")), d("2026-11-04"))
        XCTAssertEqual(try cal.add(0, after: d("2026-10-21")), d("2026-10-21"))
    }

    func testAcademicYearBoundary() throws {
        // Wed 22 Jul 2026 (1), summer holiday, 7 Sep INSET, Tue 8 Sep (2), Wed 9 Sep (3).
        XCTAssertEqual(try cal.add(3, after: d("2026-07-21")), d("2026-09-09"))
        XCTAssertEqual(try cal.count(from: d("2026-07-20"), to: d("2026-09-08")), 4)
    }

    func testYearWithNoTermsIsAnErrorNamingTheYear() {
        XCTAssertThrowsError(try cal.weight(of: d("2028-01-10"))) { e in
            XCTAssertEqual(e as? SchoolCalendar.Failure, .noTerms(AcademicYear(startYear: 2027)))
            XCTAssertTrue("\(e)".contains("2027/28"), "\(e)")
        }
        // Running off the end of 2026/27 names 2027/28.
        XCTAssertThrowsError(try cal.add(10, after: d("2027-07-19"))) { e in
            XCTAssertEqual(e as? SchoolCalendar.Failure, .noTerms(AcademicYear(startYear: 2027)))
        }
        // Counting across a year with no rows is refused too.
        let onlyNext = SchoolCalendar(rows: testCalendar(withPreviousYear: false).rows)
        XCTAssertThrowsError(try onlyNext.count(from: d("2026-07-01"), to: d("2026-09-10"))) { e in
            XCTAssertEqual(e as? SchoolCalendar.Failure, .noTerms(y2025))
        }
    }

    func testTermOf() {
        XCTAssertEqual(cal.term(of: d("2026-11-10"))?.term, .autumn)
        XCTAssertEqual(cal.term(of: d("2027-02-23"))?.term, .spring)
        XCTAssertEqual(cal.term(of: d("2027-06-08"))?.term, .summer)
        XCTAssertNil(cal.term(of: d("2026-10-28")))
    }
}
