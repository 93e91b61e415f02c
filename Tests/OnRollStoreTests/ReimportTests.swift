import Foundation
import GRDB
import OnRollCore
@testable import OnRollStore
import XCTest

/// Issue 12 point 2: re-importing an old file never silently reverts a newer change.
final class ReimportTests: XCTestCase {
    func refusal(_ f: StoreFixture, _ kind: ImportKind, _ text: String, options: ImportOptions = ImportOptions()) -> [String] {
        do { try f.imp(kind, text, options: options); XCTFail("import should have been refused"); return [] } catch {
            guard case .importRejected(let lines) = error as? StoreError else { XCTFail("\(error)"); return [] }
            return lines
        }
    }

    func auditCount(_ f: StoreFixture) throws -> Int {
        try f.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit") ?? 0 }
    }

    /// The time of the latest audit entry that changed a case: what the refusal must name.
    func lastChangeAt(_ f: StoreFixture, _ ref: String) throws -> String {
        try f.store.read {
            try String.fetchOne($0, sql: "SELECT at FROM audit WHERE entity = 'case' AND entityId = ? AND op != 'view' ORDER BY id DESC LIMIT 1",
                                arguments: [ref]) ?? ""
        }
    }

    func chronology(_ f: StoreFixture, _ ref: String) throws -> [String] {
        try f.store.read { try String.fetchAll($0, sql: "SELECT text FROM chronology WHERE caseRef = ? ORDER BY id", arguments: [ref]) }
    }

    func testExportCarriesVersionsOfVersionedKindsOnly() throws {
        let f = try StoreFixture()
        try f.store.assign(user: "tom.reid", ref: "WM-00001", owner: "tom.reid", today: f.today)
        let csv = try f.store.exportCSV(.cases).split(separator: "\n")
        XCTAssertEqual(csv.first?.split(separator: ",").last, "version")
        XCTAssertTrue(csv[1].hasPrefix("WM-00001,") && csv[1].hasSuffix(",1"), String(csv[1]))
        XCTAssertTrue(csv[2].hasSuffix(",0"), String(csv[2]))
        XCTAssertFalse(try f.store.exportCSV(.schools).contains("version"), "schools carry no version")
    }

    func testAStaleRowIsRefusedNamingWhoChangedItAndNothingIsWritten() throws {
        let f = try StoreFixture()
        let exported = try f.store.exportCSV(.cases)
        // Another officer takes WM-00001 after the export (on a server, under a login of their own).
        try f.colleague("tom.reid").assign(user: "tom.reid", ref: "WM-00001", owner: "tom.reid", today: f.today)
        let at = try lastChangeAt(f, "WM-00001")
        let audit = try auditCount(f)
        XCTAssertEqual(refusal(f, .cases, exported), ["cases.csv:2: ref: changed by \(f.who("tom.reid")) at \(at) since this file was made"])
        XCTAssertEqual(try f.store.case("WM-00001")?.owner, "tom.reid", "the old owner is not put back")
        XCTAssertEqual(try auditCount(f), audit, "nothing written")
        // --update-existing does not override a version: the row says it is older than the store.
        XCTAssertEqual(refusal(f, .cases, exported, options: ImportOptions(updateExisting: true)).count, 1)
    }

