import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// Keys driven into the update loop, checked against the state and the store.
final class KeySequenceTests: XCTestCase {
    func testSearchNarrowsTheListAsYouType() throws {
        let f = try ConsoleFixture()
        XCTAssertEqual(f.console.state.visible.count, 4)
        f.press([.char("/")])
        f.type("ok")
        XCTAssertEqual(f.console.state.visible.count, 1)
        XCTAssertEqual(f.console.state.selected?.ref, "WM-00001")
        f.press([.backspace, .backspace])
        f.type("WM-0000")
        XCTAssertEqual(f.console.state.visible.count, 4)
        f.type("3")
        XCTAssertTrue(f.console.state.selected?.summary.childName.contains("王") == true)
        f.press([.escape])
        XCTAssertEqual(f.console.state.visible.count, 4)
    }

    func testSearchByUPNAndPreferredName() throws {
        let f = try ConsoleFixture()
        f.press([.char("/")])
        f.type("H80120000")
        XCTAssertEqual(f.console.state.visible.map { f.console.state.all[$0].ref }, ["WM-00001"])
        f.press([.escape, .char("/")])
        f.type("sam ")
        XCTAssertEqual(f.console.state.visible.count, 1)
    }

    func testNoteFormSavesThroughTheStore() throws {
        let f = try ConsoleFixture()
        f.press([.char("/")])
        f.type("haddad")
        f.press([.enter, .enter, .char("n")])
        f.type("Home visit: no answer, card left")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form)
        XCTAssertEqual(f.console.state.message, "Note saved")
        let chron = try f.store.caseFile("WM-00002").chronology
        XCTAssertEqual(chron.first?.text, "Home visit: no answer, card left")
        XCTAssertEqual(chron.first?.author, "asha.patel")
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00002").contains { $0.op == "note.add" })
    }

    func testActionFormPicksAnAgencyAndSaves() throws {
        let f = try ConsoleFixture()
        f.press([.char("a")])
        f.type("Ask school for attendance")
        f.press([.tab, .char("s"), .char("p")])   // type-ahead: "sp" → speech and language
        XCTAssertEqual(f.console.state.form?["agency"], "speech and language")
        f.press([.char("c")])                     // no option starts "spc": start again at "c" → CAMHS
        XCTAssertEqual(f.console.state.form?["agency"], "CAMHS")
        f.type("educational p")
        XCTAssertEqual(f.console.state.form?["agency"], "educational psychology", "a space continues the typed name")
        f.press([.right])
        XCTAssertEqual(f.console.state.form?["agency"], "speech and language")
        f.press([.left, .char("e")])
        XCTAssertEqual(f.console.state.form?["agency"], "education welfare")
        f.press([.enter, .enter, .enter])
        XCTAssertNil(f.console.state.form)
        let actions = try f.store.actions(caseRef: f.console.state.selected!.ref)
        XCTAssertTrue(actions.contains { $0.description == "Ask school for attendance" && $0.agency == "education welfare" })
    }

    func testEscOnAChangedFormAsksBeforeDiscarding() throws {
        let f = try ConsoleFixture()
        let before = try f.store.counts()
        f.press([.char("n")])
        f.type("half a thought")
        f.press([.escape])
        XCTAssertNotNil(f.console.state.confirm)
        XCTAssertTrue(f.text.contains("Discard this note? y/n"))
        f.press([.char("n")])
        XCTAssertNotNil(f.console.state.form, "n keeps editing")
        f.press([.escape, .char("y")])
        XCTAssertNil(f.console.state.form)
        XCTAssertEqual(try f.store.counts(), before, "nothing saved")
    }

    func testEscOnAnUntouchedFormClosesAtOnce() throws {
        let f = try ConsoleFixture()
        f.press([.char("n"), .escape])
        XCTAssertNil(f.console.state.form)
        XCTAssertNil(f.console.state.confirm)
    }

    func testDateFieldValidatesOnLeaving() throws {
        let f = try ConsoleFixture()
        f.press([.char("n")])
        f.type("x")
        f.press([.tab, .ctrl("u")])
        f.type("11/23/2026")
        f.press([.backTab])
        XCTAssertEqual(f.console.state.form?.fields[1].error, "'11/23/2026' has month 23: dates are YYYY-MM-DD or DD/MM/YYYY, never month-first")
        f.press([.ctrl("s")])
        XCTAssertNotNil(f.console.state.form, "an invalid date is not saved")
    }

    func testStatusChangeAndUndoReadsAsAHumanDiff() throws {
        let f = try ConsoleFixture()
        f.press([.char("/")])
        f.type("levi")
        f.press([.enter, .enter, .char("t"), .right])
        XCTAssertEqual(f.console.state.form?["status"], "open")
        f.press([.ctrl("s")])
        XCTAssertEqual(try f.store.case("WM-00004")?.status, .open)
        f.press([.char("u")])
        XCTAssertTrue(f.text.contains("WM-00004: status referral → open — undo? y/n"), f.text)
        f.press([.char("y")])
        XCTAssertEqual(try f.store.case("WM-00004")?.status, .referral)
        let ops = try f.store.auditLog(caseRef: "WM-00004").map(\.op)
        XCTAssertEqual(ops.filter { $0 == "case.status" }.count, 2, "the undo is a new audited change")
    }

    func testSuspensionFormRecordsIt() throws {
        let f = try ConsoleFixture()
        f.press([.char("/")])
        f.type("okafor")
        f.press([.enter, .char("s"), .tab, .ctrl("u")])
        f.type("2.5")
        f.press([.ctrl("s")])
        XCTAssertTrue(f.console.state.message.hasPrefix("Suspension"), f.console.state.message)
        XCTAssertEqual(try f.store.caseFile("WM-00001").suspensions.count, 3)
    }

    func testViewsFilterTheCaseload() throws {
        let f = try ConsoleFixture()
        f.press([.char("1")])
        XCTAssertEqual(Set(f.console.state.visible.map { f.console.state.all[$0].summary.owner }), ["asha.patel"])
        f.press([.char("4")])
        XCTAssertEqual(f.console.state.visible.map { f.console.state.all[$0].ref }, ["WM-00002"])
        f.press([.char("0")])
        XCTAssertEqual(f.console.state.visible.count, 4)
    }

    func testOpeningACaseIsLoggedAsAView() throws {
        let f = try ConsoleFixture()
        f.press([.enter])
        let ref = f.console.state.detail!.file.case.ref
        XCTAssertTrue(try f.store.auditLog(caseRef: ref).contains { $0.op == "view" && $0.user == "asha.patel" })
        f.press([.char("q")])
        XCTAssertEqual(f.console.state.mode, .caseload)
        XCTAssertTrue(f.console.handle(.char("j")))
        XCTAssertFalse(f.console.handle(.char("q")), "q on the caseload quits")
    }

    func testChangesByAnotherOfficerAreNoticed() throws {
        let f = try ConsoleFixture()
        _ = try f.store.openCase(user: "tom.reid", childRef: "C4", kind: .cme, owner: "tom.reid", summary: nil, today: f.today)
        XCTAssertEqual(f.console.state.all.count, 4)
        f.console.pollForChanges()
        XCTAssertEqual(f.console.state.all.count, 5)
        XCTAssertTrue(f.console.state.message.contains("changed elsewhere"))
    }

    func testRuntimeDrawsFramesAndStopsOnQuit() throws {
        let f = try ConsoleFixture()
        let backend = MemoryBackend(width: 80, height: 24, keys: [.char("j"), .char("q")])
        Runtime.run(console: f.console, backend: backend)
        XCTAssertEqual(backend.frames.count, 2)
        XCTAssertTrue(backend.lastScreen!.text.contains("OnRoll · All open cases"))
    }
}

