import XCTest
@testable import OnRollCore

/// A small partnership whose every figure is worked out by hand in the comments below.
enum ReportsFixture {
    static func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }

    static let today = d("2026-01-15")
    static let autumn = ReportPeriod(year: AcademicYear(startYear: 2025), term: .autumn)

    static let schools = [
        School(urn: "100001", name: "Ashby High", phase: .secondary, type: .academy, trust: "Northern Trust", roll: 1000),
        School(urn: "100002", name: "Beacon Primary", phase: .primary, type: .maintained, roll: 400),
        School(urn: "100003", name: "Castle Academy", phase: .secondary, type: .academy, trust: "Northern Trust"),
        School(urn: "100009", name: "Riverside PRU", phase: .ap, type: .pru, roll: 60),
    ]

    static let children: [Child] = [
        ("CH-0001", "Jamie", "Ravensworth", "100001"), ("CH-0002", "Priya", "Okafor", "100001"),
        ("CH-0003", "Tom", "Lindqvist", "100001"), ("CH-0004", "Maisie", "Threlkeld", "100002"),
        ("CH-0005", "Oscar", "Penhaligon", "100002"), ("CH-0006", "Leah", "Winterbottom", "100003"),
        ("CH-0007", "Kofi", "Abernethy", nil),
    ].map { Child(ref: $0.0, forename: $0.1, surname: $0.2, dob: d("2012-03-04"), schoolURN: $0.3) }

    static let childNames = children.flatMap { [$0.forename, $0.surname] }
    static let owners = ["Sam Officer", "Alex Lead"]

    static let cases = [
        Case(ref: "CASE-0001", childRef: "CH-0001", kind: .suspension, status: .open, opened: d("2025-09-10"), owner: "Sam Officer"),
        Case(ref: "CASE-0002", childRef: "CH-0002", kind: .ebsa, status: .monitoring, opened: d("2025-06-01"), owner: "Sam Officer"),
        Case(ref: "CASE-0003", childRef: "CH-0004", kind: .suspension, status: .closed, opened: d("2025-09-15"), owner: "Alex Lead", closedOn: d("2025-12-01")),
        Case(ref: "CASE-0004", childRef: "CH-0005", kind: .ehe, status: .open, opened: d("2025-11-01")),
        Case(ref: "CASE-0005", childRef: "CH-0006", kind: .cme, status: .referral, opened: d("2026-01-05"), owner: "Alex Lead"),
        Case(ref: "CASE-0006", childRef: "CH-0007", kind: .offroll, status: .open, opened: d("2025-10-01"), owner: "Alex Lead"),
    ]

    static func s(_ child: String, _ start: String, _ days: Double, _ reason: ReasonCode, _ urn: String?, pex: Bool = false) -> Suspension {
        Suspension(childRef: child, start: d(start), days: days, reason: reason, schoolURN: urn, type: pex ? .permanent : .suspension)
    }

    static let suspensions = [
        // Ashby: CH-0001 twice (DB 1 day, DB 2 days), CH-0002 once (VA 0.5), CH-0003 permanently excluded (PP).
        s("CH-0001", "2025-09-15", 1, .DB, "100001"), s("CH-0001", "2025-10-06", 2, .DB, "100001"),
        s("CH-0002", "2025-11-12", 0.5, .VA, "100001"), s("CH-0003", "2025-12-01", 1, .PP, "100001", pex: true),
        // Outside the autumn term: not counted.
        s("CH-0001", "2026-01-12", 1, .DB, "100001"),
        // Beacon: CH-0004 five times (DB ×3, VP ×2, 1 day each), CH-0005 once (PA 1 day).
        s("CH-0004", "2025-09-08", 1, .DB, "100002"), s("CH-0004", "2025-09-22", 1, .DB, "100002"),
        s("CH-0004", "2025-10-13", 1, .DB, "100002"), s("CH-0004", "2025-11-03", 1, .VP, "100002"),
        s("CH-0004", "2025-11-24", 1, .VP, "100002"), s("CH-0005", "2025-12-08", 1, .PA, "100002"),
        // Castle (no roll recorded): CH-0006 once, school taken from the child's record (DB 2 days).
        s("CH-0006", "2025-10-20", 2, .DB, nil),
    ]

    static let plans = [
        // From the PRU: two completed (20 and 25 school days), one broken down, one paused; one starts in spring.
        ReintegrationPlan(id: 1, caseRef: "CASE-0001", fromURN: "100009", toURN: "100001", start: d("2025-09-08"), target: d("2025-10-10"), status: .completed, endedOn: d("2025-10-03")),
        ReintegrationPlan(id: 2, caseRef: "CASE-0002", fromURN: "100009", toURN: "100001", start: d("2025-10-06"), target: d("2025-11-28"), status: .completed, endedOn: d("2025-11-14")),
        ReintegrationPlan(id: 3, caseRef: "CASE-0003", fromURN: "100009", toURN: "100002", start: d("2025-11-03"), target: d("2025-12-12"), status: .brokenDown, endedOn: d("2025-12-01")),
        ReintegrationPlan(id: 4, caseRef: "CASE-0004", fromURN: "100002", toURN: "100002", start: d("2025-09-15"), target: d("2025-12-12"), status: .active),
        ReintegrationPlan(id: 5, caseRef: "CASE-0006", fromURN: "100009", toURN: "100003", start: d("2025-12-01"), target: d("2026-02-12"), status: .paused),
        ReintegrationPlan(id: 6, caseRef: "CASE-0005", fromURN: "100009", toURN: "100003", start: d("2026-01-06"), target: d("2026-03-12")),
    ].map { PlanDetail(plan: $0) }

    static let actions = [
        CaseAction(id: 1, caseRef: "CASE-0001", agency: "school", owner: "Sam Officer", description: "Call Jamie Ravensworth' mum", due: d("2026-01-10"), created: d("2025-12-01")),
        CaseAction(id: 2, caseRef: "CASE-0001", agency: "CAMHS", description: "Assessment", due: d("2026-01-20"), created: d("2025-12-01")),
        CaseAction(id: 3, caseRef: "CASE-0002", agency: "CAMHS", description: "Follow-up", created: d("2025-12-01")),
        CaseAction(id: 4, caseRef: "CASE-0004", agency: "social care", description: "Visit", due: d("2025-12-01"), status: .done, created: d("2025-11-01")),
        CaseAction(id: 5, caseRef: "CASE-0005", agency: "Housing", description: "Check tenancy", due: d("2026-01-14"), created: d("2026-01-05")),
        // Due today: not overdue.
        CaseAction(id: 6, caseRef: "CASE-0006", agency: "school", description: "Send work", due: d("2026-01-15"), created: d("2026-01-05")),
    ]

    static let deletions = [
        RollDeletion(childRef: "CH-0005", schoolURN: "100002", date: d("2025-10-20"), ground: "EHE", laNotified: true, destination: "EHE"),
        RollDeletion(childRef: "CH-0007", schoolURN: "100001", date: d("2025-09-30"), ground: "I 20-day absence", laNotified: false),
        RollDeletion(childRef: "CH-0006", schoolURN: "100003", date: d("2025-11-10"), ground: "A registered elsewhere", laNotified: true, destination: "100001"),
        RollDeletion(childRef: "CH-0002", schoolURN: "100001", date: d("2026-02-01"), ground: "EHE", laNotified: false),
    ]

    static let calendar: SchoolCalendar = {
        let y = AcademicYear(startYear: 2025)
        return SchoolCalendar(rows: [
            TermDates(academicYear: y, term: .autumn, start: d("2025-09-03"), end: d("2025-10-24")),
            TermDates(academicYear: y, term: .autumn, start: d("2025-11-03"), end: d("2025-12-19")),
            TermDates(academicYear: y, term: .spring, start: d("2026-01-05"), end: d("2026-02-13")),
            TermDates(academicYear: y, term: .spring, start: d("2026-02-23"), end: d("2026-03-27")),
            TermDates(academicYear: y, term: .summer, start: d("2026-04-13"), end: d("2026-05-22")),
            TermDates(academicYear: y, term: .summer, start: d("2026-06-01"), end: d("2026-07-21")),
        ])
    }()

    static let data = ReportData(
        schools: schools, children: children, cases: cases, suspensions: suspensions, plans: plans, actions: actions,
        lastContact: ["CASE-0004": d("2026-01-05"), "CASE-0005": d("2026-02-01")], deletions: deletions,
        outOfSchool: [OutOfSchoolRecord(childRef: "CH-0007", lastSeen: d("2025-12-16"))], calendar: calendar)

    static func all(_ data: ReportData = data) -> [ReportBundle] {
        Reports.names.map { Reports.run($0, data, period: autumn, today: today)! }
    }
}

