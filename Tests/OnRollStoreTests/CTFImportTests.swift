import Foundation
import GRDB
import OnRollCore
@testable import OnRollStore
import XCTest

/// Builds Common Transfer Files for the tests: a header and pupils, each element given as written.
enum CTFFixture {
    static func file(version: String = "25.0", source: (String, String, String) = ("801", "4001", "Hillcrest Academy"),
                     dest: (String, String) = ("801", "2002"), dateTime: String = "2026-11-20T10:15:00", pupils: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <CTfile>
          <Header>
            <DocumentName>Common Transfer File</DocumentName>
            <CTFversion>\(version)</CTFversion>
            <DateTime>\(dateTime)</DateTime>
            <DocumentQualifier>partial</DocumentQualifier>
            <SupplierID>Test MIS</SupplierID>
            <SourceSchool><LEA>\(source.0)</LEA><Estab>\(source.1)</Estab><SchoolName>\(source.2)</SchoolName><AcademicYear>2026</AcademicYear></SourceSchool>
            <DestSchool><LEA>\(dest.0)</LEA><Estab>\(dest.1)</Estab></DestSchool>
          </Header>
          <CTFpupilData>
        \(pupils.joined(separator: "\n"))
          </CTFpupilData>
        </CTfile>
        """
    }

    static func pupil(upn: String, surname: String = "Okafor", forename: String = "Samuel", dob: String = "2012-03-14",
                      sexElement: String = "<Sex>M</Sex>", basic: String = "<NCyearActual>9</NCyearActual>", extra: String = "") -> String {
        """
            <Pupil>
              <UPN>\(upn)</UPN><Surname>\(surname)</Surname><Forename>\(forename)</Forename><DOB>\(dob)</DOB>\(sexElement)
              <BasicDetails>\(basic)</BasicDetails>
              \(extra)
            </Pupil>
        """
    }

    static func year(_ year: String = "2025", lea: String = "801", estab: String = "4001", possible: Int?, attended: Int?,
                     authorised: Int?, unauthorised: Int?, marks: String? = nil) -> String {
        var s = "<YearData><Year>\(year)</Year><LEA>\(lea)</LEA><Estab>\(estab)</Estab><SchoolName>Hillcrest Academy</SchoolName>"
        if let possible { s += "<SessionsPossible>\(possible)</SessionsPossible>" }
        if let authorised { s += "<SessionsAuthorised>\(authorised)</SessionsAuthorised>" }
        if let attended { s += "<SessionsAttended>\(attended)</SessionsAttended>" }
        if let unauthorised { s += "<SessionsUnauthorised>\(unauthorised)</SessionsUnauthorised>" }
        if let marks { s += "<AttendSessions><AttendanceStartDate>2025-09-03</AttendanceStartDate><AttendanceMarks>\(marks)</AttendanceMarks></AttendSessions>" }
        return s + "</YearData>"
    }

    /// A valid UPN for a 12-character body (check letter computed by the DfE algorithm).
    static func upn(_ body: String) -> String { UPN.withCheckLetter(body: body)!.value }
}

final class CTFImportTests: XCTestCase {
    /// The fixture store, with Hillcrest given its DfE number (801 4001) so files from it match.
    func fixture() throws -> StoreFixture {
        let fx = try StoreFixture()
        try fx.imp(.schools, """
            urn,name,phase,type,trust,roll,laestab
            140001,Hillcrest Academy,secondary,academy,Northern Lights Trust,1000,8014001
            """, options: ImportOptions(updateExisting: true))
        return fx
    }

    func importCTF(_ fx: StoreFixture, _ xml: String, name: String = "8014001_CTF_8012002_001.xml") throws -> CTFImportResult {
        try fx.store.importCTF(data: Data(xml.utf8), fileName: name, user: "tester", today: fx.today)
    }

    func rejection(_ fx: StoreFixture, _ xml: String, name: String = "bad.xml") -> [String] {
        do { _ = try importCTF(fx, xml, name: name); XCTFail("imported"); return [] } catch let StoreError.importRejected(lines) {
            return lines
        } catch { XCTFail("\(error)"); return [] }
    }

    func auditCount(_ fx: StoreFixture) throws -> Int { try fx.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit")! } }

    func chronology(_ fx: StoreFixture, _ ref: String) throws -> [String] {
        try fx.store.read { try String.fetchAll($0, sql: "SELECT text FROM chronology WHERE caseRef = ? ORDER BY id", arguments: [ref]) }
    }

    static let full = CTFFixture.pupil(upn: "H801200001001", basic: """
        <PreferredForename>Sam</PreferredForename><NCyearActual>9</NCyearActual>
        <Languages><Type><LanguageType>F</LanguageType><Language>POL</Language></Type></Languages>
        """, extra: """
        <FSMhistory><FSMinstance><FSMstartDate>2024-09-01</FSMstartDate><UKcountry>ENG</UKcountry></FSMinstance></FSMhistory>
        <LookedAfter><InCare>true</InCare><CareAuthority>801</CareAuthority></LookedAfter>
        <SENhistory><SEN><StartDate>2023-09-01</StartDate><SENprovision>K</SENprovision></SEN>
          <SEN><StartDate>2025-01-10</StartDate><SENprovision>E</SENprovision></SEN>
          <SENneeds><SENneed><SENtype>SLCN</SENtype><SENtypeRank>2</SENtypeRank></SENneed>
                    <SENneed><SENtype>SEMH</SENtype><SENtypeRank>1</SENtypeRank></SENneed></SENneeds></SENhistory>
        <Address><BS7666Address><PAON>12</PAON><Street>High Street</Street><Town>Westmarch</Town><PostTown>Westmarch</PostTown></BS7666Address><PostCode>WM1 2AB</PostCode></Address>
        <Contacts>
          <Contact><Order>2</Order><Forename>Tom</Forename><Surname>Lee</Surname><Relationship>Other relative</Relationship><Responsibility>false</Responsibility></Contact>
          <Contact><Order>1</Order><Title>Mrs</Title><Forename>Grace</Forename><Surname>Okafor</Surname><Relationship>Mother</Relationship><Responsibility>true</Responsibility>
            <AddressAsPupil/><Phones><Phone><TelephoneType>M</TelephoneType><PhoneNo>07700 900123</PhoneNo></Phone></Phones></Contact>
        </Contacts>
        <Attendance>\(CTFFixture.year(possible: 320, attended: 290, authorised: 20, unauthorised: 10, marks: nil))</Attendance>
        <SchoolHistory><School><LEA>801</LEA><Estab>4001</Estab><SchoolName>Hillcrest Academy</SchoolName><EntryDate>2023-09-04</EntryDate><LeavingDate>2026-11-13</LeavingDate><LeavingReason>Moved</LeavingReason></School></SchoolHistory>
        """)

    func testCTF25UpdatesTheMatchedPupilEverywhere() throws {
        let fx = try fixture()
        let r = try importCTF(fx, CTFFixture.file(pupils: [Self.full]))
        XCTAssertEqual(r.childrenUpdated, 1)
        XCTAssertEqual(r.childrenAdded, 0)
        XCTAssertEqual(r.attendanceWritten, 1)
        XCTAssertEqual(r.historyWritten, 1)
        XCTAssertNil(r.schoolAdded)
        let c = try XCTUnwrap(try fx.store.child("C1"))
        XCTAssertEqual(c.sen, .ehcp, "the latest SEN entry by start date")
        XCTAssertEqual(c.senNeed, .SEMH, "rank 1 is the primary need, whatever the file's order")
        XCTAssertEqual(c.flags.description, "LAC;FSM;EAL;PP", "LAC from InCare, EAL from Polish; FSM and PP kept")
        XCTAssertEqual(c.preferredName, "Sam")
        let t = try XCTUnwrap(try fx.store.read { try PupilTransfer.fetchOne($0, key: "C1") })
        XCTAssertEqual(t.ncYear, "9")
        XCTAssertEqual(t.senNeeds, "SEMH;SLCN")
        XCTAssertEqual(t.address, "12 High Street, Westmarch, WM1 2AB")
        XCTAssertEqual(t.contacts, "Mrs Grace Okafor (Mother, parental responsibility), 07700 900123, address as pupil",
                       "only the contact with parental responsibility")
        let a = try fx.store.read { try AttendanceRecord.filter(Column("childRef") == "C1").fetchAll($0) }
        XCTAssertEqual(a.count, 1)
        XCTAssertEqual(a.first?.laestab, "8014001")
        XCTAssertEqual(a.first.map { [$0.possible, $0.present, $0.authorised!, $0.unauthorised!] }, [320, 290, 20, 10])
        XCTAssertEqual(a.first?.from.iso, "2025-08-01")
        XCTAssertEqual(a.first?.to.iso, "2026-07-31")
        let spells = try fx.store.read { try SchoolSpell.fetchAll($0) }
        XCTAssertEqual(spells.map { "\($0.laestab) \($0.entry.iso) \($0.leaving?.iso ?? "-") \($0.leavingReason ?? "-")" },
                       ["8014001 2023-09-04 2026-11-13 Moved"])
        let lines = try chronology(fx, "WM-00001")
        let fromCTF = lines.filter { $0.hasSuffix("from CTF 8014001_CTF_8012002_001.xml (Hillcrest Academy)") }
        XCTAssertEqual(fromCTF.count, 3, "\(lines)")
        XCTAssertTrue(fromCTF[0].contains("SEN SEN support → EHC plan"), fromCTF[0])
        XCTAssertTrue(fromCTF[0].contains("flags +LAC +EAL"), fromCTF[0])
        // 30 of 320 missed = 9.4%: below the persistent band.
        XCTAssertTrue(fromCTF[1].hasPrefix("Attendance 2025/26 at Hillcrest Academy (8014001): 290 of 320 sessions attended (9.4% missed)"), fromCTF[1])
        XCTAssertTrue(fromCTF[2].hasPrefix("School history: Hillcrest Academy (8014001) from 2023-09-04, left 2026-11-13 (Moved)"), fromCTF[2])
        let ops = try fx.store.read { try String.fetchAll($0, sql: "SELECT DISTINCT op FROM audit WHERE op LIKE 'ctf.%' ORDER BY op") }
        XCTAssertEqual(ops, ["ctf.attendance", "ctf.child-update", "ctf.history", "ctf.transfer"])
        XCTAssertEqual(try fx.store.check().problems, [])
        // A pseudonymised export carries no address or contacts from the file.
        let doc = try fx.store.exportDocument(pseudonymiser: Pseudonymiser(key: "k"))
        let transfers = try XCTUnwrap(doc.tables.first { $0.name == "pupilTransfers" })
        XCTAssertEqual(transfers.rows.count, 1)
        XCTAssertEqual(transfers.rows.first?["address"], .null)
        XCTAssertEqual(transfers.rows.first?["contacts"], .null)
        XCTAssertEqual(transfers.rows.first?["senNeeds"], .text("SEMH;SLCN"))
    }

    func testImportingTheSameFileAgainChangesNothing() throws {
        let fx = try fixture()
        let xml = CTFFixture.file(pupils: [Self.full])
        let before = try fx.store.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM audit")! }
        _ = try importCTF(fx, xml)
        // A colleague's console follows the child's cases, without reloading the caseload.
        let changes = try fx.store.changes(since: before)
        XCTAssertEqual(changes.caseRefs, ["WM-00001"])
        XCTAssertFalse(changes.needsFullReload)
        let audit = try auditCount(fx)
        let again = try importCTF(fx, xml)
        XCTAssertTrue(again.changedNothing, again.summary)
        XCTAssertEqual(again.childrenUnchanged, 1)
        XCTAssertEqual(try auditCount(fx), audit, "not one audit entry")
    }

    func testAnOlderFileWithGenderAndOneCharacterMarksAddsAChildAndItsSchool() throws {
        let fx = try fixture()
        let upn = CTFFixture.upn("80120000700" + "1")
        // CTF 16: Gender, not Sex; one character a session, no totals: the marks are counted instead.
        let pupil = CTFFixture.pupil(upn: upn, surname: "Nowak", forename: "Lena", dob: "2014-05-02", sexElement: "<Gender>F</Gender>",
                                     extra: "<Attendance>" + CTFFixture.year(lea: "801", estab: "9999", possible: nil, attended: nil,
                                                                             authorised: nil, unauthorised: nil, marks: "////NN//II X") + "</Attendance>")
        let r = try importCTF(fx, CTFFixture.file(version: "16.0", source: ("801", "9999", "Brook Lane Primary"), pupils: [pupil]),
                              name: "8019999_CTF_8012002_001.xml")
        XCTAssertEqual(r.childrenAdded, 1)
        XCTAssertEqual(r.schoolAdded, "8019999")
        XCTAssertTrue(r.warnings.contains { $0.contains("CTfile/Header/SourceSchool: school Brook Lane Primary (8019999) was not in the store; added from the header") }, "\(r.warnings)")
        let c = try XCTUnwrap(try fx.store.read { try Child.filter(Column("upn") == upn).fetchOne($0) })
        XCTAssertEqual(c.ref, "C00003", "the next free ref after C1 and C2")
        XCTAssertEqual(c.sex, .female)
        XCTAssertEqual(c.schoolURN, "8019999")
        let school = try XCTUnwrap(try fx.store.read { try School.fetchOne($0, key: "8019999") })
        XCTAssertEqual(school.name, "Brook Lane Primary")
        XCTAssertEqual(school.laestab, "8019999")
        let a = try XCTUnwrap(try fx.store.read { try AttendanceRecord.filter(Column("childRef") == c.ref).fetchOne($0) })
        // ////NN//II X: 6 present, 2 unauthorised (N), 2 authorised (I), X not required, the space ignored.
        XCTAssertEqual([a.possible, a.present, a.authorised!, a.unauthorised!], [10, 6, 2, 2])
        XCTAssertEqual(a.from.iso, "2025-09-03", "from the marks' start date")
        XCTAssertEqual(try fx.store.check().problems, [])
        // Again: the school is found by its DfE number now, and nothing is written.
        let again = try importCTF(fx, CTFFixture.file(version: "16.0", source: ("801", "9999", "Brook Lane Primary"), pupils: [pupil]),
                                  name: "8019999_CTF_8012002_001.xml")
        XCTAssertTrue(again.changedNothing, again.summary)
        XCTAssertTrue(again.warnings.isEmpty, "\(again.warnings)")
    }

    func testCommaSeparatedMarksBesideTotals() throws {
        let fx = try fixture()
        // /,\,C1,J1,N,L,Y1: 3 present, 2 authorised, 1 unauthorised, 1 not required; the totals agree.
        let pupil = CTFFixture.pupil(upn: "H801200001001", extra: "<Attendance>" + CTFFixture.year(
            possible: 6, attended: 3, authorised: 2, unauthorised: 1, marks: "/,\\,C1,J1,N,L,Y1") + "</Attendance>")
        let r = try importCTF(fx, CTFFixture.file(version: "24.0", pupils: [pupil]))
        XCTAssertEqual(r.attendanceWritten, 1)
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")
        let a = try XCTUnwrap(try fx.store.read { try AttendanceRecord.filter(Column("childRef") == "C1").fetchOne($0) })
        XCTAssertEqual([a.possible, a.present, a.authorised!, a.unauthorised!], [6, 3, 2, 1])
    }

    func testALostPupilFileOpensACMECaseThenAddsToTheOpenOne() throws {
        let fx = try fixture()
        let xml = CTFFixture.file(dest: ("XXX", "XXXX"), pupils: [CTFFixture.pupil(upn: "H801200001001")])
        let r = try importCTF(fx, xml, name: "8014001_CTF_XXXXXXX_001.xml")
        XCTAssertEqual(r.casesOpened, ["WM-00003"])
        let c = try fx.store.assessedCase("WM-00003", today: fx.today)
        XCTAssertEqual(c.file.case.kind, .cme)
        XCTAssertEqual(c.file.case.childRef, "C1")
        XCTAssertEqual(try chronology(fx, "WM-00003"),
                       ["CME case opened. Lost pupil: Hillcrest Academy sent a CTF dated 2026-11-20 with destination unknown (XXX/XXXX) from CTF 8014001_CTF_XXXXXXX_001.xml (Hillcrest Academy)"])
        // The same file again: the open case already has its line.
        XCTAssertTrue(try importCTF(fx, xml, name: "8014001_CTF_XXXXXXX_001.xml").changedNothing)
        // A later lost-pupil file for the same child adds to the open case, not a second case.
        let later = CTFFixture.file(dest: ("XXX", "XXXX"), dateTime: "2026-11-22T09:00:00", pupils: [CTFFixture.pupil(upn: "H801200001001")])
        let r2 = try importCTF(fx, later, name: "8014001_CTF_XXXXXXX_002.xml")
        XCTAssertEqual(r2.casesOpened, [])
        XCTAssertEqual(r2.casesAddedTo, ["WM-00003"])
        XCTAssertEqual(try chronology(fx, "WM-00003").count, 2)
        XCTAssertEqual(try fx.store.check().problems, [])
    }

    func testAPupilFoundByItsFormerUPN() throws {
        let fx = try fixture()
        let newUPN = CTFFixture.upn("80120000900" + "1")
        // The school holds the new UPN and gives the one the store knows as the former one.
        let pupil = CTFFixture.pupil(upn: newUPN, basic: "<FormerUPN>H801200001001</FormerUPN><NCyearActual>9</NCyearActual>")
        let r = try importCTF(fx, CTFFixture.file(pupils: [pupil]))
        XCTAssertEqual(r.childrenUpdated, 1)
        XCTAssertEqual(r.childrenAdded, 0)
        let c = try XCTUnwrap(try fx.store.child("C1"))
        XCTAssertEqual(c.upn?.value, newUPN)
        XCTAssertEqual(c.formerUPN?.value, "H801200001001")
        XCTAssertTrue(try chronology(fx, "WM-00001").contains { $0.contains("UPN H801200001001 → \(newUPN)") })
        // And the other way: a school still sending the old UPN finds the child by its former UPN.
        let old = try importCTF(fx, CTFFixture.file(pupils: [CTFFixture.pupil(upn: "H801200001001")]), name: "old.xml")
        XCTAssertEqual(old.childrenAdded, 0)
        XCTAssertEqual(try fx.store.child("C1")?.upn?.value, newUPN, "the old UPN does not replace the newer one")
        XCTAssertEqual(try fx.store.child("C1")?.formerUPN?.value, "H801200001001")
    }

    func testMalformedXMLNamesTheFileLineAndElementPath() throws {
        let fx = try fixture()
        let broken = CTFFixture.file(pupils: [CTFFixture.pupil(upn: "H801200001001", extra: "<Attendance><YearData><Year>2025</Year></Attendance>")])
        let lines = rejection(fx, broken)
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("bad.xml:"), lines[0])
        XCTAssertTrue(lines[0].contains("CTfile/CTFpupilData/Pupil[1]/Attendance/YearData: is not well-formed XML"), lines[0])
        // Well-formed, but a bad value: the pupil by position and UPN, and the element's path.
        let badDOB = CTFFixture.file(pupils: [CTFFixture.pupil(upn: "H801200001001"), CTFFixture.pupil(upn: "B801200005001", dob: "2014-13-01")])
        XCTAssertEqual(rejection(fx, badDOB),
                       ["bad.xml: pupil 2 (UPN B801200005001): CTfile/CTFpupilData/Pupil[2]/DOB: '2014-13-01' is not a date (yyyy-MM-dd)"])
        let badUPN = CTFFixture.file(pupils: [CTFFixture.pupil(upn: "Z801200001001")])
        let u = rejection(fx, badUPN)
        XCTAssertTrue(u.first?.hasPrefix("bad.xml: pupil 1 (UPN Z801200001001): CTfile/CTFpupilData/Pupil[1]/UPN: ") ?? false, "\(u)")
        XCTAssertTrue(rejection(fx, "<Other/>").first?.contains("the root element is Other, not CTfile") ?? false)
        XCTAssertEqual(try fx.store.child("C1")?.version, 0, "nothing written")
    }

    func testDTDsAndEntitiesAreRefusedUnexpanded() throws {
        let fx = try fixture()
        let audit = try auditCount(fx)
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE CTfile [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <CTfile><Header><CTFversion>&b;</CTFversion></Header></CTfile>
            """
        XCTAssertEqual(rejection(fx, laughs),
                       ["bad.xml:2: has a DOCTYPE declaration; DTDs and entities are refused (a CTF needs neither, and they can expand or read files)"])
        let external = CTFFixture.file(pupils: [CTFFixture.pupil(upn: "H801200001001", surname: "&xxe;")])
            .replacingOccurrences(of: "<CTfile>", with: "<!DOCTYPE CTfile SYSTEM \"file:///etc/passwd\">\n<CTfile>")
        XCTAssertTrue(rejection(fx, external).first?.contains("DOCTYPE declaration; DTDs and entities are refused") ?? false)
        // An entity reference with no declaration is not expanded into anything.
        let undeclared = CTFFixture.file(pupils: [CTFFixture.pupil(upn: "H801200001001", surname: "&xxe;")])
        XCTAssertEqual(rejection(fx, undeclared),
                       ["bad.xml:14: CTfile/CTFpupilData/Pupil[1]/Surname: refers to an entity (&xxe;) that is not one of XML's own five; it is not expanded"])
        // A DOCTYPE in UTF-16 has no ASCII "<!DOCTYPE" bytes to find: the encoding itself is refused.
        let utf16 = Data(laughs.replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").utf16
            .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        do { _ = try fx.store.importCTF(data: Data([0xFF, 0xFE]) + utf16, fileName: "u16.xml", user: "tester", today: fx.today); XCTFail("imported") }
        catch let StoreError.importRejected(lines) {
            XCTAssertEqual(lines, ["u16.xml:1: is not UTF-8 text (it looks like UTF-16 or UTF-32); a CTF is UTF-8"])
        }
        let ebcdic = CTFFixture.file(pupils: []).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"IBM037\"")
        XCTAssertEqual(rejection(fx, ebcdic), ["bad.xml:1: declares encoding ibm037; a CTF is UTF-8 (ISO-8859-1 and windows-1252 are read too)"])
        XCTAssertEqual(try auditCount(fx), audit)
    }

