import OnRollTestSupport
import OnRollCore
import XCTest

/// Seeded random input for the value parsers: they may refuse, never crash, and what they accept
/// is valid (a date round-trips, a UPN has a correct check letter, a closure runs forwards).
final class ParserFuzzTests: XCTestCase {
    static let iterations = 5_000

    func testSchoolDateParseNeverCrashesAndRoundTrips() {
        var rng = FuzzRNG(seed: 11)
        var accepted = 0
        for _ in 0..<Self.iterations {
            let text = rng.nextBool() ? rng.dateLike() : rng.hostileString(maxLength: 40)
            if let d = try? SchoolDate.parse(text) {
                accepted += 1
                XCTAssertEqual(try? SchoolDate.parse(d.iso), d, "accepted \(text.debugDescription) but its ISO form does not parse back")
                XCTAssertTrue((1...9999).contains(d.year), "accepted \(text.debugDescription) as year \(d.year)")
            }
        }
        XCTAssertGreaterThan(accepted, 100, "the generator should produce some valid dates")
    }

    func testSchoolDateRefusesMonthFirstAndNonsense() {
        for bad in ["11/23/2026", "2026-02-30", "2026-13-01", "31/02/2026", "", " ", "\u{0}", "2026-1-1x", "９９/０１/２０２６",
                    "2026-11-23\u{1B}[2J", String(repeating: "9", count: 10_000)] {
            XCTAssertThrowsError(try SchoolDate.parse(bad), bad.debugDescription)
        }
    }

    func testUPNNeverCrashesAndAcceptsOnlyValidCheckLetters() {
        var rng = FuzzRNG(seed: 12)
        var accepted = 0
        for i in 0..<Self.iterations {
            let text: String
            switch i % 3 {
            case 0: text = rng.hostileString(maxLength: 20)
            case 1: text = String((0..<13).map { _ in rng.pick(Array("ABCDEFGHJKLMNPQRTUVWXYZ0123456789")) })
            default:
                // A valid body with a random (usually wrong) check letter.
                let body = String((0..<12).map { _ in rng.pick(Array("0123456789")) })
                text = rng.pick(Array("ABCDEFGHJKLMNPQRTUVWXYZ")).description + body
            }
            if let u = try? UPN(text) {
                accepted += 1
                XCTAssertEqual(u.value.count, 13, text.debugDescription)
                XCTAssertTrue(u.value.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }, text.debugDescription)
                if !u.isTemporary, let valid = UPN.withCheckLetter(body: String(u.value.dropFirst())) {
                    XCTAssertEqual(valid.value, u.value, "accepted \(text) with a wrong check letter")
                }
            }
        }
        XCTAssertGreaterThan(accepted, 0)
    }

    func testClosureParseNeverCrashesAndRunsForwards() {
        var rng = FuzzRNG(seed: 13)
        for _ in 0..<Self.iterations {
            let text: String
            switch rng.int(4) {
            case 0: text = rng.hostileString(maxLength: 40)
            case 1: text = rng.dateLike() + ".." + rng.dateLike()
            case 2: text = rng.dateLike() + (rng.nextBool() ? " pm" : " am")
            default: text = (0..<rng.int(5)).map { _ in rng.dateLike() }.joined(separator: ";")
            }
            if let c = try? Closure.parse(text) { XCTAssertLessThanOrEqual(c.from, c.to, text) }
            _ = try? Closure.parseList(text)
        }
    }
}