/// Cells of a row as printed, keyed by column: `["suspensions": "3", …]`.
func printed(_ t: ReportTable, row: Int?) -> [String: String] {
    let cells = row.map { t.rows[$0] } ?? t.totalRow!
    var out: [String: String] = [:]
    for (c, v) in zip(t.columns, cells) { out[c.key] = v.display }
    return out
}

func rowIndex(_ t: ReportTable, _ label: String) -> Int {
    t.rows.firstIndex { $0.contains(.text(label)) }!
}

final class ReportsTests: XCTestCase {
    typealias F = ReportsFixture

    func testPeriodUsesStoredTermDatesElseFixedWindows() {
        let r = F.autumn.range(calendar: F.calendar)
        XCTAssertEqual(r.dates, F.d("2025-09-03")...F.d("2025-12-19"))
        XCTAssertNil(r.note)
        let fallback = ReportPeriod(year: AcademicYear(startYear: 2024), term: .spring).range(calendar: F.calendar)
        XCTAssertEqual(fallback.dates, F.d("2025-01-01")...F.d("2025-03-31"))
        XCTAssertNotNil(fallback.note)
        XCTAssertEqual(ReportPeriod(year: AcademicYear(startYear: 2025)).range(calendar: F.calendar).dates,
                       F.d("2025-08-01")...F.d("2026-07-31"))
        XCTAssertEqual(F.autumn.label(calendar: F.calendar), "2025/26 autumn term (3 Sep 2025 – 19 Dec 2025)")
    }

