import XCTest
@testable import OnRollCore

/// Each agenda rule on hand-built cases, for a panel on Thu 26 Nov 2026 built on Mon 23 Nov:
/// the previous panel was Thu 19 Nov and the next is Thu 3 Dec.
final class AgendaRulesTests: XCTestCase {
    let today = d("2026-11-23")
    let previous = d("2026-11-19")
    let next = d("2026-12-03")
    let cal = testCalendar()

    /// A quiet open case (no reasons of its own) with a distinct ref, adjusted by `configure`.
    func file(_ ref: String, opened: String = "2026-09-14", configure: (inout CaseFile) -> Void = { _ in }) -> CaseFile {
        var f = CaseFile(case: Case(ref: ref, childRef: "C-\(ref)", kind: .ebsa, opened: d(opened)),
                         child: Child(ref: "C-\(ref)", forename: "A", surname: ref, dob: d("2013-05-01")))
        configure(&f)
        return f
    }

    /// Assessed with the real rules, then the score and deadlines set by hand where a test needs them.
    func assessed(_ f: CaseFile, score: Double = 5, deadlines: [Deadline]? = nil) -> (file: CaseFile, assessment: CaseAssessment) {
        var a = CaseAssessment.assess(file: f, calendar: cal, today: today)
        a.triage = TriageResult(score: score, reasons: [])
        if let dl = deadlines { a.deadlines = dl } else { a.deadlines = [] }
        return (f, a)
    }

    func refs(_ caseload: [(file: CaseFile, assessment: CaseAssessment)], previous p: SchoolDate?? = .none,
              settings: AgendaRules.Settings = .init()) -> [String] {
        AgendaRules.build(caseload: caseload, previousPanel: p ?? previous, nextPanel: next, today: today, calendar: cal,
                          settings: settings).map(\.caseRef)
    }

    func testReferredSinceTheLastPanel() {
        let load = [assessed(file("NEW", opened: "2026-11-20")), assessed(file("SAMEDAY", opened: "2026-11-19")),
                    assessed(file("OLD", opened: "2026-10-01"))]
        XCTAssertEqual(refs(load), ["NEW"])
        let e = AgendaRules.build(caseload: load, previousPanel: previous, nextPanel: next, today: today, calendar: cal)
        XCTAssertEqual(e.first?.reasons, ["referred since the last panel (opened 2026-11-20)"])
        // With no previous panel, "new" is the week before the panel (after Thu 19 Nov): a referral
        // still counts at the first panel (it used to be left off).
        XCTAssertEqual(refs(load, previous: .some(nil)), ["NEW"])
        XCTAssertEqual(AgendaRules.build(caseload: load, previousPanel: nil, nextPanel: next, today: today, calendar: cal).first?.reasons,
                       ["new referral, not yet discussed (opened 2026-11-20)"])
    }

    func testFlaggedForPanel() {
        let load = [assessed(file("FLAG") { $0.case.flaggedForPanel = true }), assessed(file("NOFLAG"))]
        XCTAssertEqual(refs(load), ["FLAG"])
    }

    func testPlanReviewsFallingDueBeforeTheNextPanel() {
        // 10 school days after Mon 9 Nov is Mon 23 Nov: due. 30 after is in January: not yet.
        let due = file("PLANDUE") { $0.plans = [PlanDetail(plan: ReintegrationPlan(id: 7, caseRef: "PLANDUE", fromURN: "1", toURN: "2", start: d("2026-11-09"), target: d("2027-01-29"), reviewEvery: 10))] }
        let later = file("PLANLATER") { $0.plans = [PlanDetail(plan: ReintegrationPlan(id: 8, caseRef: "PLANLATER", fromURN: "1", toURN: "2", start: d("2026-11-09"), target: d("2027-01-29"), reviewEvery: 30))] }
        let ended = file("PLANENDED") { $0.plans = [PlanDetail(plan: ReintegrationPlan(id: 9, caseRef: "PLANENDED", fromURN: "1", toURN: "2", start: d("2026-11-09"), target: d("2027-01-29"), reviewEvery: 5, status: .completed))] }
        let e = AgendaRules.build(caseload: [assessed(due), assessed(later), assessed(ended)], previousPanel: previous,
                                  nextPanel: next, today: today, calendar: cal)
        XCTAssertEqual(e.map(\.caseRef), ["PLANDUE"])
        XCTAssertEqual(e[0].reasons, ["reintegration plan 7 review due 2026-11-23"])
    }

    func testPartTimeReviewsFallingDueBeforeTheNextPanel() {
        let load = [assessed(file("PT-IN") { $0.case.partTimeReview = d("2026-12-02") }),
                    assessed(file("PT-LATE") { $0.case.partTimeReview = d("2026-11-10") }),
                    assessed(file("PT-OUT") { $0.case.partTimeReview = d("2026-12-03") })]
        XCTAssertEqual(Set(refs(load)), ["PT-IN", "PT-LATE"])
    }

