import Foundation
import XCTest

/// `onroll import ctf FILE.xml` from the command line: exit codes, messages, a lost pupil, the sample's files.
final class CTFCLITests: XCTestCase {
    func ctf(dest: String = "<LEA>801</LEA><Estab>2002</Estab>", dob: String = "2012-03-14") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <CTfile><Header><CTFversion>25.0</CTFversion><DateTime>2026-11-20T10:15:00</DateTime>
        <SourceSchool><LEA>801</LEA><Estab>4001</Estab><SchoolName>Hillcrest Academy</SchoolName></SourceSchool>
        <DestSchool>\(dest)</DestSchool></Header>
        <CTFpupilData><Pupil><UPN>H801200001001</UPN><Surname>Okafor</Surname><Forename>Samuel</Forename><DOB>\(dob)</DOB><Sex>M</Sex>
        <SENhistory><SEN><StartDate>2025-01-10</StartDate><SENprovision>E</SENprovision></SEN></SENhistory>
        </Pupil></CTFpupilData></CTfile>
        """
    }

    func initialised() throws -> CLI {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        let schools = try cli.write("schools.csv", "urn,name,laestab\n140001,Hillcrest Academy,8014001\n")
        let children = try cli.write("children.csv", "ref,upn,forename,surname,dob,school_urn\nC1,H801200001001,Samuel,Okafor,2012-03-14,140001\n")
        let cases = try cli.write("cases.csv", "ref,child_ref,kind,opened\nWM-00001,C1,suspension,2026-09-10\n")
        for (kind, path) in [("schools", schools), ("children", children), ("cases", cases)] {
            let r = try cli.run(["import", kind, path])
            XCTAssertEqual(r.code, 0, r.err)
        }
        return cli
    }

    func testImportShowAndImportAgain() throws {
        let cli = try initialised()
        let file = try cli.write("8014001_CTF_8012002_001.xml", ctf())
        let first = try cli.run(["import", "ctf", file])
        XCTAssertEqual(first.code, 0, first.err)
        XCTAssertEqual(first.out, "ctf: 0 added, 1 updated, 0 unchanged\n")
        let show = try cli.run(["show", "WM-00001"])
        XCTAssertTrue(show.out.contains("SEN No SEN → EHC plan from CTF 8014001_CTF_8012002_001.xml (Hillcrest Academy)"), show.out)
        let full = try cli.write("full.xml", ctf().replacingOccurrences(of: "</SENhistory>", with: """
            </SENhistory><Address><AddressLines><AddressLine1>12 High Street</AddressLine1></AddressLines><PostCode>WM1 2AB</PostCode></Address>
            <SchoolHistory><School><LEA>801</LEA><Estab>4001</Estab><SchoolName>Hillcrest Academy</SchoolName><EntryDate>2023-09-04</EntryDate><LeavingDate>2026-11-13</LeavingDate></School></SchoolHistory>
            """))
        XCTAssertEqual(try cli.run(["import", "ctf", full]).code, 0)
        let shown = try cli.run(["show", "WM-00001"]).out
        XCTAssertTrue(shown.contains("From transfer files (CTF)\n  Address: 12 High Street, WM1 2AB\n  2023-09-04..2026-11-13  Hillcrest Academy (8014001)"), shown)
        let json = try cli.run(["show", "WM-00001", "--format", "json"]).out
        XCTAssertTrue(json.contains("\"schoolHistory\""), json)
        XCTAssertTrue(json.contains("12 High Street, WM1 2AB"), json)
        let second = try cli.run(["import", "ctf", full])
        XCTAssertEqual(second.out, "ctf: 0 added, 0 updated, 1 unchanged (nothing changed)\n")
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testABadFileExits65NamingThePupilAndNothingIsWritten() throws {
        let cli = try initialised()
        let file = try cli.write("bad.xml", ctf(dob: "14/03/2012x"))
        let r = try cli.run(["import", "ctf", file])
        XCTAssertEqual(r.code, 65)
        XCTAssertEqual(r.err, "error: \(file): pupil 1 (UPN H801200001001): CTfile/CTFpupilData/Pupil[1]/DOB: '14/03/2012x' is not a date (yyyy-MM-dd)\n")
        let hostile = try cli.write("dtd.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<CTfile>&e;</CTfile>\n")
        let h = try cli.run(["import", "ctf", hostile])
        XCTAssertEqual(h.code, 65)
        XCTAssertTrue(h.err.contains("DTDs and entities are refused"), h.err)
        XCTAssertEqual(try cli.run(["import", "ctf", "--skip-invalid", file]).code, 64)
        XCTAssertEqual(try cli.run(["log", "--format", "json"]).out.contains("ctf."), false, "nothing written")
    }

    func testALostPupilOpensACMECase() throws {
        let cli = try initialised()
        let file = try cli.write("8014001_CTF_XXXXXXX_001.xml", ctf(dest: "<LEA>XXX</LEA><Estab>XXXX</Estab>"))
        let r = try cli.run(["import", "ctf", file])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("CME cases opened: WM-00002"), r.out)
        let list = try cli.run(["list", "--kind", "cme"])
        XCTAssertTrue(list.out.contains("WM-00002"), list.out)
    }

    /// sample-data holds CTFs from two of the sample's schools; each imports into the sample caseload,
    /// and again changes nothing.
    func testTheSampleCTFsImport() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data")
        let files = try FileManager.default.contentsOfDirectory(atPath: repo.path).filter { $0.hasPrefix("ctf-") && $0.hasSuffix(".xml") }.sorted()
        XCTAssertEqual(files.count, 2, "\(files)")
        for f in files {
            let path = repo.appendingPathComponent(f).path
            let r = try cli.run(["import", "ctf", path])
            XCTAssertEqual(r.code, 0, "\(f): \(r.err)")
            XCTAssertFalse(r.out.contains("nothing changed"), r.out)
            let again = try cli.run(["import", "ctf", path])
            XCTAssertTrue(again.out.contains("(nothing changed)"), again.out)
        }
        XCTAssertEqual(try cli.run(["check"]).code, 0)
        // What the files brought travels in the JSON export and restores, verified.
        let export = try cli.run(["export"])
        XCTAssertTrue(export.out.contains("\"pupilTransfers\""))
        let file = try cli.write("export.json", export.out)
        let elsewhere = ["XDG_STATE_HOME": cli.dir + "/elsewhere"]
        let r = try cli.run(["restore", file, "--store", cli.dir + "/restored.onroll"], store: false, env: elsewhere)
        XCTAssertEqual(r.code, 0, r.err)
    }
}
