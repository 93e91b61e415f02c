import XCTest
@testable import OnRollCore

/// The agenda as a meeting gets it: places by priority, capped, with the rest "also eligible", and a
/// case decided last week left off unless something new has happened. A first panel on Thu 26 Nov
/// 2026 (built Mon 23 Nov, none before it) and the week after (Thu 3 Dec, built Mon 30 Nov).
final class AgendaPlanTests: XCTestCase {
    let cal = testCalendar()
    let first = AgendaRules.Window(date: d("2026-11-26"), previous: nil, next: d("2026-12-03"))
    let second = AgendaRules.Window(date: d("2026-12-03"), previous: d("2026-11-26"), next: d("2026-12-10"))

    func file(_ ref: String, opened: String = "2026-09-14", configure: (inout CaseFile) -> Void = { _ in }) -> CaseFile {
        var f = CaseFile(case: Case(ref: ref, childRef: "C-\(ref)", kind: .ebsa, opened: d(opened)),
                         child: Child(ref: "C-\(ref)", forename: "A", surname: ref, dob: d("2013-05-01")))
        configure(&f)
        return f
    }

    func assessed(_ f: CaseFile, score: Double, today: String, deadlines: [Deadline] = []) -> (file: CaseFile, assessment: CaseAssessment) {
        var a = CaseAssessment.assess(file: f, calendar: cal, today: d(today))
        a.triage = TriageResult(score: score, reasons: [])
        a.deadlines = deadlines
        return (f, a)
    }

    func deadline(_ ref: String, _ due: String, _ state: DeadlineState) -> Deadline {
        Deadline(kind: DeadlineKind.suspensionDay6, title: "Sixth-day provision", due: d(due), state: state, rule: "r", caseRef: ref)
    }

    func note(_ ref: String, _ date: String, kind: ChronologyEntry.Kind = .note) -> ChronologyEntry {
        ChronologyEntry(caseRef: ref, date: d(date), recordedAt: "\(date)T10:00:00Z", author: "officer", kind: kind, text: "news")
    }

    /// The caseload at the first panel: 10 cases qualify, 2 do not.
    func firstLoad() -> [(file: CaseFile, assessment: CaseAssessment)] {
        let t = "2026-11-23"
        return [
            assessed(file("S1"), score: 10, today: t, deadlines: [deadline("S1", "2026-12-01", .upcoming)]),
            assessed(file("S2"), score: 5, today: t, deadlines: [deadline("S2", "2026-11-20", .overdue)]),
            // Overdue since October: before an earlier panel already, it competes on score.
            assessed(file("S3"), score: 5, today: t, deadlines: [deadline("S3", "2026-10-01", .overdue)]),
            assessed(file("N1", opened: "2026-11-20"), score: 2, today: t),       // a week-old referral
            assessed(file("N2", opened: "2026-11-10"), score: 2, today: t),       // before the week: not new
            assessed(file("F1") { $0.case.flaggedForPanel = true }, score: 8, today: t),
            assessed(file("R1") { $0.case.partTimeReview = d("2026-12-02") }, score: 1, today: t),
            assessed(file("T1"), score: 50, today: t), assessed(file("T2"), score: 45, today: t),
            assessed(file("T3"), score: 40, today: t), assessed(file("T4"), score: 35, today: t),
            assessed(file("L1"), score: 20, today: t),                            // below the threshold
        ]
    }

    func testFirstPanelFillsPlacesByPriorityThenScore() {
        let a = AgendaRules.plan(caseload: firstLoad(), window: first, today: d("2026-11-23"), calendar: cal,
                                 settings: .init(maxItems: 5))
        // Statutory (S1 score 10, S2 5), new referral, flagged, review; the five on score find no place.
        XCTAssertEqual(a.items.map(\.caseRef), ["S1", "S2", "N1", "F1", "R1"])
        XCTAssertEqual(a.items.map(\.priority), [.statutory, .statutory, .newReferral, .flagged, .review])
        XCTAssertEqual(a.alsoEligible.map(\.caseRef), ["T1", "T2", "T3", "T4", "S3"])
        XCTAssertEqual(a.alsoEligible.last?.reasons, ["deadline overdue: Sixth-day provision (due 2026-10-01)"])
        XCTAssertEqual(a.alsoEligible.first?.reasons, ["triage score 50 (above 30)"])
        XCTAssertEqual(a.items.dropFirst(2).first?.reasons, ["new referral, not yet discussed (opened 2026-11-20)"])
        XCTAssertEqual(a.decidedNothingNew, [])
        // With the default 20 places, all 10 go on.
        let roomy = AgendaRules.plan(caseload: firstLoad(), window: first, today: d("2026-11-23"), calendar: cal)
        XCTAssertEqual(roomy.items.count, 10)
        XCTAssertEqual(roomy.alsoEligible.count, 0)
    }

