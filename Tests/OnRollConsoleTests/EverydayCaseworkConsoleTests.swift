import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// Everyday casework by keys: the EHE annual contact, the review date, the panel flag, cancelling and
/// rescheduling actions, voice, handing a case over, closing with work open, and the overdue list.
final class EverydayCaseworkConsoleTests: XCTestCase {
    func open(_ f: ConsoleFixture, _ search: String) {
        f.type("/" + search)
        f.press([.enter, .enter])
        XCTAssertEqual(f.console.state.mode, .caseDetail, f.console.state.message)
    }

    func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }

    /// Maya Levi (C4) is home educated: her EHE case, with the console re-read.
    func eheFixture() throws -> (ConsoleFixture, String) {
        let f = try ConsoleFixture()
        let c = try f.store.openCase(user: "asha.patel", childRef: "C4", kind: .ehe, owner: nil, summary: "Deregistered for EHE",
                                     today: d("2026-10-05"))
        f.press([.ctrl("r")])
        return (f, c.ref)
    }

    func testAHomeVisitSeeingTheChildIsRecordedAsTheAnnualContact() throws {
        let (f, ref) = try eheFixture()
        open(f, ref)
        f.press([.char("A")])
        XCTAssertEqual(f.console.state.form?.title, "EHE annual contact (last none) — \(ref) Maya Levi")
        XCTAssertEqual(f.console.state.form?["type"], "home visit")
        XCTAssertEqual(f.console.state.form?["seen"], "yes")
        f.press([.tab, .tab]); f.type("Good routine, reading well")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.confirm)
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(f.console.state.message, "EHE annual contact recorded: the next is due by 2027-11-23")
        XCTAssertEqual(try f.store.outOfSchoolRecord("C4")?.lastAnnualContact, f.today)
        let clock = f.console.state.detail?.assessment.deadlines.first { $0.kind == DeadlineKind.eheAnnualContact }
        XCTAssertEqual(clock?.due, d("2027-11-23"))

        // A phone call asks first, then is an ordinary contact: the annual date does not move.
        f.press([.char("A"), .right, .right])
        XCTAssertEqual(f.console.state.form?["type"], "phone call")
        f.press([.tab, .tab]); f.type("Dad rang")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.confirm?.question,
                       "Not the annual contact: a phone call is not a home visit; the annual contact is a home visit at which the child is seen. Record it as a contact anyway? y/n")
        f.press([.char("y")])
        XCTAssertNil(f.console.state.form)
        XCTAssertEqual(f.console.state.message, "Contact recorded (not the annual contact)")
        XCTAssertEqual(try f.store.caseFile(ref).chronology.filter { $0.contactType == "phone call" }.map(\.text), ["phone call: Dad rang"])

        // On a case that is not EHE, A says what to use instead.
        f.press([.escape, .escape])
        open(f, "Okafor")
        f.press([.char("A")])
        XCTAssertNil(f.console.state.form)
        XCTAssertEqual(f.console.state.message, "WM-00001 is not an EHE case: c records a contact")
    }

    func testCancellingAnActionNeedsAReasonAndUndoReopensIt() throws {
        let f = try ConsoleFixture()
        open(f, "Okafor")
        f.press([.tab, .tab, .tab])
        XCTAssertEqual(f.console.state.tab, .actions)
        f.press([.char("x")])
        let title = try XCTUnwrap(f.console.state.form?.title)
        XCTAssertTrue(title.hasPrefix("Cancel action 1 (CAMHS): Referral for assessment"), title)
        f.press([.ctrl("s")])
        XCTAssertNotNil(f.console.state.form, "no reason, no cancel")
        XCTAssertEqual(f.console.state.form?.fields.first?.error, "required")
        f.type("Family moved out of area")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(f.console.state.message, "Action 1 cancelled: Family moved out of area")
        let a = try XCTUnwrap(try f.store.action(1))
        XCTAssertEqual(a.status, .cancelled)
        XCTAssertEqual(a.outcome, "Family moved out of area")
        XCTAssertTrue(f.text.contains("cancelled"), f.text)
        f.press([.char("u"), .char("y")])
        XCTAssertEqual(try f.store.action(1)?.status, .open)
    }

    func testReschedulingAnActionAsksWhenStillOverdue() throws {
        let f = try ConsoleFixture()
        open(f, "Okafor")
        f.press([.char("D")])
        XCTAssertEqual(f.console.state.form?["due"], "2026-12-07", "two weeks from today, the old date being past")
        f.press([.ctrl("u")]); f.type("2026-11-20")
        f.press([.tab]); f.type("Clinic postponed")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.confirm?.question, "Due 2026-11-20 is still overdue — save anyway? y/n")
        f.press([.char("n")])
        XCTAssertNotNil(f.console.state.form)
        f.press([.up, .ctrl("u")]); f.type("2026-12-04")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(try f.store.action(1)?.due, d("2026-12-04"))
        XCTAssertTrue(try f.store.caseFile("WM-00001").chronology.contains {
            $0.text == "Action rescheduled (CAMHS): Referral for assessment — due 2026-11-10 → 2026-12-04 (Clinic postponed)"
        })
    }

    func testOverdueActionsListOpensEachCaseAndEscGoesBackToIt() throws {
        let f = try ConsoleFixture(width: 100, height: 24)
        _ = try f.store.addAction(user: "asha.patel", caseRef: "WM-00004", agency: "school", description: "Attendance meeting",
                                  owner: nil, due: d("2026-11-18"), today: d("2026-11-16"))
        f.press([.ctrl("r"), .char("A")])
        XCTAssertEqual(f.console.state.mode, .overdueActions)
        XCTAssertEqual(f.console.state.overdueActions.map(\.action.caseRef), ["WM-00001", "WM-00004"], "most overdue first")
        let screen = f.text
        XCTAssertTrue(screen.contains("Overdue actions · 2 across the caseload"), screen)
        XCTAssertTrue(screen.contains("›2026-11-10 13d  WM-00001  Sam Okafor       CAMHS         dr.lee      Referral for assessment"), screen)
        XCTAssertTrue(screen.contains(" 2026-11-18 5d   WM-00004  Maya Levi        school        tom.reid    Attendance meeting"), screen)
        f.press([.down, .enter])
        XCTAssertEqual(f.console.state.mode, .caseDetail)
        XCTAssertEqual(f.console.state.detail?.file.case.ref, "WM-00004")
        XCTAssertEqual(f.console.state.tab, .actions)
        let picked = try XCTUnwrap(f.console.state.detail).file.actions[f.console.state.actionSelection]
        XCTAssertEqual(picked.description, "Attendance meeting")
        // Done from the case: back on the list, it has gone.
        f.press([.char("d")]); f.type("Meeting held")
        f.press([.ctrl("s")])
        f.press([.escape])
        XCTAssertEqual(f.console.state.mode, .overdueActions)
        XCTAssertEqual(f.console.state.overdueActions.map(\.action.caseRef), ["WM-00001"])
        // From the list itself: D on the selected action moves it off the list.
        f.press([.char("D")])
        XCTAssertTrue(f.console.state.form?.title.hasPrefix("Reschedule action 1 (CAMHS)") ?? false, f.console.state.form?.title ?? "no form")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(f.console.state.mode, .overdueActions)
        XCTAssertEqual(f.console.state.overdueActions.count, 0)
        XCTAssertEqual(try f.store.action(1)?.due, d("2026-12-07"))
        f.press([.char("q")])
        XCTAssertEqual(f.console.state.mode, .caseload)
    }

    func testEscKeepsTheViewAndTheOwnerFilterReachesUnassigned() throws {
        let (f, ref) = try eheFixture()
        f.press([.char("2")])
        XCTAssertEqual(f.console.state.view, .overdue)
        let overdue = f.console.state.visible.count
        f.press([.enter, .escape])
        XCTAssertEqual(f.console.state.mode, .caseload)
        XCTAssertEqual(f.console.state.view, .overdue, "back from the case on the same view")
        f.press([.escape])
        XCTAssertEqual(f.console.state.view, .overdue, "Esc clears filters, not the view")
        XCTAssertEqual(f.console.state.visible.count, overdue)
        XCTAssertEqual(f.console.state.message, "Filters cleared; view kept: Overdue reviews and actions (0 for all)")
        f.press([.char("0"), .char("o")])
        XCTAssertEqual(f.console.state.filter.owner, "asha.patel")
        f.press([.char("o"), .char("o")])
        XCTAssertEqual(f.console.state.filter.owner, "")
        XCTAssertEqual(f.console.state.message, "Owner: unassigned · 1 cases")
        XCTAssertEqual(f.console.state.selected?.ref, ref)
        f.press([.char("o")])
        XCTAssertNil(f.console.state.filter.owner)
    }

    func testHandingOverPicksAKnownOfficerAsksOnANearMissAndMovesTheLead() throws {
        let f = try ConsoleFixture()
        try f.store.addProfessional(user: "asha.patel", Professional(caseRef: "WM-00001", agency: "education welfare", role: "EWO",
                                                                     name: "asha.patel", contact: nil, since: d("2026-09-10"), isLead: true),
                                    date: d("2026-09-10"))
        f.press([.ctrl("r")])
        open(f, "Okafor")
        f.press([.char("w")])
        XCTAssertEqual(f.console.state.form?.fields.map(\.key), ["owner", "new", "handover", "lead"])
        // A typo of a known officer asks, and n goes back to the form.
        f.press([.tab]); f.type("tom.reed")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.confirm?.question, "'tom.reed' is not an officer OnRoll knows — did you mean tom.reid? y makes tom.reed a new owner · n to edit")
        f.press([.char("n")])
        XCTAssertNotNil(f.console.state.form)
        XCTAssertEqual(try f.store.case("WM-00001")?.owner, "asha.patel", "nothing saved")
        // Pick tom.reid from the list instead, with a handover note; the lead moves with the case.
        f.press([.ctrl("u"), .up])
        f.type("tom")
        XCTAssertEqual(f.console.state.form?["owner"], "tom.reid")
        f.press([.tab, .tab]); f.type("Mum prefers texts")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.confirm)
        XCTAssertNil(f.console.state.form, f.console.state.message)
        XCTAssertEqual(f.console.state.message, "WM-00001 now owned by tom.reid, lead professional too; handover note saved")
        XCTAssertEqual(try f.store.team(caseRef: "WM-00001", includeLeft: false).map(\.name), ["tom.reid"])
        XCTAssertTrue(try f.store.caseFile("WM-00001").chronology.contains { $0.text == "Handover to tom.reid: Mum prefers texts" })
    }

    func testClosingWarnsOfOpenActionsAndPanelItems() throws {
        let f = try ConsoleFixture()
        let p = try f.store.newPanel(user: "asha.patel", date: d("2026-12-02"), type: .inclusion, chair: nil)
        _ = try f.store.addItem(user: "asha.patel", panelId: p.id!, caseRef: "WM-00001", reason: "flagged", today: f.today)
        open(f, "Okafor")
        f.press([.char("t"), .char("c"), .tab]); f.type("Back in school full time")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.confirm?.question,
                       "WM-00001 has an open action (1) and an item on panel \(p.id!) (2026-12-02) — close anyway? y/n")
        f.press([.char("n")])
        XCTAssertEqual(try f.store.case("WM-00001")?.status, .open)
        f.press([.ctrl("s"), .char("y")])
        XCTAssertEqual(try f.store.case("WM-00001")?.status, .closed)
    }

    func testReviewDatePanelFlagAndVoice() throws {
        let f = try ConsoleFixture()
        open(f, "Okafor")
        f.press([.char("V")])
        XCTAssertEqual(f.console.state.form?["date"], "2026-11-30")
        f.press([.ctrl("u")]); f.type("2026-12-14")
        f.press([.ctrl("s")])
        XCTAssertEqual(try f.store.case("WM-00001")?.nextReview, d("2026-12-14"))
        f.press([.char("F")])
        XCTAssertEqual(try f.store.case("WM-00001")?.flaggedForPanel, true)
        XCTAssertEqual(f.console.state.message, "WM-00001 flagged for the next panel (F again to unflag)")
        XCTAssertTrue(f.text.contains("next review 2026-12-14 · flagged for panel (F to unflag)"), f.text)
        f.press([.char("F")])
        XCTAssertEqual(try f.store.case("WM-00001")?.flaggedForPanel, false)
        f.press([.char("v")])
        XCTAssertEqual(f.console.state.form?["pupil"], "Wants to be listened to")
        f.press([.tab, .ctrl("u")]); f.type("Mornings are better now")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.message, "Voice recorded (parent/carer)")
        XCTAssertEqual(try f.store.child("C1")?.parentVoice, "Mornings are better now")
        XCTAssertTrue(f.text.contains("Mornings are better now"), f.text)
        let texts = try f.store.caseFile("WM-00001").chronology.map(\.text)
        XCTAssertTrue(texts.contains("Parent/carer voice: Mornings are better now"))
        XCTAssertFalse(texts.contains { $0.hasPrefix("Pupil voice:") }, "unchanged, so not recorded again")
    }

    func testNotesOnContactsAndPlanReviewVoice() throws {
        let f = try ConsoleFixture()
        open(f, "Okafor")
        f.press([.char("c")])
        XCTAssertEqual(f.console.state.form?.fields.map(\.key), ["type", "outcome", "seen", "note", "date"])
        f.press([.tab]); f.type("no answer")
        f.press([.tab, .tab]); f.type("Left a card")
        f.press([.ctrl("s")])
        XCTAssertTrue(try f.store.caseFile("WM-00001").chronology.contains { $0.text == "home visit: no answer — Left a card" })

        // A plan review takes the pupil's and the parent's voice and a note.
        let plan = try f.store.newPlan(user: "pru.head", ReintegrationPlan(caseRef: "WM-00003", fromURN: "140002", toURN: "140001",
                                                                            start: d("2026-09-14"), target: d("2027-02-12"), reviewEvery: 10))
        try f.store.addPhase(user: "pru.head", PlanPhase(planId: plan.id!, from: d("2026-11-02"), to: d("2026-12-18"), sessions: 5))
        f.press([.escape, .escape, .ctrl("r")])
        open(f, "王")
        f.press([.char("r")])
        let keys = try XCTUnwrap(f.console.state.form).fields.map(\.key)
        XCTAssertEqual(Array(keys.suffix(3)), ["pupil", "parent", "note"])
        f.press([.tab]); f.type("8")
        for _ in 0..<9 { f.press([.tab]) }
        f.type("Maths is good"); f.press([.tab]); f.type("Calmer at home"); f.press([.tab]); f.type("Taxi arranged")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        let r = try XCTUnwrap(try f.store.plan(plan.id!).reviews.last)
        XCTAssertEqual([r.pupilVoice, r.parentVoice, r.note], ["Maths is good", "Calmer at home", "Taxi arranged"])
    }
}
