import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// `u` offers only this officer's newest change on the case on screen, refuses what the record
/// never rewrites, and refuses after anyone else has changed the record since.
final class UndoSafetyTests: XCTestCase {
    /// Opens a case by searching for the child's name.
    func open(_ f: ConsoleFixture, _ name: String) {
        if f.console.state.mode == .caseDetail { f.press([.char("q")]) }
        f.press([.escape, .char("/")])
        f.type(name)
        f.press([.enter, .enter])
    }

    func testUndoOffersOnlyTheCaseOnScreenAndRefusesAContact() throws {
        let f = try ConsoleFixture()
        // An owner change on Amira Haddad's case, then a contact on Maya Levi's.
        open(f, "haddad")
        XCTAssertEqual(f.console.state.detail?.file.case.ref, "WM-00002")
        f.press([.char("w"), .ctrl("u")])
        f.type("asha.patel")
        f.press([.ctrl("s")])
        XCTAssertEqual(try f.store.case("WM-00002")?.owner, "asha.patel")
        open(f, "levi")
        f.press([.char("c"), .tab])
        f.type("Mum says Maya is anxious")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)

        f.press([.char("u")])
        XCTAssertNil(f.console.state.confirm, "a contact is never offered for undo")
        XCTAssertTrue(f.console.state.message.contains("WM-00004"), f.console.state.message)
        XCTAssertTrue(f.console.state.message.contains("a contact is part of the chronology and is never removed: record a correction note instead"),
                      f.console.state.message)
        XCTAssertFalse(f.text.contains("WM-00002"), "another child's change is never offered")

        // On a case with nothing of mine: says so.
        open(f, "okafor")
        f.press([.char("u")])
        XCTAssertNil(f.console.state.confirm)
        XCTAssertEqual(f.console.state.message, "Nothing of yours to undo on WM-00001 in this session")

        // Back on Amira's case, the owner change is offered and undone.
        open(f, "haddad")
        f.press([.char("u")])
        XCTAssertEqual(f.console.state.confirm?.question, "WM-00002: owner tom.reid → asha.patel — undo? y/n")
        f.press([.char("y")])
        XCTAssertEqual(try f.store.case("WM-00002")?.owner, "tom.reid")
        XCTAssertTrue(try f.store.caseFile("WM-00004").chronology.contains { $0.kind == .contact }, "the contact stays")
    }

    func testUndoAfterAnotherOfficersChangeIsRefusedNamingThem() throws {
        let f = try ConsoleFixture()
        open(f, "levi")
        f.press([.char("t"), .right, .ctrl("s")])
        XCTAssertEqual(try f.store.case("WM-00004")?.status, .open)
        // Tom changes the case afterwards, from the CLI or another console.
        try f.store.setStatus(user: "tom.reid", ref: "WM-00004", status: .monitoring, today: f.today)
        f.press([.char("u")])
        XCTAssertEqual(f.console.state.confirm?.question, "WM-00004: status referral → open — undo? y/n")
        f.press([.char("y")])
        XCTAssertEqual(try f.store.case("WM-00004")?.status, .monitoring, "Tom's later change is not overwritten")
        let m = f.console.state.message
        XCTAssertTrue(m.hasPrefix("Not undone:") && m.contains("changed by tom.reid at 2026-11-23T09:00:00Z"), m)
    }

    func testEachKindIsUndoneAsANewAuditedChangeOrRefusedByName() throws {
        let f = try ConsoleFixture()
        open(f, "okafor")
        // A note is withdrawn, not deleted.
        f.press([.char("n")])
        f.type("Wrong child")
        f.press([.ctrl("s"), .char("u")])
        XCTAssertEqual(f.console.state.confirm?.question, "WM-00001: note “Wrong child” added — undo? y/n")
        f.press([.char("y")])
        let chron = try f.store.caseFile("WM-00001").chronology
        XCTAssertTrue(chron.contains { $0.kind == .note && $0.text == "Wrong child" }, "the note stays in the record")
        XCTAssertTrue(chron.contains { $0.kind == .undo && $0.text.contains("withdrawn") })
        // An action added is cancelled; an action done is reopened.
        f.press([.char("a")])
        f.type("Book a meeting")
        f.press([.tab])
        f.type("cam")
        f.press([.ctrl("s"), .char("u"), .char("y")])
        let added = try XCTUnwrap(try f.store.caseFile("WM-00001").actions.first { $0.description == "Book a meeting" })
        XCTAssertEqual(added.status, .cancelled)
        f.press([.char("d")])
        f.type("Seen by CAMHS")
        f.press([.ctrl("s")])
        let done = try XCTUnwrap(try f.store.caseFile("WM-00001").actions.first { $0.description == "Referral for assessment" })
        XCTAssertEqual(done.status, .done)
        f.press([.char("u"), .char("y")])
        XCTAssertEqual(try f.store.caseFile("WM-00001").actions.first { $0.description == "Referral for assessment" }?.status, .open)
        // A reflection is refused with what to do instead.
        f.press([.char("R")])
        f.type("Argument in the corridor")
        f.press([.ctrl("s"), .char("u")])
        XCTAssertNil(f.console.state.confirm)
        XCTAssertTrue(f.console.state.message.contains("a reflection is kept as written"), f.console.state.message)

        // The out-of-school record is put back as it was.
        _ = try f.store.setOutOfSchool(user: "setup", childRef: "C2", date: f.today, describe: "seed") { $0.educator = "Mrs Ali" }
        f.console.pollForChanges()
        open(f, "haddad")
        f.press([.char("E")])
        for _ in 0..<5 { f.press([.tab]) }
        XCTAssertEqual(f.console.state.form?["educator"], "Mrs Ali")
        f.press([.ctrl("u")])
        f.type("Mr Brown")
        f.press([.ctrl("s")])
        XCTAssertEqual(try f.store.outOfSchoolRecord("C2")?.educator, "Mr Brown")
        f.press([.char("u"), .char("y")])
        XCTAssertEqual(try f.store.outOfSchoolRecord("C2")?.educator, "Mrs Ali", f.console.state.message)
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00002").contains { $0.op == "outOfSchool.set" && $0.user == "asha.patel" })
    }
}
