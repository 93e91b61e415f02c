import XCTest
@testable import OnRollCore

final class ReportsDisclosureTests: XCTestCase {
    typealias F = ReportsFixture

    static func counts(_ rows: [[Int]], total: [Int]?, rowSums: [RowSum] = [], keys: [String]? = nil) -> ReportTable {
        let keys = keys ?? (0..<(rows.first ?? total ?? []).count).map { "k\($0)" }
        return ReportTable(id: "t", title: "T", subtitle: "",
                           columns: [ReportColumn(key: "label", header: "Label")]
                               + keys.map { ReportColumn(key: $0, header: $0, role: .count(summed: true)) },
                           rows: rows.enumerated().map { [.text("r\($0.offset)")] + $0.element.map { .count($0) } },
                           totalRow: total.map { [.text("Total")] + $0.map { .count($0) } }, rowSums: rowSums)
    }

    static func publish(_ t: ReportTable) -> [[String]] {
        Disclosure.publish(ReportBundle(name: "x", title: "X", period: "p", tables: [t]), pseudonymiseSchools: false)
            .tables[0].allRows.map { $0.dropFirst().map(\.display) }
    }

    /// No published sum may have exactly one hidden cell: it could be worked out by subtraction.
    static func assertNothingRecoverable(_ tables: [ReportTable], links: [ReportLink], file: StaticString = #filePath, line: UInt = #line) {
        for (parts, total) in Disclosure.sums(tables, links: links) {
            let cells = (parts + [total]).map { c in
                c.row < tables[c.table].rows.count ? tables[c.table].rows[c.row][c.col] : tables[c.table].totalRow![c.col]
            }
            XCTAssertNotEqual(cells.filter(\.isSuppressed).count, 1,
                              "recoverable: \(tables[total.table].id) \(tables[total.table].columns[total.col].key) \(cells.map(\.display))",
                              file: file, line: line)
        }
    }

    func testPrimarySuppression() {
        // 0 stays 0; 1–5 become c; 6 and over stay.
        XCTAssertEqual(Self.publish(Self.counts([[0], [1], [5], [6], [40]], total: nil)), [["0"], ["c"], ["c"], ["6"], ["40"]])
        XCTAssertEqual(Disclosure.primarySuppressed(.per100(3, of: 1000)), .suppressed)
        XCTAssertEqual(Disclosure.primarySuppressed(.per100(30, of: 1000)), .per100(30, of: 1000))
        XCTAssertEqual(Disclosure.primarySuppressed(.rate(60, numerator: 3, denominator: 5)), .suppressed, "denominator of 1–5")
        XCTAssertEqual(Disclosure.primarySuppressed(.measure(22.5, basis: 2)), .suppressed)
        XCTAssertEqual(Disclosure.primarySuppressed(.measure(22.5, basis: 6)), .measure(22.5, basis: 6))
        XCTAssertEqual(Disclosure.primarySuppressed(.measure(0, basis: 0)), .measure(0, basis: 0))
        XCTAssertEqual(Disclosure.primarySuppressed(.tally([TallyItem(label: "DB", count: 9), TallyItem(label: "VA", count: 2)])).display, "DB 9, VA c")
    }

    func testSecondarySuppressionHidesTheRecoverableCell() {
        // 3 + 10 + 20 = 33: with only the 3 hidden it is 33 − 10 − 20. The next-smallest non-zero (10) goes too.
        XCTAssertEqual(Self.publish(Self.counts([[3], [10], [20]], total: [33])), [["c"], ["c"], ["20"], ["33"]])
        // A zero is never the second cell: 3 + 0 + 20 = 23 hides the 20.
        XCTAssertEqual(Self.publish(Self.counts([[3], [0], [20]], total: [23])), [["c"], ["0"], ["c"], ["23"]])
        // Only zeros left: the total goes (3 + 0 = 3 is itself 1–5 here, so use 6 + 0 with a 4 elsewhere).
        XCTAssertEqual(Self.publish(Self.counts([[4], [0]], total: [4])), [["c"], ["0"], ["c"]])
        // Two hidden cells already: nothing more.
        XCTAssertEqual(Self.publish(Self.counts([[3], [2], [20]], total: [25])), [["c"], ["c"], ["20"], ["25"]])
        // Without secondary suppression the test above would fail: the plain primary rule leaves 10 visible.
        XCTAssertEqual(Disclosure.primarySuppressed(.count(10)), .count(10))
    }