    func testNumberFormatting() {
        XCTAssertEqual(ReportMath.oneDecimal(0.25), "0.3")
        XCTAssertEqual(ReportMath.oneDecimal(-0.25), "-0.3")
        XCTAssertEqual(ReportMath.oneDecimal(2), "2.0")
        XCTAssertEqual(ReportMath.oneDecimal(177.5), "177.5")
        XCTAssertEqual(ReportMath.oneDecimal(0.04), "0.0")
        // 1 of 8 = 12.5 per 100 exactly: half rounds away from zero.
        XCTAssertEqual(ReportCell.per100(1, of: 800).display, "0.1")   // 0.125 → 0.1
        XCTAssertEqual(ReportCell.per100(1, of: 8).display, "12.5")
        XCTAssertEqual(ReportCell.per100(1, of: 1600).display, "0.1")  // 0.0625 → 0.1 (half away from zero at 0.05)
        XCTAssertEqual(ReportCell.per100(1, of: 2001).display, "0.0")  // 0.04998
        XCTAssertEqual(ReportCell.per100(3, of: nil), .notApplicable)
        XCTAssertEqual(ReportCell.per100(3, of: 0), .notApplicable)
        XCTAssertEqual(ReportMath.median([1, 4, 2, 10]), 3)
        XCTAssertEqual(ReportMath.median([5, 1, 3]), 3)
        XCTAssertNil(ReportMath.median([]))
    }

