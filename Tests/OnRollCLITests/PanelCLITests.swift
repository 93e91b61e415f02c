import Foundation
import XCTest

/// The panel commands exactly as contract.md spells them, on the sample store.
final class PanelCLITests: XCTestCase {
    func testPanelFromNewToMinutesActionsAndCalendar() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let new = try cli.run(["panel", "new", "--date", "2026-12-03", "--type", "fair-access", "--chair", "Head of Inclusion"])
        XCTAssertEqual(new.code, 0, new.err)
        let id = new.out.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(id, "3", "the sample has panels 1 and 2")
        XCTAssertEqual(try cli.run(["panel", "attendee", id, "--name", "J. Amadi", "--org", "Westmarch LA"]).code, 0)
        XCTAssertEqual(try cli.run(["panel", "add", id, "WM-00005", "--reason", "Place needed after a move"]).code, 0)
        let agenda = try cli.run(["panel", "agenda", id])
        XCTAssertTrue(agenda.out.contains("WM-00005") && agenda.out.contains("Place needed after a move"), agenda.out)
        let decide = try cli.run(["panel", "decide", id, "WM-00005", "--decision", "refer to fair access",
                                  "--action-agency", "LA inclusion", "--action-description", "Offer a place at Kingsmead",
                                  "--action-owner", "J. Amadi", "--action-due", "2026-12-10"])
        XCTAssertEqual(decide.code, 0, decide.err)

        // The decision and the action are on the case's chronology.
        let show = try XCTUnwrap(try cli.json(["show", "WM-00005", "--format", "json"]) as? [String: Any])
        let chronology = (show["chronology"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        XCTAssertTrue(chronology.contains { $0.contains("refer to fair access") }, "\(chronology.prefix(5))")
        XCTAssertTrue(chronology.contains { $0.contains("Offer a place at Kingsmead") })

        let child = try XCTUnwrap((show["child"] as? [String: Any]))
        let forename = try XCTUnwrap(child["forename"] as? String), surname = try XCTUnwrap(child["surname"] as? String)
        let minutes = try cli.run(["panel", "minutes", id, "--format", "md"])
        XCTAssertTrue(minutes.out.contains(surname), "full minutes name the child")
        let redacted = try cli.run(["panel", "minutes", id, "--format", "md", "--redact"])
        XCTAssertTrue(redacted.out.contains("WM-00005") && redacted.out.contains("refer to fair access"))
        XCTAssertFalse(redacted.out.contains(surname) || redacted.out.contains(forename), "redacted minutes name nobody")
        let html = try cli.run(["panel", "minutes", id, "--format", "html", "--output", cli.dir + "/minutes.html"])
        XCTAssertEqual(html.code, 0, html.err)
        XCTAssertTrue(try String(contentsOfFile: cli.dir + "/minutes.html", encoding: .utf8).contains("<html"))

        let csv = try cli.run(["panel", "actions", id, "--format", "csv", "--agency", "LA inclusion"])
        XCTAssertEqual(csv.out.split(whereSeparator: \.isNewline).count, 2, csv.out)
        XCTAssertTrue(csv.out.contains("Offer a place at Kingsmead,J. Amadi,2026-12-10"))
        let ics = try cli.run(["panel", "ics", id])
        XCTAssertTrue(ics.out.hasPrefix("BEGIN:VCALENDAR\r\n"))
        XCTAssertTrue(ics.out.contains("DTSTART;VALUE=DATE:20261210\r\n"))
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testReopenAnEndedPanelFromTheCommandLine() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        XCTAssertNotEqual(try cli.run(["panel", "reopen", "2"]).code, 0, "a panel that has not ended is not reopened")
        XCTAssertEqual(try cli.run(["panel", "start", "2"]).code, 0)
        XCTAssertEqual(try cli.run(["panel", "end", "2"]).code, 0)
        let r = try cli.run(["panel", "reopen", "2", "--reason", "wrong child"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out, "panel 2: reopened\n")
        XCTAssertTrue(try cli.run(["panel", "list"]).out.split(separator: "\n").contains { $0.hasPrefix("2 ") && $0.contains("running") })
        XCTAssertTrue(try cli.run(["log", "--limit", "60"]).out.contains("panel 2: reopened to correct its record"))
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testBadPanelTypeIsAUsageError() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        let r = try cli.run(["panel", "new", "--date", "2026-12-03", "--type", "tea-party"])
        XCTAssertNotEqual(r.code, 0)
        XCTAssertTrue(r.err.hasPrefix("error: "), r.err)
    }

    /// Issue 13.3 through the store: the names redaction removes come from the child's record, their
    /// contacts and their team, and the calendar carries the ref and initials only.
    func testRedactedMinutesAndTheCalendarNameNoOneAroundTheChild() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        for args in [["team", "add", "WM-00001", "--agency", "Educational psychology", "--role", "EP", "--name", "Ann Bailey"],
                     ["panel", "add", "2", "WM-00001", "--reason", "review"],
                     ["panel", "decide", "2", "WM-00001", "--decision", "continue current plan", "--share-note",
                      "--note", "Grace Brooks and Ann Bailey agree Tyler can return",
                      "--action-agency", "Educational psychology", "--action-description", "Ann Bailey to call Grace about Tyler",
                      "--action-owner", "Ann Bailey", "--action-due", "2026-12-10"]] {
            let r = try cli.run(args)
            XCTAssertEqual(r.code, 0, "\(args): \(r.err)")
        }
        let full = try cli.run(["panel", "minutes", "2"]).out
        XCTAssertTrue(full.contains("Tyler Brooks") && full.contains("Ann Bailey"), "the unredacted minutes are the record")
        for args in [["panel", "minutes", "2", "--redact"], ["panel", "minutes", "2", "--redact", "--format", "html"], ["panel", "ics", "2"]] {
            let out = try cli.run(args).out
            for leak in ["Tyler", "Brooks", "Grace", "Ann", "Bailey", "07700"] {
                XCTAssertFalse(out.contains(leak), "\(args): \(leak)")
            }
            XCTAssertTrue(out.contains("WM-00001"), "\(args)")
            XCTAssertTrue(out.contains("TB"), "\(args): the initials")
        }
        XCTAssertTrue(try cli.run(["panel", "minutes", "2", "--redact"]).out.contains("agree TB can return"))
    }
}
