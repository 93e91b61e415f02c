import OnRollCore
@testable import OnRollStore
import XCTest

private func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }

/// Everyday casework writes: each audited, each in the chronology, refused whole when wrong.
final class CaseworkStoreTests: XCTestCase {
    func chronology(_ f: StoreFixture, _ ref: String) throws -> [ChronologyEntry] { try f.store.caseFile(ref).chronology }
    func ops(_ f: StoreFixture, _ ref: String) throws -> [String] { try f.store.auditLog(caseRef: ref).map(\.op) }

    func testAHomeVisitSeeingTheChildIsTheEHEAnnualContact() throws {
        let f = try StoreFixture()
        let ehe = try f.store.openCase(user: "asha.patel", childRef: "C2", kind: .ehe, owner: "asha.patel", summary: nil,
                                       today: d("2026-09-01"))
        // A phone call is a contact, not the annual contact: no out-of-school record appears.
        try f.store.addContact(user: "asha.patel", caseRef: ehe.ref, date: d("2026-11-02"), type: "phone call", outcome: "spoke to mum",
                               seen: true, text: nil, today: f.today)
        XCTAssertNil(try f.store.outOfSchoolRecord("C2")?.lastAnnualContact)
        // A home visit without seeing the child: still not.
        try f.store.addContact(user: "asha.patel", caseRef: ehe.ref, date: d("2026-11-09"), type: "home visit", outcome: "child out",
                               seen: false, text: nil, today: f.today)
        XCTAssertNil(try f.store.outOfSchoolRecord("C2")?.lastAnnualContact)
        try f.store.addContact(user: "asha.patel", caseRef: ehe.ref, date: d("2026-11-20"), type: "home visit", outcome: "good routine",
                               seen: true, text: nil, today: f.today)
        let rec = try XCTUnwrap(try f.store.outOfSchoolRecord("C2"))
        XCTAssertEqual(rec.lastAnnualContact, d("2026-11-20"))
        XCTAssertEqual(rec.lastSeen, d("2026-11-20"))
        XCTAssertTrue(try chronology(f, ehe.ref).contains { $0.text == "EHE annual contact made (home visit, child seen); the next is due by 2027-11-20" })
        XCTAssertTrue(try ops(f, ehe.ref).contains("outOfSchool.annual"))
        // The clock now runs from the visit: due 12 months on, not from the opening.
        let clock = try f.store.assessedCase(ehe.ref, today: f.today).assessment.deadlines.first { $0.kind == DeadlineKind.eheAnnualContact }
        XCTAssertEqual(clock?.due, d("2027-11-20"))
        // An older visit recorded late does not move it back.
        try f.store.addContact(user: "asha.patel", caseRef: ehe.ref, date: d("2026-10-01"), type: "home visit", outcome: "earlier visit",
                               seen: true, text: nil, today: f.today)
        XCTAssertEqual(try f.store.outOfSchoolRecord("C2")?.lastAnnualContact, d("2026-11-20"))
        // The same visit on a non-EHE case is an ordinary contact.
        try f.store.addContact(user: "asha.patel", caseRef: "WM-00001", date: d("2026-11-21"), type: "home visit", outcome: "seen",
                               seen: true, text: nil, today: f.today)
        XCTAssertNil(try f.store.outOfSchoolRecord("C1"))
    }

    func testCancellingAnActionNeedsAReasonAndReschedulingKeepsTheOldDate() throws {
        let f = try StoreFixture()
        let a = try f.store.addAction(user: "asha.patel", caseRef: "WM-00001", agency: "CAMHS", description: "Referral",
                                      owner: "asha.patel", due: d("2026-11-10"), today: d("2026-11-01"))
        let id = try XCTUnwrap(a.id)
        XCTAssertThrowsError(try f.store.cancelAction(user: "asha.patel", id: id, reason: "  ", date: f.today)) {
            XCTAssertEqual($0 as? StoreError, .invalid("--reason: cancelling an action needs a reason"))
        }
        XCTAssertEqual(try f.store.action(id)?.status, .open, "nothing written")
        let moved = try f.store.rescheduleAction(user: "asha.patel", id: id, due: d("2026-12-04"), reason: "clinic postponed", today: f.today)
        XCTAssertEqual(moved.due, d("2026-12-04"))
        XCTAssertTrue(try chronology(f, "WM-00001").contains {
            $0.text == "Action rescheduled (CAMHS): Referral — due 2026-11-10 → 2026-12-04 (clinic postponed)" && $0.linkId == id
        })
        XCTAssertThrowsError(try f.store.rescheduleAction(user: "asha.patel", id: id, due: d("2026-12-04"), reason: nil, today: f.today))
        let cancelled = try f.store.cancelAction(user: "asha.patel", id: id, reason: "family moved away", date: f.today)
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertEqual(cancelled.outcome, "family moved away")
        XCTAssertTrue(try chronology(f, "WM-00001").contains { $0.kind == .actionCancelled && $0.text.hasSuffix("— family moved away") })
        XCTAssertEqual(Array(try ops(f, "WM-00001").prefix(4).reversed()), ["action.reschedule", "chronology.action", "action.cancel", "chronology.actionCancelled"])
        XCTAssertThrowsError(try f.store.rescheduleAction(user: "asha.patel", id: id, due: d("2026-12-11"), reason: nil, today: f.today))
    }

