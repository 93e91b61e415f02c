import Foundation
import OnRollConsole
import OnRollCore
import TerminalKit
import XCTest

/// The scores the caseload and the Why tab show, derived by hand from the triage weights and the
/// fixture's facts (ConsoleFixture), never read from a recording. The snapshots check only layout:
/// `maskingScores` blanks every score before they are compared.
final class ScoreFactsTests: XCTestCase {
    /// A default coefficient by name; a renamed factor fails here rather than reading 0.
    func w(_ key: String) throws -> Double { try XCTUnwrap(TriageWeights()[key], "no triage factor \(key)") }
    func fmt(_ x: Double) -> String { String(format: "%.1f", (x * 10).rounded() / 10) }

    /// Today is Mon 23 Nov 2026; autumn term 2 started 2 Nov after half term (26 Oct–30 Oct).
    func expectedScores() throws -> [String: Double] {
        // WM-00001 Samuel Okafor: a suspension case; SEN support (K); suspended 3 + 2 = 5 school days
        // this year; two suspensions and no reflection on the first; the school's notice of each to the
        // LA was due by its start date (21 Sep, 12 Oct) and none is recorded, so 2 deadlines overdue;
        // the CAMHS action was due 10 Nov and is open. Review 30 Nov is not yet due.
        let wm1 = try w("kind.suspension") + w("sen.support") + 5 * w("suspension.days")
            + w("suspension.repeat-no-reflection") + 2 * w("deadline.overdue") + 1 * w("action.overdue")
        // WM-00002 Amira Haddad: CME, CP plan; opened 1 Oct with no contact since: 53 days, of which
        // 43 count beyond the first 10; the CME enquiries and the Lost Pupil Database step fall at
        // 20 school days from opening (early November), both overdue; the review was due 20 Nov.
        let wm2 = try w("kind.cme") + w("flag.cp") + 43 * w("contact.days") + 2 * w("deadline.overdue")
            + w("review.overdue")
        // WM-00003 小明 王: a part-time timetable in monitoring; looked after; EHC plan; the timetable
        // has neither an end date nor a review date: 2 breached.
        let wm3 = try w("kind.part-time") + w("status.monitoring") + w("flag.lac") + w("sen.ehcp")
            + 2 * w("deadline.breached")
        // WM-00004 Maya Levi: an EBSA referral not yet triaged; nothing else.
        let wm4 = try w("kind.ebsa") + w("status.referral")
        return ["WM-00001": wm1, "WM-00002": wm2, "WM-00003": wm3, "WM-00004": wm4]
    }

    func testCaseloadShowsTheScoresTheWeightsGive() throws {
        let expected = try expectedScores()
        // Hand sums with the default weights: 3+2+2+5+12+2, 12+10+10.75+12+4, 4−3+8+4+10, 3+3.
        XCTAssertEqual(expected["WM-00001"]!, 26, accuracy: 0.001)
        XCTAssertEqual(expected["WM-00002"]!, 48.75, accuracy: 0.001)
        XCTAssertEqual(expected["WM-00003"]!, 23, accuracy: 0.001)
        XCTAssertEqual(expected["WM-00004"]!, 6, accuracy: 0.001)
        let lines = try ConsoleFixture().text.split(separator: "\n").map(String.init)
        for (ref, score) in expected {
            let row = try XCTUnwrap(lines.first { $0.contains(ref) }, "\(ref) not on the caseload")
            // 10.75 for contact days rounds to 10.8 in its term, so WM-00002 shows 48.8.
            let shown = ref == "WM-00002" ? "48.8" : fmt(score)
            XCTAssertTrue(row.contains(" \(shown) \(ref)"), "\(ref) should show \(shown): \(row)")
        }
        // Highest first, as the officer triages.
        let order = lines.compactMap { l in expected.keys.first { l.contains($0) } }
        XCTAssertEqual(order, expected.sorted { $0.value > $1.value }.map(\.key))
    }

    func testWhyTabListsEachTermFromTheWeights() throws {
        let f = try ConsoleFixture()
        f.type("/okafor")
        f.press([.enter, .enter, .tab])
        let text = f.text
        let terms: [(Double, String)] = [
            (2 * (try w("deadline.overdue")), "2 overdue: Tell the LA; Tell the LA"),
            (try w("suspension.repeat-no-reflection"), "repeat suspension; no reflection on the one before"),
            (try w("kind.suspension"), "Suspension case"),
            (try w("action.overdue"), "1 action overdue: Referral for assessment"),
            (try w("sen.support"), "SEN support"),
            (5 * (try w("suspension.days")), "5 school days suspended in 2026/27"),
        ]
        for (points, detail) in terms {
            XCTAssertTrue(text.contains("+\(fmt(points))  \(detail)"), "missing +\(fmt(points)) \(detail) in:\n\(text)")
        }
        let total = terms.map(\.0).reduce(0, +)
        XCTAssertTrue(text.contains("Why this case scores \(fmt(total))"), text)
    }
}

/// Blanks every score-like figure (12.0, 48.8) with as many `#`, so a snapshot keeps the layout
/// and none of the values: the values are checked from the facts above.
func maskingScores(_ text: String) -> String {
    let re = try! NSRegularExpression(pattern: #"[0-9]+\.[0-9]"#)
    var out = text
    let ns = text as NSString
    for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)).reversed() {
        let r = Range(m.range, in: out)!
        out.replaceSubrange(r, with: String(repeating: "#", count: m.range.length))
    }
    return out
}
