import Foundation
import XCTest

final class CLITests: XCTestCase {
    func testInitSampleListAndShowJSON() throws {
        let cli = try CLI()
        let r = try cli.run(["init", "--sample"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("with the sample caseload"), r.out)
        let list = try XCTUnwrap(try cli.json(["list", "--format", "json"]) as? [[String: Any]])
        XCTAssertGreaterThan(list.count, 100)
        for key in ["ref", "kind", "status", "childRef", "childName", "schoolURN", "owner", "opened", "nextReview", "triageScore"] {
            XCTAssertTrue(list[0].keys.contains(key), "list JSON lacks \(key)")
        }
        let scores = list.compactMap { $0["triageScore"] as? Double }
        XCTAssertEqual(scores, scores.sorted(by: >), "most urgent first")
        let ref = try XCTUnwrap(list[0]["ref"] as? String)
        let show = try XCTUnwrap(try cli.json(["show", ref, "--format", "json"]) as? [String: Any])
        for key in ["ref", "kind", "status", "child", "school", "chronology", "actions", "suspensions", "attendance", "deadlines", "triage"] {
            XCTAssertNotNil(show[key], "show JSON lacks \(key)")
        }
        let child = try XCTUnwrap(show["child"] as? [String: Any])
        for key in ["ref", "upn", "forename", "surname", "dob", "ncYear", "flags"] { XCTAssertTrue(child.keys.contains(key), key) }
        let triage = try XCTUnwrap(show["triage"] as? [String: Any])
        let reasons = try XCTUnwrap(triage["reasons"] as? [[String: Any]])
        let sum = reasons.compactMap { $0["points"] as? Double }.reduce(0, +)
        XCTAssertEqual(sum, triage["score"] as? Double ?? -1, accuracy: 0.11, "the score is the sum of its reasons")
        let log = try cli.run(["log", ref])
        XCTAssertTrue(log.out.contains("viewed (show)"), "show is itself logged")
    }

    /// Scripts read the CSV: the score column holds only a number, and "overdue" is its own column,
    /// matching the JSON for the same case; the table a person reads keeps the `!` beside the score.
    func testListCSVScoreIsANumberAndOverdueIsAColumn() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let lines = try cli.run(["list", "--format", "csv"]).out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "score,ref,child,year,school,kind,status,owner,next review,flags,overdue")
        let json = try XCTUnwrap(try cli.json(["list", "--format", "json"]) as? [[String: Any]])
        XCTAssertEqual(lines.count - 1, json.count)
        var overdue = 0
        for (line, j) in zip(lines.dropFirst(), json) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(String(cells[1]), j["ref"] as? String)
            XCTAssertEqual(Double(String(cells[0])), j["triageScore"] as? Double, "\(line): the score is a plain number")
            XCTAssertEqual(String(cells.last!), (j["overdue"] as? Bool ?? false) ? "yes" : "no", line)
            if cells.last == "yes" { overdue += 1 }
        }
        XCTAssertGreaterThan(overdue, 0, "the sample has overdue cases")
        let table = try cli.run(["list"]).out
        XCTAssertTrue(table.split(separator: "\n").dropFirst(2).contains { $0.hasPrefix("! ") }, "the table marks overdue with !")
    }

    /// Issue 17.6, through the app: the sample a trainer opens carries about as much overdue work as
    /// a well-run team does, 10–20% of the open cases on the sample's today (26 of 159 when written).
    func testTheSampleHasTenToTwentyPercentOfOpenCasesOverdue() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let open = try XCTUnwrap(try cli.json(["list", "--format", "json"]) as? [[String: Any]])
        let overdue = try XCTUnwrap(try cli.json(["list", "--overdue", "--format", "json"]) as? [[String: Any]])
        XCTAssertEqual(overdue.count, open.filter { $0["overdue"] as? Bool == true }.count)
        let share = Double(overdue.count) / Double(open.count)
        XCTAssertTrue((0.10...0.20).contains(share), "\(overdue.count) of \(open.count) open cases overdue")
    }

    /// `log --format json` gives each snapshot as an object: a script reads `after.status` directly.
    func testLogJSONGivesBeforeAndAfterAsObjects() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        XCTAssertEqual(try cli.run(["case", "status", "WM-00001", "monitoring"]).code, 0)
        let log = try XCTUnwrap(try cli.json(["log", "WM-00001", "--format", "json", "--limit", "3"]) as? [[String: Any]])
        let change = try XCTUnwrap(log.first { $0["op"] as? String == "case.status" }, "\(log)")
        let before = try XCTUnwrap(change["before"] as? [String: Any], "before is an object")
        let after = try XCTUnwrap(change["after"] as? [String: Any], "after is an object")
        XCTAssertEqual(after["status"] as? String, "monitoring")
        XCTAssertNotEqual(before["status"] as? String, "monitoring")
        XCTAssertEqual((after["version"] as? Int).map { $0 - 1 }, before["version"] as? Int, "versions stay whole numbers")
        XCTAssertEqual(try cli.run(["note", "WM-99999", "text"]).code, 67)
    }

    /// `changes --since-last`: each officer's own window; JSON groups by school; `--peek` moves nothing.
    func testChangesSinceLastLookByOfficer() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        _ = try cli.run(["changes"])  // the first look takes in the sample's import
        let look = try XCTUnwrap(try lastLook(cli))  // before the next look records a new one
        XCTAssertEqual(try cli.run(["changes"]).out.split(separator: "\n").first, "0 arrived, since your last look at \(look)")
        let child = try XCTUnwrap((try cli.json(["show", "WM-00001", "--format", "json"]) as? [String: Any])?["child"] as? [String: Any])["ref"] as! String
        XCTAssertEqual(try cli.run(["suspension", "add", child, "--start", "2026-11-20", "--days", "2", "--reason", "DM"]).code, 0)
        let peek = try XCTUnwrap(try cli.json(["changes", "--since-last", "--peek", "--format", "json"]) as? [String: Any])
        XCTAssertEqual(peek["total"] as? Int, 1)
        let schools = try XCTUnwrap(peek["schools"] as? [[String: Any]])
        let item = try XCTUnwrap((schools.first?["arrivals"] as? [[String: Any]])?.first)
        XCTAssertEqual(item["kind"] as? String, "suspension")
        XCTAssertEqual(item["caseRef"] as? String, "WM-00001")
        XCTAssertEqual(item["detail"] as? String, "2 days from 2026-11-20 (DM)")
        XCTAssertEqual((try cli.json(["changes", "--format", "json"]) as? [String: Any])?["total"] as? Int, 1, "the peek moved nothing")
        XCTAssertEqual((try cli.json(["changes", "--format", "json"]) as? [String: Any])?["total"] as? Int, 0, "that look did")
    }

    private func lastLook(_ cli: CLI) throws -> String? {
        (try cli.json(["changes", "--peek", "--format", "json"]) as? [String: Any])?["sinceAt"] as? String
    }

    func testCaseLifecycleByCLI() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        let schools = try cli.write("schools.csv", "urn,name,phase,type,trust,roll\n140001,Hillcrest Academy,secondary,academy,Northern Lights Trust,1000\n")
        let kids = try cli.write("children.csv", "ref,forename,surname,dob,school_urn\nC1,Samuel,Okafor,2012-03-14,140001\n")
        XCTAssertEqual(try cli.run(["import", "schools", schools]).code, 0)
        XCTAssertEqual(try cli.run(["import", "children", kids]).code, 0)
        let opened = try cli.run(["case", "open", "--child", "C1", "--kind", "ebsa", "--owner", "asha", "--summary", "Anxious"])
        XCTAssertEqual(opened.code, 0, opened.err)
        let ref = opened.out.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(ref, "WM-00001")
        XCTAssertEqual(try cli.run(["note", ref, "Spoke to mum"]).code, 0)
        let action = try cli.run(["action", "add", ref, "--agency", "CAMHS", "--description", "Referral", "--due", "01/12/2026"])
        XCTAssertEqual(action.code, 0, action.err)
        let id = action.out.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try cli.run(["action", "done", id, "--outcome", "Accepted"]).code, 0)
        XCTAssertEqual(try cli.run(["suspension", "add", "C1", "--start", "2026-11-02", "--days", "1.5", "--reason", "DB"]).code, 0)
        XCTAssertEqual(try cli.run(["case", "assign", ref, "--owner", "tom", "--new-owner"]).code, 0)
        XCTAssertEqual(try cli.run(["case", "close", ref, "--reason", "Back in school full time"]).code, 0)
        let show = try XCTUnwrap(try cli.json(["show", ref, "--format", "json"]) as? [String: Any])
        XCTAssertEqual(show["status"] as? String, "closed")
        let kinds = (show["chronology"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        XCTAssertEqual(kinds, ["closed", "owner", "actionDone", "action", "note", "opened", "suspension"])
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testBadImportExits65NamingEachLineAndWritesNothing() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        let bad = try cli.write("kids.csv", "ref,forename,surname,dob\nC1,Ana,Lee,2012-02-30\nC2,,Lee,2012-01-01\nC3,Bo,Chan,2012-01-01\n")
        let r = try cli.run(["import", "children", bad])
        XCTAssertEqual(r.code, 65)
        XCTAssertEqual(r.err, "error: \(bad):2: dob: '2012-02-30' is not a real date\nerror: \(bad):3: forename: is required\n")
        let list = try XCTUnwrap(try cli.json(["list", "--format", "json", "--all"]) as? [Any])
        XCTAssertTrue(list.isEmpty)
        XCTAssertEqual(try cli.run(["import", "children", "-"], stdin: "ref,forename,surname,dob\nC3,Bo,Chan,2012-01-01\n").code, 0)
    }

    func testCheckExits65WhenARowIsEditedWithSqlite3() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        XCTAssertEqual(try cli.run(["check"]).code, 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [cli.store, "UPDATE cases SET owner = 'mallory' WHERE rowid = 3"]
        try p.run(); p.waitUntilExit()
        let r = try cli.run(["check"])
        XCTAssertEqual(r.code, 65)
        XCTAssertTrue(r.err.contains("differs from its last audit entry: altered outside OnRoll"), r.err)
    }

    func testExitCodes() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["list"]).code, 66, "no store")
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        XCTAssertEqual(try cli.run(["init"]).code, 1, "refuses to overwrite")
        XCTAssertEqual(try cli.run(["list", "--kind", "nonsense"]).code, 65)
        XCTAssertEqual(try cli.run(["list", "--bogus"]).code, 64)
        XCTAssertEqual(try cli.run(["import", "children", cli.dir + "/missing.csv"]).code, 66)
        XCTAssertEqual(try cli.run(["import", "pets", "-"]).code, 64)
        let r = try cli.run(["show", "WM-99999"])
        XCTAssertEqual(r.code, 67, "a ref that does not exist has its own code")
        XCTAssertEqual(r.err, "error: no case with ref WM-99999\n")
        XCTAssertEqual(try cli.run(["calendar", "add", "2030-01-01", "5"]).code, 65, "no terms for that year")
    }

    func testStoreIsCreatedPrivate() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        let mode = (try FileManager.default.attributesOfItem(atPath: cli.store)[.posixPermissions] as! NSNumber).intValue
        XCTAssertEqual(mode & 0o777, 0o600)
        chmod(cli.store, 0o644)
        XCTAssertTrue(try cli.run(["list"]).err.contains("can be read by other users"))
    }
}

