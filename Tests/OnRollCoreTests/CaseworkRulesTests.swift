import XCTest
@testable import OnRollCore

/// The EHE annual-contact rule and the officer-name match, with hand-worked values.
final class CaseworkRulesTests: XCTestCase {
    func testOnlyAHomeVisitWithTheChildSeenIsTheAnnualContact() {
        XCTAssertEqual(EHEAnnualContact.verdict(kind: .ehe, contactType: "home visit", childSeen: true), .meets)
        // Typed differently, it is the same type.
        XCTAssertEqual(EHEAnnualContact.verdict(kind: .ehe, contactType: "Home-Visit", childSeen: true), .meets)
        XCTAssertEqual(EHEAnnualContact.verdict(kind: .ehe, contactType: "  home   visit ", childSeen: true), .meets)
        XCTAssertEqual(EHEAnnualContact.verdict(kind: .ehe, contactType: "home visit", childSeen: false),
                       .doesNotMeet("the child was not seen; the annual contact is a home visit at which the child is seen"))
        XCTAssertEqual(EHEAnnualContact.verdict(kind: .ehe, contactType: "phone call", childSeen: true),
                       .doesNotMeet("a phone call is not a home visit; the annual contact is a home visit at which the child is seen"))
        XCTAssertFalse(EHEAnnualContact.verdict(kind: .cme, contactType: "home visit", childSeen: true).meets)
    }

    func testTheNextAnnualContactIsTwelveMonthsOnAndTheDateOnlyMovesForward() {
        XCTAssertEqual(EHEAnnualContact.nextDue(after: d("2026-11-23")), d("2027-11-23"))
        // 29 Feb has no anniversary: the end of February.
        XCTAssertEqual(EHEAnnualContact.nextDue(after: d("2028-02-29")), d("2029-02-28"))
        XCTAssertEqual(EHEAnnualContact.advanced(nil, by: d("2026-05-01")), d("2026-05-01"))
        XCTAssertEqual(EHEAnnualContact.advanced(d("2026-06-01"), by: d("2026-05-01")), d("2026-06-01"), "a late-recorded older visit")
        XCTAssertEqual(EHEAnnualContact.advanced(d("2026-06-01"), by: d("2026-11-23")), d("2026-11-23"))
    }

    func testOfficerNamesMatchKnownOnesAndCatchNearMisses() {
        let team = ["asha.patel", "tom.reid", "sam.lee"]
        XCTAssertEqual(OfficerName.match("tom.reid", among: team), .known("tom.reid"))
        XCTAssertEqual(OfficerName.match("Tom.Reid", among: team), .known("tom.reid"))
        // reed/reid: one substitution.
        XCTAssertEqual(OfficerName.match("tom.reed", among: team), .nearMiss(typed: "tom.reed", known: "tom.reid"))
        // Same letters, other punctuation: distance 0 after folding, but not the same spelling.
        XCTAssertEqual(OfficerName.match("Tom Reid", among: team), .nearMiss(typed: "Tom Reid", known: "tom.reid"))
        // "ashapatl" vs "ashapatel": one deletion, allowed for a long name.
        XCTAssertEqual(OfficerName.match("asha.patl", among: team), .nearMiss(typed: "asha.patl", known: "asha.patel"))
        // "samlee" vs "tomreid" is far; a short name gets one edit only: "samle" (1) near, "sim.le" (2) new.
        XCTAssertEqual(OfficerName.match("sam.le", among: team), .nearMiss(typed: "sam.le", known: "sam.lee"))
        XCTAssertEqual(OfficerName.match("sim.le", among: team), .new("sim.le"))
        XCTAssertEqual(OfficerName.match("jo.bloggs", among: team), .new("jo.bloggs"))
        XCTAssertEqual(OfficerName.match("tom.reed", among: []), .new("tom.reed"))
    }

    func testLevenshteinDistance() {
        XCTAssertEqual(OfficerName.distance("kitten", "sitting"), 3)
        XCTAssertEqual(OfficerName.distance("", "abc"), 3)
        XCTAssertEqual(OfficerName.distance("tomreed", "tomreid"), 1)
        XCTAssertEqual(OfficerName.distance("same", "same"), 0)
    }
}
