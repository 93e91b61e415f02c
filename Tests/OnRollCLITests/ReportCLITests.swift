import Foundation
import OnRollTestSupport
import XCTest

/// `onroll report` on ReportDataset. Figures are worked out by hand below; the golden files in
/// Golden/ hold the full table output (UPDATE_GOLDEN=1 re-records them; read the diff).
final class ReportCLITests: XCTestCase {
    var loaded: CLI?

    func cli() throws -> CLI {
        if let c = loaded { return c }
        let c = try CLI()
        try ReportDataset.load(into: c)
        loaded = c
        return c
    }

    func report(_ args: [String]) throws -> String {
        let r = try cli().run(["report"] + args + ["--today", ReportDataset.today])
        XCTAssertEqual(r.code, 0, r.err)
        return r.out
    }

    /// Rows of one table of `--format json` as dictionaries, and its total row.
    func table(_ name: String, _ id: String, _ extra: [String] = []) throws -> (rows: [[String: Any]], total: [String: Any]?) {
        let json = try JSONSerialization.jsonObject(with: Data(try report([name, "--format", "json"] + extra).utf8)) as! [String: Any]
        let tables = json["tables"] as! [[String: Any]]
        let t = try XCTUnwrap(tables.first { $0["id"] as? String == id }, "no table \(id)")
        return (t["rows"] as! [[String: Any]], t["total"] as? [String: Any])
    }

    func row(_ rows: [[String: Any]], _ key: String, _ value: String) -> [String: Any] {
        rows.first { $0[key] as? String == value } ?? [:]
    }

    /// The golden holds the report above its audit-head footer: the head's hash changes run to run
    /// (audit times are real), so the footer is checked for its shape and cut off.
    func golden(_ name: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let foot = text.range(of: "\nAudit head: ", options: .backwards) else {
            return XCTFail("\(name): no audit head footer", file: file, line: line)
        }
        XCTAssertNotNil(text[foot.upperBound...].wholeMatch(of: /\d+ · [0-9a-f]{12}\n/), String(text[foot.lowerBound...]), file: file, line: line)
        assertGolden(String(text[..<foot.lowerBound]), named: "\(name).txt", in: "Golden", file: file, line: line)
    }

    func testCaseload() throws {
        // 2025/26, today 16 Mar 2026. Open: RPT-001, 002, 004, 005, 006, 007 = 6 (003 is closed).
        // New in 2025/26: 001, 002, 003, 004, 005, 006 = 6 (007 opened 1 Jun 2025, the year before).
        // Closed in period: 003 (1 Dec 2025) = 1.
        // Days open to 16 Mar 2026: 001 177, 002 166, 004 63, 005 133, 006 42, 007 288;
        // median of 42 63 133 166 177 288 = (133 + 166) / 2 = 149.5.
        let kind = try table("caseload", "byKind")
        XCTAssertEqual(kind.total?["open"] as? Int, 6)
        XCTAssertEqual(kind.total?["newInPeriod"] as? Int, 6)
        XCTAssertEqual(kind.total?["closedInPeriod"] as? Int, 1)
        XCTAssertEqual(kind.total?["medianDaysOpen"] as? Double, 149.5)
        let susp = row(kind.rows, "kind", "Suspension")
        XCTAssertEqual(susp["open"] as? Int, 1); XCTAssertEqual(susp["newInPeriod"] as? Int, 2); XCTAssertEqual(susp["closedInPeriod"] as? Int, 1)
        XCTAssertEqual(susp["medianDaysOpen"] as? Double, 177)
        XCTAssertEqual(row(kind.rows, "kind", "Off-roll")["medianDaysOpen"] as? Double, 288)
        // By school: Ashby K01+K02 open 2; Beacon open 1 (007), new 1 and closed 1 (003); Castle 1; PRU 1;
        // K07 has no school: 1 under "No school / not known".
        let school = try table("caseload", "bySchool")
        XCTAssertEqual(row(school.rows, "school", "Ashby High")["open"] as? Int, 2)
        XCTAssertEqual(row(school.rows, "school", "Beacon Primary")["closedInPeriod"] as? Int, 1)
        XCTAssertEqual(row(school.rows, "school", "No school / not known")["open"] as? Int, 1)
        // By trust: Northern Trust = Ashby 2 + Castle 1 = 3.
        XCTAssertEqual(row(try table("caseload", "byTrust").rows, "trust", "Northern Trust")["open"] as? Int, 3)
        // By officer: alpha owns 001, 002, 005 (all open); bravo 003 (closed), 004, 007.
        let officer = try table("caseload", "byOfficer")
        XCTAssertEqual(row(officer.rows, "officer", "officer.alpha")["open"] as? Int, 3)
        XCTAssertEqual(row(officer.rows, "officer", "officer.bravo")["open"] as? Int, 2)
        golden("report-caseload", try report(["caseload"]))
    }