    func testHostileTextAndNestingAreRefusedNamingThePath() throws {
        let fx = try fixture()
        // A character reference is legal XML, and decoded: a bidi override in a name is refused like any name's.
        let bidi = CTFFixture.file(pupils: [CTFFixture.pupil(upn: "H801200001001", surname: "Oka&#x202E;for")])
        XCTAssertEqual(rejection(fx, bidi), ["bad.xml: pupil 1 (UPN H801200001001): CTfile/CTFpupilData/Pupil[1]/Surname: contains a bidi control character (it changes the order the name is shown in)"])
        let deep = CTFFixture.file(pupils: [CTFFixture.pupil(upn: "H801200001001", extra: String(repeating: "<a>", count: 40) + String(repeating: "</a>", count: 40))])
        let lines = rejection(fx, deep)
        XCTAssertTrue(lines.first?.contains("nests elements more than 40 deep") ?? false, "\(lines)")
        let twice = CTFFixture.file(pupils: [CTFFixture.pupil(upn: "H801200001001"), CTFFixture.pupil(upn: "H801200001001")])
        XCTAssertEqual(rejection(fx, twice), ["bad.xml: pupil 2 (UPN H801200001001): CTfile/CTFpupilData/Pupil[2]/UPN: is also pupil 1's; one pupil once"])
    }

