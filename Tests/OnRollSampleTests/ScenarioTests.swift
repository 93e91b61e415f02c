import XCTest
import OnRollCore
@testable import OnRollSample

/// The situations the screens and rules are demonstrated with must be in every default sample.
final class ScenarioTests: XCTestCase {
    let calendar = SchoolCalendar(rows: sample.terms)
    let thisYear = AcademicYear(startYear: 2026)

    func suspensionsByChild() -> [String: [Suspension]] {
        Dictionary(grouping: sample.suspensions, by: \.childRef).mapValues { $0.sorted { $0.start < $1.start } }
    }

    func yearTotal(_ list: [Suspension]) -> Double {
        list.filter { thisYear.contains($0.start) && $0.type == .suspension }.reduce(0) { $0 + $1.days }
    }

    func testFortyFiveDayCapReachedAndBreached() {
        let totals = suspensionsByChild().values.map(yearTotal)
        XCTAssertTrue(totals.contains(45), "a child at exactly 45 days")
        XCTAssertTrue(totals.contains { $0 > 45 }, "a child over 45 days")
        XCTAssertEqual(totals.filter { $0 >= 45 }.count, 2, "only the two scenario children reach the cap")
        // All their suspensions are on school days and do not overlap.
        for list in suspensionsByChild().values where yearTotal(list) >= 45 {
            for (a, b) in zip(list, list.dropFirst()) {
                XCTAssertTrue(try calendar.isSchoolDay(a.start))
                XCTAssertLessThan(try calendar.add(a.days - 1, after: a.start), b.start)
            }
            XCTAssertLessThanOrEqual(list.last!.start, today)
        }
    }

    func testTermTotalOverFifteen() throws {
        let autumn = calendar.span(of: .autumn, in: thisYear)!
        let over = suspensionsByChild().values.filter { list in
            let t = list.filter { autumn.contains($0.start) }.reduce(0) { $0 + $1.days }
            return t > 15 && t < 45
        }
        XCTAssertFalse(over.isEmpty)
    }

    func testRepeatsLunchtimesAndReasons() {
        let counts = suspensionsByChild().values.map(\.count)
        XCTAssertGreaterThanOrEqual(counts.filter { $0 >= 2 }.count, 8)
        XCTAssertGreaterThanOrEqual(counts.filter { $0 >= 5 }.count, 3)
        XCTAssertGreaterThanOrEqual(sample.suspensions.filter { $0.days == 0.5 }.count, 4)
        XCTAssertGreaterThanOrEqual(Set(sample.suspensions.compactMap(\.reason)).count, 8)
        XCTAssertTrue(sample.suspensions.contains { $0.notifiedLA == nil })
        XCTAssertTrue(sample.suspensions.allSatisfy { $0.start <= today })
    }

    func testRepeatSuspensionWithoutReflection() {
        let reflected = Set(sample.reflections.map(\.suspensionId))
        XCTAssertFalse(reflected.isEmpty)
        let children = suspensionsByChild().filter { _, list in
            let s = list.filter { $0.type == .suspension }
            return zip(s, s.dropFirst()).contains { prev, _ in !reflected.contains(prev.id!) }
        }
        XCTAssertGreaterThanOrEqual(children.count, 2)
        // And the reflections that exist come after their suspension.
        let byId = Dictionary(uniqueKeysWithValues: sample.suspensions.map { ($0.id!, $0) })
        for r in sample.reflections { XCTAssertGreaterThanOrEqual(r.date, byId[r.suspensionId]!.start) }
    }

    func testLookedAfterChildWithoutVirtualSchoolNotice() {
        let lac = Set(sample.children.filter { $0.flags.contains(.LAC) }.map(\.ref))
        XCTAssertTrue(sample.suspensions.contains { lac.contains($0.childRef) && $0.notifiedLA != nil && $0.notifiedVirtualSchool == nil })
    }

    func testPermanentExclusionsPartWayThrough() {
        let pex = sample.suspensions.filter(\.isPermanent)
        XCTAssertGreaterThanOrEqual(pex.count, 3)
        XCTAssertTrue(pex.contains { $0.reviewRequested != nil && $0.reviewPanel == nil && $0.pexOutcome == nil })
        XCTAssertTrue(pex.contains { $0.governorsMet == nil && $0.pexOutcome == nil })
        XCTAssertTrue(pex.contains { $0.pexOutcome == "off-roll" })
        let excluded = Set(pex.map(\.childRef))
        XCTAssertTrue(sample.cases.filter { $0.kind == .exclusion }.allSatisfy { excluded.contains($0.childRef) })
    }

    func testPlansInEveryStateAtThePRU() throws {
        XCTAssertEqual(Set(sample.plans.map(\.status)), Set(ReintegrationPlan.Status.allCases))
        let pru = sample.schools.first { $0.type == .pru }!.urn
        XCTAssertGreaterThanOrEqual(sample.plans.filter { $0.fromURN == pru }.count, 6)
        for p in sample.plans {
            let phases = sample.phases.filter { $0.planId == p.id }
            XCTAssertTrue((2...4).contains(phases.count))
            XCTAssertEqual(phases.last?.sessions, 10, "the last phase is full time")
            XCTAssertEqual(phases.map(\.sessions), phases.map(\.sessions).sorted())
            if p.status.isEnded { XCTAssertNotNil(p.endedOn) } else { XCTAssertNil(p.endedOn) }
            if p.status == .brokenDown { XCTAssertNotNil(p.endReason) }
            for r in sample.reviews where r.planId == p.id {
                XCTAssertLessThanOrEqual(r.attended, r.planned)
                XCTAssertLessThanOrEqual(r.date, today)
            }
        }
        // One active plan's review is overdue, and another active one is not.
        let overdue = try sample.plans.filter { $0.status == .active }.map { p -> Bool in
            let last = sample.reviews.filter { $0.planId == p.id }.map(\.date).max() ?? p.start
            return try calendar.add(Double(p.reviewEvery), after: last) < today
        }
        XCTAssertTrue(overdue.contains(true))
        XCTAssertTrue(overdue.contains(false))
    }

