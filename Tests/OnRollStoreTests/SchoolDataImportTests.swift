import Foundation
import GRDB
import OnRollCore
@testable import OnRollStore
import XCTest

/// Issue 16 parts 1 and 3: files from schools name children by UPN and schools by DfE number, and an
/// exclusions return lands as suspensions and permanent exclusions.
final class SchoolDataImportTests: XCTestCase {
    // H801200001001 and B801200005001 are valid (domain.md §6); G80120000101A is a valid temporary UPN.
    static let schools = """
        urn,name,phase,type,laestab
        140001,Hillcrest Academy,secondary,academy,8014001
        140002,Westmarch PRU,ap,pru,8011100
        """
    static let children = """
        ref,upn,former_upn,forename,surname,dob,school_urn
        C1,H801200001001,G80120000101A,Samuel,Okafor,2012-03-14,140001
        C2,B801200005001,,Amira,Haddad,2013-09-01,8014001
        C3,,,Leo,Marsh,2013-01-05,140001
        """
    static let cases = """
        ref,child_ref,kind,status,opened,owner
        WM-00001,C1,suspension,open,2026-09-10,asha.patel
        WM-00002,C2,ebsa,open,2026-10-01,tom.reid
        """

    func fixture() throws -> StoreFixture {
        let f = try StoreFixture(load: false)
        try f.imp(.schools, Self.schools)
        try f.imp(.children, Self.children)
        try f.imp(.cases, Self.cases)
        return f
    }

    func rejected(_ f: StoreFixture, _ kind: ImportKind, _ text: String) -> [String] {
        do { try f.imp(kind, text); XCTFail("import should have been rejected"); return [] } catch {
            guard case .importRejected(let lines) = error as? StoreError else { XCTFail("\(error)"); return [] }
            return lines
        }
    }

    func suspensions(_ f: StoreFixture) throws -> [Suspension] {
        try f.store.read { try Suspension.order(Column("id")).fetchAll($0) }
    }

    // MARK: exclusions returns