    func testSecondarySuppressionIteratesAcrossRowsAndColumns() {
        // Columns a, b and a row total t = a + b; a total row.
        //        a   b   t           a  b  t
        //  r0    3  10  13    →      c  c  13
        //  r1   20  30  50           c  c  50
        //  tot  23  40  63          23 40  63
        // r0.a is 1–5 → row r0 needs a second (b = 10) → column a needs a second (r1.a = 20)
        // → column b has r0.b alone → r1.b = 30. Row r1 then has two; stable.
        let t = Self.counts([[3, 10, 13], [20, 30, 50]], total: [23, 40, 63],
                            rowSums: [RowSum(total: "t", parts: ["a", "b"])], keys: ["a", "b", "t"])
        XCTAssertEqual(Self.publish(t), [["c", "c", "13"], ["c", "c", "50"], ["23", "40", "63"]])
        let published = Disclosure.publish(ReportBundle(name: "x", title: "X", period: "p", tables: [t]), pseudonymiseSchools: false)
        Self.assertNothingRecoverable(published.tables, links: [])
    }

    func testRatesFollowTheirNumerator() {
        // Numerator 10 hidden by secondary suppression: its rate (10 ÷ 400 = 2.5) would give it back, so it goes too.
        let t = ReportTable(id: "t", title: "T", subtitle: "",
                            columns: [ReportColumn(key: "label", header: "Label"),
                                      ReportColumn(key: "roll", header: "Roll", role: .denominator),
                                      ReportColumn(key: "n", header: "N", role: .count(summed: true)),
                                      ReportColumn(key: "rate", header: "Rate", role: .rate(numerator: "n"))],
                            rows: [[.text("A"), .count(1000), .count(3), .per100(3, of: 1000)],
                                   [.text("B"), .count(400), .count(10), .per100(10, of: 400)],
                                   [.text("C"), .count(900), .count(20), .per100(20, of: 900)],
                                   [.text("D"), .notApplicable, .count(0), .notApplicable]],
                            totalRow: [.text("Total"), .count(2300), .count(33), .per100(33, of: 2300)])
        XCTAssertEqual(Self.publish(t), [["1000", "c", "c"], ["400", "c", "c"], ["900", "20", "2.2"], ["z", "0", "z"], ["2300", "33", "1.4"]])
    }

    func testPublishedReportsHoldNoSmallCountsAndNothingRecoverable() {
        for b in F.all() {
            let p = Disclosure.publish(b, pseudonymiseSchools: false)
            XCTAssertTrue(p.published)
            for t in p.tables {
                for (col, cell) in t.allRows.flatMap({ zip(t.columns, $0) }) {
                    if case .denominator = col.role { continue }
                    switch cell {
                    case .count(let n): XCTAssertFalse((1...5).contains(n), "\(b.name)/\(t.id)/\(col.key) = \(n)")
                    case .rate(_, let n, let d): XCTAssertFalse((1...5).contains(n) || (1...5).contains(d), "\(b.name)/\(t.id)/\(col.key)")
                    case .measure(_, let basis): XCTAssertFalse((1...5).contains(basis), "\(b.name)/\(t.id)/\(col.key)")
                    case .tally(let items): XCTAssertFalse(items.contains { ($0.count ?? 0) >= 1 && ($0.count ?? 0) <= 5 })
                    default: break
                    }
                }
                // A rate whose numerator is hidden is hidden.
                for (i, col) in t.columns.enumerated() {
                    guard case .rate(let num?) = col.role, let j = t.columnIndex(num) else { continue }
                    for r in t.allRows where r[j].isSuppressed {
                        XCTAssertTrue(r[i].isSuppressed || r[i] == .notApplicable, "\(b.name)/\(t.id)/\(col.key)")
                    }
                }
                XCTAssertTrue(t.notes.contains(Disclosure.legend))
            }
            // Same row order without pseudonyms, so the original links still address the published rows.
            Self.assertNothingRecoverable(p.tables, links: b.links)
        }
    }

    func testSuspensionsPublishedByHand() {
        let p = Disclosure.publish(Reports.suspensions(F.data, period: F.autumn, today: F.today), pseudonymiseSchools: false)
        let school = p.table("bySchool")!, trust = p.table("byTrust")!
        // Primary: Ashby 3 and Castle 1 → c; Beacon 6 and the total 10 stay. Northern Trust = 3 + 1 = 4 → c.
        // Trust column then has one c (Northern) beside Maintained 6 and total 10 → Maintained 6 → c (secondary).
        // Maintained = Beacon + PRU (0) now has its total hidden alone → Beacon 6 → c. Else Beacon 6 = Maintained 6
        // would give Northern = 10 − 6 = 4.
        XCTAssertEqual(school.rows.map { printed(school, row: school.rows.firstIndex(of: $0)!)["suspensions"]! }, ["c", "c", "c", "0"])
        XCTAssertEqual(printed(school, row: nil)["suspensions"], "10")
        XCTAssertEqual(trust.rows.map { printed(trust, row: trust.rows.firstIndex(of: $0)!)["suspensions"]! }, ["c", "c"])
        // Beacon's rate goes with its count: 1.5 would give 6 back from the roll of 400.
        XCTAssertEqual(printed(school, row: 1)["suspensionRate"], "c")
        XCTAssertEqual(printed(school, row: 1)["roll"], "400")
        // Castle's rates stay z (no roll), PRU's zeros stay.
        XCTAssertEqual(printed(school, row: 2)["suspensionRate"], "z")
        XCTAssertEqual(printed(school, row: 3)["suspensionRate"], "0.0")
        // Partnership suspension rate: 9 ÷ 1460 over the schools with a roll. Published beside the total of 10 it
        // would give Castle's 1 (10 − 9), so a rate over part of its row is hidden.
        XCTAssertEqual(printed(school, row: nil)["suspensions"], "10")
        XCTAssertEqual(printed(school, row: nil)["suspensionRate"], "c")
        XCTAssertEqual(Disclosure.publish(Reports.suspensions(F.data, period: F.autumn, today: F.today), pseudonymiseSchools: false)
            .table("byTrust")!.rows[1].map(\.display)[3], "c", "Northern Trust's rate covers Ashby only")
        // Top reasons: every reason count of 1–5 is c; DB 6 in the total stays.
        XCTAssertEqual(printed(school, row: nil)["topReasons"], "DB 6, VP c, PA c")
    }