    func testPartTimeFairAccessAndEHCClocks() throws {
        let pt = sample.cases.filter { $0.kind == .partTime && $0.isOpen }
        XCTAssertTrue(pt.contains { $0.partTimeReview == nil })
        XCTAssertTrue(pt.contains { $0.partTimeReview != nil && $0.partTimeEnd != nil })
        let fa = sample.cases.filter { $0.fairAccessAccepted != nil }
        XCTAssertTrue(try fa.contains { try $0.fairAccessPlaced == nil && calendar.add(20, after: $0.fairAccessAccepted!) < today })
        XCTAssertTrue(fa.contains { $0.fairAccessPlaced != nil })
        XCTAssertGreaterThanOrEqual(sample.cases.filter { $0.ehcRequest != nil }.count, 3)
    }

    func testChildrenOutOfSight() {
        let byChild = Dictionary(uniqueKeysWithValues: sample.outOfSchool.map { ($0.childRef, $0) })
        let ehe = sample.cases.filter { $0.kind == .ehe }
        let cp = ehe.filter { byChild[$0.childRef]?.cpPlan == true }
        XCTAssertFalse(cp.isEmpty, "an EHE child on a CP plan")
        XCTAssertTrue(sample.outOfSchool.contains { $0.specialSchool } && sample.outOfSchool.contains { $0.s47Enquiry })
        XCTAssertTrue(sample.outOfSchool.contains { $0.educator != nil && $0.educatorHours != nil && $0.otherProviders != nil })
        XCTAssertTrue(sample.outOfSchool.contains { $0.enquirySchool != nil && $0.lostPupilDatabase == nil })
        XCTAssertTrue(sample.deletions.contains { !$0.laNotified })
        // A deletion to nowhere must have opened a CME case for that child.
        let unknown = sample.deletions.filter { $0.destination == nil }
        XCTAssertFalse(unknown.isEmpty)
        for d in unknown {
            XCTAssertTrue(sample.cases.contains { $0.childRef == d.childRef && $0.kind == .cme }, d.childRef)
        }
        let contactTypes = Set(sample.chronology.compactMap(\.contactType))
        XCTAssertTrue(contactTypes.isSuperset(of: ["home visit", "phone call", "letter", "school enquiry"]), "\(contactTypes)")
    }

    func testPanels() {
        let planned = sample.panels.filter { $0.status == .planned }
        XCTAssertEqual(planned.map(\.date), [SchoolDate(year: 2026, month: 11, day: 26)!])
        XCTAssertEqual(planned.first?.type, .inclusion)
        XCTAssertNotNil(planned.first?.chair)
        XCTAssertEqual(sample.attendees.filter { $0.panelId == planned.first?.id && $0.organisation != nil }.count, 6)
        let closed = sample.panels.filter { $0.status == .closed }
        XCTAssertEqual(closed.map(\.date), [SchoolDate(year: 2026, month: 11, day: 19)!])
        XCTAssertGreaterThanOrEqual(sample.attendees.filter { $0.panelId == closed.first?.id }.count, 3)
        XCTAssertTrue(sample.actions.contains { $0.panelId == closed.first?.id })
    }

    func testActionsAcrossAgencies() {
        XCTAssertGreaterThanOrEqual(Set(sample.actions.map(\.agency)).count, 12)
        XCTAssertTrue(sample.actions.allSatisfy { Agencies.defaults.contains($0.agency) })
        XCTAssertTrue(sample.actions.contains { $0.isOverdue(on: today) })
        XCTAssertTrue(sample.actions.contains { $0.status == .cancelled })
        XCTAssertTrue(sample.actions.contains { $0.status == .done && $0.outcome != nil })
        for c in sample.cases where c.isOpen {
            let n = sample.actions.filter { $0.caseRef == c.ref && $0.panelId == nil }.count
            XCTAssertTrue((1...4).contains(n), "\(c.ref) has \(n) actions")
        }
    }
}

final class ScaleTests: XCTestCase {
    func testTenThousandCases() {
        let big = SampleGenerator.make(cases: 10_000, seed: 99)
        XCTAssertEqual(big.cases.count, 10_000)
        XCTAssertEqual(Set(big.cases.map(\.ref)).count, big.cases.count)
        XCTAssertEqual(Set(big.children.map(\.ref)).count, big.children.count)
        let upns = big.children.compactMap(\.upn).map(\.value)
        XCTAssertEqual(Set(upns).count, upns.count)
        XCTAssertEqual(Set(big.cases.map(\.kind)), Set(CaseKind.allCases))
        XCTAssertEqual(Set(big.plans.map(\.status)), Set(ReintegrationPlan.Status.allCases))
        XCTAssertGreaterThanOrEqual(big.schools.count, 240)
        XCTAssertTrue((8...12).contains(big.chronology.count / big.cases.count))
        assertReferencesResolve(big)
    }

    func testSmallRequestStillHasTheScenarios() {
        let small = SampleGenerator.make(cases: 5)
        XCTAssertGreaterThanOrEqual(small.cases.count, 30)
        XCTAssertEqual(Set(small.plans.map(\.status)), Set(ReintegrationPlan.Status.allCases))
        assertReferencesResolve(small)
    }
}
