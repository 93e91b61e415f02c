import Foundation
@testable import OnRollStore
import XCTest

/// The audit's time stamp, written without a date formatter: the same text ISO 8601 gives in UTC.
final class ClockStampTests: XCTestCase {
    func testUTCStampIsInternetDateTime() {
        XCTAssertEqual(Store.utcStamp(0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Store.utcStamp(1_795_424_400), "2026-11-23T09:00:00Z")
        // A leap day, single-digit fields and the last second of a year.
        XCTAssertEqual(Store.utcStamp(1_709_168_645), "2024-02-29T01:04:05Z")
        XCTAssertEqual(Store.utcStamp(1_798_761_599), "2026-12-31T23:59:59Z")
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        for t in stride(from: 0, to: 4_000_000_000, by: 97_654_321) {
            XCTAssertEqual(Store.utcStamp(time_t(t)), f.string(from: Date(timeIntervalSince1970: Double(t))))
        }
    }
}