    func testSuspensions() throws {
        // In 2025/26 (the 10 Jun 2025 suspension is the year before):
        // Ashby (roll 1000): 15 Sep PA 2, 10 Nov VA 1.5 (K01), 20 Jan DB 1 (K02): 3 suspensions, rate 0.3,
        //   2 pupils (one-plus 0.2), K01 has 2 → pupils 2+ = 1, days lost 4.5.
        // Beacon (roll 400): K03 DB 3, K08 DB 2 and VP 0.5 (K08 has no case): 3, rate 3/400 = 0.75 → 0.8,
        //   2 pupils (0.5), pupils 2+ = 1, days 5.5, top reasons DB 2, VP 1.
        // Castle (no roll): one permanent exclusion (PA); rates z.
        // Partnership: roll 1460, 6 suspensions, rate 6/1460 = 0.41 → 0.4, 4 pupils, 1 PEx, 10.0 days,
        //   top reasons DB 3, PA 2, VA 1.
        let t = try table("suspensions", "bySchool")
        let ashby = row(t.rows, "school", "Ashby High")
        XCTAssertEqual(ashby["suspensions"] as? Int, 3); XCTAssertEqual(ashby["suspensionRate"] as? Double, 0.3)
        XCTAssertEqual(ashby["pupilsSuspended"] as? Int, 2); XCTAssertEqual(ashby["onePlusRate"] as? Double, 0.2)
        XCTAssertEqual(ashby["pupilsRepeat2"] as? Int, 1); XCTAssertEqual(ashby["daysLost"] as? Double, 4.5)
        let beacon = row(t.rows, "school", "Beacon Primary")
        XCTAssertEqual(beacon["suspensions"] as? Int, 3); XCTAssertEqual(beacon["suspensionRate"] as? Double, 0.8)
        XCTAssertEqual(beacon["daysLost"] as? Double, 5.5); XCTAssertEqual(beacon["topReasons"] as? String, "DB 2, VP 1")
        let castle = row(t.rows, "school", "Castle Academy")
        XCTAssertEqual(castle["permanentExclusions"] as? Int, 1); XCTAssertEqual(castle["pexRate"] as? String, "z")
        XCTAssertEqual(t.total?["roll"] as? Int, 1460); XCTAssertEqual(t.total?["suspensions"] as? Int, 6)
        XCTAssertEqual(t.total?["suspensionRate"] as? Double, 0.4); XCTAssertEqual(t.total?["pupilsSuspended"] as? Int, 4)
        XCTAssertEqual(t.total?["daysLost"] as? Double, 10); XCTAssertEqual(t.total?["topReasons"] as? String, "DB 3, PA 2, VA 1")
        // Autumn term only (3 Sep – 19 Dec 2025): Ashby 2 (15 Sep, 10 Nov), Beacon 2 (6 and 13 Oct).
        let autumn = try table("suspensions", "bySchool", ["--term", "autumn"])
        XCTAssertEqual(autumn.total?["suspensions"] as? Int, 4)
        XCTAssertEqual(row(autumn.rows, "school", "Ashby High")["suspensions"] as? Int, 2)
        golden("report-suspensions", try report(["suspensions"]))
    }

    func testReintegration() throws {
        // Plans started in 2025/26: PRU → Ashby twice (one completed 10 Nov → 16 Jan, one active),
        // Beacon → Beacon broken down. Completed plan: 10 Nov – 19 Dec = 30 school days, 5 – 16 Jan = 10: 40.
        let t = try table("reintegration", "bySchool")
        let pru = row(t.rows, "school", "Riverside PRU")
        XCTAssertEqual(pru["started"] as? Int, 2); XCTAssertEqual(pru["completed"] as? Int, 1)
        XCTAssertEqual(pru["active"] as? Int, 1); XCTAssertEqual(pru["medianDaysToFullTime"] as? Double, 40)
        XCTAssertEqual(row(t.rows, "school", "Beacon Primary")["brokenDown"] as? Int, 1)
        XCTAssertEqual(t.total?["started"] as? Int, 3)
        golden("report-reintegration", try report(["reintegration"]))
    }

    func testOutOfSchool() throws {
        // Open EHE RPT-004 (contact 6 Mar: 10 days), CME RPT-006 (none), off-roll RPT-007 (seen 14 Feb: 30 days).
        let t = try table("out-of-school", "openCases")
        XCTAssertEqual(t.total?["open"] as? Int, 3); XCTAssertEqual(t.total?["contacted"] as? Int, 2)
        XCTAssertEqual(t.total?["neverContacted"] as? Int, 1); XCTAssertEqual(t.total?["medianDaysSinceContact"] as? Double, 20)
        // Deletions: Beacon 15 Oct (not notified, no destination), Castle 9 Jan (notified, EHE).
        let d = try table("out-of-school", "deletionsBySchool")
        let beacon = row(d.rows, "school", "Beacon Primary")
        XCTAssertEqual(beacon["deletions"] as? Int, 1); XCTAssertEqual(beacon["notNotified"] as? Int, 1)
        XCTAssertEqual(beacon["unknownDestination"] as? Int, 1)
        XCTAssertEqual(d.total?["deletions"] as? Int, 2); XCTAssertEqual(d.total?["notNotified"] as? Int, 1)
        golden("report-out-of-school", try report(["out-of-school"]))
    }

