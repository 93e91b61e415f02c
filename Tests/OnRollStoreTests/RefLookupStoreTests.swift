import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// Refs typed in any case (issue 17.5), and contact types from the one known list.
final class RefLookupStoreTests: XCTestCase {
    func testACaseRefInAnyCaseResolvesToTheStoredSpelling() throws {
        let f = try StoreFixture()
        XCTAssertEqual(try f.store.resolveCaseRef("WM-00001"), "WM-00001")
        XCTAssertEqual(try f.store.resolveCaseRef("wm-00001"), "WM-00001")
        XCTAssertEqual(try f.store.resolveCaseRef("Wm-00002"), "WM-00002")
        XCTAssertEqual(try f.store.resolveChildRef("c1"), "C1")
        // Nothing matches: handed back as typed, so the caller's own "no case" error names it.
        XCTAssertEqual(try f.store.resolveCaseRef("wm-09999"), "wm-09999")
        XCTAssertEqual(try f.store.resolveChildRef("c99"), "c99")
    }

    func testTwoRefsDifferingOnlyInCaseNeedTheExactOne() throws {
        let f = try StoreFixture()
        _ = try f.imp(.children, "ref,forename,surname,dob\nab-1,Lily,Stone,2012-02-02\nAB-1,Ben,Hart,2012-03-03\n")
        XCTAssertEqual(try f.store.resolveChildRef("ab-1"), "ab-1")
        XCTAssertEqual(try f.store.resolveChildRef("AB-1"), "AB-1")
        XCTAssertThrowsError(try f.store.resolveChildRef("Ab-1")) { error in
            XCTAssertEqual(error as? StoreError,
                           .notFound("no child with ref Ab-1; AB-1 and ab-1 differ only in case: type one exactly"))
        }
    }

    func testAContactTypeOutsideTheListIsRefusedAndAKnownOneIsStoredAsListed() throws {
        let f = try StoreFixture()
        let before = try f.store.auditLog().count
        XCTAssertThrowsError(try f.store.addContact(user: "a", caseRef: "WM-00002", date: f.today, type: "visit",
                                                    outcome: "seen", seen: true, text: nil, today: f.today)) { error in
            XCTAssertEqual(error as? StoreError, .invalid(
                "contact type 'visit' is not one OnRoll knows; use one of: home visit, phone call, letter, email, school enquiry, agency enquiry, seen in school, meeting elsewhere, report from parents"))
        }
        XCTAssertEqual(try f.store.auditLog().count, before, "nothing written")
        let e = try f.store.addContact(user: "a", caseRef: "WM-00002", date: f.today, type: "Phone-Call",
                                       outcome: "spoke to mum", seen: false, text: nil, today: f.today)
        XCTAssertEqual(e.contactType, "phone call")
        XCTAssertEqual(e.text, "phone call: spoke to mum")
    }
}