    func testTheWeekAfter() {
        let t = "2026-11-30"
        // Decided on 26 Nov: S1 (a note since), S2, N1, F1 (flag cleared), R1. D1 was deferred to this panel.
        let discussed = Dictionary(uniqueKeysWithValues: ["S1", "S2", "N1", "F1", "R1"].map { ($0, d("2026-11-26")) })
        let load = [
            assessed(file("S1") { $0.chronology = [self.note("S1", "2026-11-27")] }, score: 10, today: t,
                     deadlines: [deadline("S1", "2026-12-01", .upcoming)]),
            assessed(file("S2") { $0.chronology = [self.note("S2", "2026-11-26", kind: .decision)] }, score: 5, today: t,
                     deadlines: [deadline("S2", "2026-11-20", .overdue)]),
            assessed(file("N1", opened: "2026-11-20"), score: 2, today: t),
            assessed(file("F1"), score: 8, today: t),
            assessed(file("R1") { $0.case.partTimeReview = d("2026-12-02") }, score: 1, today: t),
            assessed(file("N3", opened: "2026-11-27"), score: 3, today: t),
            assessed(file("D1"), score: 60, today: t),
            assessed(file("T1"), score: 50, today: t), assessed(file("T2"), score: 45, today: t),
            assessed(file("T3"), score: 40, today: t), assessed(file("T4"), score: 35, today: t),
        ]
        let a = AgendaRules.plan(caseload: load, window: second, today: d(t), calendar: cal, settings: .init(maxItems: 5),
                                 discussed: discussed, onAgenda: ["D1"])
        // D1 takes one of the 5 places: 4 left, for S1 (news since), N3 (new), then the top two scores.
        XCTAssertEqual(a.items.map(\.caseRef), ["S1", "N3", "T1", "T2"])
        XCTAssertEqual(a.items.dropFirst(1).first?.reasons, ["referred since the last panel (opened 2026-11-27)"])
        XCTAssertEqual(a.alsoEligible.map(\.caseRef), ["T3", "T4"])
        // Still qualifying, decided last week, nothing new (the panel's own line is not news).
        XCTAssertEqual(a.decidedNothingNew, ["R1", "S2"])
    }

    func testDefaultCapIsTwentyPlaces() {
        let load = (1...25).map { n in assessed(file(String(format: "T%02d", n)), score: Double(30 + n), today: "2026-11-23") }
        let a = AgendaRules.plan(caseload: load, window: first, today: d("2026-11-23"), calendar: cal)
        XCTAssertEqual(AgendaRules.Settings().maxItems, 20)
        XCTAssertEqual(a.items.count, 20)
        XCTAssertEqual(a.items.first?.caseRef, "T25")
        XCTAssertEqual(a.alsoEligible.map(\.caseRef), ["T05", "T04", "T03", "T02", "T01"])
    }

    func testTakenOffStaysOffAndTakesNoPlace() {
        let a = AgendaRules.plan(caseload: firstLoad(), window: first, today: d("2026-11-23"), calendar: cal,
                                 settings: .init(maxItems: 5), takenOff: ["S1"])
        XCTAssertEqual(a.items.map(\.caseRef), ["S2", "N1", "F1", "R1", "T1"])
        XCTAssertEqual(a.alsoEligible.count, 4)
    }

    func testNewsIsAChronologyLineOrASuspensionAfterThePanel() {
        let since = d("2026-11-26")
        XCTAssertFalse(AgendaRules.hasNews(file("A"), since: since))
        XCTAssertFalse(AgendaRules.hasNews(file("A") { $0.chronology = [self.note("A", "2026-11-26")] }, since: since))
        XCTAssertFalse(AgendaRules.hasNews(file("A") { $0.chronology = [self.note("A", "2026-11-30", kind: .decision)] }, since: since))
        XCTAssertTrue(AgendaRules.hasNews(file("A") { $0.chronology = [self.note("A", "2026-11-27", kind: .status)] }, since: since))
        XCTAssertTrue(AgendaRules.hasNews(file("A") {
            $0.suspensions = [Suspension(childRef: "C-A", start: d("2026-11-30"), days: 2, type: .suspension)]
        }, since: since))
    }
}
