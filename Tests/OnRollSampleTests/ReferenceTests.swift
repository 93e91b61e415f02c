import XCTest
import OnRollCore
@testable import OnRollSample

final class ReferenceTests: XCTestCase {
    func assertSequentialIds(_ ids: [Int64?], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ids.map { $0 ?? -1 }, (0..<Int64(ids.count)).map { $0 + 1 }, "\(what) ids", file: file, line: line)
    }

    func testIdsAreExplicitAndSequential() {
        assertSequentialIds(sample.chronology.map(\.id), "chronology")
        assertSequentialIds(sample.actions.map(\.id), "actions")
        assertSequentialIds(sample.suspensions.map(\.id), "suspensions")
        assertSequentialIds(sample.attendance.map(\.id), "attendance")
        assertSequentialIds(sample.terms.map(\.id), "terms")
        assertSequentialIds(sample.plans.map(\.id), "plans")
        assertSequentialIds(sample.phases.map(\.id), "phases")
        assertSequentialIds(sample.reviews.map(\.id), "reviews")
        assertSequentialIds(sample.team.map(\.id), "team")
        assertSequentialIds(sample.deletions.map(\.id), "deletions")
        assertSequentialIds(sample.panels.map(\.id), "panels")
        assertSequentialIds(sample.attendees.map(\.id), "attendees")
    }

    func testEveryReferenceResolves() {
        assertReferencesResolve(sample)
    }

    func testChronologyIsOrderedAndInsideEachCase() {
        let byCase = Dictionary(grouping: sample.chronology, by: \.caseRef)
        for c in sample.cases {
            let entries = byCase[c.ref] ?? []
            XCTAssertTrue((6...40).contains(entries.count), "\(c.ref): \(entries.count) entries")
            XCTAssertEqual(entries.first?.kind, .opened, c.ref)
            let end = c.closedOn ?? today
            for e in entries {
                XCTAssertTrue(c.opened <= e.date && e.date <= end, "\(c.ref) entry \(e.id!) dated \(e.date)")
                XCTAssertTrue(e.recordedAt.hasPrefix(e.date.iso + "T") && e.recordedAt.hasSuffix("Z"))
                XCTAssertTrue(Builder.officers.contains(e.author), e.author)
            }
            XCTAssertEqual(entries.map(\.recordedAt), entries.map(\.recordedAt).sorted(), c.ref)
            if c.status == .closed { XCTAssertEqual(entries.last?.kind, .closed, c.ref) }
        }
        XCTAssertTrue(sample.chronology.contains { $0.contactType != nil && $0.outcome != nil })
    }
}

/// Every id and ref in a caseload points at a record that exists.
func assertReferencesResolve(_ s: SampleCaseload, file: StaticString = #filePath, line: UInt = #line) {
    let schools = Set(s.schools.map(\.urn)), children = Set(s.children.map(\.ref)), cases = Set(s.cases.map(\.ref))
    let susp = Set(s.suspensions.compactMap(\.id)), actions = Set(s.actions.compactMap(\.id))
    let plans = Set(s.plans.compactMap(\.id)), reviews = Set(s.reviews.compactMap(\.id))
    let team = Set(s.team.compactMap(\.id)), deletions = Set(s.deletions.compactMap(\.id)), panels = Set(s.panels.compactMap(\.id))
    func ok(_ cond: Bool, _ msg: @autoclosure () -> String) { if !cond { XCTFail(msg(), file: file, line: line) } }

    for c in s.children { ok(c.schoolURN.map(schools.contains) ?? true, "child \(c.ref) school \(c.schoolURN ?? "")") }
    for c in s.cases { ok(children.contains(c.childRef), "case \(c.ref) child") }
    ok(Set(s.cases.map(\.ref)).count == s.cases.count, "case refs unique")
    for e in s.chronology {
        ok(cases.contains(e.caseRef), "chronology \(e.id!) case")
        guard let link = e.linkId else { continue }
        switch e.kind {
        case .suspension, .reflection: ok(susp.contains(link), "chronology \(e.id!) suspension \(link)")
        case .action, .actionDone, .actionCancelled: ok(actions.contains(link), "chronology \(e.id!) action \(link)")
        case .plan, .planEnd: ok(plans.contains(link), "chronology \(e.id!) plan \(link)")
        case .planReview: ok(reviews.contains(link), "chronology \(e.id!) review \(link)")
        case .team: ok(team.contains(link), "chronology \(e.id!) team \(link)")
        case .deletion: ok(deletions.contains(link), "chronology \(e.id!) deletion \(link)")
        default: break
        }
    }
    for a in s.actions {
        ok(cases.contains(a.caseRef), "action \(a.id!) case")
        ok(a.panelId.map(panels.contains) ?? true, "action \(a.id!) panel")
        if a.status == .done { ok(a.completed != nil, "done action \(a.id!) has a date") }
    }
    for x in s.suspensions {
        ok(children.contains(x.childRef), "suspension \(x.id!) child")
        ok(x.schoolURN.map(schools.contains) ?? true, "suspension \(x.id!) school")
        ok((try? Suspension.validateDays(x.days)) != nil, "suspension \(x.id!) days \(x.days)")
    }
    for r in s.reflections { ok(susp.contains(r.suspensionId), "reflection → suspension \(r.suspensionId)") }
    for a in s.attendance { ok(children.contains(a.childRef), "attendance child") }
    for p in s.plans { ok(cases.contains(p.caseRef) && schools.contains(p.fromURN) && schools.contains(p.toURN), "plan \(p.id!)") }
    for p in s.phases { ok(plans.contains(p.planId), "phase → plan \(p.planId)") }
    for r in s.reviews { ok(plans.contains(r.planId), "review → plan \(r.planId)") }
    for t in s.team { ok(cases.contains(t.caseRef), "team → case") }
    for d in s.deletions { ok(children.contains(d.childRef) && schools.contains(d.schoolURN), "deletion \(d.id!)") }
    for o in s.outOfSchool { ok(children.contains(o.childRef), "out-of-school → child") }
    ok(Set(s.outOfSchool.map(\.childRef)).count == s.outOfSchool.count, "one out-of-school record per child")
    for a in s.attendees { ok(panels.contains(a.panelId), "attendee → panel") }
    // Every out-of-school case has its CNIS record; every open case has one lead professional.
    let oos = Set(s.outOfSchool.map(\.childRef))
    for c in s.cases where c.kind.isOutOfSchool { ok(oos.contains(c.childRef), "\(c.ref) has an out-of-school record") }
    let leads = Dictionary(grouping: s.team.filter(\.isLead), by: \.caseRef)
    for c in s.cases where c.isOpen { ok(leads[c.ref]?.count == 1, "\(c.ref) has one lead") }
}
