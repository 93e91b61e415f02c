import OnRollCore
@testable import OnRollStore
import XCTest

/// The audit's operation names are one list: every chronology kind has its operation, no two
/// operations share a name, and every name the log holds after real work is on the list.
final class AuditOpTests: XCTestCase {
    func testEveryChronologyKindHasAnOperationAndNamesAreUnique() {
        for kind in ChronologyEntry.Kind.allCases {
            XCTAssertEqual(AuditOp.chronology(kind).rawValue, "chronology.\(kind.rawValue)")
        }
        let names = AuditOp.allCases.map(\.rawValue)
        XCTAssertEqual(Set(names).count, names.count)
    }

    func testTheLogHoldsOnlyListedOperations() throws {
        let fx = try StoreFixture()
        let ref = "WM-00001"
        _ = try fx.store.addNote(user: "t", caseRef: ref, text: "hello", date: fx.today)
        _ = try fx.store.addContact(user: "t", caseRef: ref, date: fx.today, type: "home visit", outcome: "seen", seen: true,
                                    text: nil, today: fx.today)
        let ops = try fx.store.read { try String.fetchAll($0, sql: "SELECT DISTINCT op FROM audit") }
        XCTAssertFalse(ops.isEmpty)
        for op in ops { XCTAssertNotNil(AuditOp(rawValue: op), "\(op) is not in AuditOp") }
    }
}
