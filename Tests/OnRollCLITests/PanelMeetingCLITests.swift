import Foundation
import XCTest

/// The whole meeting from the command line: attendees and apologies (each person once), the
/// agenda by hand (add refuses a duplicate, move up/down, remove with a reason), item N.
final class PanelMeetingCLITests: XCTestCase {
    func testAttendeesApologiesAndTheAgendaByHand() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let id = try cli.run(["panel", "new", "--date", "2026-12-03", "--type", "inclusion"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try cli.run(["panel", "attendee", id, "--name", "J. Amadi", "--org", "Westmarch PRU"]).out, "panel \(id): attendee J. Amadi added\n")
        XCTAssertEqual(try cli.run(["panel", "attendee", id, "--name", "P. Sandhu", "--org", "EP service", "--apologies"]).out,
                       "panel \(id): apologies from P. Sandhu added\n")
        let twice = try cli.run(["panel", "attendee", id, "--name", "p. sandhu", "--org", "ep service"])
        XCTAssertNotEqual(twice.code, 0)
        XCTAssertTrue(twice.err.contains("P. Sandhu (EP service) is already listed as sending apologies panel \(id)"), twice.err)
        let people = try cli.run(["panel", "attendees", id, "--format", "csv"]).out
        XCTAssertEqual(people, ",name,role,organisation\nattended,J. Amadi,,Westmarch PRU\napologies,P. Sandhu,,EP service\n")

        for ref in ["WM-00005", "WM-00006", "WM-00007"] {
            XCTAssertEqual(try cli.run(["panel", "add", id, ref, "--reason", "school asked"]).code, 0)
        }
        let again = try cli.run(["panel", "add", id, "wm-00006", "--reason", "again"])
        XCTAssertNotEqual(again.code, 0)
        XCTAssertTrue(again.err.contains("case WM-00006 is already on panel \(id)'s agenda (item 2)"), again.err)
        XCTAssertEqual(try cli.run(["panel", "move", id, "WM-00007", "--up"]).out, "panel \(id): WM-00007 moved to 2\n")
        XCTAssertNotEqual(try cli.run(["panel", "move", id, "WM-00007", "--up", "--to", "1"]).code, 0, "one way of moving at a time")
        XCTAssertNotEqual(try cli.run(["panel", "remove", id, "WM-00005"]).code, 0, "a removal needs --reason")
        XCTAssertEqual(try cli.run(["panel", "remove", id, "WM-00005", "--reason", "seen at the PRU review"]).code, 0)
        let agenda = try XCTUnwrap(try cli.json(["panel", "agenda", id, "--format", "json"]) as? [[String: Any]])
        // Asked for the first time, the agenda is built too: the rules' cases come after those added by hand.
        XCTAssertEqual(agenda.prefix(2).compactMap { $0["caseRef"] as? String }, ["WM-00007", "WM-00006"])
        XCTAssertFalse(agenda.contains { $0["caseRef"] as? String == "WM-00005" }, "taken off, it stays off")
        let item = try cli.run(["panel", "item", id, "2"])
        XCTAssertTrue(item.out.hasPrefix("2. WM-00006 "), item.out)
        XCTAssertTrue(item.out.contains("status: pending\nreason: school asked"), item.out)
        XCTAssertTrue(try cli.run(["panel", "item", id, "999"]).err.contains("panel \(id) has items 1–\(agenda.count)"))
        let show = try cli.run(["show", "WM-00005"]).out
        XCTAssertTrue(show.contains("taken off the agenda of the Inclusion panel of 3 Dec 2026 by"), show)
        let minutes = try cli.run(["panel", "minutes", id]).out
        XCTAssertTrue(minutes.contains("## Apologies\n\n- P. Sandhu, EP service"), minutes)
        XCTAssertTrue(minutes.contains("Not reached: \(agenda.count) items — WM-00007, WM-00006, "), minutes)
        XCTAssertTrue(minutes.contains("(seen at the PRU review)"))
        let log = try cli.run(["log"]).out
        for op in ["panel.apologies", "panel.add", "panel.move", "panel.remove"] { XCTAssertTrue(log.contains(op), op) }
    }
}
