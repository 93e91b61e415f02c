import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

final class TeamAndReflectionTests: XCTestCase {
    func testOnlyOneLeadAndEveryChangeAudited() throws {
        let f = try StoreFixture()
        let a = try f.store.addProfessional(user: "asha", Professional(caseRef: "WM-00001", agency: "camhs", role: "Clinician", name: "Dr Lee",
                                                                       contact: "01632 000111", since: f.today, isLead: true), date: f.today)
        XCTAssertEqual(a.agency, "CAMHS", "agency names are matched to the list")
        let b = try f.store.addProfessional(user: "asha", Professional(caseRef: "WM-00001", agency: "education welfare", name: "Kim Shaw", isLead: true), date: f.today)
        var team = try f.store.team(caseRef: "WM-00001")
        XCTAssertEqual(team.filter(\.isLead).map(\.name), ["Kim Shaw"], "a new lead unsets the old one")
        try f.store.setLead(user: "tom", caseRef: "WM-00001", id: try XCTUnwrap(a.id), date: f.today)
        team = try f.store.team(caseRef: "WM-00001")
        XCTAssertEqual(team.filter(\.isLead).map(\.name), ["Dr Lee"])
        XCTAssertEqual(team.first?.name, "Dr Lee", "lead first")
        XCTAssertThrowsError(try f.store.setLead(user: "tom", caseRef: "WM-00002", id: try XCTUnwrap(a.id), date: f.today), "not on that case")
        try f.store.professionalLeft(user: "tom", caseRef: "WM-00001", id: try XCTUnwrap(b.id), date: f.today)
        XCTAssertEqual(try f.store.team(caseRef: "WM-00001", includeLeft: false).map(\.name), ["Dr Lee"])
        XCTAssertThrowsError(try f.store.setLead(user: "tom", caseRef: "WM-00001", id: try XCTUnwrap(b.id), date: f.today), "a leaver cannot lead")
        XCTAssertThrowsError(try f.store.addProfessional(user: "x", Professional(caseRef: "WM-00001", agency: "dog warden", name: "Rex"), date: f.today))
        XCTAssertThrowsError(try f.store.addProfessional(user: "x", Professional(caseRef: "WM-00001", agency: "police", name: " "), date: f.today))

        let log = try f.store.auditLog(caseRef: "WM-00001")
        XCTAssertEqual(log.filter { $0.op == "team.add" }.count, 2)
        // Dr Lee unset when Kim joined as lead; Kim unset and Dr Lee set by `lead`.
        let leads = log.filter { $0.op == "team.lead" }.map(\.summary)
        XCTAssertEqual(leads.count, 3, "\(leads)")
        XCTAssertTrue(leads.contains("WM-00001: Kim Shaw (education welfare) is no longer lead professional"))
        XCTAssertTrue(log.contains { $0.op == "team.leave" && $0.user == f.who("tom") })
        XCTAssertEqual(try f.store.caseFile("WM-00001").chronology.filter { $0.kind == .team }.count, 4)
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testRepeatSuspensionWithoutReflectionIsFlaggedAndScoresHigher() throws {
        let f = try StoreFixture()
        let first = try f.store.addSuspension(user: "s", Suspension(childRef: "C1", start: try .parse("2026-09-21"), days: 2, reason: .VA), today: f.today)
        let lone = try f.store.assessedCase("WM-00001", today: f.today)
        XCTAssertFalse(RepeatSuspension.missingReflection(lone.file), "one suspension is not a repeat")
        try f.store.addSuspension(user: "s", Suspension(childRef: "C1", start: try .parse("2026-10-12"), days: 1, reason: .VA), today: f.today)
        let flagged = try f.store.assessedCase("WM-00001", today: f.today)
        XCTAssertTrue(RepeatSuspension.missingReflection(flagged.file))
        let reason = try XCTUnwrap(flagged.assessment.triage.reasons.first { $0.factor == "suspension.repeat-no-reflection" })
        XCTAssertEqual(reason.points, 5)

        try f.store.addReflection(user: "asha", Reflection(suspensionId: try XCTUnwrap(first.id), date: f.today, whatHappened: "Row in corridor",
                                                           triggers: "Supply teacher", pupilView: "Felt picked on", whatWillChange: "Key adult at change-over",
                                                           author: "asha"),
                                  caseRef: nil, actions: [("school", "Key adult at lesson change-over", "SENCo", f.today.adding(days: 7)),
                                                          ("CAMHS", "Check-in on anger", nil, nil)])
        let reflected = try f.store.assessedCase("WM-00001", today: f.today)
        XCTAssertFalse(RepeatSuspension.missingReflection(reflected.file))
        XCTAssertNil(reflected.assessment.triage.reasons.first { $0.factor == "suspension.repeat-no-reflection" })
        XCTAssertEqual(flagged.score - reflected.score, 5, accuracy: 0.001, "the unreflected repeat scores exactly its weight higher")
        XCTAssertEqual(reflected.file.actions.map(\.agency).suffix(2), ["school", "CAMHS"])
        let log = try f.store.auditLog(caseRef: "WM-00001")
        XCTAssertTrue(log.contains { $0.op == "reflection.add" })
        XCTAssertEqual(log.filter { $0.op == "action.add" }.count, 2)
        XCTAssertThrowsError(try f.store.addReflection(user: "x", Reflection(suspensionId: try XCTUnwrap(first.id), date: f.today, whatHappened: "again", author: "x"),
                                                       caseRef: nil, actions: []), "one reflection per suspension")
    }
}