    /// libxml2 refuses more than 10 MB given in one piece; a whole-school file can be bigger, and is read.
    func testAFileOverTenMegabytesUnderTheLimitIsRead() throws {
        let fx = try fixture()
        let padding = String(repeating: "<!-- a comment a whole-school file might carry -->\n", count: 220_000)
        let xml = CTFFixture.file(pupils: [padding + CTFFixture.pupil(upn: "H801200001001", sexElement: "<Sex>F</Sex>")])
        XCTAssertGreaterThan(xml.utf8.count, 11_000_000)
        let r = try importCTF(fx, xml)
        XCTAssertEqual(r.childrenUpdated, 1)
    }

    /// Mangled files (bytes changed, cut short, tags swapped) are refused with a message, never a crash.
    func testMangledFilesAreRefusedNotCrashed() throws {
        let base = Array(CTFFixture.file(pupils: [Self.full]).utf8)
        var seed: UInt64 = 2026
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        var refused = 0, read = 0
        for round in 0..<300 {
            var bytes = base
            switch round % 3 {
            case 0: for _ in 0..<(1 + next(4)) { bytes[next(bytes.count)] = UInt8(next(128)) }
            case 1: bytes = Array(bytes.prefix(next(bytes.count)))
            default: let i = next(bytes.count - 10); bytes.replaceSubrange(i..<(i + 1), with: Array("<Pupil>".utf8))
            }
            do { _ = try CTFParser.parse(Data(bytes), file: "m.xml"); read += 1 } catch let StoreError.importRejected(lines) {
                XCTAssertFalse(lines.isEmpty)
                XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("m.xml") }, "\(lines)")
                refused += 1
            }
        }
        XCTAssertGreaterThan(refused, 150)
        XCTAssertEqual(refused + read, 300)
    }

    func testAnOversizedFileIsRefusedBeforeParsing() throws {
        let fx = try fixture()
        let big = Data(repeating: 0x20, count: CTFRules.maxBytes + 1)
        do { _ = try fx.store.importCTF(data: big, fileName: "huge.xml", user: "tester", today: fx.today); XCTFail("imported") }
        catch let StoreError.importRejected(lines) {
            XCTAssertEqual(lines, ["huge.xml: is 50 MB; the limit for a CTF is 50 MB (no transfer file is that big)"])
        }
    }

    func testTotalsThatDoNotAddUpAreReportedPerPupilAndNothingIsWritten() throws {
        let fx = try fixture()
        let audit = try auditCount(fx)
        let p1 = CTFFixture.pupil(upn: "H801200001001", extra: "<Attendance>" + CTFFixture.year(possible: 320, attended: 290, authorised: 20, unauthorised: 5) + "</Attendance>")
        let p2 = CTFFixture.pupil(upn: "B801200005001", surname: "Haddad", forename: "Amira", extra: "<Attendance>"
            + CTFFixture.year(possible: 100, attended: 90, authorised: 10, unauthorised: 0)
            + CTFFixture.year("2024", possible: 300, attended: 301, authorised: 0, unauthorised: 0) + "</Attendance>")
        XCTAssertEqual(rejection(fx, CTFFixture.file(pupils: [p1, p2])), [
            "bad.xml: pupil 1 (UPN H801200001001): CTfile/CTFpupilData/Pupil[1]/Attendance/YearData: 2025/26 at Hillcrest Academy (8014001): totals do not add up: sessions possible 320 ≠ attended 290 + authorised 20 + unauthorised 5 = 315",
            "bad.xml: pupil 2 (UPN B801200005001): CTfile/CTFpupilData/Pupil[2]/Attendance/YearData[2]: 2024/25 at Hillcrest Academy (8014001): totals do not add up: sessions possible 300 ≠ attended 301 + authorised 0 + unauthorised 0 = 301",
        ])
        XCTAssertEqual(try auditCount(fx), audit)
    }
}

