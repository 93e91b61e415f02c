import OnRollCore
import XCTest

/// UK time from UTC stamps: in 2026 BST runs from 01:00 UTC on Sunday 29 March to 01:00 UTC on Sunday 25 October.
final class UKTimeTests: XCTestCase {
    func testGMTAndBSTAndTheirEdges() throws {
        XCTAssertEqual(UKTime.local("2026-11-26T09:00:00Z").map { "\($0.date.iso) \($0.clock) \($0.zone)" }, "2026-11-26 09:00 GMT")
        XCTAssertEqual(UKTime.local("2026-07-01T09:30:00Z").map { "\($0.date.iso) \($0.clock) \($0.zone)" }, "2026-07-01 10:30 BST")
        XCTAssertEqual(UKTime.local("2026-03-29T00:59:00Z")?.zone, "GMT")
        XCTAssertEqual(UKTime.local("2026-03-29T01:00:00Z").map { "\($0.clock) \($0.zone)" }, "02:00 BST")
        XCTAssertEqual(UKTime.local("2026-10-25T00:59:00Z").map { "\($0.clock) \($0.zone)" }, "01:59 BST")
        XCTAssertEqual(UKTime.local("2026-10-25T01:00:00Z").map { "\($0.clock) \($0.zone)" }, "01:00 GMT")
        // Late evening in summer is the next day in the UK.
        XCTAssertEqual(UKTime.local("2026-06-30T23:30:00Z").map { "\($0.date.iso) \($0.clock)" }, "2026-07-01 00:30")
        XCTAssertNil(UKTime.local("26 Nov 2026 09:00"))
    }
}