    func testOverdueActionsAcrossTheCaseloadMostOverdueFirst() throws {
        let f = try StoreFixture()
        let late = try f.store.addAction(user: "t", caseRef: "WM-00002", agency: "CAMHS", description: "Late", owner: nil, due: d("2026-11-01"), today: d("2026-10-01"))
        let later = try f.store.addAction(user: "t", caseRef: "WM-00001", agency: "CAMHS", description: "Later", owner: nil, due: d("2026-11-20"), today: d("2026-10-01"))
        _ = try f.store.addAction(user: "t", caseRef: "WM-00001", agency: "CAMHS", description: "Due today", owner: nil, due: f.today, today: d("2026-10-01"))
        _ = try f.store.addAction(user: "t", caseRef: "WM-00001", agency: "CAMHS", description: "No date", owner: nil, due: nil, today: d("2026-10-01"))
        let rows = try f.store.overdueActions(today: f.today)
        XCTAssertEqual(rows.map(\.action.id), [late.id, later.id])
        XCTAssertEqual(rows.map(\.daysOverdue), [22, 3])
        XCTAssertEqual(rows.first?.childName, "Amira Haddad")
        // A closed case's actions are not chased.
        try f.store.closeCase(user: "t", ref: "WM-00002", reason: "done", today: f.today)
        XCTAssertEqual(try f.store.overdueActions(today: f.today).map(\.action.id), [later.id])
    }

    func testVoiceIsKeptOnTheChildAndInTheChronology() throws {
        let f = try StoreFixture()
        XCTAssertThrowsError(try f.store.setVoice(user: "asha.patel", childRef: "C1", pupil: " ", parent: nil, date: f.today))
        let ch = try f.store.setVoice(user: "asha.patel", childRef: "C1", pupil: "I like PE", parent: nil, date: f.today)
        XCTAssertEqual(ch.pupilVoice, "I like PE")
        _ = try f.store.setVoice(user: "asha.patel", childRef: "C1", pupil: nil, parent: "Mornings are hard", date: f.today)
        let kid = try XCTUnwrap(try f.store.child("C1"))
        XCTAssertEqual(kid.pupilVoice, "I like PE", "an empty one is left as it was")
        XCTAssertEqual(kid.parentVoice, "Mornings are hard")
        let texts = try chronology(f, "WM-00001").map(\.text)
        XCTAssertTrue(texts.contains("Pupil voice: I like PE"))
        XCTAssertTrue(texts.contains("Parent/carer voice: Mornings are hard"))
        XCTAssertTrue(try ops(f, "WM-00001").contains("child.voice"))
    }

    func testReassignKnowsTheOfficersAndHandsOverTheLead() throws {
        let f = try StoreFixture()
        // Case owners, and the importing officer (who has written to the store: on a server, its login).
        XCTAssertEqual(try f.store.officers(), ["asha.patel", f.who("tester"), "tom.reid"].sorted())
        XCTAssertThrowsError(try f.store.reassign(user: "asha.patel", ref: "WM-00001", owner: "tom.reed", handover: .init(), today: f.today)) {
            XCTAssertEqual("\($0)", "--owner: 'tom.reed' is not an officer the store knows; did you mean tom.reid? (--new-owner if 'tom.reed' is a new officer)")
        }
        XCTAssertEqual(try f.store.case("WM-00001")?.owner, "asha.patel", "nothing written")
        // The outgoing owner leads the team: the lead moves with the case.
        try f.store.addProfessional(user: "asha.patel", Professional(caseRef: "WM-00001", agency: "education welfare", role: "EWO",
                                                                     name: "asha.patel", contact: nil, since: d("2026-09-10"), isLead: true),
                                    date: d("2026-09-10"))
        XCTAssertEqual(try f.store.leadHeldByOwner(caseRef: "WM-00001")?.name, "asha.patel")
        let c = try f.store.reassign(user: "asha.patel", ref: "WM-00001", owner: "Tom.Reid",
                                     handover: .init(note: "Mum prefers texts", moveLead: true), today: f.today)
        XCTAssertEqual(c.owner, "tom.reid", "spelled as the store knows them")
        let team = try f.store.team(caseRef: "WM-00001", includeLeft: false)
        XCTAssertEqual(team.map(\.name), ["tom.reid"])
        XCTAssertEqual(team.first?.isLead, true)
        XCTAssertEqual(team.first?.role, "EWO")
        let texts = try chronology(f, "WM-00001").map(\.text)
        XCTAssertTrue(texts.contains("owner asha.patel → tom.reid"))
        XCTAssertTrue(texts.contains("Handover to tom.reid: Mum prefers texts"))
        XCTAssertTrue(texts.contains("Lead professional asha.patel → tom.reid (education welfare) on handover"))
        // A new officer on purpose.
        let n = try f.store.reassign(user: "asha.patel", ref: "WM-00002", owner: "jo.new", handover: .init(newOwner: true), today: f.today)
        XCTAssertEqual(n.owner, "jo.new")
        XCTAssertTrue(try f.store.officers().contains("jo.new"))
        // No lead to move: refused whole.
        XCTAssertThrowsError(try f.store.reassign(user: "asha.patel", ref: "WM-00002", owner: "asha.patel",
                                                  handover: .init(moveLead: true), today: f.today))
        XCTAssertEqual(try f.store.case("WM-00002")?.owner, "jo.new")
    }

    func testOpenWorkNamesActionsAndPendingPanelItems() throws {
        let f = try StoreFixture()
        XCTAssertTrue(try f.store.openWork(caseRef: "WM-00001").isEmpty)
        let a = try f.store.addAction(user: "t", caseRef: "WM-00001", agency: "CAMHS", description: "Referral", owner: nil, due: nil, today: f.today)
        let p = try f.store.newPanel(user: "t", date: d("2026-12-02"), type: .inclusion, chair: nil)
        _ = try f.store.addItem(user: "t", panelId: p.id!, caseRef: "WM-00001", reason: "flagged", today: f.today)
        let w = try f.store.openWork(caseRef: "WM-00001")
        XCTAssertEqual(w.summary, "an open action (\(a.id!)) and an item on panel \(p.id!) (2026-12-02)")
    }
}