    func testNoChildOrOfficerInAnyPublishedOutput() {
        let formats: [ReportFormat] = [.table(width: 100), .csv, .markdown, .json]
        var checked = 0
        for b in F.all() {
            for pseudo in [false, true] {
                let p = Disclosure.publish(b, pseudonymiseSchools: pseudo)
                for f in formats {
                    let out = p.rendered(f)
                    for word in F.childNames + F.owners + F.children.map(\.ref) + F.cases.map(\.ref) + ["CH-", "CASE-", "Officer"] {
                        XCTAssertFalse(out.contains(word), "\(b.name) \(f) contains \(word)")
                    }
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, Reports.names.count * 2 * formats.count)
        // The unpublished caseload does name officers, so the check above can fail.
        XCTAssertTrue(ReportRender.csv(F.all()[0], table: "byOfficer").contains("Sam Officer"))
        let caseload = Disclosure.publish(F.all()[0], pseudonymiseSchools: false)
        XCTAssertNil(caseload.table("byOfficer"))
        XCTAssertTrue(caseload.tables[0].notes.contains { $0.contains("Not published") && $0.contains("Cases by officer") })
    }

    func testPersonalColumnsAreRemoved() {
        let t = ReportTable(id: "t", title: "T", subtitle: "",
                            columns: [ReportColumn(key: "child", header: "Child", role: .personal),
                                      ReportColumn(key: "n", header: "N", role: .count(summed: false))],
                            rows: [[.text("Jamie Rivers"), .count(7)]])
        let p = Disclosure.publish(ReportBundle(name: "x", title: "X", period: "p", tables: [t]), pseudonymiseSchools: false)
        XCTAssertEqual(p.tables[0].columns.map(\.key), ["n"])
        XCTAssertFalse(p.rendered(.json).contains("Jamie"))
    }

    func testSchoolPseudonyms() {
        let b = Reports.suspensions(F.data, period: F.autumn, today: F.today)
        let p = Disclosure.publish(b, pseudonymiseSchools: true)
        let t = p.table("bySchool")!
        // URN order: 100001 Ashby → 01, 100002 Beacon → 02, 100003 Castle → 03, 100009 PRU → 04; rows sorted by label.
        XCTAssertEqual(t.rows.map { $0[0].display }, ["School 01", "School 02", "School 03", "School 04"])
        XCTAssertEqual(t.columns.map(\.key).prefix(2), ["school", "suspensions"], "URN, trust and roll columns are dropped")
        XCTAssertNotNil(p.table("byTrust")!.columnIndex("roll"), "trust rolls stay")
        // The same school gets the same label in another report.
        let o = Disclosure.publish(Reports.outOfSchool(F.data, period: F.autumn, today: F.today), pseudonymiseSchools: true)
        let del = o.table("deletionsBySchool")!
        XCTAssertEqual(del.rows.map { $0[0].display }, ["School 01", "School 02", "School 03", "School 04"])
        for f in [ReportFormat.table(width: 120), .csv, .markdown, .json] {
            for out in [p.rendered(f), o.rendered(f)] {
                for name in F.schools.map(\.name) + F.schools.map(\.urn) { XCTAssertFalse(out.contains(name), "\(f): \(name)") }
            }
        }
        // Pseudonyms ordered by URN, not by name: a school list in another order keeps the numbering.
        var data = F.data
        data.schools[0].name = "Zenith High"   // 100001, now last by name
        let z = Disclosure.publish(Reports.suspensions(data, period: F.autumn, today: F.today), pseudonymiseSchools: true).table("bySchool")!
        XCTAssertEqual(z.rows[0], t.rows[0])
        // Not pseudonymised: names stay.
        XCTAssertTrue(Disclosure.publish(b, pseudonymiseSchools: false).rendered(.csv).contains("Beacon Primary"))
    }
}
