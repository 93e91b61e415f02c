import ArgumentParser
import Foundation
@testable import OnRollCLI
import XCTest

/// Issue 17.5, "a CLI that scripts cleanly": refs in any case, `oos` by case ref, contact types from
/// one list, and help text on every option and argument.
final class ScriptingCLITests: XCTestCase {
    func setUpStore() throws -> CLI {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        let files: [(String, String)] = [
            ("schools", "urn,name,phase,type,trust,roll\n140001,Hillcrest Academy,secondary,academy,,1000\n140002,Brook PRU,secondary,pru,,60\n"),
            ("children", "ref,forename,surname,dob,school_urn\nC1,Samuel,Okafor,2012-03-14,140001\nC2,Amira,Haddad,2013-09-01,\n"),
            ("cases", "ref,child_ref,kind,status,opened,owner\nWM-00001,C1,ebsa,open,2026-09-01,asha.patel\nWM-00002,C2,ehe,open,2026-10-01,tom.reid\n"),
        ]
        for (kind, text) in files {
            let r = try cli.run(["import", kind, try cli.write(kind + ".csv", text)])
            XCTAssertEqual(r.code, 0, r.err)
        }
        return cli
    }

    func ok(_ cli: CLI, _ args: [String]) throws -> String {
        let r = try cli.run(args)
        XCTAssertEqual(r.code, 0, "\(args): \(r.err)")
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The audit entries' case refs, by `log --format json`.
    func loggedCaseRefs(_ cli: CLI) throws -> Set<String> {
        let json = try ok(cli, ["log", "--format", "json"])
        let entries = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        return Set(entries.compactMap { $0["caseRef"] as? String })
    }

    func testEveryCommandFindsACaseOrChildWhateverCaseItsRefIsTypedIn() throws {
        let cli = try setUpStore()
        XCTAssertTrue(try ok(cli, ["show", "wm-00001"]).contains("WM-00001"))
        XCTAssertEqual(try ok(cli, ["note", "wm-00001", "Rang mum"]).components(separatedBy: ": note").first, "WM-00001")
        XCTAssertEqual(try ok(cli, ["case", "status", "wm-00001", "monitoring"]), "WM-00001: monitoring")
        XCTAssertEqual(try ok(cli, ["case", "review", "Wm-00001", "--date", "2026-12-01"]), "WM-00001: next review 2026-12-01")
        XCTAssertEqual(try ok(cli, ["case", "flag", "wm-00001"]), "WM-00001: flagged for panel")
        XCTAssertEqual(try ok(cli, ["contact", "wm-00001", "--type", "phone call", "--outcome", "spoke to dad"]).components(separatedBy: ": contact").first, "WM-00001")
        let action = try ok(cli, ["action", "add", "wm-00001", "--agency", "CAMHS", "--description", "Referral"])
        XCTAssertTrue(try ok(cli, ["action", "list", "--case", "wm-00001", "--format", "csv"]).contains("\(action),WM-00001,CAMHS"))
        let pro = try ok(cli, ["team", "add", "wm-00001", "--agency", "CAMHS", "--name", "Dr Lee"])
        XCTAssertEqual(try ok(cli, ["team", "lead", "wm-00001", pro]), "WM-00001: Dr Lee (CAMHS) is the lead professional")
        XCTAssertTrue(try ok(cli, ["team", "list", "wm-00001", "--format", "csv"]).contains("Dr Lee"))
        XCTAssertFalse(try ok(cli, ["plan", "new", "wm-00001", "--from", "140002", "--to", "140001",
                                    "--start", "2026-11-23", "--target", "2027-02-01"]).isEmpty)
        let twin = try cli.run(["case", "open", "--child", "C1", "--kind", "cme", "--ref", "wm-00001"])
        XCTAssertEqual(twin.code, 65)
        XCTAssertEqual(twin.err, "error: case WM-00001 already exists (refs ignore case)\n")
        let opened = try ok(cli, ["case", "open", "--child", "c2", "--kind", "cme"])
        XCTAssertTrue(try ok(cli, ["show", opened.lowercased(), "--format", "json"]).contains("\"ref\" : \"C2\""))
        XCTAssertFalse(try ok(cli, ["suspension", "add", "c1", "--start", "2026-11-02", "--days", "1"]).isEmpty)
        XCTAssertTrue(try ok(cli, ["attendance", "add", "c1", "--from", "2026-11-02", "--to", "2026-11-06",
                                   "--possible", "10", "--present", "6"]).hasPrefix("attendance"))
        XCTAssertTrue(try ok(cli, ["voice", "wm-00001", "--pupil", "I like art"]).hasPrefix("C1: voice recorded"))
        // The panel: a case added, moved and decided on by a lowercase ref.
        let panel = try ok(cli, ["panel", "new", "--date", "2026-11-27", "--type", "inclusion"])
        XCTAssertEqual(try ok(cli, ["panel", "add", panel, "wm-00002", "--reason", "EHE concerns"]), "panel \(panel): WM-00002 is item 1")
        XCTAssertEqual(try ok(cli, ["panel", "decide", panel, "wm-00002", "--decision", "continue current plan"]), "panel \(panel): WM-00002 decision recorded")
        // `log REF` filters on the stored ref, and every write above was made under it.
        let log = try ok(cli, ["log", "wm-00001", "--format", "csv"])
        XCTAssertTrue(log.contains("Rang mum") || log.contains("note"), log)
        XCTAssertGreaterThan(log.split(separator: "\n").count, 8, log)
        XCTAssertEqual(try loggedCaseRefs(cli).filter { $0.lowercased() == $0 }, [], "nothing was written under a lowercase ref")
        // A ref that names nothing still exits 67 and says what was typed.
        let none = try cli.run(["show", "wm-09999"])
        XCTAssertEqual(none.code, 67)
        XCTAssertEqual(none.err, "error: no case with ref wm-09999\n")
        XCTAssertEqual(try cli.run(["note", "wm-09999", "x"]).code, 67)
    }

    func testTwoCasesDifferingOnlyInCaseNeedTheExactRef() throws {
        let cli = try setUpStore()
        let r = try cli.run(["import", "cases", try cli.write("more.csv", "ref,child_ref,kind,status,opened\nab-1,C1,cme,open,2026-11-01\nAB-1,C2,cme,open,2026-11-01\n")])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(try ok(cli, ["show", "ab-1", "--format", "json"]).contains("\"ref\" : \"C1\""))
        XCTAssertTrue(try ok(cli, ["show", "AB-1", "--format", "json"]).contains("\"ref\" : \"C2\""))
        let both = try cli.run(["note", "Ab-1", "which?"])
        XCTAssertEqual(both.code, 67)
        XCTAssertEqual(both.err, "error: no case with ref Ab-1; AB-1 and ab-1 differ only in case: type one exactly\n")
    }

    func testOutOfSchoolCommandsTakeACaseRefForItsChild() throws {
        let cli = try setUpStore()
        XCTAssertEqual(try ok(cli, ["oos", "set", "wm-00002", "--address", "1 High St"]), "C2: out-of-school record saved (address)")
        XCTAssertTrue(try ok(cli, ["oos", "enquiry", "WM-00002", "school", "--date", "2026-11-20"]).hasPrefix("C2: "))
        let json = try ok(cli, ["oos", "show", "wm-00002", "--format", "json"])
        XCTAssertTrue(json.contains("\"childRef\" : \"C2\""), json)
        XCTAssertTrue(json.contains("1 High St"), json)
        XCTAssertTrue(try ok(cli, ["oos", "show", "c2"]).hasPrefix("Out-of-school record for C2"))
        let none = try cli.run(["oos", "show", "WM-09999"])
        XCTAssertEqual(none.code, 67, none.err)
    }

    func testAContactTypeOutsideTheListIsRefusedNamingTheAcceptedOnes() throws {
        let cli = try setUpStore()
        let before = try ok(cli, ["log", "--format", "csv"])
        let r = try cli.run(["contact", "WM-00002", "--type", "visit", "--outcome", "seen", "--seen"])
        XCTAssertEqual(r.code, 65)
        XCTAssertEqual(r.err, "error: --type: contact type 'visit' is not one OnRoll knows; use one of: home visit, phone call, letter, email, school enquiry, agency enquiry, seen in school, meeting elsewhere, report from parents\n")
        XCTAssertEqual(try ok(cli, ["log", "--format", "csv"]), before, "nothing written")
        // A listed type in another spelling is saved as listed, and still counts as the annual contact.
        let out = try ok(cli, ["contact", "WM-00002", "--type", "Home-Visit", "--outcome", "good routine", "--seen"])
        XCTAssertTrue(out.contains("WM-00002: EHE annual contact 2026-11-23"), out)
        XCTAssertTrue(try ok(cli, ["show", "WM-00002"]).contains("home visit: good routine"))
    }

    /// Every option and argument of every command, walked from OnRollMain's subcommands, has help.
    func testEveryOptionAndArgumentHasHelpText() throws {
        // The binary's own description of itself (argument-parser's dump), so what is checked is what ships.
        let r = try CLI().run(["--experimental-dump-help"], store: false)
        XCTAssertEqual(r.code, 0, r.err)
        let dump = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        var dumped: Set<String> = [], missing: [String] = []
        func walk(_ c: [String: Any], _ path: String) {
            dumped.insert(path)
            for a in c["arguments"] as? [[String: Any]] ?? [] {
                let name = (a["names"] as? [[String: Any]])?.compactMap { $0["name"] as? String }.last ?? (a["valueName"] as? String ?? "?")
                if ((a["abstract"] as? String) ?? "").trimmingCharacters(in: .whitespaces).isEmpty { missing.append("\(path) \(name)") }
            }
            for s in c["subcommands"] as? [[String: Any]] ?? [] {
                let name = s["commandName"] as? String ?? "?"
                if path == "onroll", name == "help" { continue }  // argument-parser's own, not ours
                walk(s, path + " " + name)
            }
        }
        walk(try XCTUnwrap(dump["command"] as? [String: Any]), "onroll")
        XCTAssertEqual(missing, [], "options and arguments without help")
        // The dump covers every command OnRollMain declares, however deep.
        var declared: Set<String> = []
        func declare(_ t: ParsableCommand.Type, _ path: String) {
            declared.insert(path)
            for s in t.configuration.subcommands {
                declare(s, path + " " + (s.configuration.commandName ?? s._commandName))
            }
        }
        declare(OnRollMain.self, "onroll")
        XCTAssertEqual(dumped, declared)
        XCTAssertGreaterThan(declared.count, 60)
    }
}
