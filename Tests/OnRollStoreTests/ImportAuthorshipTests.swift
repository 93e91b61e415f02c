import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// Issue 13.5c: a CSV once credited another officer with a "seen" line (which took a child's score
/// from 53 to 38). An imported chronology line is the importing officer's, at the import's time; what
/// the file says about who wrote it and when is kept as "reported by … on …".
final class ImportAuthorshipTests: XCTestCase {
    func testImportedChronologyIsTheImportersAndKeepsWhatTheFileReports() throws {
        let fx = try StoreFixture()
        try fx.imp(.chronology, """
            case_ref,date,recorded_at,author,kind,text
            WM-00001,2026-11-20,2026-11-20T15:00:00Z,sam.lee,seen,Seen at home
            WM-00002,2026-11-19,,,note,Called school
            """)
        let seen = try XCTUnwrap(try fx.store.caseFile("WM-00001").chronology.first { $0.text == "Seen at home" })
        let tester = fx.who("tester")
        XCTAssertEqual(seen.author, tester, "the importing officer")
        XCTAssertEqual(seen.reportedBy, "sam.lee")
        XCTAssertEqual(seen.reportedAt, "2026-11-20T15:00:00Z")
        XCTAssertNotEqual(seen.recordedAt, "2026-11-20T15:00:00Z", "recorded when imported")
        XCTAssertEqual(seen.date.iso, "2026-11-20", "the date the child was seen is the file's")
        XCTAssertEqual(seen.byline, "\(tester) (reported by sam.lee on 2026-11-20)")
        let note = try XCTUnwrap(try fx.store.caseFile("WM-00002").chronology.first { $0.text == "Called school" })
        XCTAssertEqual(note.author, tester)
        XCTAssertNil(note.reportedBy, "a file that names no author reports none")
        XCTAssertEqual(note.byline, tester)
        // The audit entry of the import is the importing officer's too.
        let entry = try fx.store.read { db in try String.fetchOne(db, sql: "SELECT user FROM audit WHERE op = 'import.add' ORDER BY id DESC LIMIT 1") }
        XCTAssertEqual(entry, tester)
    }

    func testOnlyTheSyntheticSampleKeepsTheFilesAuthors() throws {
        let fx = try StoreFixture()
        try fx.imp(.chronology, "case_ref,date,recorded_at,author,kind,text\nWM-00001,2026-11-20,2026-11-20T15:00:00Z,sam.lee,note,From the sample\n",
                   options: ImportOptions(chronicle: false, keepFileAuthors: true))
        let line = try XCTUnwrap(try fx.store.caseFile("WM-00001").chronology.first { $0.text == "From the sample" })
        XCTAssertEqual(line.author, "sam.lee")
        XCTAssertNil(line.reportedBy)
    }
}
