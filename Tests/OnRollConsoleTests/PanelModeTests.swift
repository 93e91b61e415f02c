import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// A clock the test moves by hand, so timers read the same every run. It starts at the fixture's
/// pinned audit time (ONROLL_NOW, 2026-11-23T09:00:00Z), which is what the stored start reads.
final class TestClock: @unchecked Sendable {
    var now = 1_795_424_400.0
}

/// A console on a store with one planned panel (26 Nov) and the test's clock.
func panelFixture(width: Int = 80, height: Int = 24) throws -> (ConsoleFixture, TestClock, Int64) {
    let f = try ConsoleFixture(width: width, height: height)
    let p = try f.store.newPanel(user: "setup", date: try SchoolDate.parse("2026-11-26"), type: .inclusion, chair: "Dr R. Lee")
    try f.store.addAttendee(user: "setup", panelId: p.id!, name: "J. Amadi", organisation: "Westmarch PRU")
    try f.store.flagForPanel(user: "setup", ref: "WM-00004", flagged: true, today: f.today)
    let clock = TestClock()
    f.console.clock = { clock.now }
    return (f, clock, p.id!)
}

/// Panel mode driven by keys: decisions, actions, deferral and timers reach the chronology and the audit.
final class PanelModeTests: XCTestCase {
    func makeFixture(width: Int = 80, height: Int = 24) throws -> (ConsoleFixture, TestClock, Int64) {
        try panelFixture(width: width, height: height)
    }

    func testMOpensTheNextPanelAndBuildsItsAgenda() throws {
        let (f, _, id) = try makeFixture()
        f.press([.char("M"), .char("S")])
        XCTAssertEqual(f.console.state.mode, .panel)
        let agenda = try XCTUnwrap(f.console.state.panel).record.agenda
        XCTAssertFalse(agenda.isEmpty)
        XCTAssertTrue(agenda.contains { $0.item.caseRef == "WM-00004" && $0.reasons.contains("flagged for panel") })
        XCTAssertEqual(try f.store.panel(id).status, .running)
        XCTAssertEqual(try f.store.panelRecord(id).agenda.count, agenda.count, "the agenda is saved, not just shown")
    }

    func testDecisionsAndActionsByKeysReachChronologyAndAudit() throws {
        let (f, clock, id) = try makeFixture()
        f.press([.char("M"), .char("S")])
        let first = try XCTUnwrap(f.console.state.panel?.current).item.caseRef
        // d: the decision form; type-ahead to "AP place", a detail, save.
        clock.now += 95
        f.press([.char("d"), .char("a"), .char("p"), .tab])
        XCTAssertEqual(f.console.state.form?["decision"], "AP place")
        f.type("Two terms at the PRU")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form)
        // An AP place is recorded in the team (the provider field left empty: to be named).
        XCTAssertEqual(f.console.state.message, "\(first): decision recorded — AP place · AP place recorded")
        // a: an agreed action with agency, owner and due date.
        f.press([.char("a")])
        f.type("Share the PRU timetable")
        f.press([.tab])
        f.type("ap")
        f.press([.tab])
        f.type("J. Amadi")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        // n: the next item; the 95 s on the first are saved as it is left.
        f.press([.char("n")])
        let second = try XCTUnwrap(f.console.state.panel?.current).item.caseRef
        XCTAssertNotEqual(first, second)
        clock.now += 30
        f.press([.char("d"), .char("o"), .tab])
        XCTAssertEqual(f.console.state.form?["decision"], "other")
        f.type("Ask the school for a risk assessment first")
        f.press([.ctrl("s")])