/// Hostile and international names: placeholders, not escapes; columns still line up.
final class HostileTextTests: XCTestCase {
    func testEscapesRTLAndCJKInTheGrid() throws {
        // The importer refuses control characters in names, so put them in through free text,
        // and in a name written to the file behind OnRoll's back (as a bad tool might).
        let f = try ConsoleFixture()
        try forge(f.store.path, "UPDATE children SET forename = ? WHERE ref = 'C4'", ["\u{1B}[2J\u{1B}]52;c;aGk=\u{07}Evil"])
        try f.store.addNote(user: "x", caseRef: "WM-00004", text: "abc\u{202E}cod.exe \u{1B}[31mred", date: f.today)
        f.console.pollForChanges()
        let s = f.screen()
        for c in s.cells { XCTAssertFalse(c.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x202E }) }
        XCTAssertTrue(s.text.contains("␛[2J␛]52;c;aGk=␇Evil"), s.text)
        // The year column starts at the same cell on every row, whatever the script of the name.
        let yearX = (0..<s.width).first { s[$0, 2].text == "Y" && s[$0 + 1, 2].text == "r" }!
        for y in 3..<7 {
            XCTAssertTrue(["Y", "R", "N"].contains(s[yearX, y].text), "row \(y): \(s.lines()[y])")
        }
        f.press([.char("/")])
        f.type("levi")
        f.press([.enter, .enter, .tab, .tab])
        XCTAssertTrue(f.text.contains("abc⍰cod.exe ␛[31mred"), f.text)
    }
}

