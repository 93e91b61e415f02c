import Foundation
import XCTest

/// `onroll export` / `onroll restore` on the sample caseload and on ReportDataset.
final class ExportCLITests: XCTestCase {
    func testExportRestoreExportIsByteIdenticalAndChecksClean() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        // A few audited changes on top, so the log holds more than imports.
        XCTAssertEqual(try cli.run(["note", "WM-00001", "Spoke to school"]).code, 0)
        let a = try cli.run(["export", "--format", "json"])
        XCTAssertEqual(a.code, 0, a.err)
        XCTAssertTrue(a.out.hasPrefix("{\n  \"format\": \"onroll-export\",\n  \"version\": 1,\n  \"pseudonymised\": false,"))
        let doc = try JSONSerialization.jsonObject(with: Data(a.out.utf8)) as! [String: Any]
        let tables = doc["tables"] as! [String: Any]
        for t in ["schools", "children", "cases", "chronology", "suspensions", "attendance", "actions", "terms", "plans",
                  "planPhases", "planReviews", "deletions", "outOfSchool", "panels", "agencies", "config"] {
            XCTAssertNotNil(tables[t], "export lacks \(t)")
        }
        XCTAssertGreaterThan((doc["audit"] as! [Any]).count, 1000)
        // Same store state, same bytes: the export holds its state's head, and is itself logged as a
        // view, so the next export is the same plus that one entry.
        let again = try JSONSerialization.jsonObject(with: Data(try cli.run(["export"]).out.utf8)) as! [String: Any]
        XCTAssertEqual((again["audit"] as! [Any]).count, (doc["audit"] as! [Any]).count + 1)
        let head = try XCTUnwrap(doc["head"] as? [String: Any])
        XCTAssertEqual(head["position"] as? Int, (doc["audit"] as! [Any]).count)

