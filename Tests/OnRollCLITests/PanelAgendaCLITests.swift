import Foundation
import XCTest

/// The agenda built once and capped, and decisions the CLI accepts only from the console's list.
/// The sample store, today Mon 23 Nov 2026; panel 2 (Thu 26 Nov) follows panel 1 (19 Nov).
final class PanelAgendaCLITests: XCTestCase {
    func testAgendaIsBuiltTheFirstTimeItIsAskedForAndCapped() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let first = try cli.run(["panel", "agenda", "2", "--format", "csv"])
        XCTAssertEqual(first.code, 0, first.err)
        XCTAssertTrue(first.err.contains("panel 2: agenda built, 20 cases added"), first.err)
        let csv = try cli.run(["panel", "agenda", "2", "--format", "json"])
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(csv.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 20, "panel.max-items defaults to 20")
        XCTAssertFalse(csv.err.contains("agenda built"), "built once")
        let rest = try XCTUnwrap(try cli.json(["panel", "agenda", "2", "--also-eligible", "--format", "json"]) as? [[String: Any]])
        XCTAssertGreaterThan(rest.count, 0)
        XCTAssertTrue(csv.err.contains("\(rest.count) also eligible"), csv.err)
        XCTAssertFalse(Set(rest.compactMap { $0["caseRef"] as? String }).intersection(items.compactMap { $0["caseRef"] as? String }).count > 0)

        XCTAssertEqual(try cli.run(["config", "set", "panel.max-items", "0"]).code, 65)
        XCTAssertEqual(try cli.run(["config", "set", "panel.max-items", "12"]).code, 0)
        XCTAssertTrue(try cli.run(["config"]).out.contains("panel.max-items = 12 (team setting; default 20)"))
    }

    func testUnknownDecisionIsRefusedAndNothingWritten() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        XCTAssertEqual(try cli.run(["panel", "add", "2", "WM-00005", "--reason", "school asked"]).code, 0)
        let r = try cli.run(["panel", "decide", "2", "WM-00005", "--decision", "banana"])
        XCTAssertEqual(r.code, 65, r.err)
        XCTAssertTrue(r.err.contains("'banana' is not a panel decision (accepted: continue current plan, refer to fair access, AP place"), r.err)
        let agenda = try XCTUnwrap(try cli.json(["panel", "agenda", "2", "--format", "json"]) as? [[String: Any]])
        let item = try XCTUnwrap(agenda.first { $0["caseRef"] as? String == "WM-00005" })
        XCTAssertEqual(item["status"] as? String, "pending")
        XCTAssertNil(item["decision"] as? String)
        XCTAssertEqual(try cli.run(["panel", "decide", "2", "WM-00005", "--decision", "other"]).code, 65, "other needs --note")
    }

    func testCloseDecisionClosesTheCaseDatedThePanelsDay() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        XCTAssertEqual(try cli.run(["panel", "add", "2", "WM-00005", "--reason", "school asked"]).code, 0)
        XCTAssertEqual(try cli.run(["panel", "start", "2"]).code, 0)
        // Typed up the day after the meeting: dated the panel's day.
        let r = try cli.run(["panel", "decide", "2", "WM-00005", "--decision", "Close", "--note", "settled at Kingsmead"],
                            env: ["ONROLL_TODAY": "2026-11-27"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out, "panel 2: WM-00005 decision recorded; case closed\n")
        let c = try XCTUnwrap(try cli.json(["show", "WM-00005", "--format", "json"]) as? [String: Any])
        XCTAssertEqual(c["status"] as? String, "closed")
        XCTAssertEqual(c["closureReason"] as? String, "Panel 2026-11-26: close — settled at Kingsmead")
        XCTAssertEqual(c["closedOn"] as? String, "2026-11-26")
        XCTAssertTrue(try cli.run(["log", "--limit", "30"]).out.contains("closed by panel 2"))
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    /// `panel actions --agency` picks agencies as `action list` does, says when nothing matched, and
    /// `--each-agency DIR` writes every agency's list in one go.
    func testPanelActionsByAgencyAndEveryAgencysList() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        XCTAssertEqual(try cli.run(["panel", "add", "2", "WM-00005", "--reason", "school asked"]).code, 0)
        XCTAssertEqual(try cli.run(["panel", "start", "2"]).code, 0)
        for (agency, what) in [("LA inclusion", "Present at fair access"), ("CAMHS", "Assessment"), ("CAMHS", "Follow-up")] {
            let r = try cli.run(["panel", "decide", "2", "WM-00005", "--action-agency", agency, "--action-description", what,
                                 "--action-owner", "J. Amadi", "--action-due", "2026-12-10"])
            XCTAssertEqual(r.code, 0, r.err)
        }
        let la = try cli.run(["panel", "actions", "2", "--agency", "la", "--format", "table"])
        XCTAssertTrue(la.out.contains("Present at fair access") && !la.out.contains("Assessment"), la.out)
        let listed = try cli.run(["action", "list", "--agency", "la", "--case", "WM-00005"])
        XCTAssertTrue(listed.out.contains("Present at fair access") && !listed.out.contains("Follow-up"), "action list picks the same way")
        let none = try cli.run(["panel", "actions", "2", "--agency", "police"])
        XCTAssertEqual(none.code, 0)
        XCTAssertEqual(none.err, "no actions at panel 2 for an agency matching 'police' (agencies with actions: CAMHS, LA inclusion)\n")
        let dir = cli.dir + "/lists"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let each = try cli.run(["panel", "actions", "2", "--each-agency", dir])
        XCTAssertEqual(each.code, 0, each.err)
        let camhs = try String(contentsOfFile: dir + "/camhs.csv", encoding: .utf8)
        XCTAssertEqual(camhs.split(separator: "\r\n").count, 3, "a header and CAMHS's two actions")
        XCTAssertTrue(try String(contentsOfFile: dir + "/la-inclusion.csv", encoding: .utf8).contains("Present at fair access"))
        XCTAssertEqual(each.out, "CAMHS: 2 actions → \(dir)/camhs.csv\nLA inclusion: 1 action → \(dir)/la-inclusion.csv\n")
    }
}