    func testActions() throws {
        // Open on 16 Mar 2026: CAMHS Referral (due 1 Mar: overdue), CAMHS Assessment (no due date),
        // school meeting (due 1 Apr), police welfare check (due 10 Mar: overdue). The home visit is done.
        let t = try table("actions", "byAgency")
        XCTAssertEqual(t.rows.map { $0["agency"] as? String }, ["school", "CAMHS", "police"])
        XCTAssertEqual(row(t.rows, "agency", "CAMHS")["open"] as? Int, 2)
        XCTAssertEqual(row(t.rows, "agency", "CAMHS")["overdue"] as? Int, 1)
        XCTAssertEqual(t.total?["open"] as? Int, 4); XCTAssertEqual(t.total?["overdue"] as? Int, 2)
        golden("report-actions", try report(["actions"]))
    }

    func testPublishableHasNoSmallCountsAndNoPeople() throws {
        for name in ["caseload", "suspensions", "reintegration", "out-of-school", "actions"] {
            for pseudo in [false, true] {
                for format in ["table", "csv", "md", "json"] {
                    let out = try report([name, "--publish", "--format", format] + (pseudo ? ["--pseudonymise-schools"] : []))
                    let what = "\(name) \(format)\(pseudo ? " pseudonymised" : "")"
                    for p in ReportDataset.personal { XCTAssertFalse(out.contains(p), "\(what) shows \(p)") }
                    for cell in Self.cells(out, format: format) {
                        XCTAssertFalse(["1", "2", "3", "4", "5"].contains(cell), "\(what) publishes a count of \(cell)")
                        XCTAssertNil(cell.range(of: #"\b[A-Z]{2} [1-5]\b"#, options: .regularExpression), "\(what): tally \(cell)")
                    }
                    if pseudo { for s in ["Ashby", "Beacon", "Castle", "Riverside", "100001"] { XCTAssertFalse(out.contains(s), "\(what) names \(s)") } }
                }
            }
        }
        // The figures are there, suppressed: Beacon's 3 suspensions are c, the 6-suspension total is published.
        let json = try report(["suspensions", "--publish", "--format", "json"])
        XCTAssertTrue(json.contains("\"suspensions\": \"c\""))
        XCTAssertTrue(json.contains("\"suspensions\": 6"))
    }

    /// The data cells of an output: CSV fields, markdown table cells, JSON values, table-format
    /// words of table rows (lines between the rules).
    static func cells(_ out: String, format: String) -> [String] {
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch format {
        case "csv": return lines.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) } }
        case "md": return lines.filter { $0.hasPrefix("|") }.flatMap { $0.split(separator: "|").map { $0.replacingOccurrences(of: "**", with: "").trimmingCharacters(in: .whitespaces) } }
        case "json":
            let regex = try! NSRegularExpression(pattern: #"": ("[^"]*"|-?[0-9.]+)"#)
            return regex.matches(in: out, range: NSRange(out.startIndex..., in: out)).map {
                String(out[Range($0.range(at: 1), in: out)!]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        default:
            var inTable = false, out: [String] = []
            for l in lines {
                if l.hasPrefix("─") { inTable.toggle(); continue }
                if inTable || l.hasPrefix("─") { out += l.split(separator: " ").map(String.init) }
            }
            return out
        }
    }

    func testBadNameFormatYearAreUsageErrors() throws {
        let c = try cli()
        XCTAssertEqual(try c.run(["report", "bogus"]).code, 64)
        XCTAssertEqual(try c.run(["report", "caseload", "--format", "xml"]).code, 64)
        XCTAssertEqual(try c.run(["report", "caseload", "--year", "2025"]).code, 64)
        XCTAssertEqual(try c.run(["report", "caseload", "--year", "2025/27"]).code, 64)
        XCTAssertEqual(try c.run(["report", "caseload", "--term", "winter"]).code, 64)
    }

    func testOutputFileAndDefaultYear() throws {
        let c = try cli()
        let path = c.dir + "/caseload.md"
        let r = try c.run(["report", "caseload", "--format", "md", "--output", path, "--today", ReportDataset.today])
        XCTAssertEqual(r.code, 0, r.err)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The academic year containing 16 Mar 2026 is 2025/26.
        XCTAssertTrue(text.hasPrefix("# Caseload\n"), text)
        XCTAssertTrue(text.contains("2025/26 (1 Aug 2025 – 31 Jul 2026)"))
    }
}
