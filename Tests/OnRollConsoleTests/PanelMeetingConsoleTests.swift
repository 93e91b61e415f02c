import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// The whole meeting from panel mode: go to item N, the agenda edited by hand, attendees and
/// apologies, and the case pane scrolled at 80×24.
final class PanelMeetingConsoleTests: XCTestCase {
    func agenda(_ f: ConsoleFixture) -> [String] { f.console.state.panel?.record.agenda.map(\.item.caseRef) ?? [] }

    func testGGoesToItemNAndSavesTheTimeOnTheItemLeft() throws {
        let (f, clock, id) = try panelFixture()
        f.press([.char("M"), .char("S")])
        let first = agenda(f)[0], third = agenda(f)[2]
        clock.now += 40
        f.press([.char("g")])
        f.type("3")
        f.press([.enter])
        XCTAssertNil(f.console.state.form)
        XCTAssertEqual(f.console.state.panel?.current?.item.caseRef, third)
        XCTAssertEqual(f.console.state.message, "Item 3: \(third)")
        XCTAssertEqual(try f.store.panelItem(panelId: id, caseRef: first).seconds, 40)
        // Past the end is refused, the form kept to correct.
        f.press([.char("g")])
        f.type("9")
        f.press([.enter])
        XCTAssertNotNil(f.console.state.form)
        XCTAssertTrue(f.console.state.message.contains("the agenda has items 1 to 4"), f.console.state.message)
        XCTAssertEqual(f.console.state.panel?.current?.item.caseRef, third)
    }

    func testAddMoveAndTakeOffByKeys() throws {
        let (f, _, id) = try panelFixture()
        f.press([.char("M")])
        let before = agenda(f)
        XCTAssertEqual(before.count, 4)
        // + refuses a case already on; the form stays open to change the ref.
        f.press([.char("+")])
        f.type(before[1].lowercased())
        f.press([.tab])
        f.type("school asked")
        f.press([.ctrl("s")])
        XCTAssertTrue(f.console.state.message.contains("is already on panel \(id)'s agenda (item 2)"), f.console.state.message)
        f.press([.escape, .char("y")])
        // A new case for a child on the agenda, put on by hand, goes at the end; the item in view stays.
        let extra = try f.store.openCase(user: "setup", childRef: try f.store.caseFile(before[0]).child.ref, kind: .ebsa,
                                         owner: nil, summary: nil, today: f.today).ref
        f.press([.char("+")])
        f.type(extra)
        f.press([.tab])
        f.type("school asked for advice")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(agenda(f), before + [extra])
        XCTAssertEqual(f.console.state.panel?.current?.item.caseRef, before[0])
        XCTAssertEqual(f.console.state.message, "\(extra) added to the agenda as item 5 · g 5 goes to it")
        XCTAssertNotNil(f.console.state.panel?.cases[extra], "the new case is assessed for the pane")
        // > moves the item in view down, and it stays in view; < at the top says so.
        f.press([.char(">")])
        XCTAssertEqual(agenda(f), [before[1], before[0], before[2], before[3], extra])
        XCTAssertEqual(f.console.state.panel?.current?.item.caseRef, before[0])
        XCTAssertEqual(f.console.state.panel?.selection, 1)
        f.press([.char("<"), .char("<")])
        XCTAssertEqual(agenda(f), before + [extra])
        XCTAssertEqual(f.console.state.message, "\(before[0]) is already first")
        // - takes the item in view off, with why; the next item comes up.
        f.press([.char("g")]); f.type("5"); f.press([.enter])
        f.press([.char("-")])
        f.press([.ctrl("s")])
        XCTAssertNotNil(f.console.state.form, "a reason is required")
        f.type("added on the wrong panel")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form)
        XCTAssertEqual(agenda(f), before)
        XCTAssertEqual(try f.store.panelItem(panelId: id, caseRef: extra).removalReason, "added on the wrong panel")
        let chron = try f.store.caseFile(extra).chronology.map(\.text)
        XCTAssertTrue(chron.contains("put on the agenda of the Inclusion panel of 26 Nov 2026 by asha.patel: school asked for advice"), "\(chron)")
        XCTAssertTrue(chron.contains("taken off the agenda of the Inclusion panel of 26 Nov 2026 by asha.patel: added on the wrong panel"))
        XCTAssertTrue(try f.store.auditLog(caseRef: before[0]).contains { $0.op == "panel.move" })
    }

    func testAttendeesAndApologiesFromTheConsole() throws {
        let (f, _, id) = try panelFixture()
        f.press([.char("M"), .char("A")])
        f.type("P. Sandhu")
        f.press([.tab])
        f.type("Educational psychology")
        f.press([.tab, .tab, .right])
        XCTAssertEqual(f.console.state.form?["present"], "sent apologies")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.message, "Apologies from P. Sandhu · 1 attending, 1 apologies")
        XCTAssertTrue(f.text.contains("1 attending, 1 apologies") || f.console.state.width < 100)
        // The fixture's attendee again, in other capitals: refused, the form kept.
        f.press([.char("A")])
        f.type("j. amadi")
        f.press([.tab])
        f.type("westmarch pru")
        f.press([.ctrl("s")])
        XCTAssertNotNil(f.console.state.form)
        XCTAssertEqual(f.console.state.message, "Not saved: J. Amadi (Westmarch PRU) is already listed as attending panel \(id)")
        let people = try f.store.panelRecord(id).attendees
        XCTAssertEqual(people.map(\.name), ["J. Amadi", "P. Sandhu"])
        XCTAssertEqual(people.map(\.apologies), [false, true])
        XCTAssertTrue(PanelMinutes.render(try f.store.panelRecord(id), format: .md, redact: false)
            .contains("## Apologies\n\n- P. Sandhu, Educational psychology"))
    }

    func testTheCasePaneScrollsToItsBottomAt80x24() throws {
        let (f, _, _) = try panelFixture()
        // Eighteen open actions make the first item's case far longer than the pane's 21 rows.
        for n in 1...18 {
            try f.store.addAction(user: "setup", caseRef: "WM-00004", agency: "school", description: "Check-in number \(n)",
                                  owner: "Mr Ng", due: f.today.adding(days: n), today: f.today)
        }
        f.press([.char("M"), .char("S")])
        XCTAssertEqual(f.console.state.panel?.current?.item.caseRef, "WM-00004")
        XCTAssertTrue(f.text.contains("more lines below · J/PgDn"), f.text)
        XCTAssertFalse(f.text.contains("Check-in number 18"))
        f.press([.char("J"), .pageDown, .char("J"), .char("J")])
        let bottom = f.text
        XCTAssertTrue(bottom.contains("Check-in number 18"), bottom)
        XCTAssertTrue(bottom.contains("more lines above · K/PgUp"))
        XCTAssertFalse(bottom.contains("below · J/PgDn"))
        assertSnapshot(bottom, named: "panel-pane-bottom-80x24")
        // Back up to the top; moving to another item starts its pane at the top too.
        f.press([.char("K"), .pageUp, .char("K"), .char("K")])
        XCTAssertEqual(f.console.state.panel?.paneScroll, 0)
        f.press([.char("J"), .char("n")])
        XCTAssertEqual(f.console.state.panel?.paneScroll, 0)
    }
}
