import XCTest
import OnRollCore
@testable import OnRollSample

/// The default sample is built once: every test reads the same value.
let sample = SampleGenerator.make()
let today = SchoolDate(year: 2026, month: 11, day: 23)!

final class DeterminismTests: XCTestCase {
    func testSameSeedGivesTheSameCaseload() {
        XCTAssertEqual(SampleGenerator.make(), sample)
    }

    func testAnotherSeedGivesAnotherCaseload() {
        let other = SampleGenerator.make(seed: 7)
        XCTAssertNotEqual(other.children.map(\.forename), sample.children.map(\.forename))
    }

    /// A fingerprint of the default sample that must be the same on every machine (FNV-1a over a
    /// text dump, so no hashing seed or platform is involved). If the generator is changed on
    /// purpose, update the constant; if it changes by itself, something became non-deterministic.
    func testFingerprintIsStable() {
        XCTAssertEqual(fingerprint(sample), SampleFingerprint.expected, "counts: \(counts(sample))")
    }
}

enum SampleFingerprint {
    static let expected: UInt64 = 11_691_383_644_304_695_353  // issue 17.6: work done or booked ahead, carers named alike, sightings from the dates
}

func counts(_ s: SampleCaseload) -> String {
    "schools \(s.schools.count) children \(s.children.count) cases \(s.cases.count) chronology \(s.chronology.count) "
        + "actions \(s.actions.count) suspensions \(s.suspensions.count) reflections \(s.reflections.count) "
        + "attendance \(s.attendance.count) terms \(s.terms.count) plans \(s.plans.count) phases \(s.phases.count) "
        + "reviews \(s.reviews.count) team \(s.team.count) deletions \(s.deletions.count) outOfSchool \(s.outOfSchool.count) "
        + "panels \(s.panels.count) attendees \(s.attendees.count)"
}

func fingerprint(_ s: SampleCaseload) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ text: String) {
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h = (h ^ 0x0a) &* 0x100_0000_01b3
    }
    mix(counts(s))
    for c in s.children { mix("\(c.ref)|\(c.upn?.value ?? "")|\(c.forename)|\(c.surname)|\(c.preferredName ?? "")|\(c.dob)|\(c.schoolURN ?? "")|\(c.flags)|\(c.sen.rawValue)|\(c.strengths ?? "")") }
    for c in s.cases { mix("\(c.ref)|\(c.childRef)|\(c.kind.rawValue)|\(c.status.rawValue)|\(c.opened)|\(c.owner ?? "")|\(c.nextReview?.iso ?? "")") }
    for e in s.chronology { mix("\(e.id ?? 0)|\(e.caseRef)|\(e.date)|\(e.recordedAt)|\(e.kind.rawValue)|\(e.text)") }
    for x in s.suspensions { mix("\(x.id ?? 0)|\(x.childRef)|\(x.start)|\(x.days)|\(x.reason?.rawValue ?? "")") }
    for a in s.attendance { mix("\(a.childRef)|\(a.from)|\(a.to)|\(a.possible)|\(a.present)|\(a.authorised ?? -1)") }
    for a in s.actions { mix("\(a.id ?? 0)|\(a.caseRef)|\(a.agency)|\(a.description)|\(a.status.rawValue)|\(a.due?.iso ?? "")") }
    for r in s.reviews { mix("\(r.planId)|\(r.date)|\(r.attended)/\(r.planned)|\(r.rag.rawValue)") }
    return h
}