    func testDeadlinesBreachedOrDueBeforeTheNextPanel() {
        func dl(_ kind: String, _ due: String, _ state: DeadlineState, informational: Bool = false, _ ref: String) -> Deadline {
            Deadline(kind: kind, title: "Duty", due: d(due), state: state, rule: "r", caseRef: ref, informational: informational)
        }
        let cases: [(String, Deadline)] = [
            ("UPCOMING", dl(DeadlineKind.suspensionDay6, "2026-12-01", .upcoming, "UPCOMING")),
            ("OVERDUE", dl(DeadlineKind.notifyLA, "2026-10-01", .overdue, "OVERDUE")),
            ("BREACHED-NEW", dl(DeadlineKind.governors15, "2026-11-20", .breached, "BREACHED-NEW")),
            ("BREACHED-OLD", dl(DeadlineKind.governors15, "2026-11-01", .breached, "BREACHED-OLD")),
            ("LATER", dl(DeadlineKind.suspensionDay6, "2026-12-10", .upcoming, "LATER")),
            ("ATNEXT", dl(DeadlineKind.suspensionDay6, "2026-12-03", .upcoming, "ATNEXT")),
            ("INFO", dl(DeadlineKind.governors50, "2026-11-30", .upcoming, informational: true, "INFO")),
            ("MET", dl(DeadlineKind.suspensionDay6, "2026-11-25", .met, "MET")),
            ("OWNRULE", dl(DeadlineKind.caseReview, "2026-11-25", .upcoming, "OWNRULE")),
        ]
        let load = cases.map { assessed(file($0.0), deadlines: [$0.1]) }
        XCTAssertEqual(Set(refs(load)), ["UPCOMING", "OVERDUE", "BREACHED-NEW"])
        let reasons = AgendaRules.build(caseload: load, previousPanel: previous, nextPanel: next, today: today, calendar: cal)
            .flatMap(\.reasons).sorted()
        XCTAssertEqual(reasons, ["deadline breached: Duty (due 2026-11-20)", "deadline due before the next panel: Duty (due 2026-12-01)",
                                 "deadline overdue: Duty (due 2026-10-01)"])
    }

    func testTriageScoreAboveTheThreshold() {
        let load = [assessed(file("HIGH"), score: 30.5), assessed(file("AT"), score: 30), assessed(file("LOW"), score: 21)]
        XCTAssertEqual(refs(load), ["HIGH"])
        XCTAssertEqual(refs(load, settings: .init(threshold: 20)), ["HIGH", "AT", "LOW"])
    }

    func testActionsOverdueByMoreThanNDays() {
        func act(_ due: String, status: ActionStatus = .open) -> CaseAction {
            CaseAction(caseRef: "x", agency: "CAMHS", description: "Assessment", due: d(due), status: status, created: d("2026-09-01"))
        }
        let load = [
            assessed(file("LATE18") { $0.actions = [act("2026-11-05")] }),          // 18 days, crossed 14 on 20 Nov
            assessed(file("LATE14") { $0.actions = [act("2026-11-09")] }),          // exactly 14: not more
            assessed(file("LONGAGO") { $0.actions = [act("2026-10-01")] }),         // crossed before the last panel
            assessed(file("DONE") { $0.actions = [act("2026-10-01", status: .done)] }),
        ]
        XCTAssertEqual(refs(load), ["LATE18"])
        let e = AgendaRules.build(caseload: load, previousPanel: previous, nextPanel: next, today: today, calendar: cal)
        XCTAssertEqual(e[0].reasons, ["action overdue 18 days: Assessment (CAMHS)"])
        // No previous panel: every long-overdue action counts once.
        XCTAssertEqual(Set(refs(load, previous: .some(nil))), ["LATE18", "LONGAGO"])
        // At 13 days, LATE14 passes the limit today; LATE18 passed it on 19 Nov, the last panel's day.
        XCTAssertEqual(refs(load, settings: .init(overdueDays: 13)), ["LATE14"])
    }

    func testEveryReasonOnceOrderedByScoreClosedCasesLeftOut() {
        let many = file("MANY", opened: "2026-11-20") { $0.case.flaggedForPanel = true; $0.case.partTimeReview = d("2026-11-30") }
        let closed = file("CLOSED") { $0.case.flaggedForPanel = true; $0.case.status = .closed }
        let low = file("LOWFLAG") { $0.case.flaggedForPanel = true }
        let e = AgendaRules.build(caseload: [assessed(low, score: 3), assessed(many, score: 40), assessed(closed, score: 99)],
                                  previousPanel: previous, nextPanel: next, today: today, calendar: cal)
        XCTAssertEqual(e.map(\.caseRef), ["MANY", "LOWFLAG"])
        XCTAssertEqual(e[0].reasons, ["referred since the last panel (opened 2026-11-20)", "flagged for panel",
                                      "part-time timetable review due 2026-11-30", "triage score 40 (above 30)"])
    }
}

/// The per-rule tests above look at every case a rule names, so the agenda's cap is lifted here;
/// AgendaPlanTests covers the cap and the order.
extension AgendaRules {
    static func build(caseload: [(file: CaseFile, assessment: CaseAssessment)], previousPanel: SchoolDate?, nextPanel: SchoolDate,
                      today: SchoolDate, calendar: SchoolCalendar, settings: Settings = Settings()) -> [Entry] {
        var s = settings
        s.maxItems = 10_000
        return plan(caseload: caseload, window: Window(date: d("2026-11-26"), previous: previousPanel, next: nextPanel),
                    today: today, calendar: calendar, settings: s).items
    }
}