    func testCaseload() {
        let b = Reports.caseload(F.data, period: F.autumn, today: F.today)
        let kind = b.table("byKind")!
        // Open on 15 Jan 2026: CASE-0001, 0002, 0004, 0005, 0006 (0003 closed).
        // Days open: 0001 127 (10 Sep), 0002 228 (1 Jun), 0004 75 (1 Nov), 0005 10 (5 Jan), 0006 106 (1 Oct).
        // Median of 10, 75, 106, 127, 228 = 106.0. New in autumn: 0001, 0003, 0004, 0006 = 4. Closed: 0003.
        XCTAssertEqual(printed(kind, row: nil), ["kind": "Total", "open": "5", "newInPeriod": "4", "closedInPeriod": "1", "medianDaysOpen": "106.0"])
        XCTAssertEqual(printed(kind, row: rowIndex(kind, "Suspension")),
                       ["kind": "Suspension", "open": "1", "newInPeriod": "2", "closedInPeriod": "1", "medianDaysOpen": "127.0"])
        XCTAssertEqual(printed(kind, row: rowIndex(kind, "Perm. exclusion"))["medianDaysOpen"], "z")
        XCTAssertEqual(kind.rows.count, CaseKind.allCases.count)

        let status = b.table("byStatus")!
        XCTAssertEqual(status.rows.map { $0.map(\.display) }, [["Referral", "1"], ["Open", "3"], ["Monitoring", "1"]])

        let officer = b.table("byOfficer")!
        // Alex Lead: open 0005 (10 days) and 0006 (106): even count, median = (10 + 106) / 2 = 58.0.
        // Sam Officer: 127 and 228 → 177.5. Unassigned last: 0004, 75.
        XCTAssertEqual(officer.rows.map { $0[0].display }, ["Alex Lead", "Sam Officer", "(unassigned)"])
        XCTAssertEqual(printed(officer, row: 0), ["officer": "Alex Lead", "open": "2", "newInPeriod": "2", "closedInPeriod": "1", "medianDaysOpen": "58.0"])
        XCTAssertEqual(printed(officer, row: 1)["medianDaysOpen"], "177.5")

        let school = b.table("bySchool")!
        // Ashby: 0001, 0002 open; 0001 new. Beacon: 0004 open; 0003 and 0004 new; 0003 closed.
        // Castle: 0005 open. PRU: nothing. CH-0007 has no school: 0006 open and new.
        XCTAssertEqual(school.rows.map { $0.map(\.display) }, [
            ["100001", "Ashby High", "Northern Trust", "2", "1", "0"],
            ["100002", "Beacon Primary", "Maintained (LA)", "1", "2", "1"],
            ["100003", "Castle Academy", "Northern Trust", "1", "0", "0"],
            ["100009", "Riverside PRU", "Maintained (LA)", "0", "0", "0"],
            ["", "No school / not known", "No school / not known", "1", "1", "0"],
        ])
        XCTAssertEqual(school.totalRow!.map(\.display), ["", "Total", "", "5", "4", "1"])
        let trust = b.table("byTrust")!
        XCTAssertEqual(trust.rows.map { $0.map(\.display) }, [
            ["Maintained (LA)", "1", "2", "1"], ["Northern Trust", "3", "1", "0"], ["No school / not known", "1", "1", "0"],
        ])
        XCTAssertEqual(b.links.count, 3)
    }

