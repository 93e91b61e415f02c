import Foundation
@testable import OnRollCLI
import OnRollConsole
import OnRollCore
import OnRollSample
@testable import OnRollStore
import GRDB
import XCTest

/// The reports read narrow rows (Store.report). They must give exactly what the whole-record read
/// they replaced gave, on the sample caseload, and the screen must show exactly what the CLI prints.
final class ReportParityTests: XCTestCase {
    var dir = ""

    override func setUp() {
        dir = NSTemporaryDirectory() + "onroll-report-parity-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// The read the reports used before: every record of every table in full, as it was.
    func fullLoad(_ store: Store) throws -> ReportData {
        try store.read { db in
            let phases = Dictionary(grouping: try PlanPhase.order(Column("from"), Column("id")).fetchAll(db), by: \.planId)
            let reviews = Dictionary(grouping: try PlanReview.order(Column("date"), Column("id")).fetchAll(db), by: \.planId)
            let plans = try ReintegrationPlan.order(Column("start"), Column("caseRef"), Column("id")).fetchAll(db).map { p in
                PlanDetail(plan: p, phases: phases[p.id ?? -1] ?? [], reviews: reviews[p.id ?? -1] ?? [])
            }
            var last: [String: SchoolDate] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT caseRef, MAX(date) AS d FROM chronology WHERE kind IN ('contact', 'seen') GROUP BY caseRef
                """) {
                let ref: String = row["caseRef"]
                if let text: String = row["d"], let d = try? SchoolDate.parse(text) { last[ref] = d }
            }
            return ReportData(
                schools: try School.order(Column("urn")).fetchAll(db),
                children: try Child.order(Column("ref")).fetchAll(db),
                cases: try Case.order(Column("ref")).fetchAll(db),
                suspensions: try Suspension.order(Column("start"), Column("childRef"), Column("id")).fetchAll(db),
                plans: plans,
                actions: try CaseAction.order(Column("id")).fetchAll(db),
                lastContact: last,
                deletions: try RollDeletion.order(Column("date"), Column("childRef"), Column("id")).fetchAll(db),
                outOfSchool: try OutOfSchoolRecord.order(Column("childRef")).fetchAll(db),
                calendar: SchoolCalendar(rows: try TermDates.order(Column("start")).fetchAll(db)))
        }
    }

    func testNarrowReadGivesTheFiguresOfTheFullLoadOnTheSample() throws {
        let today = try SchoolDate.parse("2026-11-23")
        let store = try Store.create(path: dir + "/s.onroll", today: today)
        for (kind, text) in SampleFiles.make(SampleGenerator.make()) {
            _ = try store.importCSV(kind, data: Data(text.utf8), fileName: "\(kind.rawValue).csv", user: "tester",
                                    options: ImportOptions(chronicle: false, keepFileAuthors: true))
        }
        let old = try fullLoad(store)
        // The rows themselves: the narrow read of every source is the whole records, narrowed.
        let narrow = try store.reportData(sources: .all)
        XCTAssertEqual(narrow.schools, old.schools)
        XCTAssertEqual(narrow.children, old.children)
        XCTAssertEqual(narrow.cases, old.cases)
        XCTAssertEqual(narrow.suspensions, old.suspensions)
        XCTAssertEqual(narrow.plans, old.plans)
        XCTAssertEqual(narrow.actions, old.actions)
        XCTAssertEqual(narrow.lastContact, old.lastContact)
        XCTAssertEqual(narrow.deletions, old.deletions)
        XCTAssertEqual(narrow.outOfSchool, old.outOfSchool)
        XCTAssertEqual(narrow.calendar.rows, old.calendar.rows)
        // The sample has something of each, so the comparisons above are not of empty lists.
        for (what, n) in [("cases", old.cases.count), ("children", old.children.count), ("suspensions", old.suspensions.count),
                          ("plans", old.plans.count), ("actions", old.actions.count), ("contacts", old.lastContact.count),
                          ("deletions", old.deletions.count), ("out of school", old.outOfSchool.count)] {
            XCTAssertGreaterThan(n, 0, what)
        }
        XCTAssertTrue(old.cases.contains { !$0.isOpen }, "the sample has closed cases")

        // Every report, for years and terms with and without stored term dates, raw and published.
        let y = AcademicYear(containing: today)
        var periods = [ReportPeriod(year: y), ReportPeriod(year: y.previous), ReportPeriod(year: y.previous.previous, term: .spring)]
        periods += Term.allCases.map { ReportPeriod(year: y, term: $0) } + Term.allCases.map { ReportPeriod(year: y.previous, term: $0) }
        var nonEmpty = 0
        for name in Reports.names {
            for p in periods {
                let was = try XCTUnwrap(Reports.run(name, old, period: p, today: today))
                XCTAssertEqual(try store.report(name, period: p, today: today), was, "\(name) \(p)")
                XCTAssertEqual(try store.report(name, period: p, today: today, publish: true),
                               Disclosure.publish(was, pseudonymiseSchools: false), "\(name) \(p) published")
                XCTAssertEqual(try store.report(name, period: p, today: today, pseudonymiseSchools: true),
                               Disclosure.publish(was, pseudonymiseSchools: true), "\(name) \(p) pseudonymised")
                if was.tables.contains(where: { $0.totalRow?.contains { $0.numericValue ?? 0 > 0 } ?? false }) { nonEmpty += 1 }
            }
        }
        XCTAssertGreaterThan(nonEmpty, periods.count * 3, "most reports and periods count something")
        XCTAssertNil(try store.report("nope", period: periods[0], today: today))
    }

    /// The reports screen and `onroll report` on the same store and day: the same bundle, cell for cell
    /// (the screen's figures rendered as JSON equal the CLI's JSON output), for each report, raw and published.
    func testScreenShowsTheFiguresTheCLIPrints() throws {
        let cli = try CLI()
        try ReportDataset.load(into: cli)
        let today = try SchoolDate.parse(ReportDataset.today)
        let store = try Store(path: cli.store, options: StoreOptions(today: today))
        let console = try Console(store: store, user: "tester", today: today, width: 160, height: 48)
        console.handle(.char("R"))
        for (i, name) in Reports.names.enumerated() {
            console.handle(.char(Character(String(i + 1))))
            for (term, publish) in [(nil, false), ("autumn", true), ("spring", false)] as [(String?, Bool)] {
                var s = console.state.reports
                // t cycles whole year → autumn → spring → summer; p toggles publishable.
                while s.term?.rawValue != term { console.handle(.char("t")); s = console.state.reports }
                if s.publish != publish { console.handle(.char("p")) }
                s = console.state.reports
                XCTAssertEqual(s.name, name)
                let screen = try XCTUnwrap(s.bundle, "\(name): nothing on screen (\(console.state.message))")
                let r = try cli.run(["report", name, "--format", "json", "--today", ReportDataset.today]
                                    + (term.map { ["--term", $0] } ?? []) + (publish ? ["--publish"] : []))
                XCTAssertEqual(r.code, 0, r.err)
                XCTAssertEqual(screen.rendered(.json).trimmingCharacters(in: .whitespacesAndNewlines),
                               r.out.trimmingCharacters(in: .whitespacesAndNewlines), "\(name) \(term ?? "year") publish \(publish)")
            }
        }
    }
}