final class ShapeTests: XCTestCase {
    func testSizeAndEveryKindAndStatus() {
        XCTAssertGreaterThanOrEqual(sample.cases.count, 180)
        XCTAssertGreaterThanOrEqual(sample.children.count, 150)
        XCTAssertEqual(Set(sample.cases.map(\.kind)), Set(CaseKind.allCases))
        XCTAssertEqual(Set(sample.cases.map(\.status)), Set(CaseStatus.allCases))
        let closed = sample.cases.filter { $0.status == .closed }
        XCTAssertTrue((0.08...0.25).contains(Double(closed.count) / Double(sample.cases.count)))
        XCTAssertTrue(closed.allSatisfy { $0.closedOn != nil && $0.closureReason != nil })
        XCTAssertTrue(sample.cases.filter(\.isOpen).allSatisfy { $0.closedOn == nil })
        XCTAssertTrue(sample.cases.contains { $0.isOpen && $0.nextReview.map { $0 < today } == true }, "an overdue review")
        XCTAssertTrue(sample.cases.contains { $0.nextReview.map { $0 >= today && $0.days(to: today) > -5 } == true }, "a review this week")
        XCTAssertTrue(sample.cases.contains { $0.nextReview.map { $0.dayNumber > today.dayNumber + 7 } == true }, "a later review")
        XCTAssertGreaterThanOrEqual(sample.cases.filter(\.flaggedForPanel).count, 5)
        XCTAssertTrue(sample.cases.filter { $0.kind == .partTime }.allSatisfy { $0.partTimeEnd != nil })
        XCTAssertEqual(Set(sample.cases.compactMap(\.owner)).count, 6)
    }

    func testSchools() {
        let s = sample.schools
        XCTAssertEqual(Set(s.map(\.urn)).count, s.count)
        XCTAssertTrue(s.allSatisfy { $0.urn.count == 6 && $0.urn.allSatisfy(\.isNumber) })
        let academies = s.filter { $0.phase == .secondary && $0.trust != nil }
        XCTAssertGreaterThanOrEqual(academies.count, 11)
        XCTAssertGreaterThanOrEqual(Set(academies.compactMap(\.trust)).count, 10)
        XCTAssertGreaterThanOrEqual(s.filter { $0.phase == .secondary && $0.trust == nil && $0.type == .maintained }.count, 2)
        let primaries = s.filter { $0.phase == .primary }
        XCTAssertGreaterThanOrEqual(primaries.count, 6)
        XCTAssertEqual(Set(primaries.compactMap(\.type)), [.academy, .maintained])
        XCTAssertTrue(s.contains { $0.type == .pru && $0.phase == .ap })
        XCTAssertTrue(s.contains { $0.type == .ap })
        XCTAssertTrue(s.contains { $0.type == .special })
        for x in s {
            let roll = x.roll ?? 0
            switch (x.phase, x.type) {
            case (.secondary, _): XCTAssertTrue((600...1600).contains(roll), x.name)
            case (.primary, _): XCTAssertTrue((180...450).contains(roll), x.name)
            default: XCTAssertTrue((25...250).contains(roll), x.name)
            }
        }
    }

    func testTerms() {
        XCTAssertEqual(sample.terms.count, 12)
        let calendar = SchoolCalendar(rows: sample.terms)
        for y in [AcademicYear(startYear: 2025), AcademicYear(startYear: 2026)] {
            let rows = sample.terms.filter { $0.academicYear == y }
            XCTAssertEqual(rows.map(\.term), [.autumn, .autumn, .spring, .spring, .summer, .summer])
            let days = try! calendar.count(from: y.firstDay, to: y.lastDay)
            XCTAssertTrue((185...195).contains(days), "\(y): \(days) school days")
            for r in rows { XCTAssertTrue(r.closures.allSatisfy { r.start <= $0.from && $0.to <= r.end }) }
        }
        XCTAssertEqual(sample.terms.flatMap(\.closures).filter(\.halfDay).count, 1)
        // May Day (4 May 2026, 3 May 2027) is a closure.
        let closed = Set(sample.terms.flatMap(\.closures).map(\.from))
        XCTAssertTrue(closed.contains(SchoolDate(year: 2026, month: 5, day: 4)!))
        XCTAssertTrue(closed.contains(SchoolDate(year: 2027, month: 5, day: 3)!))
        XCTAssertEqual(try calendar.isSchoolDay(today), true)
        XCTAssertEqual(try calendar.isSchoolDay(SchoolDate(year: 2026, month: 10, day: 28)!), false, "October half-term")
    }
}

