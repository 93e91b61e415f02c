import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

final class ImportTests: XCTestCase {
    func rejected(_ f: StoreFixture, _ kind: ImportKind, _ text: String) -> [String] {
        do { try f.imp(kind, text); XCTFail("import should have been rejected"); return [] } catch {
            guard case .importRejected(let lines) = error as? StoreError else { XCTFail("\(error)"); return [] }
            return lines
        }
    }

    func testReimportUpdatesInsteadOfDuplicating() throws {
        let f = try StoreFixture()
        let again = try f.imp(.children, """
            ref,upn,forename,surname,preferred_name,dob,sex,school_urn,sen,sen_need,flags,strengths
            C1,H801200001001,Samuel,Okafor,Sam,2012-03-14,M,140001,K,SEMH,FSM;PP,Loves football
            C2,,Amira,Haddad,Mira,2013-09-01,F,140001,N,,,Art
            """, options: ImportOptions(updateExisting: true))  // no version column: the update must be asked for
        XCTAssertEqual(again, ImportResult(inserted: 0, updated: 1, unchanged: 1, rejected: 0))
        XCTAssertEqual(try f.store.children().count, 2)
        XCTAssertEqual(try f.store.child("C2")?.preferredName, "Mira")
        XCTAssertEqual(try f.store.child("C2")?.version, 1)
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testEveryBadRowIsNamedAndNothingIsWritten() throws {
        let f = try StoreFixture()
        let before = try f.store.counts()
        let lines = rejected(f, .children, """
            ref,upn,forename,surname,dob,school_urn,sen,flags
            C3,Z801200001001,Ana,Lee,2012-01-01,140001,N,
            C4,,Bo,Chan,2012-13-01,140001,N,
            C5,,,Diaz,2012-01-01,140001,N,
            C6,,Eve,Fox,2012-01-01,999999,N,
            C7,,Gus,Hill,2012-01-01,140001,X,
            C8,,Ivy,Jones,2012-01-01,140001,N,ZZ
            C9,,Ok,Row,2012-01-01,140001,N,
            """)
        XCTAssertEqual(lines, [
            "children.csv:2: upn: UPN 'Z801200001001': wrong check letter at character 1 (expected H)",
            "children.csv:3: dob: '2012-13-01' has month 13: dates are YYYY-MM-DD or DD/MM/YYYY, never month-first",
            "children.csv:4: forename: is required",
            "children.csv:5: school_urn: '999999' is not in the store (import schools first)",
            "children.csv:6: sen: 'X' is not a SEN status (one of: N, K, E)",
            "children.csv:7: flags: 'ZZ' is not a flag (one of: LAC, CP, CIN, FSM, YC, EAL, PP)",
        ])
        XCTAssertEqual(try f.store.counts(), before, "nothing half-written")
    }

    func testSkipInvalidImportsGoodRowsAndWritesRejects() throws {
        let f = try StoreFixture()
        let rejects = f.dir + "/rejects.csv"
        let r = try f.imp(.children, """
            ref,forename,surname,dob
            C3,Ana,Lee,31/01/2012
            C4,Bo,Chan,30/02/2012
            """, options: ImportOptions(skipInvalid: true, rejectsPath: rejects))
        XCTAssertEqual(r.inserted, 1)
        XCTAssertEqual(r.rejected, 1)
        XCTAssertEqual(try f.store.child("C3")?.dob.iso, "2012-01-31")
        XCTAssertEqual(try String(contentsOfFile: rejects, encoding: .utf8),
                       "ref,forename,surname,dob,reason\nC4,Bo,Chan,30/02/2012,dob: '30/02/2012' is not a real date\n")
    }

    func testHeaderProblemsAreReportedOnLineOne() throws {
        let f = try StoreFixture()
        XCTAssertEqual(rejected(f, .cases, "ref,kind,opened,colour\nX,ebsa,2026-01-01,red\n"), [
            "cases.csv:1: child_ref: required column is missing (or upn)",
            "cases.csv:1: colour: unknown column for cases (expected: ref, child_ref, kind, status, opened, owner, summary, next_review, closed_on, closure_reason, flagged_for_panel, ehc_request, ehc_last_review, ehc_decision, ehc_no_plan_notice, part_time_end, part_time_review, fair_access_accepted, fair_access_placed, offsite_first_day, offsite_notice, offsite_review_requested, offsite_review_held, version, upn)",
        ])
    }

    func testBOMCRLFAndQuotedNewlinesImport() throws {
        let f = try StoreFixture()
        let text = "\u{FEFF}ref,forename,surname,dob,strengths\r\nC3,Ana,\"O'Neil, Jr\",2012-01-01,\"Kind\r\nand \"\"funny\"\"\"\r\nC4,Bo,Chan,2012-01-02,\r\n"
        XCTAssertEqual(try f.imp(.children, text).inserted, 2)
        XCTAssertEqual(try f.store.child("C3")?.surname, "O'Neil, Jr")
        XCTAssertEqual(try f.store.child("C3")?.strengths, "Kind\r\nand \"funny\"")
    }

    func testLineNumbersCountQuotedNewlines() throws {
        let f = try StoreFixture()
        let lines = rejected(f, .children, "ref,forename,surname,dob,strengths\nC3,Ana,Lee,2012-01-01,\"two\nlines\"\nC4,Bo,Chan,bad,\n")
        XCTAssertEqual(lines, ["children.csv:4: dob: 'bad' is not a date: use YYYY-MM-DD or DD/MM/YYYY"])
    }

    func testMalformedCSVIsRefusedWithItsLine() throws {
        let f = try StoreFixture()
        XCTAssertEqual(rejected(f, .children, "ref,forename,surname,dob\nC3,An\"a,Lee,2012-01-01\n"),
                       ["children.csv:2: a quote inside an unquoted field: quote the whole field and double the quote (\"\")"])
        XCTAssertEqual(rejected(f, .children, "ref,forename,surname,dob\nC3,\"Ana,Lee,2012-01-01\n"),
                       ["children.csv:2: a quoted field is never closed"])
        XCTAssertEqual(rejected(f, .children, "ref,forename,surname,dob\nC3,\"Ana\"x,Lee,2012-01-01\n"),
                       ["children.csv:2: text after a closing quote: a quote inside a quoted field must be doubled (\"\")"])
        var bad = Data("ref,forename,surname,dob\nC3,Ana,Lee,2012-01-01\nC4,".utf8)
        bad.append(contentsOf: [0xC3, 0x28])
        bad.append(Data(",Chan,2012-01-01\n".utf8))
        XCTAssertThrowsError(try f.store.importCSV(.children, data: bad, fileName: "kids.csv", user: "t")) {
            XCTAssertEqual(($0 as? StoreError)?.description, "kids.csv:3: is not valid UTF-8: save the file as \"CSV UTF-8\"")
        }
        XCTAssertEqual(rejected(f, .children, "ref,forename,surname,dob\nC3,A\u{0}na,Lee,2012-01-01\n"),
                       ["children.csv:2: contains a NUL byte: is this a text CSV file?"])
        XCTAssertEqual(rejected(f, .children, ""), ["children.csv:1: the file is empty: a header row is required"])
    }

    func testNamesWithControlCharactersAreRefused() throws {
        let f = try StoreFixture()
        XCTAssertEqual(rejected(f, .children, "ref,forename,surname,dob\nC3,\"\u{1B}[2JAna\",Lee,2012-01-01\n"),
                       ["children.csv:2: forename: contains a control character (line break, tab or escape)"])
    }

    func testTermsImportBuildsTheCalendar() throws {
        let f = try StoreFixture()
        try f.imp(.terms, """
            academic_year,term,start,end,closures
            2026/27,autumn,2026-09-02,2026-10-23,2026-09-02;2026-10-23 pm
            2026/27,autumn,2026-11-02,2026-12-18,
            """)
        let cal = try f.store.calendar()
        XCTAssertEqual(try cal.count(from: try SchoolDate.parse("2026-09-01"), to: try SchoolDate.parse("2026-09-04")), 2)
        XCTAssertEqual(try cal.weight(of: try SchoolDate.parse("2026-10-23")), 0.5)
        XCTAssertEqual(rejected(f, .terms, "academic_year,term,start,end\n2026/28,autumn,2026-09-02,2026-10-23\n2026/27,winter,2027-09-02,2026-10-23\n"), [
            "terms.csv:2: academic_year: '2026/28' is not an academic year: the second part must be the next year (2026/27)",
            "terms.csv:3: end: 2026-10-23 is before start 2027-09-02",
            "terms.csv:3: start: 2027-09-02..2026-10-23 is not inside academic year 2026/27 (1 Aug–31 Jul)",
            "terms.csv:3: term: 'winter' is not a term (one of: autumn, spring, summer)",
        ])
    }

    func testSuspensionsAttendanceActionsImportIdempotently() throws {
        let f = try StoreFixture()
        let sus = "child_ref,start,days,reason,type\nC1,2026-09-14,2.5,PA,suspension\nC1,2026-10-05,0.5,DB,suspension\n"
        XCTAssertEqual(try f.imp(.suspensions, sus).inserted, 2)
        XCTAssertEqual(try f.imp(.suspensions, sus).unchanged, 2)
        let att = "child_ref,from,to,possible,present,authorised,unauthorised\nC2,2026-09-01,2026-10-23,76,38,10,28\n"
        XCTAssertEqual(try f.imp(.attendance, att).inserted, 1)
        XCTAssertEqual(try f.imp(.attendance, att).unchanged, 1)
        XCTAssertEqual(rejected(f, .attendance, "child_ref,from,to,possible,present,authorised,unauthorised\nC2,2026-09-01,2026-10-23,76,80,,\nC2,2026-09-01,2026-10-23,76,38,30,30\n"), [
            "attendance.csv:2: present: present (80) must be between 0 and possible (76)",
            "attendance.csv:3: unauthorised: present + authorised + unauthorised (98) exceeds possible (76)",
        ])
        let acts = "case_ref,agency,description,owner,due,status\nWM-00001,CAMHS,Referral for assessment,dr.lee,2026-12-01,open\n"
        XCTAssertEqual(try f.imp(.actions, acts).inserted, 1)
        XCTAssertEqual(try f.imp(.actions, acts).unchanged, 1)
        XCTAssertEqual(rejected(f, .suspensions, "child_ref,start,days\nC1,2026-09-14,0.3\n"),
                       ["suspensions.csv:2: days: 0.3 is not a number of school days in 0.5 steps (e.g. 0.5, 1, 2.5)"])
        XCTAssertTrue(try f.store.check().isClean)
    }

    /// Lines imported with ids of their own (an export from another store) leave the numbering after the
    /// largest: the next note is numbered after them. SQLite does this itself; a server's identity counted
    /// only its own (these notes were numbered 3 and 4, and once it reached an imported id a note was
    /// refused as a duplicate key).
    func testANoteAddedAfterImportedIdsIsNumberedAfterTheLargest() throws {
        let f = try StoreFixture()
        XCTAssertEqual(try f.imp(.chronology, """
            id,case_ref,date,recorded_at,author,kind,text
            500,WM-00001,2026-10-01,2026-10-01T09:00:00Z,tom.reid,note,Imported with its own id
            499,WM-00001,2026-10-02,2026-10-02T09:00:00Z,tom.reid,note,Imported with a smaller one
            """).inserted, 2)
        let first = try f.store.addNote(user: f.who("tester"), caseRef: "WM-00001", text: "Added afterwards", date: f.today, today: f.today)
        XCTAssertEqual(first.id, 501)
        let second = try f.store.addNote(user: f.who("tester"), caseRef: "WM-00001", text: "And another", date: f.today, today: f.today)
        XCTAssertEqual(second.id, 502)
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testCSVExportReimportsUnchanged() throws {
        let f = try StoreFixture()
        for kind in [ImportKind.schools, .children, .cases] {
            let text = try f.store.exportCSV(kind)
            let r = try f.imp(kind, text)
            XCTAssertEqual(r.inserted + r.updated, 0, "\(kind): \(r)")
        }
    }
}