/// Other officers' work is followed case by case, not by re-assessing the whole caseload.
final class FollowChangesTests: XCTestCase {
    func testOnlyTheCasesTouchedElsewhereAreReRead() throws {
        let f = try ConsoleFixture()
        let before = try f.store.changeStamp()
        let scoreBefore = try XCTUnwrap(f.console.state.all.first { $0.ref == "WM-00001" }).score
        try f.store.addNote(user: "tom.reid", caseRef: "WM-00002", text: "Seen at the library", date: f.today)
        // A suspension names a child, not a case: it reaches every open case of that child.
        try f.store.addSuspension(user: "tom.reid", Suspension(childRef: "C1", start: f.today, days: 1, reason: .DB), today: f.today)
        let changes = try f.store.changes(since: before)
        XCTAssertFalse(changes.needsFullReload, "case and child changes are followed one by one")
        XCTAssertEqual(changes.caseRefs, ["WM-00001", "WM-00002"])
        f.console.pollForChanges()
        XCTAssertEqual(f.console.state.message, "Updated: 2 cases changed elsewhere")
        let wm1 = f.console.state.all.first { $0.ref == "WM-00001" }
        // The re-read row scores as the whole case assessed now, which the new suspension has moved.
        XCTAssertEqual(wm1?.score, try f.store.assessedCase("WM-00001", today: f.today).score, "the row is the re-read case")
        XCTAssertNotEqual(wm1?.score, scoreBefore, "the new suspension is in the re-read case's row")
        // Views alone change nothing on screen.
        try f.store.logView(user: "tom.reid", caseRef: "WM-00003", via: "show")
        f.console.pollForChanges()
        XCTAssertEqual(f.console.state.message, "Updated: 2 cases changed elsewhere", "a view is not a change")
        // New term dates can move every deadline: everything is re-read.
        _ = try f.store.importCSV(.terms, data: Data("academic_year,term,start,end\n2027/28,autumn,2027-09-01,2027-10-22\n".utf8),
                                  fileName: "terms.csv", user: "tom.reid")
        XCTAssertTrue(try f.store.changes(since: try f.store.changeStamp() - 1).needsFullReload)
        f.console.pollForChanges()
        XCTAssertEqual(f.console.state.message, "Updated: 4 cases changed elsewhere")
    }

    func testMyOwnSaveAlsoPicksUpWhatOthersWroteMeanwhile() throws {
        let f = try ConsoleFixture()
        try f.store.addNote(user: "tom.reid", caseRef: "WM-00004", text: "Mum rang", date: f.today)
        f.press([.char("/")])
        f.type("okafor")
        f.press([.enter, .char("n")])
        f.type("My note")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.message, "Note saved")
        let wm4 = try XCTUnwrap(f.console.state.all.first { $0.ref == "WM-00004" })
        XCTAssertEqual(wm4.ref, "WM-00004")
        f.console.pollForChanges()
        XCTAssertEqual(f.console.state.message, "Note saved", "nothing left to follow after my own save")
    }
}

final class EHCFormTests: XCTestCase {
    func testEHCStepsByKeysReachTheStoreAndTheClocks() throws {
        let f = try ConsoleFixture()
        f.press([.char("/")])
        f.type("levi")
        f.press([.enter, .enter, .char("H")])
        XCTAssertEqual(f.console.state.form?.title, "EHC needs assessment — WM-00004 Maya Levi")
        f.type("2026-09-01")
        f.press([.tab])
        f.type("20/10/2026")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.message, "EHC steps saved for WM-00004")
        let c = try XCTUnwrap(try f.store.case("WM-00004"))
        XCTAssertEqual(c.ehcRequest?.iso, "2026-09-01")
        XCTAssertEqual(c.ehcDecision?.iso, "2026-10-20")
        let week6 = f.console.state.detail?.assessment.deadlines.first { $0.kind == DeadlineKind.ehcWeek6 }
        XCTAssertEqual(week6?.state, .breached, "decided after the 13 Oct six-week point")
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00004").contains { $0.op == "case.ehc" })
    }
}