        let file = try cli.write("export.json", a.out)
        let restored = cli.dir + "/restored.onroll"
        // The restored copy is the same chain, behind the original's witnessed head: on this machine
        // that is a rollback (testRestoringAnOlderExportIsARollbackHere). A new machine has no witness.
        let elsewhere = ["XDG_STATE_HOME": cli.dir + "/elsewhere"]
        let r = try cli.run(["restore", file, "--store", restored], store: false, env: elsewhere)
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("chain verified"), r.out)
        let check = try cli.run(["check", "--store", restored], store: false, env: elsewhere)
        XCTAssertEqual(check.code, 0, check.out + check.err)
        let b = try cli.run(["export", "--store", restored], store: false, env: elsewhere)
        XCTAssertEqual(b.out, a.out, "restored store exports differently")
        // Refuses an existing store, leaves it as it was.
        let before = try cli.run(["check", "--store", restored], store: false, env: elsewhere).out
        XCTAssertNotEqual(try cli.run(["restore", file, "--store", restored], store: false, env: elsewhere).code, 0)
        XCTAssertEqual(try cli.run(["check", "--store", restored], store: false, env: elsewhere).out, before)
        // A damaged document: nothing is left behind.
        let bad = try cli.write("bad.json", a.out.replacingOccurrences(of: "\"format\": \"onroll-export\"", with: "\"format\": \"other\""))
        XCTAssertEqual(try cli.run(["restore", bad, "--store", cli.dir + "/x.onroll"], store: false).code, 65)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.dir + "/x.onroll"))
        let broken = try cli.write("broken.json", a.out.replacingOccurrences(of: "\"childRef\": \"C00001\"", with: "\"childRef\": \"NOBODY\""))
        XCTAssertEqual(try cli.run(["restore", broken, "--store", cli.dir + "/y.onroll"], store: false).code, 65)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.dir + "/y.onroll"), "a failed restore leaves no store")
    }

    func testPseudonymisedExportNamesNoChildAndCannotBeRestored() throws {
        let cli = try CLI()
        try ReportDataset.load(into: cli)
        let plain = try cli.run(["export"]).out
        let p = try cli.run(["export", "--pseudonymise", "--pseudonym-key", "test-key"])
        XCTAssertEqual(p.code, 0, p.err)
        XCTAssertTrue(p.out.contains("\"pseudonymised\": true"))
        for s in ReportDataset.personal where !s.hasPrefix("K0") && !s.hasPrefix("RPT") && !s.hasPrefix("officer") {
            XCTAssertTrue(plain.contains(s), "the plain export has \(s)")
            XCTAssertFalse(p.out.contains(s), "pseudonymised export still contains \(s)")
        }
        XCTAssertFalse(p.out.contains("07700 900001"), "contacts are dropped")
        let doc = try JSONSerialization.jsonObject(with: Data(p.out.utf8)) as! [String: Any]
        XCTAssertEqual((doc["audit"] as! [Any]).count, 0, "the audit log holds the original records")
        let children = (doc["tables"] as! [String: Any])["children"] as! [[String: Any]]
        let k01 = try XCTUnwrap(children.first { $0["ref"] as? String == "K01" })
        XCTAssertEqual(k01["forename"] as? String, "Child")
        let code = try XCTUnwrap(k01["surname"] as? String)
        XCTAssertEqual(code.count, 4)
        // The pseudonymous UPN is a valid UPN: it imports as one.
        let upn = try XCTUnwrap(k01["upn"] as? String)
        XCTAssertNotEqual(upn, "V201001250017")
        let other = try CLI()
        XCTAssertEqual(try other.run(["init"]).code, 0)
        let csv = try other.write("c.csv", "ref,upn,forename,surname,dob\nX1,\(upn),A,B,2012-01-01\n")
        XCTAssertEqual(try other.run(["import", "children", csv]).code, 0, "pseudonymous UPN \(upn) is not valid")
        // Free text is removed; kept with --keep-text, a child's name in it becomes the pseudonym.
        let cases = (doc["tables"] as! [String: Any])["cases"] as! [[String: Any]]
        XCTAssertEqual(cases.first { $0["ref"] as? String == "RPT-001" }?["summary"] as? String, "[text removed: 33 characters]")
        let kept = try cli.run(["export", "--pseudonymise", "--keep-text", "--pseudonym-key", "test-key"])
        XCTAssertTrue(kept.err.contains("warning: --keep-text keeps what officers typed"), kept.err)
        let keptDoc = try JSONSerialization.jsonObject(with: Data(kept.out.utf8)) as! [String: Any]
        let keptCases = (keptDoc["tables"] as! [String: Any])["cases"] as! [[String: Any]]
        XCTAssertEqual(keptCases.first { $0["ref"] as? String == "RPT-001" }?["summary"] as? String, "Child \(code): repeat suspensions")
        // Same key, same pseudonyms; another key, others.
        XCTAssertEqual(try cli.run(["export", "--pseudonymise", "--pseudonym-key", "test-key"]).out, p.out)
        XCTAssertNotEqual(try cli.run(["export", "--pseudonymise", "--pseudonym-key", "other"]).out, p.out)
        // Refused by restore.
        let file = try cli.write("p.json", p.out)
        let r = try cli.run(["restore", file, "--store", cli.dir + "/p.onroll"], store: false)
        XCTAssertEqual(r.code, 65)
        XCTAssertTrue(r.err.contains("pseudonymised"), r.err)
    }

    /// Issue 13.4: "mum Janet Brooks" became "mum JanetChild E810", "Mrs Bailey" got another child's
    /// pseudonym, and an address, postcode, phone, a sibling's name, a capitalised full name and a
    /// lower-case UPN came through.
    func testAPseudonymisedExportIdentifiesNoOne() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let child = try XCTUnwrap(try cli.json(["show", "WM-00001", "--format", "json"]) as? [String: Any])
        let upn = try XCTUnwrap((child["child"] as? [String: Any])?["upn"] as? String, "\(child.keys)")
        let note = "Home visit: mum Janet Brooks at 12 Elm Road, WM1 2AB, tel 07700 900123, janet.b@example.com. "
            + "Sister Kayla is at the same school. Mrs Bailey (EP) and TYLER BROOKS met; upn \(upn.lowercased())."
        for args in [["team", "add", "WM-00001", "--agency", "Educational psychology", "--name", "Ann Bailey"],
                     ["note", "WM-00001", note]] {
            XCTAssertEqual(try cli.run(args).code, 0, "\(args)")
        }
        let secrets = ["Janet", "Brooks", "BROOKS", "Tyler", "TYLER", "Bailey", "Elm Road", "WM1 2AB", "07700 900123",
                       "example.com", upn, upn.lowercased(), "Grace"]
        let p = try cli.run(["export", "--pseudonymise", "--pseudonym-key", "k"])
        XCTAssertEqual(p.code, 0, p.err)
        for s in secrets { XCTAssertFalse(p.out.contains(s), "pseudonymised export contains \(s)") }
        XCTAssertTrue(p.out.contains("[text removed: \(note.count) characters]"), "the note is removed, its length said")
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(p.out.utf8)) as? [String: Any])
        let dobs = ((doc["tables"] as? [String: Any])?["children"] as? [[String: Any]] ?? []).compactMap { $0["dob"] as? String }
        XCTAssertEqual(dobs.count, 170)
        XCTAssertTrue(dobs.allSatisfy { $0.hasSuffix("-01") }, "a date of birth keeps its month and year only")
        let kept = try cli.run(["export", "--pseudonymise", "--keep-text", "--pseudonym-key", "k"])
        XCTAssertEqual(kept.code, 0, kept.err)
        for s in secrets + ["Kayla"] { XCTAssertFalse(kept.out.contains(s), "--keep-text export contains \(s)") }
        for s in ["[postcode]", "[phone]", "[email]", "[address]", "mum [name] at", "Sister [name] is", "Mrs [name] (EP)"] { XCTAssertTrue(kept.out.contains(s), s) }
    }

    func testCSVExportImportsBackToTheSameCounts() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let dir = cli.dir + "/csv"
        let e = try cli.run(["export", "--format", "csv", dir])
        XCTAssertEqual(e.code, 0, e.err)
        let target = cli.dir + "/back.onroll"
        XCTAssertEqual(try cli.run(["init", "--store", target], store: false).code, 0)
        // ImportKind order, chronicle off: the chronology file brings its own lines.
        for kind in ["schools", "terms", "children", "cases", "chronology", "suspensions", "reflections", "attendance",
                     "actions", "team", "plans", "phases", "reviews", "deletions", "outofschool", "panels", "attendees", "panelitems"] {
            let r = try cli.run(["import", kind, "\(dir)/\(kind).csv", "--store", target, "--no-chronicle"], store: false)
            XCTAssertEqual(r.code, 0, "\(kind): \(r.err)")
        }
        let a = try cli.run(["export"]).out, b = try cli.run(["export", "--store", target], store: false).out
        let ta = (try JSONSerialization.jsonObject(with: Data(a.utf8)) as! [String: Any])["tables"] as! [String: [Any]]
        let tb = (try JSONSerialization.jsonObject(with: Data(b.utf8)) as! [String: Any])["tables"] as! [String: [Any]]
        for (name, rows) in ta where name != "config" && name != "agencies" {
            XCTAssertEqual(tb[name]?.count, rows.count, "\(name) count after CSV round trip")
        }
    }
}
