import Foundation
import XCTest

/// `onroll import exclusions FILE` on real files, and UPN/laestab names from the command line.
final class ExclusionsCLITests: XCTestCase {
    let header = "upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn\n"

    func initialised() throws -> CLI {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        let schools = try cli.write("schools.csv", "urn,name,laestab\n140001,Hillcrest Academy,8014001\n")
        let children = try cli.write("children.csv", """
            ref,upn,former_upn,forename,surname,dob,school_urn
            C1,H801200001001,G80120000101A,Samuel,Okafor,2012-03-14,8014001
            C2,B801200005001,,Amira,Haddad,2013-09-01,140001

            """)
        let cases = try cli.write("cases.csv", "ref,child_ref,kind,opened\nWM-00001,C1,suspension,2026-09-10\n")
        for (kind, path) in [("schools", schools), ("children", children), ("cases", cases)] {
            let r = try cli.run(["import", kind, path])
            XCTAssertEqual(r.code, 0, r.err)
        }
        return cli
    }

    func testAReturnWithEveryCategoryAndAnUnknownCode() throws {
        let cli = try initialised()
        let file = try cli.write("return.csv", header + """
            H801200001001,2026-11-02,SUSP,PA,ZZ,,4,140001
            G80120000101A,2026-11-09,LNCH,DB,,,1,8014001
            B801200005001,2026-11-16,PERM,PA,VA,DM,,140001

            """)
        let first = try cli.run(["import", "exclusions", file])
        XCTAssertEqual(first.code, 0, first.err)
        XCTAssertEqual(first.out, "exclusions: 3 added, 0 updated, 0 unchanged\n")
        XCTAssertEqual(first.err, "warning: \(file):2: reason_2: 'ZZ' is not a reason code OnRoll knows; imported as ZZ\n")
        let show = try cli.run(["show", "WM-00001"])
        XCTAssertTrue(show.out.contains("2026-11-02  2 days  Suspension, PA/ZZ"), show.out)
        XCTAssertTrue(show.out.contains("2026-11-09  0.5 days  Lunchtime, DB"), show.out)
        XCTAssertTrue(show.out.contains("exclusions return return.csv from Hillcrest Academy (URN 140001)"), show.out)
        // The same file again changes nothing, and still names the unknown code.
        let second = try cli.run(["import", "exclusions", file])
        XCTAssertEqual(second.code, 0, second.err)
        XCTAssertEqual(second.out, "exclusions: 0 added, 0 updated, 3 unchanged\n")
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testABadLineIsRefusedNamingFileLineAndField() throws {
        let cli = try initialised()
        let file = try cli.write("bad.csv", header + """
            H801200001001,2026-11-02,SUSP,PA,,,4,140001
            H801200001001,2026-11-03,SUSP,PA,,,four,140001
            A950000178301,2026-11-04,SUSP,PA,,,2,140001

            """)
        let r = try cli.run(["import", "exclusions", file])
        XCTAssertEqual(r.code, 65)
        XCTAssertTrue(r.err.contains("\(file):3: sessions: 'four' is not a whole number"), r.err)
        XCTAssertTrue(r.err.contains("\(file):4: upn: no child has UPN A950000178301, now or as a former UPN"), r.err)
        XCTAssertTrue(try cli.run(["show", "WM-00001"]).out.contains("Suspensions\n  none"))
    }

    /// A PERM from a return is a permanent exclusion like any other: the same statutory clocks.
    func testAPermanentExclusionFromAReturnStartsTheSameClocks() throws {
        let byHand = try CLI(), byReturn = try CLI()
        for cli in [byHand, byReturn] { XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0) }
        let show = try XCTUnwrap(try byHand.json(["show", "WM-00005", "--format", "json"]) as? [String: Any])
        let child = try XCTUnwrap(show["child"] as? [String: Any])
        let upn = try XCTUnwrap(child["upn"] as? String), ref = try XCTUnwrap(child["ref"] as? String)
        let school = try XCTUnwrap((show["school"] as? [String: Any])?["urn"] as? String)
        let added = try byHand.run(["suspension", "add", ref, "--start", "2026-11-20", "--days", "1", "--reason", "PA",
                                    "--school", school, "--permanent"])
        XCTAssertEqual(added.code, 0, added.err)
        let file = try byReturn.write("return.csv", header + "\(upn),2026-11-20,PERM,PA,,,,\(school)\n")
        let imported = try byReturn.run(["import", "exclusions", file])
        XCTAssertEqual(imported.code, 0, imported.err)
        func clocks(_ cli: CLI) throws -> String {
            let j = try XCTUnwrap(try cli.json(["show", "WM-00005", "--format", "json"]) as? [String: Any])
            let d = try JSONSerialization.data(withJSONObject: [j["deadlines"] ?? [], j["triage"] ?? [:]], options: [.sortedKeys])
            return String(decoding: d, as: UTF8.self)
        }
        let a = try clocks(byHand)
        XCTAssertTrue(a.contains("permanent exclusion from 20 Nov 2026"), a)
        XCTAssertEqual(a, try clocks(byReturn))
    }

    func testTheSampleReturnImportsIntoTheSampleCaseload() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let r = try cli.run(["import", "exclusions", repo.appendingPathComponent("sample-data/exclusions.csv").path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out, "exclusions: 4 added, 0 updated, 1 unchanged\n")
        XCTAssertTrue(r.err.contains("reason_1: 'MP' is not a reason code OnRoll knows; imported as MP"), r.err)
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testHelpDescribesTheReturn() throws {
        let r = try CLI().run(["import", "--help"], store: false)
        XCTAssertTrue(r.out.contains("upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn"), r.out)
        XCTAssertTrue(r.out.contains("exclusions"), r.out)
    }
}
