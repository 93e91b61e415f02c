import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// `list` streams `Store.listCases`: the caseload's own rows and order for the day, narrowed to what a
/// listing prints. On both backends (a server's rows are read from libpq's buffer, a file's from GRDB's).
final class CaseListingTests: XCTestCase {
    func testAListingIsTheCaseloadsRowsInItsOrder() throws {
        let fx = try StoreFixture()
        try fx.imp(.children, """
            ref,forename,surname,dob,school_urn,sen,flags
            C3,Zoë,Wiśniewski,2011-05-02,140002,N,LAC
            """)
        try fx.imp(.cases, """
            ref,child_ref,kind,status,opened,owner,closed_on,closure_reason
            WM-00003,C3,cme,closed,2026-09-01,,2026-10-01,Back on roll
            """)
        var filters: [(String, CaseFilter)] = [("open cases", CaseFilter())]
        var all = CaseFilter(); all.includeClosed = true; filters.append(("with closed", all))
        var owned = CaseFilter(); owned.owner = "TOM.REID"; filters.append(("by owner", owned))
        var found = CaseFilter(); found.search = "zoe"; found.includeClosed = true; filters.append(("by search", found))
        for (what, f) in filters {
            var listed: [CaseListing] = []
            try fx.store.listCases(today: fx.today, filter: f) { listed.append($0) }
            XCTAssertEqual(listed, try fx.store.caseRows(today: fx.today, filter: f).map(CaseListing.init), what)
        }
        var listed: [CaseListing] = []
        try fx.store.listCases(today: fx.today, filter: all) { listed.append($0) }
        XCTAssertEqual(listed.map(\.ref).sorted(), ["WM-00001", "WM-00002", "WM-00003"])
        // Every column as the imports above wrote it.
        let one = try XCTUnwrap(listed.first { $0.ref == "WM-00001" })
        XCTAssertEqual([one.childRef, one.childName, one.dob.iso, one.kind.rawValue, one.status.rawValue, one.owner, one.opened.iso,
                        one.nextReview?.iso, one.schoolURN, one.schoolName, one.flags.description],
                       ["C1", "Sam Okafor", "2012-03-14", "suspension", "open", "asha.patel", "2026-09-10", "2026-11-30",
                        "140001", "Hillcrest Academy", "FSM;PP"])
        let closed = try XCTUnwrap(listed.first { $0.ref == "WM-00003" })
        XCTAssertEqual([closed.childName, closed.status.rawValue, closed.schoolName, closed.flags.description], ["Zoë Wiśniewski", "closed", "Westmarch PRU", "LAC"])
        XCTAssertNil(closed.owner)
        XCTAssertNil(closed.nextReview)
    }

    func testTheScoreIsWrittenToOneDecimalFromItsTenths() {
        func text(_ tenths: Int) -> String {
            CaseListing(ref: "r", childRef: "c", childName: "n", dob: SchoolDate(dayNumber: 0), kind: .ebsa, status: .open,
                        owner: nil, opened: SchoolDate(dayNumber: 0), nextReview: nil, schoolURN: nil, schoolName: nil,
                        flags: FlagSet(), isOverdue: false, scoreTenths: tenths).scoreText
        }
        XCTAssertEqual([0, 5, 10, 123, 920, -5, -15].map(text), ["0.0", "0.5", "1.0", "12.3", "92.0", "-0.5", "-1.5"])
    }
}
