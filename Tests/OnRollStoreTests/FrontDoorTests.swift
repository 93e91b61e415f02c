import OnRollCore
@testable import OnRollStore
import XCTest

/// The front door: each officer sees what arrived since their own last look, by school, each arrival
/// naming the child's open case; looking moves only that officer's mark, and a peek moves nothing.
final class FrontDoorTests: XCTestCase {
    func testEachOfficerSeesWhatArrivedSinceTheirOwnLastLook() throws {
        let fx = try StoreFixture()
        let asha = fx.who("asha.patel"), tomStore = try fx.colleague("tom.reid"), tom = fx.who("tom.reid")
        // The fixture's imports: 2 children's records are not changes by file (added, not updated), so
        // the first look finds the 1 referral (WM-00002 is a referral) and nothing else of interest.
        let first = try fx.store.frontDoor(user: asha)
        XCTAssertEqual(first.since, 0)
        XCTAssertNil(first.sinceAt)
        XCTAssertEqual(first.arrivals.map(\.kind), [.referral])
        XCTAssertEqual(first.arrivals.first?.caseRef, "WM-00002")
        try fx.store.markFrontDoorLooked(user: asha, first)
        XCTAssertEqual(try fx.store.frontDoor(user: asha).arrivals, [], "nothing new after looking")

        // A colleague records a suspension (C1, Hillcrest) and a deletion from a roll (C2, Hillcrest).
        _ = try tomStore.addSuspension(user: tom, Suspension(childRef: "C1", start: try SchoolDate.parse("2026-11-20"), days: 2.5,
                                                                    reason: .DM), today: fx.today)
        _ = try tomStore.addDeletion(user: tom, RollDeletion(childRef: "C2", schoolURN: "140001", date: try SchoolDate.parse("2026-11-19"),
                                                                    ground: "EHE", laNotified: true), today: fx.today)
        let door = try fx.store.frontDoor(user: asha)
        XCTAssertNotNil(door.sinceAt)
        XCTAssertEqual(door.bySchool.map(\.school), ["Hillcrest Academy"])
        XCTAssertEqual(door.arrivals.map(\.kind), [.suspension, .deletion])
        XCTAssertEqual(door.arrivals.map(\.caseRef), ["WM-00001", "WM-00002"])
        XCTAssertEqual(door.arrivals.map(\.by), [tom, tom])
        XCTAssertEqual(door.arrivals[0].detail, "2.5 days from 2026-11-20 (DM)")
        XCTAssertEqual(FrontDoor.counts(door.arrivals), "1 suspension, 1 deletion from a roll")

        // Another officer has never looked: they see all of it, the referral too.
        XCTAssertEqual(try tomStore.frontDoor(user: tom).arrivals.map(\.kind), [.referral, .suspension, .deletion])
        // A peek (not marking) leaves the window where it was; a look empties it for that officer only.
        XCTAssertEqual(try fx.store.frontDoor(user: asha).arrivals.count, 2)
        try fx.store.markFrontDoorLooked(user: asha, door)
        XCTAssertEqual(try fx.store.frontDoor(user: asha).arrivals, [])
        XCTAssertEqual(try tomStore.frontDoor(user: tom).arrivals.count, 3)
        // The look is a view entry in the audit log, which check accepts.
        XCTAssertEqual(try fx.store.check().problems, [])
    }

    func testTheLimitKeepsTheNewestAndCountsTheRest() throws {
        let fx = try StoreFixture()
        for d in 16...20 {
            _ = try fx.store.addSuspension(user: "tom.reid", Suspension(childRef: "C1", start: try SchoolDate.parse("2026-11-\(d)"), days: 1),
                                           today: fx.today)
        }
        let door = try fx.store.frontDoor(user: "asha.patel", limit: 2)
        XCTAssertEqual(door.arrivals.map(\.detail), ["1 day from 2026-11-19", "1 day from 2026-11-20"])
        XCTAssertEqual(door.more, 4, "3 older suspensions and the referral")
    }
}