    func testTheOfficersOwnEditOfAnExportAppliesWithChronologyNamingTheFile() throws {
        let f = try StoreFixture()
        let exported = try f.store.exportCSV(.cases)
        let edited = exported.replacingOccurrences(of: "WM-00002,C2,ebsa,referral,2026-10-01,tom.reid",
                                                   with: "WM-00002,C2,ebsa,open,2026-10-01,asha.patel")
        XCTAssertNotEqual(edited, exported)
        let r = try f.imp(.cases, edited)
        XCTAssertEqual([r.inserted, r.updated, r.unchanged], [0, 1, 1])
        XCTAssertEqual(try f.store.case("WM-00002")?.owner, "asha.patel")
        XCTAssertEqual(try f.store.case("WM-00002")?.version, 1)
        XCTAssertEqual(Array(try chronology(f, "WM-00002").suffix(2)), [
            "import cases.csv: status referral → open",
            "import cases.csv: owner tom.reid → asha.patel",
        ])
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testAVersionlessChangeNeedsUpdateExisting() throws {
        let f = try StoreFixture()
        let file = """
            ref,child_ref,kind,status,opened,owner,summary,next_review
            WM-00001,C1,suspension,monitoring,2026-09-10,tom.reid,Repeat suspensions,2026-11-30
            WM-00002,C2,ebsa,referral,2026-10-01,tom.reid,Not attending since half term,2026-11-20
            """
        let audit = try auditCount(f)
        XCTAssertEqual(refusal(f, .cases, file), [
            "cases.csv:2: ref: WM-00001 already exists and this row would change it (owner, status); re-export to get versions, or pass --update-existing",
        ])
        XCTAssertEqual(try f.store.case("WM-00001")?.owner, "asha.patel")
        XCTAssertEqual(try auditCount(f), audit, "nothing written")

        let r = try f.imp(.cases, file, options: ImportOptions(updateExisting: true))
        XCTAssertEqual([r.inserted, r.updated, r.unchanged], [0, 1, 1])
        XCTAssertEqual(try f.store.case("WM-00001")?.owner, "tom.reid")
        XCTAssertEqual(try f.store.case("WM-00001")?.status, .monitoring)
        XCTAssertEqual(Array(try chronology(f, "WM-00001").suffix(2)), [
            "import cases.csv: status open → monitoring",
            "import cases.csv: owner asha.patel → tom.reid",
        ])
        XCTAssertTrue(try f.store.check().isClean)
    }

    func testNewAndUnchangedRowsNeedNoVersion() throws {
        let f = try StoreFixture()
        let r = try f.imp(.cases, """
            ref,child_ref,kind,status,opened,owner,summary,next_review
            WM-00001,C1,suspension,open,2026-09-10,asha.patel,Repeat suspensions,2026-11-30
            WM-00003,C2,cme,open,2026-11-02,asha.patel,Missing from education,2026-11-30
            """)
        XCTAssertEqual([r.inserted, r.updated, r.unchanged], [1, 0, 1])
        // Kinds without versions follow the same rule: a changed school roll needs --update-existing.
        XCTAssertEqual(refusal(f, .schools, "urn,name,phase,type,trust,roll\n140002,Westmarch PRU,ap,pru,,64\n"),
                       ["schools.csv:2: urn: 140002 already exists and this row would change it (roll); pass --update-existing if that is meant"])
    }

    func testAClosedCaseIsNeverReopenedByAnImport() throws {
        let f = try StoreFixture()
        let exported = try f.store.exportCSV(.cases)
        try f.colleague("sam.lee").closeCase(user: "sam.lee", ref: "WM-00002", reason: "Back in school full time", today: f.today)
        let at = try lastChangeAt(f, "WM-00002")
        let expected = "cases.csv:3: status: WM-00002 was closed by \(f.who("sam.lee")) at \(at); import cannot reopen a closed case: "
            + "reopen it with `onroll case status WM-00002 referral` if that is meant"
        XCTAssertEqual(refusal(f, .cases, exported), [expected])
        // Not with --update-existing and no version, nor with the current version either.
        let versionless = "ref,child_ref,kind,status,opened\nWM-00002,C2,ebsa,referral,2026-10-01\n"
        XCTAssertEqual(refusal(f, .cases, versionless, options: ImportOptions(updateExisting: true)),
                       [expected.replacingOccurrences(of: "cases.csv:3:", with: "cases.csv:2:")])
        let current = try f.store.exportCSV(.cases).replacingOccurrences(of: "WM-00002,C2,ebsa,closed", with: "WM-00002,C2,ebsa,open")
        XCTAssertEqual(refusal(f, .cases, current).first?.hasPrefix("cases.csv:3: status: WM-00002 was closed by \(f.who("sam.lee"))"), true)
        XCTAssertEqual(try f.store.case("WM-00002")?.status, .closed)
    }

    func testAnUntouchedExportImportsBackUnchangedAndIntoAnEmptyStore() throws {
        let f = try StoreFixture()
        // Versions above 0, a closed case and an action, so every column is exercised.
        try f.store.assign(user: "tom.reid", ref: "WM-00001", owner: "tom.reid", today: f.today)
        try f.store.addAction(user: "tom.reid", caseRef: "WM-00001", agency: "CAMHS", description: "Referral", owner: nil,
                              due: f.today.adding(days: 14), today: f.today)
        try f.store.closeCase(user: "sam.lee", ref: "WM-00002", reason: "Back in school", today: f.today)
        let files = try ImportKind.allCases.map { ($0, try f.store.exportCSV($0)) }
        let audit = try auditCount(f)
        for (kind, text) in files {
            let r = try f.imp(kind, text)
            XCTAssertEqual([r.inserted, r.updated], [0, 0], "\(kind): \(r.summary)")
        }
        XCTAssertEqual(try auditCount(f), audit, "an unchanged round trip writes nothing")

        let empty = try StoreFixture(load: false)
        for (kind, text) in files {
            let r = try empty.imp(kind, text, options: ImportOptions(chronicle: false))
            XCTAssertEqual(r.updated, 0, "\(kind): \(r.summary)")
        }
        XCTAssertEqual(try empty.store.counts().filter { $0.key != "audit" }, try f.store.counts().filter { $0.key != "audit" })
        XCTAssertEqual(try empty.store.case("WM-00001")?.owner, "tom.reid")
        XCTAssertEqual(try empty.store.case("WM-00001")?.version, 0, "a new row is inserted at insert's version, not the file's")
        XCTAssertTrue(try empty.store.check().isClean)
    }
}