        let chron1 = try f.store.caseFile(first).chronology
        XCTAssertTrue(chron1.contains { $0.kind == .decision && $0.text == "Inclusion panel 26 Nov 2026: AP place — Two terms at the PRU" && $0.author == "asha.patel" })
        XCTAssertTrue(chron1.contains { $0.kind == .action && $0.text.contains("Share the PRU timetable") && $0.text.contains("AP provider, J. Amadi") })
        let chron2 = try f.store.caseFile(second).chronology
        XCTAssertTrue(chron2.contains { $0.kind == .decision && $0.text == "Inclusion panel 26 Nov 2026: Ask the school for a risk assessment first" })
        let ops1 = try f.store.auditLog(caseRef: first).map(\.op)
        XCTAssertTrue(ops1.contains("panel.decision") && ops1.contains("panel.action") && ops1.contains("panel.timer"))
        XCTAssertTrue(try f.store.auditLog(caseRef: second).contains { $0.op == "panel.decision" })
        let rec = try f.store.panelRecord(id)
        let item1 = try XCTUnwrap(rec.items.first { $0.item.caseRef == first })
        XCTAssertEqual(item1.item.seconds, 95)
        XCTAssertEqual(item1.actions.map(\.agency), ["AP provider"])
        XCTAssertEqual(item1.actions.first?.due?.iso, "2026-12-07")

        // p back, f defers to a panel a week on; x marks the next discussed; E ends the meeting.
        f.press([.char("n"), .char("f")])
        let third = try XCTUnwrap(f.console.state.panel?.current).item.caseRef
        XCTAssertTrue(f.console.state.message.contains("deferred to the panel of 3 Dec 2026"), f.console.state.message)
        XCTAssertEqual(try f.store.panelItem(panelId: id, caseRef: third).status, .deferred)
        clock.now += 60
        f.press([.char("E"), .char("y")])
        XCTAssertEqual(f.console.state.mode, .caseload)
        XCTAssertEqual(try f.store.panel(id).status, .closed)
        XCTAssertTrue(f.console.state.message.hasPrefix("Panel ended after 0:03:05"), f.console.state.message)
    }

    func testTimersOnTheStatusLine() throws {
        let (f, clock, _) = try makeFixture()
        f.press([.char("M"), .char("S")])
        clock.now += 125
        f.press([.char("?"), .escape])   // any key ticks the clock
        XCTAssertTrue(f.text.contains("item 2:05 · meeting 0:02:05"), f.text)
        f.press([.char("n")])
        clock.now += 10
        f.press([.char("?"), .escape])
        XCTAssertTrue(f.text.contains("item 0:10 · meeting 0:02:15"), f.text)
    }

    func testHelpListsThePanelKeys() throws {
        let (f, _, _) = try makeFixture()
        f.press([.char("M"), .char("?")])
        let text = f.text
        for b in KeyMap.bindings(for: .panel) {
            XCTAssertTrue(text.contains(b.label + " "), b.command.title)
        }
    }

    func testPanelModeSnapshots() throws {
        for (w, h) in [(80, 24), (160, 48)] {
            let (f, clock, _) = try makeFixture(width: w, height: h)
            f.press([.char("M"), .char("S")])
            clock.now += 42
            f.press([.char("n"), .char("p")])
            clock.now += 7
            f.press([.char("?"), .escape])
            assertSnapshot(f.text, named: "panel-\(w)x\(h)")
        }
    }
}

/// From panel mode the chair opens the item's whole case and comes back to the same item.
final class PanelOpenCaseTests: XCTestCase {
    func testEnterOpensTheItemsCaseAndQComesBackToTheMeeting() throws {
        let (f, _, _) = try panelFixture()
        f.press([.char("M"), .char("S"), .char("n")])
        let item = try XCTUnwrap(f.console.state.panel?.current).item.caseRef
        f.press([.enter])
        XCTAssertEqual(f.console.state.mode, .caseDetail)
        XCTAssertEqual(f.console.state.detail?.file.case.ref, item)
        f.press([.tab, .tab])   // the case's own tabs work
        XCTAssertEqual(f.console.state.tab, .chronology)
        f.press([.char("q")])
        XCTAssertEqual(f.console.state.mode, .panel)
        XCTAssertEqual(f.console.state.panel?.current?.item.caseRef, item, "back on the same item")
        XCTAssertNil(f.console.state.detail)
    }
}