final class SampleDataTests: XCTestCase {
    /// sample-data/ in the repository is exactly what the generator makes (so `make sample` is a no-op).
    func testSampleDataMatchesTheGenerator() throws {
        let cli = try CLI()
        let out = cli.dir + "/sample"
        XCTAssertEqual(try cli.run(["sample", "--out", out], store: false).code, 0)
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(files.count, 20)  // the caseload's 17, the exclusions return and two schools' CTFs
        for f in files {
            let made = try String(contentsOfFile: out + "/" + f, encoding: .utf8)
            let kept = try String(contentsOf: repo.appendingPathComponent(f), encoding: .utf8)
            XCTAssertEqual(made, kept, "sample-data/\(f) is stale: run `make sample`")
        }
    }

    func testSampleFilesImportOneByOne() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data")
        for kind in ["schools", "terms", "children", "cases", "chronology", "suspensions", "reflections", "attendance", "actions",
                     "team", "plans", "phases", "reviews", "deletions", "outofschool", "panels", "attendees"] {
            let r = try cli.run(["import", kind, repo.appendingPathComponent("\(kind).csv").path])
            XCTAssertEqual(r.code, 0, "\(kind): \(r.err)")
        }
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testCalendarCommands() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        // Fri 20 Nov + 5 school days = Fri 27 Nov (the 20th itself not counted).
        XCTAssertEqual(try cli.run(["calendar", "add", "2026-11-20", "5"]).out, "2026-11-27\n")
        // Across October half term (26–30 Oct): Thu 22 Oct + 2 = Tue 3 Nov, as Mon 2 Nov is an INSET day.
        XCTAssertEqual(try cli.run(["calendar", "add", "22/10/2026", "2"]).out, "2026-11-03\n")
        // Fri 2 Oct to Fri 23 Oct 2026: 16 weekdays, no closures.
        XCTAssertEqual(try cli.run(["calendar", "count", "2026-10-02", "2026-10-23"]).out, "16\n")
        // 14–18 Dec 2026: 4 days and the half-day closure on the 18th.
        XCTAssertEqual(try cli.run(["calendar", "count", "2026-12-14", "2026-12-18"]).out, "4.5\n")
        let show = try cli.run(["calendar", "show", "2026/27"])
        XCTAssertTrue(show.out.contains("Autumn  2026-11-02 – 2026-12-18  33.5 school days"), show.out)
        let missing = try cli.run(["calendar", "count", "2027-09-01", "2027-09-30"])
        XCTAssertEqual(missing.code, 65)
        XCTAssertEqual(missing.err, "error: no term dates are stored for 2027/28: import them with `onroll import terms FILE`\n")
    }
}

final class EHCCLITests: XCTestCase {
    func testEHCStepsRecordedByCLIDriveTheClocks() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let r = try cli.run(["case", "ehc", "WM-00001", "--requested", "2026-09-01", "--decision", "2026-10-20"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out, "WM-00001: EHC needs assessment: requested 2026-09-01, decision 2026-10-20\n")
        let show = try XCTUnwrap(try cli.json(["show", "WM-00001", "--format", "json"]) as? [String: Any])
        let deadlines = try XCTUnwrap(show["deadlines"] as? [[String: Any]])
        let week6 = try XCTUnwrap(deadlines.first { $0["kind"] as? String == "ehc.week6" })
        XCTAssertEqual(week6["due"] as? String, "2026-10-13")
        XCTAssertEqual(week6["state"] as? String, "breached", "decided a week after the 6-week point")
        XCTAssertTrue(try cli.run(["log", "WM-00001"]).out.contains("case.ehc"))
        XCTAssertEqual(try cli.run(["case", "ehc", "WM-00001"]).code, 64)
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }
}
