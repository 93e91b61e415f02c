import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

final class OutOfSchoolStoreTests: XCTestCase {
    func testRecordIsCreatedThenEditedWithAudit() throws {
        let f = try StoreFixture()
        try f.store.setOutOfSchool(user: "asha", childRef: "C2", date: f.today, describe: "address, parent 1") { r in
            r.childAddress = "4 Mill Lane"; r.parent1Name = "Ms Haddad"
        }
        let r = try f.store.setOutOfSchool(user: "tom", childRef: "C2", date: f.today, describe: "educator, CP plan") { r in
            r.educator = "Mother"; r.educatorHours = 15; r.cpPlan = true
        }
        XCTAssertEqual(r.childAddress, "4 Mill Lane", "only the given fields change")
        XCTAssertTrue(r.needsConsentToWithdraw)
        XCTAssertEqual(r.consentGrounds, ["CP plan"])
        XCTAssertEqual(r.version, 1)
        let log = try f.store.auditLog().filter { $0.entity == "outOfSchool" }
        XCTAssertEqual(log.map(\.op), ["outOfSchool.set", "outOfSchool.new"])
        XCTAssertTrue(log[0].before?.contains("\"cpPlan\":false") ?? false, log[0].before ?? "")
        XCTAssertTrue(log[0].after?.contains("\"cpPlan\":true") ?? false)
        XCTAssertTrue(try f.store.caseFile("WM-00002").chronology.contains { $0.text == "Out-of-school record: educator, CP plan" })
        XCTAssertThrowsError(try f.store.setOutOfSchool(user: "x", childRef: "C2", date: f.today, describe: "hours") { $0.educatorHours = 200 })
        XCTAssertThrowsError(try f.store.setOutOfSchool(user: "x", childRef: "NOPE", date: f.today, describe: "x") { _ in })
    }

    func testEnquiryStepsAreRecordedOnce() throws {
        let f = try StoreFixture()
        try f.store.recordEnquiry(user: "ewo", childRef: "C2", step: .school, date: try .parse("2026-11-16"))
        let r = try f.store.recordEnquiry(user: "ewo", childRef: "C2", step: .homeVisit, date: f.today)
        XCTAssertEqual(r.enquiriesDone, [.school, .homeVisit])
        XCTAssertEqual(r.enquiryHomeVisit, f.today)
        XCTAssertThrowsError(try f.store.recordEnquiry(user: "ewo", childRef: "C2", step: .school, date: f.today)) { e in
            XCTAssertEqual(e as? StoreError, .invalid("the school enquiry was already recorded on 2026-11-16"))
        }
        XCTAssertEqual(try f.store.auditLog().filter { $0.entity == "outOfSchool" }.count, 2)
        XCTAssertTrue(try f.store.caseFile("WM-00002").chronology.contains { $0.kind == .enquiry && $0.text.contains("enquiry home visit made 2026-11-23") })
    }