    func testSuspensions() {
        let b = Reports.suspensions(F.data, period: F.autumn, today: F.today)
        let t = b.table("bySchool")!
        // Ashby, roll 1000: 3 suspensions by 2 pupils → rate 3/1000×100 = 0.3, one-plus 2/1000×100 = 0.2;
        // 1 PEx → 0.1; CH-0001 has 2 → one pupil 2+; days 1 + 2 + 0.5 = 3.5; reasons DB 2, then PP 1 and VA 1 (code order).
        XCTAssertEqual(printed(t, row: 0), [
            "urn": "100001", "school": "Ashby High", "trust": "Northern Trust", "roll": "1000",
            "suspensions": "3", "suspensionRate": "0.3", "pupilsSuspended": "2", "onePlusRate": "0.2",
            "permanentExclusions": "1", "pexRate": "0.1", "pupilsRepeat2": "1", "pupilsRepeat5": "0",
            "daysLost": "3.5", "topReasons": "DB 2, PP 1, VA 1",
        ])
        // Beacon, roll 400: 6 suspensions by 2 pupils → 6/400×100 = 1.5, one-plus 0.5; CH-0004 has 5 → 2+ and 5+.
        XCTAssertEqual(printed(t, row: 1), [
            "urn": "100002", "school": "Beacon Primary", "trust": "Maintained (LA)", "roll": "400",
            "suspensions": "6", "suspensionRate": "1.5", "pupilsSuspended": "2", "onePlusRate": "0.5",
            "permanentExclusions": "0", "pexRate": "0.0", "pupilsRepeat2": "1", "pupilsRepeat5": "1",
            "daysLost": "6.0", "topReasons": "DB 3, VP 2, PA 1",
        ])
        // Castle has no roll: counts shown, every rate z. Its suspension has no URN; the child's school is used.
        let castle = printed(t, row: 2)
        XCTAssertEqual(castle["roll"], "z")
        XCTAssertEqual(castle["suspensions"], "1")
        XCTAssertEqual(castle["suspensionRate"], "z")
        XCTAssertEqual(castle["onePlusRate"], "z")
        XCTAssertEqual(castle["pexRate"], "z")
        // Partnership: roll 1000 + 400 + 60 = 1460 (Castle unknown). Suspensions 3 + 6 + 1 = 10, but the rate uses
        // the schools with a roll: 9/1460×100 = 0.616 → 0.6; pupils 5, rolled 4 → 0.274 → 0.3; PEx 1/1460 → 0.1.
        XCTAssertEqual(printed(t, row: nil), [
            "urn": "", "school": "Partnership total", "trust": "", "roll": "1460",
            "suspensions": "10", "suspensionRate": "0.6", "pupilsSuspended": "5", "onePlusRate": "0.3",
            "permanentExclusions": "1", "pexRate": "0.1", "pupilsRepeat2": "2", "pupilsRepeat5": "1",
            "daysLost": "11.5", "topReasons": "DB 6, VP 2, PA 1",
        ])
        let trust = b.table("byTrust")!
        // Maintained (LA) = Beacon + PRU: roll 460, 6 suspensions → 6/460×100 = 1.304 → 1.3, one-plus 2/460 = 0.435 → 0.4.
        XCTAssertEqual(printed(trust, row: 0)["suspensionRate"], "1.3")
        XCTAssertEqual(printed(trust, row: 0)["onePlusRate"], "0.4")
        // Northern = Ashby + Castle: 4 suspensions, rate over Ashby only: 3/1000 = 0.3; days 3.5 + 2 = 5.5.
        XCTAssertEqual(printed(trust, row: 1)["suspensions"], "4")
        XCTAssertEqual(printed(trust, row: 1)["suspensionRate"], "0.3")
        XCTAssertEqual(printed(trust, row: 1)["daysLost"], "5.5")
        XCTAssertTrue(t.notes.contains { $0.contains("suspensions ÷ headcount on roll × 100") })
    }

    func testReintegration() {
        let b = Reports.reintegration(F.data, period: F.autumn, today: F.today)
        let t = b.tables[0]
        // Started in autumn: plans 1–5 (plan 6 starts in January). Beacon: plan 4, active.
        // PRU: 1 and 2 completed, 3 broken down, 5 paused (counted as still active).
        // School days: plan 1, 8 Sep–3 Oct = 4 weeks = 20; plan 2, 6 Oct–14 Nov = 3 weeks + 2 weeks after half term = 25.
        // Median of 20 and 25 = 22.5.
        XCTAssertEqual(t.rows.map { $0.map(\.display) }, [
            ["100002", "Beacon Primary", "1", "0", "0", "0", "1", "z"],
            ["100009", "Riverside PRU", "4", "2", "1", "0", "1", "22.5"],
        ])
        XCTAssertEqual(t.totalRow!.map(\.display), ["", "Total", "5", "2", "1", "0", "2", "22.5"])
        XCTAssertFalse(t.notes.contains { $0.contains("weekdays") })

        // Without stored term dates the median falls back to weekdays and says so: 20 and 30
        // (half term is a week of weekdays) → 25.0.
        var noTerms = F.data
        noTerms.calendar = SchoolCalendar(rows: [])
        let fb = Reports.reintegration(noTerms, period: F.autumn, today: F.today).tables[0]
        XCTAssertEqual(fb.totalRow!.last!.display, "25.0")
        XCTAssertTrue(fb.notes.contains { $0.contains("weekdays") })
        XCTAssertTrue(fb.notes.contains { $0.contains("fixed window") })
    }

