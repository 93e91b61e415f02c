import XCTest
@testable import OnRollCore

final class AttendanceTests: XCTestCase {
    func rec(_ from: String, _ to: String, possible: Int, present: Int) -> AttendanceRecord {
        AttendanceRecord(childRef: "C1", from: d(from), to: d(to), possible: possible, present: present)
    }

    func testBandsAtExactThresholds() {
        XCTAssertEqual(AttendanceBand.of(missed: 38, possible: 380), .persistent)   // exactly 10%
        XCTAssertEqual(AttendanceBand.of(missed: 37, possible: 380), .none)         // 9.7%
        XCTAssertEqual(AttendanceBand.of(missed: 190, possible: 380), .severe)      // exactly 50%
        XCTAssertEqual(AttendanceBand.of(missed: 189, possible: 380), .persistent)  // 49.7%
        XCTAssertEqual(AttendanceBand.of(missed: 1, possible: 10), .persistent)
        XCTAssertEqual(AttendanceBand.of(missed: 0, possible: 0), .none)
    }

    func testSummaryLatestYearToDateAndTrend() throws {
        let s = try XCTUnwrap(AttendanceSummary.summarise([
            rec("2026-06-01", "2026-07-22", possible: 100, present: 100),   // last year
            rec("2026-09-07", "2026-10-23", possible: 68, present: 61),      // 10.3%
            rec("2026-11-02", "2026-12-18", possible: 69, present: 34),      // 35 of 69 = 50.7%
        ], today: d("2027-01-05")))
        XCTAssertEqual(s.band, .severe)
        XCTAssertEqual(s.latest.missed, 35)
        XCTAssertEqual(s.periods[1].band, .persistent)
        XCTAssertEqual(s.yearToDate?.possible, 137)
        XCTAssertEqual(s.yearToDate?.missed, 42)
        XCTAssertEqual(s.yearToDate?.band, .persistent)
        XCTAssertEqual(s.yearToDate!.missedPercent, 42.0 * 100 / 137, accuracy: 1e-9)
        XCTAssertEqual(s.trend?.direction, .worsening)
        XCTAssertEqual(s.trend!.change, 40.4, accuracy: 1e-9)   // 50.72 − 10.29
    }

    func testSteadyAndImproving() throws {
        let steady = try XCTUnwrap(AttendanceSummary.summarise([
            rec("2026-09-07", "2026-10-23", possible: 200, present: 179),  // 10.5%
            rec("2026-11-02", "2026-12-18", possible: 200, present: 180),  // 10.0%
        ], today: d("2027-01-05")))
        XCTAssertEqual(steady.trend?.direction, .steady)
        XCTAssertEqual(steady.trend!.change, -0.5, accuracy: 1e-9)
        let better = try XCTUnwrap(AttendanceSummary.summarise([
            rec("2026-11-02", "2026-12-18", possible: 100, present: 50),
            rec("2026-09-07", "2026-10-23", possible: 100, present: 80),   // out of order on purpose
        ], today: d("2027-01-05")))
        XCTAssertEqual(better.trend?.direction, .worsening)   // sorted: 20% then 50%
        XCTAssertNil(AttendanceSummary.summarise([], today: d("2027-01-05")))
        let one = AttendanceSummary.summarise([rec("2026-09-07", "2026-10-23", possible: 100, present: 50)], today: d("2027-01-05"))
        XCTAssertNil(one?.trend)
    }
}
