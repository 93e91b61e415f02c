import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// `N` on the caseload: the front door, by school; Enter opens the child's case and `q` comes back to it.
final class FrontDoorConsoleTests: XCTestCase {
    func testNListsArrivalsBySchoolAndOpensTheirCases() throws {
        let f = try ConsoleFixture()
        _ = try f.store.addSuspension(user: "tom.reid", Suspension(childRef: "C1", start: try SchoolDate.parse("2026-11-20"), days: 2,
                                                                   reason: .DM), today: f.today)
        f.press([.char("N")])
        XCTAssertEqual(f.console.state.mode, .frontDoor)
        let rows = f.console.state.frontDoorRows
        XCTAssertTrue(rows.contains { $0.kind == .suspension && $0.caseRef != nil && $0.detail == "2 days from 2026-11-20 (DM)" }, "\(rows)")
        XCTAssertTrue(f.text.contains("OnRoll · What arrived"), f.text)
        XCTAssertTrue(f.text.contains("2 days from 2026-11-20 (DM)"), f.text)
        // Move to the suspension and open its case; q returns to the front door, q again to the caseload.
        let i = try XCTUnwrap(rows.firstIndex { $0.kind == .suspension })
        f.press(Array(repeating: .char("j"), count: i) + [.enter])
        XCTAssertEqual(f.console.state.mode, .caseDetail)
        XCTAssertEqual(f.console.state.detail?.file.case.ref, rows[i].caseRef)
        f.press([.char("q")])
        XCTAssertEqual(f.console.state.mode, .frontDoor)
        f.press([.char("q")])
        XCTAssertEqual(f.console.state.mode, .caseload)
        // The look was recorded: opening it again shows nothing new.
        f.press([.char("N")])
        XCTAssertEqual(f.console.state.frontDoorRows.count, 0)
        XCTAssertEqual(f.console.state.message, "Nothing new since you last looked")
    }
}
