import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// The cursor stays on the same child whatever rebuilds the list under it, so the next key acts on
/// the case the officer was looking at; every form says which child it is for.
final class SelectionFollowsCaseTests: XCTestCase {
    var selectedRef: (ConsoleFixture) -> String? = { $0.console.state.selected?.ref }

    /// A case that is not first in the caseload (so staying at row 0 would land on another child).
    func notFirst(_ f: ConsoleFixture) throws -> AssessedCase {
        let s = f.console.state
        XCTAssertGreaterThan(s.visible.count, 2)
        return try f.store.assessedCase(s.all[s.visible[2]].ref, today: f.today)
    }

    func testClearingASearchKeepsTheChildUnderTheCursor() throws {
        let f = try ConsoleFixture()
        let target = try notFirst(f)
        let ref = target.file.case.ref, name = target.file.child.surname
        // Enter keeps the search; Esc on the caseload clears it.
        f.press([.char("/")])
        f.type(name)
        f.press([.enter])
        XCTAssertEqual(selectedRef(f), ref)
        f.press([.escape])
        XCTAssertEqual(f.console.state.visible.count, 4, "the search is cleared")
        XCTAssertEqual(selectedRef(f), ref)
        f.press([.char("n")])
        XCTAssertEqual(f.console.state.form?.title, "Note — \(ref) \(target.file.child.displayName)")
        f.press([.escape])
        // Esc while still typing clears it too.
        f.press([.char("/")])
        f.type(name)
        f.press([.escape])
        XCTAssertEqual(f.console.state.visible.count, 4)
        XCTAssertEqual(selectedRef(f), ref)
    }

    func testAnotherOfficersChangeAndReloadKeepTheCase() throws {
        let f = try ConsoleFixture()
        let target = try notFirst(f)
        let ref = target.file.case.ref
        f.press([.char("j"), .char("j")])
        XCTAssertEqual(selectedRef(f), ref)
        // Tom closes the first case: every row below it moves up.
        let first = f.console.state.all[f.console.state.visible[0]].ref
        try f.store.closeCase(user: "tom.reid", ref: first, reason: "moved away", today: f.today)
        f.console.pollForChanges()
        XCTAssertEqual(f.console.state.visible.count, 3)
        XCTAssertEqual(selectedRef(f), ref, "the poll keeps the cursor on the child")
        // A new case ranks in above it; Ctrl-R reloads.
        _ = try f.store.openCase(user: "tom.reid", childRef: "C4", kind: .cme, owner: "tom.reid", summary: nil, today: f.today)
        f.press([.ctrl("r")])
        XCTAssertEqual(selectedRef(f), ref, "Ctrl-R keeps the cursor on the child")
    }

    func testMyOwnSaveKeepsTheCaseWhenItReranks() throws {
        let f = try ConsoleFixture()
        let target = try notFirst(f)
        f.press([.char("j"), .char("j")])
        // A suspension on this child re-ranks the list; the cursor goes with the child.
        f.press([.char("s"), .ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(selectedRef(f), target.file.case.ref)
    }

    func testASavedReviewInThePlansViewKeepsThePlanUnderTheCursor() throws {
        let f = try ConsoleFixture()
        func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }
        // Two plans at the PRU, both overdue for review; the first listed is the earlier.
        for (ref, start, reviewed) in [("WM-00003", "2026-09-14", "2026-09-28"), ("WM-00001", "2026-10-05", "2026-10-19")] {
            let p = try f.store.newPlan(user: "pru.head", ReintegrationPlan(caseRef: ref, fromURN: "140002", toURN: "140001", start: d(start),
                                                                             target: d("2027-02-12"), reviewEvery: 10, successCriteria: "Full days"))
            try f.store.addPlanReview(user: "pru.head", PlanReview(planId: p.id!, date: d(reviewed), attended: 4, planned: 4, rag: .green, author: "pru.head"))
        }
        f.press([.ctrl("r"), .char("P")])
        XCTAssertEqual(f.console.state.planRows.map(\.overdue), [true, true], f.text)
        let first = f.console.state.planRows[0].plan.plan.id
        // A review today makes it no longer overdue, so it moves below the other; the cursor goes with it.
        f.press([.char("r")])
        XCTAssertEqual(f.console.state.form?.title.hasPrefix("Review of plan \(first ?? 0) — WM-00003"), true, f.console.state.form?.title ?? "")
        f.press([.tab]); f.type("8")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(f.console.state.planRows.last?.plan.plan.id, first, "the reviewed plan moved down")
        XCTAssertEqual(f.console.state.planRows[f.console.state.planSelection].plan.plan.id, first)
    }

    func testEveryFormTitleNamesTheChildAndTheRef() throws {
        let f = try ConsoleFixture()
        f.press([.char("/")])
        f.type("okafor")
        f.press([.enter, .enter])
        for key in ["n", "a", "d", "s", "t", "w", "c", "O", "R", "m", "E", "H"] {
            f.press([.char(Character(key))])
            let title = f.console.state.form?.title ?? "no form: \(f.console.state.message)"
            XCTAssertTrue(title.hasSuffix("— WM-00001 Sam Okafor"), "\(key): \(title)")
            f.press([.escape])
            if f.console.state.confirm != nil { f.press([.char("y")]) }
        }
    }

    func testCtrlLAsksTheBackendForAFullRepaint() throws {
        let f = try ConsoleFixture()
        let backend = MemoryBackend(width: 80, height: 24, keys: [.char("j"), .ctrl("l"), .char("q")])
        Runtime.run(console: f.console, backend: backend)
        XCTAssertEqual(backend.invalidations, 1)
        XCTAssertFalse(f.console.state.repaintRequested, "asked once, not on every frame")
    }
}
