import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// The plan tab, the PRU review view, the team pane, the reflection form and the out-of-school
/// forms, driven by keys on a real store.
final class CaseworkConsoleTests: XCTestCase {
    func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }

    /// The fixture with a PRU plan on WM-00003 (C3 at the PRU) and a team on WM-00001.
    func fixture(width: Int = 80, height: Int = 24) throws -> ConsoleFixture {
        let f = try ConsoleFixture(width: width, height: height)
        let s = f.store
        let plan = try s.newPlan(user: "pru.head", ReintegrationPlan(caseRef: "WM-00003", fromURN: "140002", toURN: "140001", start: d("2026-09-14"),
                                                                      target: d("2027-02-12"), reviewEvery: 10, successCriteria: "Full days at Hillcrest by February",
                                                                      support: "CAMHS: weekly session; PRU: key adult"))
        let id = plan.id!
        try s.addPhase(user: "pru.head", PlanPhase(planId: id, from: d("2026-09-14"), to: d("2026-10-23"), sessions: 2, description: "two mornings"))
        try s.addPhase(user: "pru.head", PlanPhase(planId: id, from: d("2026-11-02"), to: d("2026-12-18"), sessions: 5, description: "five mornings"))
        try s.addPlanReview(user: "pru.head", PlanReview(planId: id, date: d("2026-09-28"), attended: 4, planned: 4, rag: .green, working: "Key adult at the gate", decision: .continue, author: "pru.head"))
        try s.addPlanReview(user: "pru.head", PlanReview(planId: id, date: d("2026-10-12"), attended: 2, planned: 4, rag: .amber, notWorking: "Monday mornings", decision: .stepUp, author: "pru.head"))
        try s.addProfessional(user: "asha", Professional(caseRef: "WM-00001", agency: "CAMHS", role: "Clinical psychologist", name: "Dr Lee",
                                                         contact: "01632 000111", since: d("2026-10-01"), isLead: true), date: f.today)
        try s.addProfessional(user: "asha", Professional(caseRef: "WM-00001", agency: "education welfare", name: "Kim Shaw", contact: "kim.shaw@westmarch.gov.uk",
                                                         since: d("2026-10-05")), date: f.today)
        let gone = try s.addProfessional(user: "asha", Professional(caseRef: "WM-00001", agency: "school nurse", name: "Pat Evans", since: d("2026-09-10")), date: f.today)
        try s.professionalLeft(user: "asha", caseRef: "WM-00001", id: gone.id!, date: d("2026-11-01"))
        f.press([.ctrl("r")])
        return f
    }

    func openCase(_ f: ConsoleFixture, _ search: String) {
        f.type("/" + search)
        f.press([.enter, .enter])
    }

    func testPlanTabSnapshots() throws {
        for (w, h) in [(80, 24), (160, 48)] {
            let f = try fixture(width: w, height: h)
            openCase(f, "王")
            f.press([.backTab])
            XCTAssertEqual(f.console.state.tab, .plan)
            assertSnapshot(f.text, named: "case-plan-with-plan-\(w)x\(h)")
        }
    }

    func testPRUReviewViewSnapshotsAndAReviewByKeyboard() throws {
        for (w, h) in [(80, 24), (160, 48)] {
            let f = try fixture(width: w, height: h)
            f.press([.char("P")])
            XCTAssertEqual(f.console.state.mode, .plans)
            assertSnapshot(f.text, named: "plan-reviews-\(w)x\(h)")
        }
        let f = try fixture()
        // A step-up needs a phase to step up to.
        try f.store.addPhase(user: "pru.head", PlanPhase(planId: 1, from: SchoolDate.parse("2027-01-05"), to: SchoolDate.parse("2027-02-12"), sessions: 10))
        f.press([.char("P"), .char("r")])
        XCTAssertNotNil(f.console.state.form)
        f.press([.tab]); f.type("9")               // attended
        f.press([.tab])                            // planned (10: five sessions × 2 weeks)
        f.press([.tab, .char("g")])                // RAG green
        f.press([.tab]); f.type("Settled in maths")
        f.press([.tab, .tab, .right])              // decision: step-up
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        let plan = try XCTUnwrap(try f.store.planRows().first)
        let r = try XCTUnwrap(plan.detail.reviews.last)
        XCTAssertEqual([r.attended, r.planned], [9, 10])
        XCTAssertEqual(r.rag, .green)
        XCTAssertEqual(r.decision, .stepUp)
        XCTAssertEqual(plan.detail.phases.map(\.from.iso), ["2026-09-14", "2026-10-13", "2026-11-24"], "the full-time phase starts tomorrow")
        XCTAssertEqual(r.working, "Settled in maths")
        XCTAssertEqual(r.author, "asha.patel")
        XCTAssertTrue(f.text.contains("GREEN"), f.text)
    }

    func testTeamPaneSnapshots() throws {
        for (w, h) in [(80, 24), (160, 48)] {
            let f = try fixture(width: w, height: h)
            openCase(f, "okafor")
            assertSnapshot(f.text, named: "case-team-\(w)x\(h)")
        }
    }

    func testAddAProfessionalByForm() throws {
        let f = try fixture()
        openCase(f, "haddad")
        f.press([.char("m")])
        f.type("Jo Brown")
        f.press([.tab]); f.type("so")              // agency: social care
        f.press([.tab]); f.type("Social worker")
        f.press([.tab]); f.type("07700 900123")
        f.press([.tab, .tab, .right])              // lead: yes
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        let team = try f.store.team(caseRef: "WM-00002")
        XCTAssertEqual(team.map(\.name), ["Jo Brown"])
        XCTAssertEqual(team.first?.agency, "social care")
        XCTAssertEqual(team.first?.isLead, true)
        XCTAssertTrue(f.text.contains("★ lead Jo Brown — social care, Social worker · 07700 900123"), f.text)
    }

    func testReflectionFormFromTheSuspensionsTab() throws {
        let f = try fixture()
        openCase(f, "okafor")
        XCTAssertTrue(f.text.contains("! repeat, no reflection"))
        f.press([.tab, .tab, .tab, .tab])
        XCTAssertEqual(f.console.state.tab, .suspensions)
        XCTAssertTrue(f.text.contains("! no reflection"))
        f.press([.char("j"), .char("R")])          // the older suspension, 21 Sep
        let form = try XCTUnwrap(f.console.state.form)
        XCTAssertTrue(form.title.contains("2026-09-21"), form.title)
        f.type("Pushed a teacher in the corridor")
        f.press([.tab]); f.type("Crowded corridor at change-over")
        f.press([.tab]); f.type("I panicked")
        f.press([.tab]); f.type("Leaves lessons two minutes early")
        f.press([.tab, .char("s"), .char("c")])    // action 1 agency: school
        f.press([.tab]); f.type("Early-leave pass")
        f.press([.tab]); f.type("SENCo")
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        let file = try f.store.caseFile("WM-00001")
        let r = try XCTUnwrap(file.reflections.values.first)
        XCTAssertEqual(r.whatHappened, "Pushed a teacher in the corridor")
        XCTAssertEqual(r.pupilView, "I panicked")
        XCTAssertEqual(r.author, "asha.patel")
        let action = try XCTUnwrap(file.actions.last)
        XCTAssertEqual([action.agency, action.description, action.owner ?? ""], ["school", "Early-leave pass", "SENCo"])
        XCTAssertEqual(action.due, f.today.adding(days: 14))
        XCTAssertFalse(f.text.contains("! repeat, no reflection"), "the flag clears once the earlier suspension is reflected on")
        XCTAssertTrue(f.text.contains("reflection ✓"))
        // The reflected suspension refuses a second reflection.
        f.press([.char("R")])
        XCTAssertNil(f.console.state.form)
        XCTAssertTrue(f.console.state.message.contains("already has a reflection"), f.console.state.message)
    }

    func testOutOfSchoolViewShowsDaysSinceContactAndTheForms() throws {
        let f = try fixture()
        try f.store.addContact(user: "x", caseRef: "WM-00002", date: d("2026-11-02"), type: "home visit", outcome: "no answer", seen: false, text: nil)
        f.press([.ctrl("r"), .char("4")])
        XCTAssertTrue(f.text.contains("Contact"), f.text)
        XCTAssertTrue(f.text.contains("21d"), f.text)
        f.press([.enter])
        XCTAssertTrue(f.text.contains("no out-of-school record yet"), f.text)
        f.press([.char("E")])
        f.type("4 Mill Lane")
        f.press([.tab]); f.type("Ms Haddad")
        f.press([.tab, .tab, .tab, .tab]); f.type("Mother")
        f.press([.tab]); f.type("12")
        f.press([.tab, .tab]); f.press([.right])    // s47: yes
        f.press([.ctrl("s")])
        XCTAssertNil(f.console.state.form, f.console.state.message)
        let rec = try XCTUnwrap(try f.store.outOfSchoolRecord("C2"))
        XCTAssertEqual(rec.childAddress, "4 Mill Lane")
        XCTAssertEqual(rec.educatorHours, 12)
        XCTAssertTrue(rec.s47Enquiry)
        XCTAssertTrue(f.text.contains("needs the authority's consent (s47 enquiry)"), f.text)
        f.press([.char("e"), .right, .ctrl("s")])  // home-visit today
        XCTAssertEqual(try f.store.outOfSchoolRecord("C2")?.enquiryHomeVisit, f.today)
        XCTAssertTrue(f.text.contains("CME enquiries 1/8"), f.text)
        XCTAssertTrue(try f.store.auditLog().contains { $0.op == "outOfSchool.set" && $0.user == "asha.patel" })
    }
}

final class PickTypeAheadTests: XCTestCase {
    func testASpaceInsideATypedNameKeepsTypingAhead() throws {
        let f = try ConsoleFixture()
        f.type("/haddad")
        f.press([.enter, .enter, .char("m")])
        f.type("Dana Price")
        f.press([.tab])
        f.type("educational p")
        XCTAssertEqual(f.console.state.form?["agency"], "educational psychology")
    }
}