    func testDeletionToUnknownDestinationOpensACMECaseOnce() throws {
        let f = try StoreFixture()
        let before = try f.store.caseFiles().count
        let (del, opened) = try f.store.addDeletion(user: "asha", RollDeletion(childRef: "C1", schoolURN: "140001", date: try .parse("2026-11-20"),
                                                                               ground: "I 20-day absence", laNotified: true, notifiedOn: try .parse("2026-11-20")),
                                                    today: f.today)
        XCTAssertNotNil(del.id)
        let cme = try XCTUnwrap(opened)
        XCTAssertEqual(cme.kind, .cme)
        XCTAssertEqual(try f.store.caseFiles().count, before + 1)
        XCTAssertNil(try f.store.child("C1")?.schoolURN, "no longer on the roll")
        let log = try f.store.auditLog()
        XCTAssertTrue(log.contains { $0.op == "deletion.add" })
        XCTAssertTrue(log.contains { $0.op == "case.open" && $0.caseRef == cme.ref })
        XCTAssertTrue(log.contains { $0.op == "child.school" })
        let chron = try f.store.caseFile(cme.ref).chronology
        XCTAssertTrue(chron.contains { $0.kind == .opened && $0.text.contains("no known destination") })
        XCTAssertTrue(chron.contains { $0.kind == .deletion && $0.text.contains("ground I 20-day absence; destination unknown; LA notified 2026-11-20") })
        XCTAssertTrue(try f.store.caseFile("WM-00001").chronology.contains { $0.kind == .deletion }, "the child's other open case hears of it")
        // A second unknown-destination deletion does not open another CME case.
        let again = try f.store.addDeletion(user: "asha", RollDeletion(childRef: "C1", schoolURN: "140002", date: f.today, ground: "I", laNotified: false), today: f.today)
        XCTAssertNil(again.openedCME)
        XCTAssertEqual(try f.store.caseFiles().count, before + 1)
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testDeletionWithKnownDestinationOpensNothing() throws {
        let f = try StoreFixture()
        let before = try f.store.caseFiles().count
        let ehe = try f.store.addDeletion(user: "a", RollDeletion(childRef: "C2", schoolURN: "140001", date: f.today, ground: "EHE", laNotified: false, destination: "ehe"), today: f.today)
        XCTAssertEqual(ehe.deletion.destination, "EHE")
        XCTAssertNil(ehe.openedCME)
        let moved = try f.store.addDeletion(user: "a", RollDeletion(childRef: "C1", schoolURN: "140001", date: f.today, ground: "A registered elsewhere", laNotified: true, destination: "140002"), today: f.today)
        XCTAssertNil(moved.openedCME)
        XCTAssertEqual(try f.store.child("C1")?.schoolURN, "140002")
        XCTAssertEqual(try f.store.caseFiles().count, before)
        XCTAssertThrowsError(try f.store.addDeletion(user: "a", RollDeletion(childRef: "C1", schoolURN: "140001", date: f.today, ground: "A", laNotified: false, destination: "999999"), today: f.today))
        XCTAssertThrowsError(try f.store.addDeletion(user: "a", RollDeletion(childRef: "C1", schoolURN: "140001", date: f.today, ground: " ", laNotified: false, destination: "EHE"), today: f.today))
        XCTAssertThrowsError(try f.store.addDeletion(user: "a", RollDeletion(childRef: "C1", schoolURN: "140001", date: f.today, ground: "A", laNotified: false, notifiedOn: f.today, destination: "EHE"), today: f.today))
        XCTAssertEqual(try f.store.deletions().count, 2)
    }

    func testOutOfSchoolListShowsDaysSinceContactLongestFirst() throws {
        let f = try StoreFixture()
        let cme = try f.store.openCase(user: "a", childRef: "C2", kind: .cme, owner: nil, summary: nil, today: try .parse("2026-10-01"))
        let ehe = try f.store.openCase(user: "a", childRef: "C1", kind: .ehe, owner: nil, summary: nil, today: try .parse("2026-10-01"))
        try f.store.setOutOfSchool(user: "a", childRef: "C1", date: f.today, describe: "educator") { $0.educator = "Father" }
        try f.store.addContact(user: "a", caseRef: ehe.ref, date: try .parse("2026-11-13"), type: "home visit", outcome: "child seen, well", seen: true, text: nil)
        var rows = try f.store.outOfSchoolRows(today: f.today)
        XCTAssertEqual(rows.map(\.caseRef), [cme.ref, ehe.ref], "never contacted first")
        XCTAssertNil(rows[0].daysSinceContact)
        XCTAssertEqual(rows[0].enquiriesOutstanding.count, 8)
        XCTAssertEqual(rows[1].daysSinceContact, 10)
        XCTAssertEqual(rows[1].lastSeen, try .parse("2026-11-13"), "a contact where the child was seen updates last seen")
        try f.store.setOutOfSchool(user: "a", childRef: "C1", date: f.today, describe: "special school") { $0.specialSchool = true }
        try f.store.addContact(user: "a", caseRef: cme.ref, date: try .parse("2026-11-20"), type: "phone call", outcome: "spoke to parent", seen: false, text: nil)
        rows = try f.store.outOfSchoolRows(today: f.today)
        XCTAssertEqual(rows.map(\.caseRef), [ehe.ref, cme.ref])
        XCTAssertEqual(rows[0].consentGrounds, ["special school"])
        XCTAssertEqual(rows[1].daysSinceContact, 3)
    }
}
