import Foundation
import OnRollConsole
import OnRollCore
import OnRollStore
import XCTest

/// What an exclusions return brings in shows on the case's suspensions tab like any other record.
final class ExclusionsReturnConsoleTests: XCTestCase {
    func testReturnRowsShowOnTheSuspensionsTab() throws {
        let f = try ConsoleFixture(width: 160, height: 48)
        let r = try f.store.importCSV(.exclusions, data: Data("""
            upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn
            H801200001001,2026-11-16,LNCH,DB,,,,140001
            H801200001001,2026-11-18,SUSP,PA,MP,,4,140001
            """.utf8), fileName: "return.csv", user: "asha.patel")
        XCTAssertEqual(r.inserted, 2)
        f.type("/okafor")
        f.press([.enter, .enter, .tab, .tab, .tab, .tab])
        XCTAssertTrue(f.text.contains("0.5 days  Lunchtime · ! no reflection · DB persistent or general disruptive behaviour"), f.text)
        XCTAssertTrue(f.text.contains("2 days  Suspension · ! no reflection · PA/MP"), f.text)
    }
}
