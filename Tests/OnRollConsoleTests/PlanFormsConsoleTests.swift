import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// Ending a plan from the plans view, and an action created already overdue, by keys on a real store.
extension CaseworkConsoleTests {
    func testEndingAPlanFromThePlansView() throws {
        let f = try fixture()
        f.press([.char("P"), .char("X")])
        XCTAssertEqual(f.console.state.form?.title, "End plan 1 — WM-00003 小明 王")
        f.press([.right, .right])                  // outcome: broken-down
        f.press([.ctrl("s")])
        XCTAssertNotNil(f.console.state.form, "broken down without a reason is refused")
        XCTAssertTrue(f.text.contains("Not saved: a plan that broke down needs a --reason"), f.text)
        f.press([.tab]); f.type("Placement broke down")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        let p = try f.store.plan(1).plan
        XCTAssertEqual(p.status, .brokenDown)
        XCTAssertEqual(p.endReason, "Placement broke down")
        XCTAssertEqual(p.endedOn, f.today)
        XCTAssertTrue(f.text.contains("Plan 1 ended: broken down"), f.text)
        XCTAssertTrue(f.text.contains("No active plans"), "the ended plan leaves the list\n" + f.text)
    }

    func testAnActionAlreadyOverdueAsksBeforeSaving() throws {
        let f = try ConsoleFixture()
        f.type("/okafor")
        f.press([.enter, .enter, .char("a")])
        f.type("Ring school about the timetable")
        f.press([.tab, .tab, .tab])                // agency, owner, due
        f.press(Array(repeating: .backspace, count: 10)); f.type("2026-11-01")
        let before = try f.store.caseFile("WM-00001").actions.count
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.confirm?.question, "Action due 2026-11-01 is already overdue — save anyway? y/n")
        XCTAssertTrue(f.text.contains("Action due 2026-11-01 is already overdue — save anyway? y/n"), f.text)
        f.press([.char("n")])
        XCTAssertNotNil(f.console.state.form, "no keeps the form to fix the date")
        XCTAssertEqual(try f.store.caseFile("WM-00001").actions.count, before)
        f.press([.ctrl("s"), .char("y")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(try f.store.caseFile("WM-00001").actions.count, before + 1)
        XCTAssertEqual(try f.store.caseFile("WM-00001").actions.last?.due?.iso, "2026-11-01")
    }

    func testAnActionDueTodayOrLaterSavesWithoutAsking() throws {
        let f = try ConsoleFixture()
        f.type("/okafor")
        f.press([.enter, .enter, .char("a")])
        f.type("Home visit")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.confirm)
        XCTAssertNil(f.console.state.form, f.console.state.message)
    }
}
