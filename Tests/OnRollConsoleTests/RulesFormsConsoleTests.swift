import OnRollCore
import OnRollStore
import TerminalKit
import XCTest

/// `S` (dates on a suspension) and `W` (an off-site direction) reach the store, the audit, the
/// chronology and the clocks. Fixture calendar: autumn 1 ends Fri 23 Oct, autumn 2 starts Mon 2 Nov.
final class RulesFormsConsoleTests: XCTestCase {
    func open(_ f: ConsoleFixture, _ who: String) {
        f.press([.char("/")])
        f.type(who)
        f.press([.enter, .enter])
    }

    func testSuspensionDatesFormRecordsTheExam() throws {
        let f = try ConsoleFixture()
        open(f, "okafor")
        f.press([.char("S")])
        XCTAssertEqual(f.console.state.form?.title, "Dates on the suspension of 2026-10-12 — WM-00001 Sam Okafor")
        // Exam Wed 14 Oct: the governors' 15 school days after Mon 12 Oct (13–16, 19–23, 2–6 Nov, 9 Nov)
        // are brought forward to Tue 13 Oct.
        f.type("2026-10-14")
        f.press([.tab])
        f.type("2026-11-24")   // a day-6 notice after today: refused, nothing written
        f.press([.ctrl("s")])
        XCTAssertTrue(f.console.state.message.hasPrefix("Not saved:"), f.console.state.message)
        XCTAssertNotNil(f.console.state.form, "the form stays open as typed")
        for _ in 0..<10 { f.press([.backspace]) }
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.message, "Saved: exam on 2026-10-14")
        let exam = f.console.state.detail?.assessment.deadlines.first { $0.kind == DeadlineKind.governorsExam }
        XCTAssertEqual(exam?.due.iso, "2026-10-13")
        XCTAssertEqual(exam?.state, .overdue)
        let s = try XCTUnwrap(f.console.state.detail?.file.suspensions.first { $0.start.iso == "2026-10-12" })
        XCTAssertEqual(s.examDate?.iso, "2026-10-14")
        XCTAssertNil(s.provisionNotice)
        XCTAssertTrue(f.console.state.detail?.file.chronology.contains { $0.text.contains("exam on 2026-10-14") } ?? false)
        XCTAssertEqual(try f.store.check().problems, [])
    }

    func testOffsiteFormDrivesTheNoticeClock() throws {
        let f = try ConsoleFixture()
        open(f, "okafor")
        f.press([.char("W")])
        XCTAssertEqual(f.console.state.form?.title, "Off-site direction — WM-00001 Sam Okafor")
        // First day Thu 26 Nov: notice due Tue 24 Nov (Wed 25, Tue 24); given Mon 23 → met.
        f.type("2026-11-26")
        f.press([.tab])
        f.type("2026-11-23")
        f.press([.ctrl("s")])
        XCTAssertEqual(f.console.state.message, "Off-site direction saved for WM-00001")
        let n = f.console.state.detail?.assessment.deadlines.first { $0.kind == DeadlineKind.offsiteNotice }
        XCTAssertEqual(n?.due.iso, "2026-11-24")
        XCTAssertEqual(n?.state, .met)
        XCTAssertEqual(try f.store.case("WM-00001")?.offsiteFirstDay?.iso, "2026-11-26")
        XCTAssertTrue(try f.store.auditLog(caseRef: "WM-00001").contains { $0.op == "case.offsite" })
        XCTAssertEqual(try f.store.check().problems, [])
    }
}
