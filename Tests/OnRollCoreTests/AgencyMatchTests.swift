import OnRollCore
import XCTest

/// One rule picks agencies for `action list --agency` and `panel actions --agency`.
final class AgencyMatchTests: XCTestCase {
    let names = ["LA inclusion", "CAMHS", "school", "school nurse", "social care", "Éducation welfare"]

    func testCapitalsAccentsAndTheStartOfANameMatch() {
        XCTAssertEqual(AgencyMatch.filter(names, by: "camhs"), ["CAMHS"])
        XCTAssertEqual(AgencyMatch.filter(names, by: " la "), ["LA inclusion"])
        XCTAssertEqual(AgencyMatch.filter(names, by: "education"), ["Éducation welfare"])
        XCTAssertEqual(AgencyMatch.filter(names, by: "school"), ["school"], "an exact name wins over names it starts")
        XCTAssertEqual(AgencyMatch.filter(names, by: "scho"), ["school", "school nurse"])
        XCTAssertEqual(AgencyMatch.filter(names, by: "police"), [])
        XCTAssertEqual(AgencyMatch.filter(names, by: ""), [])
    }

    func testFileStems() {
        XCTAssertEqual(AgencyMatch.fileStem("LA inclusion"), "la-inclusion")
        XCTAssertEqual(AgencyMatch.fileStem("Éducation / welfare!"), "education-welfare")
        XCTAssertEqual(AgencyMatch.fileStem("???"), "agency")
    }
}