final class ChildTests: XCTestCase {
    func testUPNsAreValidAndUnique() throws {
        let upns = sample.children.compactMap(\.upn)
        for u in upns { XCTAssertEqual(try UPN(u.value), u) }
        XCTAssertEqual(Set(upns.map(\.value)).count, upns.count)
        let missing = Double(sample.children.count - upns.count) / Double(sample.children.count)
        XCTAssertTrue((0.04...0.18).contains(missing), "missing UPNs \(missing)")
        XCTAssertTrue(upns.contains(where: \.isTemporary))
    }

    func testChildrenAreVaried() {
        let c = sample.children
        XCTAssertEqual(Set(c.map(\.ref)).count, c.count)
        let years = Set(c.map { SchoolAge.ncYear(dob: $0.dob, in: AcademicYear(startYear: 2026)) })
        XCTAssertTrue(years.isSubset(of: Set(1...11)), "\(years.sorted())")
        XCTAssertGreaterThan(c.filter { SchoolAge.ncYear(dob: $0.dob, in: AcademicYear(startYear: 2026)) >= 7 }.count, c.count / 2)
        for f in ChildFlag.allCases { XCTAssertTrue(c.contains { $0.flags.contains(f) }, "flag \(f)") }
        for s in SENStatus.allCases { XCTAssertTrue(c.contains { $0.sen == s }) }
        XCTAssertTrue(c.contains { $0.senNeed == .SEMH } && c.contains { $0.senNeed == .ASD })
        XCTAssertTrue(c.filter { $0.sen == .none }.allSatisfy { $0.senNeed == nil })
        XCTAssertGreaterThan(c.filter { $0.strengths != nil }.count, c.count * 3 / 4)
        XCTAssertGreaterThan(c.filter { $0.pupilVoice != nil }.count, c.count / 2)
        XCTAssertGreaterThan(c.filter { $0.parentVoice != nil }.count, c.count / 2)
        XCTAssertTrue(c.allSatisfy { $0.contacts != nil })
        XCTAssertGreaterThanOrEqual(c.filter { $0.preferredName != nil }.count, 5)
        XCTAssertGreaterThan(Set(c.map(\.surname)).count, 60)
    }

    func testNamesInNonLatinScripts() {
        func script(_ s: String, _ r: ClosedRange<UInt32>) -> Bool { s.unicodeScalars.contains { r.contains($0.value) } }
        let names = sample.children.flatMap { [$0.forename, $0.surname, $0.preferredName ?? ""] }
        XCTAssertTrue(names.contains { script($0, 0x4E00...0x9FFF) }, "Chinese")
        XCTAssertTrue(names.contains { script($0, 0x0600...0x06FF) }, "Arabic")
        XCTAssertTrue(names.contains { script($0, 0x0400...0x04FF) }, "Cyrillic")
        XCTAssertTrue(names.contains { script($0, 0x0370...0x03FF) }, "Greek")
    }

    func testAttendanceIsConsistentAndSpansTheBands() {
        for a in sample.attendance {
            XCTAssertEqual(a.present + (a.authorised ?? 0) + (a.unauthorised ?? 0), a.possible, a.childRef)
            XCTAssertNoThrow(try a.validate())
        }
        let f = sample.attendance.map(\.missedFraction)
        XCTAssertTrue(f.contains { $0 < 0.10 })
        XCTAssertTrue(f.contains { $0 > 0.10 && $0 < 0.50 })
        XCTAssertTrue(f.contains { $0 > 0.50 })
        XCTAssertTrue(sample.attendance.contains { $0.missed * 10 == $0.possible }, "exactly 10%")
        XCTAssertTrue(sample.attendance.contains { $0.missed * 2 == $0.possible }, "exactly 50%")
        let byChild = Dictionary(grouping: sample.attendance, by: \.childRef)
        XCTAssertTrue(byChild.values.allSatisfy { (1...3).contains($0.count) })
        XCTAssertTrue(sample.attendance.allSatisfy { $0.from >= SchoolDate(year: 2025, month: 8, day: 1)! && $0.to < today })
    }
}
