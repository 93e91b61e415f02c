import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// A panel meeting is started, ended and reopened only on purpose, and its clock is the stored one.
final class PanelSafetyTests: XCTestCase {
    func testMOpensWithoutStartingAndSStarts() throws {
        let (f, _, id) = try panelFixture()
        f.press([.char("M")])
        XCTAssertEqual(f.console.state.mode, .panel)
        XCTAssertEqual(try f.store.panel(id).status, .planned, "M only opens the panel")
        XCTAssertNil(try f.store.panel(id).startedAt)
        XCTAssertTrue(f.text.contains("S start the meeting"), f.text)
        XCTAssertTrue(f.text.contains("not started"), f.text)
        f.press([.char("d")])
        XCTAssertNil(f.console.state.form, "nothing is recorded before the meeting starts")
        XCTAssertEqual(f.console.state.message, "The meeting has not started: S starts it")
        f.press([.char("S")])
        XCTAssertEqual(try f.store.panel(id).status, .running)
        XCTAssertTrue(try f.store.auditLog().contains { $0.op == "panel.start" && $0.user == "asha.patel" })
    }

    func testEAsksFirstAndCountsWhatIsLeft() throws {
        let (f, _, id) = try panelFixture()
        f.press([.char("M"), .char("S")])
        let n = try XCTUnwrap(f.console.state.panel).record.agenda.count
        f.press([.char("x"), .char("E")])
        XCTAssertEqual(f.console.state.confirm?.question, "End the meeting? \(n - 1) of \(n) item\(n == 1 ? "" : "s") not yet dealt with — y/n")
        XCTAssertTrue(f.text.contains("not yet dealt with"), f.text)
        f.press([.char("n")])
        XCTAssertEqual(try f.store.panel(id).status, .running, "n keeps the meeting going")
        XCTAssertEqual(f.console.state.mode, .panel)
        f.press([.char("E"), .char("y")])
        XCTAssertEqual(try f.store.panel(id).status, .closed)
    }

    /// Issue 14.5: panel mode once moved the change stamp on without taking the changes in, so a
    /// colleague's edit made while the meeting ran never reached the caseload.
    func testAColleaguesChangeIsNotSkippedByStartingTheMeeting() throws {
        let (f, _, _) = try panelFixture()
        let other = try XCTUnwrap(f.console.state.all.first { $0.ref != "WM-00004" }).ref
        // Tom's change lands after the console's last look, while the chair has the panel open.
        f.press([.char("M")])
        _ = try f.store.assign(user: "tom.reid", ref: other, owner: "sam.lee", today: f.today)
        f.press([.char("S"), .char("q")])
        f.console.pollForChanges()
        XCTAssertEqual(f.console.state.all.first { $0.ref == other }?.summary.owner, "sam.lee",
                       "the change is in the caseload, not skipped by the panel moving the stamp on")
    }

    func testTheMeetingClockSurvivesLeavingPanelMode() throws {
        let (f, clock, _) = try panelFixture()
        f.press([.char("M"), .char("S")])
        clock.now += 100
        f.press([.char("q")])
        XCTAssertEqual(f.console.state.mode, .caseload)
        clock.now += 50
        f.press([.char("M")])
        XCTAssertTrue(f.text.contains("meeting 0:02:30"), f.text)
    }

    func testUndoInPanelModeCancelsAPanelActionAndRefusesADecision() throws {
        let (f, _, _) = try panelFixture()
        f.press([.char("M"), .char("S"), .char("a")])
        f.type("Share the timetable")
        f.press([.tab]); f.type("ap")
        f.press([.tab]); f.type("J. Amadi")
        f.press([.ctrl("s")])
        let ref = try XCTUnwrap(f.console.state.panel?.current).item.caseRef
        XCTAssertEqual(f.console.state.panel?.current?.actions.count, 1)
        f.press([.char("u")])
        XCTAssertEqual(f.console.state.confirm?.question, "\(ref): panel action “Share the timetable” added — undo? y/n")
        f.press([.char("y")])
        XCTAssertEqual(try f.store.caseFile(ref).actions.first { $0.description == "Share the timetable" }?.status, .cancelled)
        XCTAssertEqual(f.console.state.panel?.current?.actions.first?.status, .cancelled, "the panel shows it at once")
        f.press([.char("d"), .char("a"), .char("p"), .ctrl("s"), .char("u")])
        XCTAssertNil(f.console.state.confirm)
        XCTAssertTrue(f.console.state.message.contains("a panel decision is in the minutes and the chronology"), f.console.state.message)
    }

    func testTheChairReopensAnEndedPanelToCorrectIt() throws {
        let (f, _, id) = try panelFixture()
        f.press([.char("M"), .char("S"), .char("E"), .char("y")])
        XCTAssertEqual(try f.store.panel(id).status, .closed)
        // With none planned, M shows the last ended panel; O asks, then reopens it.
        f.press([.char("M")])
        XCTAssertEqual(f.console.state.panel?.record.panel.id, id)
        XCTAssertTrue(f.text.contains("O reopen"), f.text)
        f.press([.char("d")])
        XCTAssertEqual(f.console.state.message, "This panel has ended: O reopens it to correct it")
        f.press([.char("O")])
        XCTAssertEqual(f.console.state.confirm?.action, .reopenPanel(id))
        f.press([.char("y")])
        XCTAssertEqual(try f.store.panel(id).status, .running)
        XCTAssertTrue(try f.store.auditLog().contains { $0.op == "panel.reopen" && $0.user == "asha.patel" })
        f.press([.char("d")])
        XCTAssertNotNil(f.console.state.form, "reopened, the decision can be corrected")
    }
}
