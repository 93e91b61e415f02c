import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// "close" ends the casework, so the console asks before saving it; the other decisions save at once.
final class PanelCloseDecisionTests: XCTestCase {
    func testCloseAsksFirstThenClosesTheCase() throws {
        let (f, _, id) = try panelFixture()
        f.press([.char("M"), .char("S")])
        let ref = try XCTUnwrap(f.console.state.panel?.current).item.caseRef
        f.press([.char("d"), .char("c"), .char("l"), .tab])
        XCTAssertEqual(f.console.state.form?["decision"], "close")
        f.type("Settled at Kingsmead")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.confirm?.question, "Close case \(ref) with the panel's decision? y/n")
        // n: nothing saved, the form stays as typed.
        f.press([.char("n")])
        XCTAssertEqual(f.console.state.form?["note"], "Settled at Kingsmead")
        XCTAssertTrue(try f.store.caseFile(ref).case.isOpen)
        XCTAssertNil(try f.store.panelItem(panelId: id, caseRef: ref).decision)
        // Saved again and confirmed: the case closes with the panel's decision as its reason.
        f.press([.ctrl("s"), .char("y")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(f.console.state.message, "\(ref): decision recorded — close · case closed")
        let c = try f.store.caseFile(ref).case
        XCTAssertEqual(c.status, .closed)
        XCTAssertEqual(c.closureReason, "Panel 2026-11-26: close — Settled at Kingsmead")
        XCTAssertTrue(try f.store.auditLog(caseRef: ref).contains { $0.op == "panel.close" })
    }

    func testTheDecisionListIsTheCLIs() throws {
        let (f, _, _) = try panelFixture()
        f.press([.char("M"), .char("S"), .char("d")])
        let form = try XCTUnwrap(f.console.state.form)
        let field = try XCTUnwrap(form.fields.first { $0.key == "decision" })
        guard case .pick(let options) = field.kind else { return XCTFail("the decision is picked from a list") }
        XCTAssertEqual(options, PanelDecision.allCases.map(\.label))
    }
}