    func testEveryCategoryLandsAsASuspensionOrExclusion() throws {
        let f = try fixture()
        let r = try f.imp(.exclusions, """
            upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn
            H801200001001,2026-11-02,SUSP,PA,VA,,4,140001
            H801200001001,2026-11-09,LNCH,DB,,,1,140001
            B801200005001,2026-11-10,LNCH,VP,,,,140001
            H801200001001,2026-11-16,PERM,PA,VA,DM,,140001
            B801200005001,2026-11-17,FIXD,TH,,,3,140001
            """)
        XCTAssertEqual(r.inserted, 5)
        XCTAssertEqual(r.warnings, [])
        let s = try suspensions(f)
        XCTAssertEqual(s.map(\.childRef), ["C1", "C1", "C2", "C1", "C2"])
        // 4 sessions are 2 school days; a lunchtime is half a day; 3 sessions are 1.5 days.
        XCTAssertEqual(s.map(\.days), [2, 0.5, 0.5, 1, 1.5])
        XCTAssertEqual(s.map(\.type), [.suspension, .suspension, .suspension, .permanent, .suspension])
        XCTAssertEqual(s.map(\.lunchtime), [false, true, true, false, false])
        XCTAssertEqual(s.map(\.reason), [.PA, .DB, .VP, .PA, .TH])
        XCTAssertEqual(s[3].reasonCodes, ["PA", "VA", "DM"])
        XCTAssertEqual(s.map { ExclusionCategory.of($0) }, [.SUSP, .LNCH, .LNCH, .PERM, .SUSP])
        // Each has its chronology line naming the file and the school, on the child's open case.
        let lines = try f.store.caseFile("WM-00001").chronology.filter { $0.kind == .suspension }.map(\.text)
        XCTAssertTrue(lines.contains("Permanent exclusion from 2026-11-16: 1 school day, PA (physical assault against an adult), "
                                     + "VA (verbal abuse/threat against an adult), DM (damage to property) — exclusions return "
                                     + "exclusions.csv from Hillcrest Academy (URN 140001)"), "\(lines)")
        XCTAssertTrue(lines.contains("Lunchtime exclusion from 2026-11-09: 0.5 school days, DB (persistent or general disruptive behaviour) "
                                     + "— exclusions return exclusions.csv from Hillcrest Academy (URN 140001)"), "\(lines)")
        XCTAssertEqual(lines.count, 3)
        // Audited, one entry per record.
        let added = try f.store.auditLog().filter { $0.entity == "suspension" && $0.op == "import.add" }
        XCTAssertEqual(added.count, 5)
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testAnUnknownReasonCodeIsKeptRawWithAWarning() throws {
        try StoreFixture.fileOnly("reads the file with sqlite3")
        let f = try fixture()
        let r = try f.imp(.exclusions, """
            upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn
            H801200001001,2026-11-02,SUSP,PA,zz,,2,140001
            B801200005001,2026-11-03,SUSP,MP,,,2,140001
            """)
        XCTAssertEqual(r.inserted, 2)
        XCTAssertEqual(r.warnings, [
            "exclusions.csv:2: reason_2: 'ZZ' is not a reason code OnRoll knows; imported as ZZ",
            "exclusions.csv:3: reason_1: 'MP' is not a reason code OnRoll knows; imported as MP",
        ])
        let s = try suspensions(f)
        XCTAssertEqual(s[0].reportedReasons?.description, "PA;ZZ")
        XCTAssertEqual(s[0].reason, .PA)
        // An unknown first reason: no census code to count, the raw code kept.
        XCTAssertNil(s[1].reason)
        XCTAssertEqual(s[1].reasonCodes, ["MP"])
        XCTAssertEqual(try f.sqlite("SELECT reportedReasons FROM suspensions ORDER BY id"), "PA;ZZ\nMP\n")
        let line = try f.store.caseFile("WM-00002").chronology.first { $0.kind == .suspension }?.text
        XCTAssertEqual(line, "Suspension from 2026-11-03: 1 school day, MP (a code OnRoll does not know) — exclusions return "
                       + "exclusions.csv from Hillcrest Academy (URN 140001)")
    }

    func testImportingTheSameReturnTwiceChangesNothing() throws {
        let f = try fixture()
        let text = """
            upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn
            H801200001001,2026-11-02,SUSP,PA,XX,,4,140001
            H801200001001,2026-11-09,LNCH,DB,,,,140001
            B801200005001,2026-11-16,PERM,PA,,,,
            """
        XCTAssertEqual(try f.imp(.exclusions, text).inserted, 3)
        let counts = try f.store.counts()
        let audit = try f.store.auditLog().count
        let again = try f.imp(.exclusions, text)
        XCTAssertEqual(again.inserted, 0)
        XCTAssertEqual(again.updated, 0)
        XCTAssertEqual(again.unchanged, 3)
        XCTAssertEqual(try f.store.counts(), counts)
        XCTAssertEqual(try f.store.auditLog().count, audit)
        // The school left blank: the child's own school, and the second import still matches it.
        XCTAssertEqual(try suspensions(f)[2].schoolURN, "140001")
    }

    func testAReturnRowMatchesAHandEnteredSuspension() throws {
        let f = try fixture()
        let s = try f.store.addSuspension(user: "asha.patel", Suspension(childRef: "C1", start: try .parse("2026-11-02"), days: 2, reason: .PA),
                                          today: f.today)
        let r = try f.imp(.exclusions, """
            upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn
            H801200001001,2026-11-02,SUSP,PA,,,4,140001
            """)
        XCTAssertEqual(r.unchanged, 1)
        XCTAssertEqual(try suspensions(f).map(\.id), [s.id])
    }

    func testABadLineNamesFileLineFieldAndNothingIsWritten() throws {
        let f = try fixture()
        let before = try f.store.counts()
        let problems = rejected(f, .exclusions, """
            upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn
            H801200001001,2026-11-02,SUSP,PA,,,4,140001
            H801200001001,2026-11-03,EXPL,PA,,,4,140001
            H801200001001,2026-11-04,SUSP,PA,,,,140001
            K801200001001,2026-11-05,SUSP,PA,,,2,140001
            V801200009001,2026-11-06,SUSP,PA,,,2,140001
            H801200001001,2026-11-07,SUSP,,,,2,140001
            H801200001001,2026-11-09,SUSP,PA,,,2,9999999
            """)
        XCTAssertEqual(problems, [
            "exclusions.csv:3: category: 'EXPL' is not a census exclusion category (one of: SUSP, PERM, LNCH)",
            "exclusions.csv:4: sessions: is required for a SUSP row (half days: 4 sessions are 2 school days)",
            "exclusions.csv:5: upn: UPN 'K801200001001': wrong check letter at character 1 (expected H)",
            "exclusions.csv:6: upn: no child has UPN V801200009001, now or as a former UPN (import the children file first)",
            "exclusions.csv:7: reason_1: is required (a DfE reason code, e.g. PA)",
            "exclusions.csv:8: school_urn: no school has DfE number 9999999 (import schools with a laestab column first)",
        ])
        XCTAssertEqual(try f.store.counts(), before)
    }

    func testAMissingColumnIsNamed() throws {
        let f = try fixture()
        XCTAssertEqual(rejected(f, .exclusions, """
            start_date,category,reason_1,sessions
            2026-11-02,SUSP,PA,4
            """), ["exclusions.csv:1: child_ref: required column is missing (or upn)"])
    }

    // MARK: UPN in place of child_ref

    func testUPNKeyedFilesOfEveryKind() throws {
        let f = try fixture()
        try f.imp(.attendance, """
            upn,from,to,possible,present
            H801200001001,2026-09-01,2026-10-23,76,60
            """)
        try f.imp(.suspensions, """
            upn,start,days,reason,school_urn
            B801200005001,2026-10-05,2,VA,8014001
            """)
        try f.imp(.cases, """
            ref,upn,kind,opened
            WM-00003,B801200005001,suspension,2026-10-05
            """)
        try f.imp(.chronology, """
            upn,date,kind,text
            H801200001001,2026-11-20,note,Mum rang about the return meeting
            """)
        try f.imp(.actions, """
            upn,agency,description
            H801200001001,School,Return meeting
            """)
        try f.imp(.deletions, """
            upn,school_urn,date,ground
            H801200001001,8014001,2026-11-20,a
            """)
        try f.imp(.reflections, """
            upn,suspension_start,date,what_happened
            B801200005001,2026-10-05,2026-10-08,Argument in the corridor
            """)
        try f.imp(.outofschool, """
            upn,educator
            H801200001001,Mum
            """)
        let c1 = try f.store.caseFile("WM-00001")
        XCTAssertEqual(c1.attendance.map(\.present), [60])
        XCTAssertTrue(c1.chronology.contains { $0.text == "Mum rang about the return meeting" })
        XCTAssertEqual(c1.actions.map(\.description), ["Return meeting"])
        XCTAssertEqual(c1.deletions.map(\.schoolURN), ["140001"])
        XCTAssertEqual(c1.outOfSchool?.educator, "Mum")
        let c2 = try f.store.caseFile("WM-00003")
        XCTAssertEqual(c2.child.ref, "C2")
        XCTAssertEqual(c2.suspensions.map(\.schoolURN), ["140001"])
        XCTAssertEqual(c2.reflections.values.map(\.whatHappened), ["Argument in the corridor"])
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testAFormerUPNFindsTheChild() throws {
        let f = try fixture()
        try f.imp(.attendance, """
            upn,from,to,possible,present
            G80120000101A,2026-09-01,2026-10-23,76,70
            """)
        try f.imp(.exclusions, """
            upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn
            G80120000101A,2026-11-02,SUSP,PA,,,2,140001
            """)
        XCTAssertEqual(try f.store.caseFile("WM-00001").attendance.map(\.present), [70])
        XCTAssertEqual(try suspensions(f).map(\.childRef), ["C1"])
        XCTAssertEqual(try f.store.child("C1")?.formerUPN?.value, "G80120000101A")
    }

    func testAUPNThatDisagreesOrIsAmbiguousIsALineError() throws {
        let f = try fixture()
        try f.imp(.cases, """
            ref,child_ref,kind,opened
            WM-00003,C1,ebsa,2026-10-05
            """)
        XCTAssertEqual(rejected(f, .attendance, """
            child_ref,upn,from,to,possible,present
            C2,H801200001001,2026-09-01,2026-10-23,76,60
            """), ["attendance.csv:2: upn: is child C1's UPN, but child_ref says C2"])
        XCTAssertEqual(rejected(f, .chronology, """
            upn,date,kind,text
            H801200001001,2026-11-20,note,Which case?
            """), ["chronology.csv:2: upn: child C1 has 2 open cases (WM-00001, WM-00003); give case_ref"])
        XCTAssertEqual(rejected(f, .reflections, """
            upn,date,what_happened
            H801200001001,2026-10-08,Argument
            """), ["reflections.csv:2: suspension_start: is required with upn (the suspension's start date)"])
    }

    func testInAChildrenFileAnUnknownUPNIsANewChild() throws {
        let f = try fixture()
        let r = try f.imp(.children, """
            upn,forename,surname,dob,school_urn
            A950000178301,Noor,Rahman,2014-02-02,8014001
            """)
        XCTAssertEqual(r.inserted, 1)
        let noor = try f.store.child("C00004")
        XCTAssertEqual(noor?.upn?.value, "A950000178301")
        XCTAssertEqual(noor?.schoolURN, "140001")
        // A known UPN, or a former one, is the stored child (nothing changed here).
        let again = try f.imp(.children, """
            upn,forename,surname,dob,school_urn
            A950000178301,Noor,Rahman,2014-02-02,140001
            """)
        XCTAssertEqual(again.unchanged, 1)
        XCTAssertEqual(try f.store.children().count, 4)
        // A UPN already another child's can't be given to a second child.
        XCTAssertEqual(rejected(f, .children, """
            ref,upn,forename,surname,dob
            C9,H801200001001,Sam,Okafor,2012-03-14
            """), ["children.csv:2: upn: H801200001001 is already child C1's UPN"])
        XCTAssertEqual(rejected(f, .children, """
            ref,upn,forename,surname,dob
            C8,V801200009001,Ana,Lee,2012-01-01
            C9,V801200009001,Bo,Chan,2012-02-02
            """), ["children.csv:3: upn: V801200009001 is also child C8's UPN on line 2"])
    }

    // MARK: laestab beside the URN

    func testLaestabInPlaceOfURN() throws {
        let f = try fixture()
        XCTAssertEqual(try f.store.child("C2")?.schoolURN, "140001")  // named 8014001 in the children file
        try f.imp(.exclusions, """
            upn,start_date,category,reason_1,reason_2,reason_3,sessions,laestab
            H801200001001,2026-11-02,SUSP,PA,,,2,8011100
            """)
        XCTAssertEqual(try suspensions(f).map(\.schoolURN), ["140002"])
        XCTAssertEqual(rejected(f, .exclusions, """
            upn,start_date,category,reason_1,reason_2,reason_3,sessions,laestab
            H801200001001,2026-11-03,SUSP,PA,,,2,8019999
            H801200001001,2026-11-04,SUSP,PA,,,2,801
            """), [
                "exclusions.csv:2: laestab: no school has DfE number 8019999 (import schools with a laestab column first)",
                "exclusions.csv:3: laestab: '801' is not a 7-digit DfE number (LA code + establishment)",
            ])
        XCTAssertEqual(rejected(f, .schools, """
            urn,name,laestab
            140003,Oakfield School,80140
            """), ["schools.csv:2: laestab: '80140' is not a 7-digit DfE number (LA code + establishment, e.g. 8014001)"])
        // The DfE number travels in the schools file both ways.
        XCTAssertTrue(try f.store.exportCSV(.schools).contains("140001,Hillcrest Academy,secondary,academy,,,8014001"))
    }

    /// A suspension entered by hand, a child without a former UPN and a school without a DfE number
    /// snapshot into the audit log exactly as before v6, so stores upgraded with suspensions in them
    /// still pass `onroll check`.
    func testRecordsWithoutTheNewFieldsAuditAsBefore() throws {
        try StoreFixture.fileOnly("reads the file with sqlite3")
        let f = try fixture()
        try f.store.addSuspension(user: "asha.patel", Suspension(childRef: "C1", start: try .parse("2026-11-02"), days: 2, reason: .PA),
                                  today: f.today)
        try f.imp(.children, "ref,forename,surname,dob\nC7,Ana,Lee,2012-01-01\n")
        try f.imp(.schools, "urn,name\n140009,Oakfield School\n")
        let after = try f.store.auditLog().compactMap(\.after)
        let suspension = try XCTUnwrap(after.first { $0.contains("\"start\":\"2026-11-02\"") })
        XCTAssertFalse(suspension.contains("lunchtime") || suspension.contains("reportedReasons"), suspension)
        XCTAssertFalse(try XCTUnwrap(after.first { $0.contains("\"ref\":\"C7\"") }).contains("formerUPN"))
        XCTAssertFalse(try XCTUnwrap(after.first { $0.contains("\"urn\":\"140009\"") }).contains("laestab"))
        XCTAssertEqual(try f.sqlite("SELECT quote(reportedReasons), quote(lunchtime) FROM suspensions"), "NULL|NULL\n")
        XCTAssertEqual(try f.store.check().problems, [])
    }

    // MARK: rules

    func testSessionsBecomeDays() throws {
        XCTAssertEqual(try ExclusionCategory.SUSP.days(sessions: 4), 2)
        XCTAssertEqual(try ExclusionCategory.SUSP.days(sessions: 1), 0.5)
        XCTAssertEqual(try ExclusionCategory.LNCH.days(sessions: nil), 0.5)
        XCTAssertEqual(try ExclusionCategory.LNCH.days(sessions: 2), 1)
        XCTAssertEqual(try ExclusionCategory.PERM.days(sessions: nil), 1)
        XCTAssertEqual(try ExclusionCategory.PERM.days(sessions: 6), 3)
        XCTAssertThrowsError(try ExclusionCategory.SUSP.days(sessions: 0))
        XCTAssertThrowsError(try ExclusionCategory.SUSP.days(sessions: nil))
        XCTAssertEqual(ReasonCode.DM.label, "Damage to property")
    }
}
