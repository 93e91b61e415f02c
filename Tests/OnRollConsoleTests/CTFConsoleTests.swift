import Foundation
import OnRollConsole
import OnRollCore
import OnRollStore
import XCTest

/// What a CTF brings in shows on the case: the school's details on the summary, each year's attendance
/// with the school it was at, and the chronology line naming the file.
final class CTFConsoleTests: XCTestCase {
    func testACTFShowsOnTheCase() throws {
        let f = try ConsoleFixture(width: 160, height: 60)
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CTfile><Header><CTFversion>25.0</CTFversion><DateTime>2026-11-20T10:15:00</DateTime>
            <SourceSchool><LEA>801</LEA><Estab>4001</Estab><SchoolName>Hillcrest Academy</SchoolName></SourceSchool>
            <DestSchool><LEA>801</LEA><Estab>2002</Estab></DestSchool></Header>
            <CTFpupilData><Pupil><UPN>H801200001001</UPN><Surname>Okafor</Surname><Forename>Samuel</Forename><DOB>2012-03-14</DOB>
            <BasicDetails><NCyearActual>9</NCyearActual></BasicDetails>
            <Address><AddressLines><AddressLine1>12 High Street</AddressLine1></AddressLines><PostCode>WM1 2AB</PostCode></Address>
            <Attendance><YearData><Year>2025</Year><LEA>801</LEA><Estab>4001</Estab><SessionsPossible>300</SessionsPossible>
            <SessionsAuthorised>20</SessionsAuthorised><SessionsAttended>250</SessionsAttended><SessionsUnauthorised>30</SessionsUnauthorised></YearData></Attendance>
            <SchoolHistory><School><LEA>801</LEA><Estab>4001</Estab><SchoolName>Hillcrest Academy</SchoolName><EntryDate>2023-09-04</EntryDate></School></SchoolHistory>
            </Pupil></CTFpupilData></CTfile>
            """
        let r = try f.store.importCTF(data: Data(xml.utf8), fileName: "8014001_CTF_8012002_001.xml", user: "asha.patel",
                                      today: SchoolDate(year: 2026, month: 11, day: 23)!)
        XCTAssertEqual(r.attendanceWritten, 1)
        f.type("/okafor")
        f.press([.enter, .enter])
        XCTAssertTrue(f.text.contains("From transfer files (CTF)"), f.text)
        XCTAssertTrue(f.text.contains("NC year (school's) 9"), f.text)
        XCTAssertTrue(f.text.contains("Address: 12 High Street, WM1 2AB"), f.text)
        XCTAssertTrue(f.text.contains("2023-09-04..            Hillcrest Academy (8014001)"), f.text)
        f.press([.tab, .tab, .tab, .tab])
        // 50 of 300 missed: 16.7%, persistent.
        XCTAssertTrue(f.text.contains("2025-08-01..2026-07-31  250/300 sessions  missed 16.7%  persistent  at 8014001"), f.text)
    }
}
