import Foundation
import GRDB
@testable import OnRollCLI
import OnRollConsole
import OnRollCore
@testable import OnRollSample
@testable import OnRollStore
import XCTest

/// The read model against the rules: a case's stored summary must give, for any day it is current on,
/// exactly what a fresh assessment of the whole case gives (score, overdue, order), after any write.
final class CaseSummaryTests: XCTestCase {
    let today = try! SchoolDate.parse("2026-11-23")
    var dir = ""

    override func setUp() {
        dir = NSTemporaryDirectory() + "onroll-summary-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func sampleStore(today: SchoolDate? = nil) throws -> Store {
        let store = try Store.create(path: dir + "/s.onroll", today: today ?? self.today)
        for (kind, text) in SampleFiles.make(SampleGenerator.make()) {
            _ = try store.importCSV(kind, data: Data(text.utf8), fileName: "\(kind.rawValue).csv", user: "tester",
                                    options: ImportOptions(chronicle: false, keepFileAuthors: true))
        }
        return store
    }

    var everything: CaseFilter { var f = CaseFilter(); f.includeClosed = true; return f }

    /// The SQL read, for `day`, equals a fresh assessment of every case: same order, score, overdue, next due.
    func assertMatchesFresh(_ store: Store, on day: SchoolDate, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let rows = try store.caseRows(today: day, filter: everything)
        let fresh = try store.caseload(today: day, includeClosed: true)
        let order = rows.map(\.ref), freshOrder = fresh.map(\.file.case.ref)
        if let i = Array(zip(order, freshOrder)).firstIndex(where: { $0 != $1 }) ?? (order.count == freshOrder.count ? nil : min(order.count, freshOrder.count)) {
            XCTFail("\(what): order on \(day) differs from position \(i): \(order.dropFirst(i).prefix(4)) vs \(freshOrder.dropFirst(i).prefix(4))", file: file, line: line)
        }
        for (r, f) in zip(rows, fresh) where r.ref == f.file.case.ref {
            XCTAssertEqual(r.score, f.score, "\(what): \(r.ref) score on \(day)", file: file, line: line)
            XCTAssertEqual(r.isOverdue, f.isOverdue, "\(what): \(r.ref) overdue on \(day)", file: file, line: line)
            let next = f.assessment.deadlines.filter { $0.state.isOpen || $0.state == .breached }.min { $0.due < $1.due }
            XCTAssertEqual(r.summary.nextDue, next?.due, "\(what): \(r.ref) next deadline on \(day)", file: file, line: line)
            XCTAssertEqual(r.summary.openDue, f.assessment.open.map(\.due).min(), "\(what): \(r.ref) first open on \(day)", file: file, line: line)
            XCTAssertEqual(r.summary.lastContact, f.file.lastContact, "\(what): \(r.ref) last contact", file: file, line: line)
            XCTAssertEqual(r.summary.childName, f.file.child.displayName, "\(what): \(r.ref) name", file: file, line: line)
            XCTAssertEqual(r.summary.owner, f.file.case.owner, "\(what): \(r.ref) owner", file: file, line: line)
        }
    }

