import Foundation
import XCTest

/// Issue 13.1 and 13.2's "done when": a store whose every free-text and name field holds escape
/// sequences, C1 controls, bidi and zero-width characters and a formula prefix; every command in
/// every format runs over it, and no raw control byte reaches stdout or stderr and no CSV cell
/// starts a formula.
final class HostileOutputCLITests: XCTestCase {
    /// `=` first (a formula), then a window-title set, a clipboard write, a clear screen by C1 CSI,
    /// a right-to-left override, an isolate, a zero-width space, DEL and a lone CR.
    static let payloadSQL = "'=HYPERLINK(1)' || char(27) || ']0;pwned' || char(7) || char(27) || ']52;c;aGk=' || char(7) || char(155) || '2J' || char(8238) || char(8294) || 'x' || char(8203) || char(127) || char(13) || 'end'"

    static let hostileColumns: [String: [String]] = [
        "children": ["forename", "surname", "preferredName", "strengths", "interests", "pupilVoice", "parentVoice"],
        "schools": ["name", "trust"],
        "cases": ["owner", "summary"],
        "chronology": ["text", "author"],
        "actions": ["description", "owner", "outcome"],
        "plans": ["successCriteria", "support"],
        "planPhases": ["description"],
        "planReviews": ["working", "notWorking", "pupilVoice", "parentVoice", "note"],
        "panelItems": ["decisionNote"],
        "panelAttendees": ["name", "organisation", "role"],
        "professionals": ["name", "role", "contact"],
        "reflections": ["whatHappened", "triggers", "pupilView", "whatWillChange"],
        "outOfSchool": ["childAddress", "parent1Name", "parent1Address", "educator"],
        "panels": ["chair"],
    ]

    /// Every scalar a terminal would obey, or that hides or reorders text.
    static func unsafeScalars(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        for (i, u) in scalars.enumerated() {
            let v = u.value
            let bad: Bool
            switch v {
            case 0x0A, 0x09: bad = false
            case 0x0D: bad = !(i + 1 < scalars.count && scalars[i + 1] == "\n")
            case 0x00...0x1F, 0x7F, 0x80...0x9F: bad = true
            case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2060, 0xFEFF, 0x061C: bad = true
            default: bad = false
            }
            if bad { found.append(String(format: "U+%04X at %d", v, i)) }
        }
        return found
    }

