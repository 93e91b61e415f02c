import XCTest
@testable import OnRollCore

final class TriageTests: XCTestCase {
    let cal = testCalendar()
    let today = d("2026-12-01")

    func assess(_ f: CaseFile, weights: TriageWeights = TriageWeights()) -> CaseAssessment {
        CaseAssessment.assess(file: f, calendar: cal, today: today, weights: weights)
    }

    func contact(_ date: String) -> ChronologyEntry {
        ChronologyEntry(caseRef: "K1", date: d(date), recordedAt: "\(date)T10:00:00Z", author: "o", kind: .contact, text: "seen")
    }

    func record(_ possible: Int, _ present: Int, _ from: String = "2026-09-07", _ to: String = "2026-10-23") -> AttendanceRecord {
        AttendanceRecord(childRef: "C1", from: d(from), to: d(to), possible: possible, present: present)
    }

    // MARK: Typical cases

    /// CME, last seen 20 Oct (42 days before 1 Dec), no enquiries made.
    var cmeUnseen: CaseFile {
        var f = caseFile(kind: .cme, opened: "2026-10-12")
        f.chronology = [contact("2026-10-20")]
        return f
    }
    /// PEx from 9 Nov: nobody told the LA, provision late, governors late.
    var pexBreached: CaseFile {
        caseFile(kind: .exclusion, suspensions: [susp("2026-11-09", 1, type: .permanent) {
            $0.notifiedLA = d("2026-11-11"); $0.provisionFrom = d("2026-11-18"); $0.governorsMet = d("2026-12-01")
        }])
    }
    /// EBSA, on a CP plan, missing 60% of sessions.
    var cpSevere: CaseFile {
        var f = caseFile(kind: .ebsa, flags: [.CP])
        f.attendance = [record(100, 40)]
        return f
    }
    var ordinarySuspension: CaseFile {
        caseFile(kind: .suspension, sen: .support, suspensions: [
            susp("2026-10-05", 2, id: 1) { $0.notifiedLA = d("2026-10-05") },
            susp("2026-11-16", 3, id: 2) { $0.notifiedLA = d("2026-11-16") },
        ])
    }
    var persistentEBSA: CaseFile {
        var f = caseFile(kind: .ebsa)
        f.attendance = [record(100, 85)]
        return f
    }
    var ehe: CaseFile {
        var f = caseFile(kind: .ehe, opened: "2026-09-14")
        f.chronology = [contact("2026-11-20")]
        return f
    }

    func testUrgentCasesRankAboveOrdinaryOnes() {
        let urgent = [cmeUnseen, pexBreached, cpSevere].map { assess($0).triage.score }
        let ordinary = [ordinarySuspension, persistentEBSA, ehe].map { assess($0).triage.score }
        XCTAssertGreaterThan(urgent.min()!, ordinary.max()!, "urgent \(urgent) vs ordinary \(ordinary)")
    }

    func testCMEBreakdownByHand() {
        // kind.cme 12; contact 42 days → 32 beyond 10 × 0.25 = 8; CME enquiries and lost-pupil
        // (20 SD after 12 Oct = Mon 16 Nov) both overdue → 2 × 6 = 12. Total 32.
        let t = assess(cmeUnseen).triage
        XCTAssertEqual(t.reasons.map(\.factor), ["deadline.overdue", "kind.cme", "contact.days"])
        XCTAssertEqual(t.reasons.map(\.points), [12, 12, 8])
        XCTAssertEqual(t.score, 32)
    }

    func testScoreIsTheSumOfItsTermsAndTermsAreSorted() {
        for f in [cmeUnseen, pexBreached, cpSevere, ordinarySuspension, persistentEBSA, ehe] {
            let t = assess(f).triage
            let sum = t.reasons.reduce(0) { $0 + $1.points }
            XCTAssertEqual(t.score, (sum * 10).rounded() / 10, accuracy: 1e-9)
            XCTAssertEqual(t.score, (t.score * 10).rounded() / 10, "rounded to 1 dp")
            XCTAssertEqual(t.reasons.map(\.points), t.reasons.map(\.points).sorted(by: >))
            XCTAssertFalse(t.reasons.contains { $0.points == 0 })
        }
    }