    func testStoredSummariesAreRightOnEveryDayTheyCover() throws {
        let store = try sampleStore()
        // Summaries as written at 23 Nov; then, for random days, every summary still current that day
        // must give the fresh assessment's score: the fixed part really is fixed until validUntil.
        let stored = try store.caseRows(today: today, filter: everything).map(\.summary)
        XCTAssertEqual(try store.read { try SummarySQL.staleRefs($0, today: today) }, [], "the import left no summary stale")
        var rng = Random(seed: 42)
        var checked = 0, spans: [Int] = []
        for s in stored { spans.append(s.asOf.days(to: s.validUntil)) }
        for _ in 0..<25 {
            let day = today.adding(days: Int(rng.next() % 120))
            let fresh = Dictionary(uniqueKeysWithValues: try store.caseload(today: day, includeClosed: true).map { ($0.file.case.ref, $0) })
            for s in stored where s.isCurrent(on: day) {
                let f = try XCTUnwrap(fresh[s.caseRef])
                XCTAssertEqual(s.score(on: day), f.score, "\(s.caseRef) on \(day) (summary of \(s.asOf), valid until \(s.validUntil))")
                XCTAssertEqual(s.overdue, f.isOverdue, "\(s.caseRef) overdue on \(day)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 200, "enough summaries were current on the days drawn to test the split")
        // A summary valid only for its own day would pass the checks above and save nothing.
        spans.sort()
        XCTAssertGreaterThan(spans[spans.count / 2], 1, "the median summary stays current for more than a day")
    }

    func testTheSQLReadEqualsAFreshAssessmentForAnyToday() throws {
        let store = try sampleStore()
        var rng = Random(seed: 7)
        // Forward and back: a day before a summary's asOf is stale too.
        for _ in 0..<8 {
            let day = today.adding(days: Int(rng.next() % 400) - 200)
            try assertMatchesFresh(store, on: day, "random today")
        }
    }

    func testEveryKindOfWriteKeepsTheSummariesRight() throws {
        let store = try sampleStore()
        let rows = try store.caseRows(today: today)
        let ref = try XCTUnwrap(rows.first { $0.summary.kind.isOutOfSchool }?.ref)
        let child = try XCTUnwrap(try store.case(ref)).childRef
        func check(_ what: String) throws {
            XCTAssertEqual(try store.read { try SummarySQL.staleRefs($0, today: today) }, [],
                           "\(what): the write refreshed its summaries itself")
            try assertMatchesFresh(store, on: today, what)
        }
        try store.addContact(user: "t", caseRef: ref, date: today, type: "home visit", outcome: "seen", seen: true, text: nil, today: today)
        try check("contact")
        try store.addNote(user: "t", caseRef: ref, text: "note", date: today, today: today)
        try check("note")
        let a = try store.addAction(user: "t", caseRef: ref, agency: "school", description: "ring", owner: nil,
                                    due: today.adding(days: -3), today: today)
        try check("overdue action")
        _ = try store.completeAction(user: "t", id: a.id!, outcome: "done", date: today)
        try check("action done")
        _ = try store.addSuspension(user: "t", Suspension(childRef: child, start: today.adding(days: -1), days: 3), today: today)
        try check("suspension")
        _ = try store.setNextReview(user: "t", ref: ref, date: today.adding(days: -2), today: today)
        try check("review date")
        _ = try store.flagForPanel(user: "t", ref: ref, flagged: true, today: today)
        try check("panel flag")
        _ = try store.assign(user: "t", ref: ref, owner: "new.owner", today: today)
        try check("owner")
        try store.setConfig(user: "t", key: "triage.kind.cme", value: "30")
        // A weight moves every case's score: the write marks every summary out of date (assessing them
        // all would hold the write lock for seconds at scale) and the next read assesses them.
        let all = Set(try store.read { try String.fetchAll($0, sql: "SELECT ref FROM cases") })
        XCTAssertEqual(try store.read { try SummarySQL.staleRefs($0, today: today) }, all, "triage weight: every summary marked")
        try assertMatchesFresh(store, on: today, "triage weight")
        try check("triage weight, once read")
        _ = try store.closeCase(user: "t", ref: ref, reason: "returned to school", today: today)
        try check("closed")
    }

    /// A write touching more cases than `SummaryWriter.recomputeLimit` marks their summaries out of date
    /// in its own transaction; the next read assesses them once and matches a fresh assessment.
    func testABigImportMarksItsCasesAndTheNextReadAssessesThem() throws {
        let store = try Store.create(path: dir + "/big.onroll", today: today)
        let files = SampleFiles.make(SampleGenerator.make(cases: SummaryWriter.recomputeLimit + 100, seed: 2026, today: today))
        for (kind, text) in files where kind != .chronology {
            _ = try store.importCSV(kind, data: Data(text.utf8), fileName: "\(kind.rawValue).csv", user: "tester",
                                    options: ImportOptions(chronicle: false, keepFileAuthors: true))
        }
        _ = try store.caseRows(today: today)
        XCTAssertEqual(try store.read { try SummarySQL.staleRefs($0, today: today) }, [])
        // A case with no summary row at all (as after a restore) is due too.
        try DatabaseQueue(path: dir + "/big.onroll").write { db in try db.execute(sql: "DELETE FROM caseSummary WHERE caseRef = 'WM-00002'") }
        XCTAssertEqual(try store.read { try SummarySQL.staleRefs($0, today: today) }, ["WM-00002"])
        _ = try store.caseRows(today: today)
        XCTAssertEqual(try store.read { try SummarySQL.staleRefs($0, today: today) }, [])
        // The chronology file names every case: one write touching more cases than the limit.
        let chronology = try XCTUnwrap(files.first { $0.0 == .chronology }?.1)
        _ = try store.importCSV(.chronology, data: Data(chronology.utf8), fileName: "chronology.csv", user: "tester",
                                options: ImportOptions(chronicle: false, keepFileAuthors: true))
        let touched = Set(try store.read { try String.fetchAll($0, sql: "SELECT DISTINCT caseRef FROM chronology") })
        XCTAssertGreaterThan(touched.count, SummaryWriter.recomputeLimit)
        XCTAssertEqual(try store.read { try SummarySQL.staleRefs($0, today: today) }, touched, "marked in the import's transaction")
        try assertMatchesFresh(store, on: today, "after a big import")
        XCTAssertEqual(try store.read { try SummarySQL.staleRefs($0, today: today) }, [], "the read assessed them once")
    }

    func testSearchFoldsDiacriticsAndMatchesAnyPart() throws {
        let store = try Store.create(path: dir + "/s.onroll", today: today)
        func imp(_ kind: ImportKind, _ text: String) throws {
            _ = try store.importCSV(kind, data: Data(text.utf8), fileName: "\(kind.rawValue).csv", user: "t", options: ImportOptions())
        }
        try imp(.schools, "urn,name\n140001,Hillcrest Academy\n")
        try imp(.children, """
            ref,forename,surname,dob,school_urn,sen,flags
            C1,Zoë,Clarke,2012-03-14,140001,N,
            C2,Piotr,Wiśniewski,2012-03-14,140001,N,
            C3,Oisín,Murphy,2012-03-14,140001,N,
            C4,Samuel,Okafor,2012-03-14,140001,N,
            """)
        try imp(.cases, """
            ref,child_ref,kind,status,opened
            WM-00001,C1,ebsa,open,2026-09-10
            WM-00002,C2,ebsa,open,2026-09-10
            WM-00003,C3,ebsa,open,2026-09-10
            WM-00004,C4,ebsa,open,2026-09-10
            """)
        func find(_ q: String) throws -> [String] {
            var f = CaseFilter(); f.search = q
            return try store.caseRows(today: today, filter: f).map(\.ref).sorted()
        }
        XCTAssertEqual(try find("zoe"), ["WM-00001"])
        XCTAssertEqual(try find("ZOË"), ["WM-00001"])
        XCTAssertEqual(try find("wisniewski"), ["WM-00002"])
        XCTAssertEqual(try find("oisin"), ["WM-00003"])
        XCTAssertEqual(try find("sam okafor"), ["WM-00004"], "every word, anywhere")
        XCTAssertEqual(try find("kaf"), ["WM-00004"], "any part of a name")
        XCTAssertEqual(try find("ok"), ["WM-00004"], "a word shorter than a trigram still matches")
        XCTAssertEqual(try find("wm-00003"), ["WM-00003"], "the case ref")
        XCTAssertEqual(try find("zoe okafor"), [], "both words must match one case")
        XCTAssertEqual(try store.caseRowCount(today: today), 4)
        var f = CaseFilter(); f.search = "oisin"
        XCTAssertEqual(try store.caseRowCount(today: today, filter: f), 1)
    }

    func testPagesAreSlicesOfTheOneOrder() throws {
        let store = try sampleStore()
        let all = try store.caseRows(today: today).map(\.ref)
        let pages = try stride(from: 0, to: all.count, by: 40).flatMap { try store.caseRows(today: today, limit: 40, offset: $0).map(\.ref) }
        XCTAssertEqual(pages, all)
        XCTAssertEqual(try store.caseRowCount(today: today), all.count)
    }
}

extension CaseSummaryTests {
    /// The console's first frame reads only the top of the ranking; the rest follows, and on a new day,
    /// with every summary out of date, the first page is the stored order and the full load re-ranks.
    func testTheFirstPageIsTheTopOfTheRankingAndTheConsoleLoadsTheRest() throws {
        let store = try sampleStore()
        let all = try store.caseRows(today: today).map(\.ref)
        let page = try store.caseRowsFirstPage(today: today, limit: 30)
        XCTAssertEqual(page.rows.map(\.ref), Array(all.prefix(30)))
        XCTAssertEqual(page.total, all.count)
        XCTAssertEqual(page.stale, 0)
        let console = try Console(store: store, user: "t", today: today, width: 100, height: 20, firstPageOnly: true)
        XCTAssertEqual(console.state.all.map(\.ref), Array(all.prefix(50)), "2 × height, at least 50 rows")
        XCTAssertTrue(console.needsFullLoad)
        XCTAssertEqual(console.state.message, "Loading \(all.count) open cases…")
        try console.finishLoading()
        XCTAssertFalse(console.needsFullLoad)
        XCTAssertEqual(console.state.all.map(\.ref), all)

        // A new day on which every summary is out of date (as after a change of the rules).
        try store.pool.write { db in try db.execute(sql: "UPDATE caseSummary SET validUntil = asOf") }
        let later = try SchoolDate.parse("2026-12-04")
        let stalePage = try store.caseRowsFirstPage(today: later, limit: 30)
        XCTAssertEqual(stalePage.stale, try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cases") })
        let next = try Console(store: store, user: "t", today: later, width: 100, height: 20, firstPageOnly: true)
        XCTAssertEqual(next.state.message, "Re-ranking \(stalePage.stale) cases for today…")
        try next.finishLoading()
        XCTAssertEqual(next.state.all.map(\.ref), try store.caseload(today: later).map(\.file.case.ref), "re-ranked as a fresh assessment")
        XCTAssertEqual(try store.caseRowsFirstPage(today: later, limit: 30).stale, 0)
        // The page is found through the fixed part of the score; on any day, however far the contact
        // terms have grown, it must still be the top of the full ranking. Days up to a year on (each read
        // re-assesses the summaries for its day, so this comes last).
        for days in [1, 5, 12, 30, 45, 70, 120, 365] {
            let day = today.adding(days: days)
            let full = try store.caseRows(today: day).map(\.ref)
            for n in [1, 10, 30] {
                XCTAssertEqual(try store.caseRowsFirstPage(today: day, limit: n).rows.map(\.ref), Array(full.prefix(n)), "\(n) rows on \(day)")
            }
        }

    }
}

extension CaseSummaryTests {
    /// `onroll check` holds the read model to the rules: a summary altered outside OnRoll, or a search
    /// entry out of step with it, is reported by case; rebuilding the summaries makes it clean again.
    func testCheckComparesEverySummaryWithAFreshAssessment() throws {
        let store = try sampleStore()
        let clean = try store.check()
        XCTAssertEqual(clean.problems, [])
        let cases = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cases") ?? 0 }
        XCTAssertEqual(clean.summariesVerified, cases)

        let victim = try XCTUnwrap(try store.caseRows(today: today).first).ref
        try store.pool.write { db in
            try db.execute(sql: "UPDATE caseSummary SET fixedTenths = fixedTenths - 500 WHERE caseRef = ?", arguments: [victim])
            try db.execute(sql: "UPDATE caseSearch SET text = 'nobody' WHERE rowid = (SELECT id FROM caseSummary WHERE caseRef = 'WM-00003')")
        }
        let report = try store.check()
        XCTAssertEqual(report.problems.count, 2, "\(report.problems)")
        XCTAssertTrue(report.problems.contains { $0.hasPrefix("case \(victim): its summary") && $0.contains("differs from a fresh assessment") }, "\(report.problems)")
        XCTAssertTrue(report.problems.contains("case WM-00003: its search index entry differs from its summary"), "\(report.problems)")
        XCTAssertEqual(report.summariesVerified, cases - 1)

        try store.rebuildSummaries()
        XCTAssertEqual(try store.check().problems, [])
        XCTAssertEqual(try store.caseRows(today: today, filter: { var f = CaseFilter(); f.search = "nobody"; return f }()).count, 0)
    }
}