    /// A plain RFC 4180 reader that does not undo neutralising (the importer's would).
    static func csvCells(_ text: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false, afterQuote = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() { if n == "\"" { cell.append("\"") } else { quoted = false; afterQuote = true; pending = n } } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" && cell.isEmpty && !afterQuote { quoted = true
            } else if c == "," || c == "\n" || c == "\r\n" { cells.append(cell); cell = ""; afterQuote = false
            } else { cell.append(c) }
        }
        if !cell.isEmpty { cells.append(cell) }
        return cells
    }

    static func formulaCells(_ csv: String) -> [String] {
        csvCells(csv).filter { cell in
            guard let f = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) else { return false }
            return Double(cell) == nil
        }
    }

    func testNoControlSequenceOrFormulaReachesAnyOutput() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        // Work the panel and plan commands will show, before the data turns hostile.
        for args in [["panel", "add", "2", "WM-00001", "--reason", "review"],
                     ["panel", "decide", "2", "WM-00001", "--decision", "continue current plan", "--note", "keep going",
                      "--action-agency", "LA inclusion", "--action-description", "visit", "--action-due", "2026-12-10"],
                     ["panel", "attendee", "2", "--name", "Jo Head", "--org", "Kingsmead"],
                     ["team", "add", "WM-00001", "--agency", "Social care", "--role", "social worker", "--name", "Ann Lee"]] {
            let r = try cli.run(args)
            XCTAssertEqual(r.code, 0, "\(args): \(r.err)")
        }
        var sql = ""
        for (table, columns) in Self.hostileColumns {
            sql += "UPDATE \"\(table)\" SET " + columns.map { "\"\($0)\" = \(Self.payloadSQL)" }.joined(separator: ", ") + ";\n"
        }
        let seeded = try cli.shell("sqlite3 \"$STORE\" <<'SQL'\n\(sql)SQL")
        XCTAssertEqual(seeded.code, 0, seeded.err)

        let plan = "1", child = "C00022"
        var runs: [[String]] = []
        for f in ["table", "csv", "json"] {
            runs += [["list", "--format", f], ["list", "--all", "--search", "end", "--format", f], ["log", "--limit", "40", "--format", f],
                     ["action", "list", "--all", "--format", f], ["team", "list", "WM-00001", "--format", f],
                     ["panel", "agenda", "2", "--format", f], ["panel", "actions", "2", "--format", f], ["oos", "list", "--format", f],
                     ["plan", "list", "--format", f], ["deletion", "list", "--format", f], ["agency", "list", "--format", f],
                     ["panel", "list", "--format", f]]
        }
        runs += [["show", "WM-00001"], ["show", "WM-00001", "--format", "json"], ["show", "WM-00010"], ["check"],
                 ["panel", "agenda", "2", "--format", "md"], ["panel", "minutes", "2"], ["panel", "minutes", "2", "--format", "html"],
                 ["panel", "minutes", "2", "--redact"], ["panel", "ics", "2"], ["oos", "show", child], ["oos", "show", child, "--format", "json"],
                 ["plan", "show", plan], ["plan", "show", plan, "--format", "json"], ["export"], ["export", "--pseudonymise"],
                 ["case", "assign", "WM-00002", "--owner", "tom.reid"], ["note", "WM-00003", "seen"]]
        for name in ["caseload", "suspensions", "reintegration", "out-of-school", "actions"] {
            for f in ["table", "csv", "md", "json"] { runs.append(["report", name, "--format", f]) }
        }
        // Import errors echo a cell, a header and a ref.
        let bad = try cli.write("bad.csv", "ref,child_ref,kind,opened,\u{1B}]0;hdr\u{07}\nWM-9\u{1B}[2J,C\u{9B}1,cme,2026-13-40,x\n")
        runs.append(["import", "cases", bad])

        var checked = 0
        for args in runs {
            let r = try cli.run(args)
            XCTAssertTrue([0, 64, 65].contains(r.code), "\(args) exit \(r.code): \(r.err)")
            for (stream, text) in [("stdout", r.out), ("stderr", r.err)] {
                let bad = Self.unsafeScalars(text)
                XCTAssertEqual(bad, [], "\(args.joined(separator: " ")) \(stream): \(bad.prefix(3))")
            }
            if args.contains("csv") || (args.first == "panel" && args.dropFirst().first == "actions" && !args.contains("table") && !args.contains("json")) {
                XCTAssertEqual(Self.formulaCells(r.out), [], "\(args.joined(separator: " ")): a formula cell")
            }
            checked += 1
        }
        XCTAssertEqual(checked, runs.count)

        // The export files are for spreadsheets too: no formula cell, and importing them gives the text
        // back. (Import refuses control characters in names, so this part holds formulas only.)
        let roundTrip = "UPDATE schools SET name = '=HYPERLINK(' || urn || ')', trust = '@SUM(A1)'; "
            + "UPDATE children SET forename = '+44 ' || ref, surname = '''=Brooks', preferredName = '-2+3', strengths = '', interests = '', pupilVoice = '', parentVoice = '';"
        let formulas = try cli.shell("sqlite3 \"$STORE\" \"\(roundTrip)\"")
        XCTAssertEqual(formulas.code, 0, formulas.err)
        let out = cli.dir + "/csv"
        XCTAssertEqual(try cli.run(["export", "--format", "csv", out]).code, 0)
        let schools = try String(contentsOfFile: out + "/schools.csv", encoding: .utf8)
        let children = try String(contentsOfFile: out + "/children.csv", encoding: .utf8)
        XCTAssertEqual(Self.formulaCells(schools + children), [])
        XCTAssertTrue(schools.contains("'=HYPERLINK("), "the formula is neutralised, not dropped")
        XCTAssertTrue(children.contains(",''=Brooks,"), "an apostrophe already there gains one more")
        let fresh = try CLI()
        XCTAssertEqual(try fresh.run(["init"]).code, 0)
        for kind in ["schools", "children"] {
            let r = try fresh.run(["import", kind, out + "/\(kind).csv", "--no-chronicle"])
            XCTAssertEqual(r.code, 0, "\(kind): \(r.err.prefix(300))")
        }
        let again = fresh.dir + "/again"
        XCTAssertEqual(try fresh.run(["export", "--format", "csv", again]).code, 0)
        XCTAssertEqual(try String(contentsOfFile: again + "/children.csv", encoding: .utf8), children, "neutralising round-trips")
        XCTAssertEqual(try String(contentsOfFile: again + "/schools.csv", encoding: .utf8), schools)
    }
}

/// Issue 13.1's input side through the real binary: names with control, bidi or invisible
/// characters are refused wherever they are typed; names are stored in one spelling (NFC).
final class NameInputCLITests: XCTestCase {
    func testHostileNamesAreRefusedAtEveryDoor() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let user = try cli.run(["note", "WM-00001", "hello", "--user", "eve\u{1B}]0;owned\u{07}"])
        XCTAssertEqual(user.code, 65, user.err)
        XCTAssertEqual(user.err, "error: officer name: contains a control character (line break, tab or escape)\n")
        let owner = try cli.run(["case", "assign", "WM-00001", "--owner", "tom\u{202E}dier"])
        XCTAssertEqual(owner.code, 65, owner.err)
        XCTAssertTrue(owner.err.contains("owner: contains a bidi control character"), owner.err)
        let member = try cli.run(["team", "add", "WM-00001", "--agency", "Health", "--name", "Ann\u{200B}Lee"])
        XCTAssertEqual(member.code, 65, member.err)
        XCTAssertTrue(member.err.contains("name: contains an invisible character"), member.err)
        XCTAssertFalse(try cli.run(["log", "--limit", "5"]).out.contains("Ann"), "nothing was written")

        let file = try cli.write("kids.csv", "ref,forename,surname,dob\nC90001,Zoe\u{308},Smith,2014-02-03\nC90002,Jaz\u{200B}mine,Ray,2014-02-03\n")
        let bad = try cli.run(["import", "children", file])
        XCTAssertEqual(bad.code, 65)
        XCTAssertTrue(bad.err.contains("kids.csv:3: forename: contains an invisible character"), bad.err)
        let good = try cli.write("kid.csv", "ref,forename,surname,dob\nC90001,Zoe\u{308},Smith,2014-02-03\n")
        XCTAssertEqual(try cli.run(["import", "children", good]).code, 0)
        XCTAssertEqual(try cli.run(["case", "open", "--child", "C90001", "--kind", "cme"]).code, 0)
        let list = try cli.run(["list", "--search", "zoe", "--format", "csv"])
        XCTAssertTrue(list.out.contains("Zo\u{EB} Smith"), "stored precomposed and found without its mark: \(list.out)")
        XCTAssertFalse(list.out.unicodeScalars.contains("\u{308}"))
    }
}