    func testEveryFactorCanContribute() {
        var seen = Set<String>()
        func collect(_ f: CaseFile, at day: SchoolDate? = nil) {
            let a = CaseAssessment.assess(file: f, calendar: cal, today: day ?? today, weights: TriageWeights())
            seen.formUnion(a.triage.reasons.map(\.factor))
        }
        for k in CaseKind.allCases { collect(caseFile(kind: k)) }
        collect(caseFile(status: .referral, flags: [.CP, .LAC, .CIN], sen: .ehcp) { $0.flaggedForPanel = true })
        collect(caseFile(status: .monitoring, sen: .support) { $0.nextReview = d("2026-11-01") })
        var worse = persistentEBSA
        worse.attendance = [record(100, 95, "2026-09-07", "2026-09-30"), record(100, 85, "2026-10-01", "2026-10-23")]
        collect(worse)
        collect(cpSevere)
        collect(pexBreached)
        collect(ordinarySuspension)    // repeat without reflection, suspension days
        var acts = caseFile(kind: .ebsa)
        acts.actions = [CaseAction(caseRef: "K1", agency: "school", description: "x", due: d("2026-11-01"), created: d("2026-10-01"))]
        collect(acts)
        collect(caseFile(kind: .ebsa) { $0.fairAccessAccepted = d("2026-11-02") }, at: d("2026-11-27"))   // imminent
        collect(caseFile(kind: .ebsa) { $0.fairAccessAccepted = d("2027-07-12") }, at: d("2027-07-13"))   // no calendar
        collect(cmeUnseen)
        XCTAssertEqual(seen, Set(TriageWeights.keys), "never contributed: \(Set(TriageWeights.keys).subtracting(seen).sorted())")
    }

    func testEachFactorWeightMovesTheScore() {
        let f = caseFile(status: .referral, flags: [.CP], sen: .ehcp)
        let base = assess(f).triage.score
        var w = TriageWeights()
        try! w.set("flag.cp", 20)
        XCTAssertEqual(assess(f, weights: w).triage.score, base + 10, accuracy: 1e-9)
        try! w.set("triage.sen.ehcp", 0)
        let t = assess(f, weights: w).triage
        XCTAssertFalse(t.reasons.contains { $0.factor == "sen.ehcp" }, "a zero term is not listed")
    }

    func testRepeatSuspensionWithoutReflectionScoresHigher() {
        var without = ordinarySuspension
        XCTAssertTrue(RepeatSuspension.missingReflection(without))
        var with = without
        with.reflections = [1: Reflection(suspensionId: 1, date: d("2026-10-08"), whatHappened: "talked it through", author: "o")]
        XCTAssertFalse(RepeatSuspension.missingReflection(with))
        XCTAssertEqual(assess(without).triage.score - assess(with).triage.score, 5, accuracy: 1e-9)
        without.suspensions = [without.suspensions[0]]
        XCTAssertFalse(RepeatSuspension.missingReflection(without), "one suspension is not a repeat")
    }

    func testSuspensionDaysAreCapped() {
        let many = (0..<10).map { susp(["2026-09-14", "2026-09-28", "2026-10-12", "2026-11-02", "2026-11-16",
                                        "2026-11-30", "2026-09-21", "2026-10-05", "2026-10-19", "2026-11-09"][$0], 5, id: Int64($0)) }
        let r = assess(caseFile(suspensions: many)).triage.reasons.first { $0.factor == "suspension.days" }
        XCTAssertEqual(r?.points, 18)   // 50 days counted to 45 × 0.4
    }

    func testClosedCaseScoresZero() {
        let t = assess(caseFile(kind: .cme, status: .closed)).triage
        XCTAssertEqual(t, TriageResult.zero)
    }

    func testWeightsSetAndUnknownKey() throws {
        var w = TriageWeights()
        XCTAssertEqual(w["kind.cme"], 12)
        try w.set("kind.cme", 15)
        try w.set("triage.flag.lac", 9.5)
        XCTAssertEqual(w["kind.cme"], 15)
        XCTAssertEqual(w.overrides, ["kind.cme": 15, "flag.lac": 9.5])
        XCTAssertThrowsError(try w.set("kind.unicorn", 1)) { e in
            XCTAssertTrue("\(e)".contains("not a triage factor"), "\(e)")
            XCTAssertTrue("\(e)".contains("kind.cme"), "lists the allowed keys")
        }
        XCTAssertThrowsError(try w.set("kind.cme", .nan))
        XCTAssertNil(w["nope"])
        XCTAssertEqual(try TriageWeights(overrides: ["kind.cme": 15, "flag.lac": 9.5]), w)
        XCTAssertEqual(Set(TriageWeights.keys).count, TriageWeights.factors.count, "keys are unique")
        XCTAssertTrue(TriageWeights.factors.allSatisfy { !$0.reason.isEmpty })
    }
}

final class CaseAssessmentTests: XCTestCase {
    func testAssessmentBundlesEverything() {
        var f = caseFile(kind: .suspension, flags: [.LAC], suspensions: [susp("2026-11-16", 6)])
        f.attendance = [AttendanceRecord(childRef: "C1", from: d("2026-09-07"), to: d("2026-10-23"), possible: 68, present: 60)]
        let a = CaseAssessment.assess(file: f, calendar: testCalendar(), today: d("2026-11-17"))
        XCTAssertEqual(a.ledger.total, 6)
        XCTAssertEqual(a.attendance?.band, .persistent)
        XCTAssertEqual(a.deadlines.map(\.due), a.deadlines.map(\.due).sorted())
        XCTAssertEqual(a.nextDue?.due, d("2026-11-16"))
        XCTAssertEqual(a.deadlines.one(DeadlineKind.suspensionDay1)?.state, .overdue)
        XCTAssertGreaterThan(a.triage.score, 0)
        XCTAssertNil(a.daysSinceContact)
    }
}