final class CTFRulesTests: XCTestCase {
    func testMarksOfEitherFormat() {
        let comma = AttendanceMarks("/,\\,C1,J1,N,Y1,X,-,,QQ")
        XCTAssertEqual(comma.format, .commaSeparated)
        XCTAssertEqual([comma.attended, comma.authorised, comma.unauthorised, comma.notRequired, comma.unmarked], [2, 2, 1, 2, 2])
        XCTAssertEqual(comma.unknown, ["QQ"])
        let single = AttendanceMarks("//LIGNX#")
        XCTAssertEqual(single.format, .single)
        XCTAssertEqual([single.attended, single.authorised, single.unauthorised, single.notRequired], [3, 1, 2, 2])
        // "C1" without commas is C then an unknown "1": the format is read from the text, not the version.
        let old = AttendanceMarks("C1")
        XCTAssertEqual([old.authorised, old.unknown.count], [1, 1])
    }

    func testLostPupilCodeAndTotals() {
        XCTAssertTrue(CTFRules.isLostPupil(lea: "XXX", estab: "XXXX"))
        XCTAssertFalse(CTFRules.isLostPupil(lea: "XXX", estab: "4001"))
        XCTAssertFalse(CTFRules.isLostPupil(lea: nil, estab: nil))
        let school = CTFSchool(lea: "801", estab: "4001")
        let ok = CTFYearAttendance(year: AcademicYear(startYear: 2025), school: school, possible: 10, attended: 7, authorised: 2, unauthorised: 1)
        XCTAssertNil(CTFRules.totalsProblem(ok))
        var off = ok; off.possible = 12
        XCTAssertEqual(CTFRules.totalsProblem(off), "sessions possible 12 ≠ attended 7 + authorised 2 + unauthorised 1 = 10")
        // Possible counting the two not-required sessions the marks show adds up.
        off.marks = AttendanceMarks("///////IIN,X".replacingOccurrences(of: ",", with: "") + "X")
        XCTAssertNil(CTFRules.totalsProblem(off))
        XCTAssertEqual(CTFRules.academicYear("2025/26")?.startYear, 2025)
        XCTAssertEqual(CTFRules.academicYear("2025-2026")?.startYear, 2025)
        XCTAssertNil(CTFRules.academicYear("2025/27"))
        XCTAssertEqual(CTFRules.majorVersion("24.0"), 24)
        XCTAssertTrue(CTFRules.suggestsEAL(["ENG", "POL"]))
        XCTAssertFalse(CTFRules.suggestsEAL(["ENG", "ENB", "REF"]))
        let d = SchoolDate(year: 2026, month: 11, day: 20)!
        XCTAssertTrue(CTFRules.hasCurrentFSM([CTFFSMSpell(start: nil, end: nil)], on: d))
        XCTAssertFalse(CTFRules.hasCurrentFSM([CTFFSMSpell(start: nil, end: SchoolDate(year: 2026, month: 7, day: 1))], on: d))
    }
}
