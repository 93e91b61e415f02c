import OnRollCore
import XCTest

/// The store reads only `Reports.sources(of:)` for a report; a source missing from that list would
/// silently count as empty. Every report, on only its sources, must equal the report on everything.
final class ReportSourcesTests: XCTestCase {
    typealias F = ReportsFixture

    func testEachReportOnItsSourcesEqualsTheReportOnEverything() throws {
        let periods = [F.autumn, ReportPeriod(year: AcademicYear(startYear: 2025)),
                       ReportPeriod(year: AcademicYear(startYear: 2025), term: .spring),
                       ReportPeriod(year: AcademicYear(startYear: 2024), term: .summer)]
        for name in Reports.names {
            let sources = try XCTUnwrap(Reports.sources(of: name), name)
            XCTAssertNotEqual(sources, .all, "\(name) reads everything")
            for p in periods {
                XCTAssertEqual(Reports.run(name, F.data.keeping(sources), period: p, today: F.today),
                               Reports.run(name, F.data, period: p, today: F.today), "\(name) \(p)")
            }
        }
        XCTAssertNil(Reports.sources(of: "nope"))
        // Not vacuous: leaving a report's source out changes its figures.
        XCTAssertNotEqual(Reports.run("actions", F.data.keeping([]), period: F.autumn, today: F.today),
                          Reports.run("actions", F.data, period: F.autumn, today: F.today))
        XCTAssertNotEqual(Reports.run("caseload", F.data.keeping([.cases]), period: F.autumn, today: F.today),
                          Reports.run("caseload", F.data, period: F.autumn, today: F.today), "the school tables need children")
    }
}