    func testOutOfSchool() {
        let b = Reports.outOfSchool(F.data, period: F.autumn, today: F.today)
        let c = b.table("openCases")!
        // EHE: CASE-0004, last contact 5 Jan → 10 days. CME: CASE-0005, only contact is after today → never contacted.
        // Off-roll: CASE-0006, out-of-school record last seen 16 Dec → 30 days. Total median of 10 and 30 = 20.0.
        XCTAssertEqual(c.rows.map { $0.map(\.display) }, [
            ["EHE", "1", "1", "0", "10.0"], ["CME", "1", "0", "1", "z"], ["Off-roll", "1", "1", "0", "30.0"],
        ])
        XCTAssertEqual(c.totalRow!.map(\.display), ["Total", "3", "2", "1", "20.0"])
        let d = b.table("deletionsBySchool")!
        // In autumn: Ashby 1 (not notified, no destination), Beacon 1, Castle 1; the February deletion is outside.
        XCTAssertEqual(d.rows.map { Array($0.map(\.display)[3...]) }, [["1", "1", "1"], ["1", "0", "0"], ["1", "0", "0"], ["0", "0", "0"]])
        XCTAssertEqual(d.totalRow!.map(\.display).suffix(3), ["3", "1", "1"])
        let g = b.table("deletionsByGround")!
        XCTAssertEqual(g.rows.map { $0[0].display }, ["A registered elsewhere", "EHE", "I 20-day absence"])
        XCTAssertNotNil(b.table("deletionsByTrust"))
    }

    func testActions() {
        let t = Reports.actions(F.data, period: F.autumn, today: F.today).tables[0]
        // Open: school 2 (one due 10 Jan → overdue, one due today → not), CAMHS 2 (none overdue), Housing 1 (due 14 Jan → overdue).
        // The done social-care action is not counted. Default agencies first, in their order; others after.
        XCTAssertEqual(t.rows.map { $0.map(\.display) }, [["school", "2", "1"], ["CAMHS", "2", "0"], ["Housing", "1", "1"]])
        XCTAssertEqual(t.totalRow!.map(\.display), ["Total", "5", "2"])
    }

    func testRunByNameAndCaseFiles() {
        XCTAssertNil(Reports.run("nope", F.data, period: F.autumn, today: F.today))
        XCTAssertEqual(Reports.names.compactMap { Reports.run($0, F.data, period: F.autumn, today: F.today)?.name }, Reports.names)
        // The same caseload built from case files.
        let files = F.cases.map { c in
            CaseFile(case: c, child: F.children.first { $0.ref == c.childRef }!,
                     suspensions: F.suspensions.filter { $0.childRef == c.childRef })
        }
        // CH-0003 has no case: their permanent exclusion comes in as an extra suspension (and is not duplicated).
        let data = ReportData(caseFiles: files, schools: F.schools, calendar: F.calendar,
                              extraSuspensions: F.suspensions.filter { $0.childRef == "CH-0003" || $0.childRef == "CH-0001" })
        XCTAssertEqual(data.suspensions.count, F.suspensions.count)
        XCTAssertEqual(Reports.caseload(data, period: F.autumn, today: F.today).table("byKind"),
                       Reports.caseload(F.data, period: F.autumn, today: F.today).table("byKind"))
        XCTAssertEqual(Reports.suspensions(data, period: F.autumn, today: F.today).table("bySchool"),
                       Reports.suspensions(F.data, period: F.autumn, today: F.today).table("bySchool"))
    }
}
