import Foundation
import OnRollCore
@testable import OnRollStore
import PostgresClient
import XCTest

/// Moving a caseload between a file and a server: export → restore → export gives the same bytes.
final class ServerRestoreTests: XCTestCase {
    /// A file store with some of everything: the fixture's caseload plus notes, an action and views.
    func fileStore() throws -> StoreFixture {
        let f = try StoreFixture()
        try f.store.logView(user: "tester", caseRef: "WM-00001", via: "show")
        try f.imp(.chronology, """
            case_ref,date,kind,text,author
            WM-00001,2026-11-02,note,"Mum says he won't go in — ""not ever"", she said",asha.patel
            WM-00001,2026-11-03,note,"Saved under C:\\new\\N folder; \\N alone
            and a second line	after a tab",asha.patel
            """)
        return f
    }

    func testAFileExportRestoredOnAServerExportsToTheSameBytesAndBack() throws {
        let file = try fileStore()
        let exported = try file.store.exportDocument().json
        let f = try TestServer.fresh()
        let server = try ServerStore.restore(try ExportDocument.parse(Data(exported.utf8), fileName: "e.json"), url: f.ownerURL)
        XCTAssertEqual(try server.check(), [])
        let fromServer = try server.exportDocument().json
        XCTAssertEqual(fromServer, exported)
        // And back into a new file: the same bytes again, and the chain still verifies there.
        let back = file.dir + "/back.onroll"
        let restored = try Store.restore(try ExportDocument.parse(Data(fromServer.utf8), fileName: "s.json"), to: back)
        XCTAssertEqual(try restored.exportDocument().json, exported)
        XCTAssertTrue(try restored.check().isClean)
        // The owner who restored is the first manager; new entries continue the restored chain.
        XCTAssertEqual(try server.users().map(\.role), [.manager])
        let head = try server.headPosition()
        _ = try server.addUser(f.login("jo"), role: .officer, password: "jo-password")
        XCTAssertEqual(try server.headPosition(), head + 1)
        XCTAssertEqual(try server.check(), [])
    }

    /// The restore streams rows with COPY, whose text format gives backslash, tab and newline a meaning:
    /// a value holding them (and the two characters `\N`, COPY's NULL) must arrive as written.
    func testCopysSpecialCharactersArriveAsWritten() throws {
        let file = try fileStore()
        let text = "Saved under C:\\new\\N folder; \\N alone\nand a second line\tafter a tab"
        XCTAssertEqual(try file.store.read { db in try String.fetchOne(db, sql: "SELECT text FROM chronology WHERE date = '2026-11-03'") }, text)
        let f = try TestServer.fresh()
        _ = try ServerStore.restore(try file.store.exportDocument(), url: f.ownerURL)
        let conn = try f.connect(as: f.owner, password: f.password)
        XCTAssertEqual(try conn.exec(#"SELECT "text" FROM "chronology" WHERE "date" = '2026-11-03'"#).first?["text"], text)
        XCTAssertEqual(try conn.exec(#"SELECT count(*) AS n FROM "chronology" WHERE "text" IS NULL"#).first?.int("n"), 0)
    }

    func testARowTheServerRefusesIsNamedByTableAndRowAndNothingIsRestored() throws {
        let file = try fileStore()
        var doc = try file.store.exportDocument()
        let t = try XCTUnwrap(doc.tables.firstIndex { $0.name == "cases" })
        XCTAssertGreaterThan(doc.tables[t].rows.count, 1)
        // A whole-number column given a word: the server's cast refuses it.
        let column = try XCTUnwrap(doc.tables[t].rows[1].first { if case .int = $0.value { true } else { false } }?.key)
        doc.tables[t].rows[1][column] = .text("two")
        let f = try TestServer.fresh()
        XCTAssertThrowsError(try ServerStore.restore(doc, url: f.ownerURL)) { e in
            guard case StoreError.invalid(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.hasPrefix("cases row 2: "), m)
            XCTAssertTrue(m.contains("two"), m)
        }
        let conn = try f.connect(as: f.owner, password: f.password)
        XCTAssertEqual(try conn.exec("SELECT to_regclass('onroll.\"serverMigrations\"') IS NULL AS gone").first?.bool("gone"), true)
    }

    func testARestoreWhoseAuditWasTamperedLeavesTheDatabaseEmpty() throws {
        let file = try fileStore()
        var doc = try file.store.exportDocument()
        doc.audit[1]["summary"] = .text("nothing to see")
        let f = try TestServer.fresh()
        XCTAssertThrowsError(try ServerStore.restore(doc, url: f.ownerURL)) { e in
            guard case StoreError.invalid(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("does not verify"), m)
        }
        let conn = try f.connect(as: f.owner, password: f.password)
        XCTAssertEqual(try conn.exec("SELECT to_regclass('onroll.\"serverMigrations\"') IS NULL AS gone").first?.bool("gone"), true)
        // A cut-off end is refused too, by the head the export recorded.
        var cut = try file.store.exportDocument()
        cut.audit.removeLast()
        XCTAssertThrowsError(try ServerStore.restore(cut, url: f.ownerURL)) { e in
            guard case StoreError.invalid(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("cut or added"), m)
        }
    }

    func testRestoreGoesOnlyIntoAnEmptyDatabaseAndOnlyByItsOwner() throws {
        let file = try fileStore()
        let doc = try file.store.exportDocument()
        let f = try TestServer.fresh()
        _ = try ServerStore.initialize(url: f.ownerURL)
        XCTAssertThrowsError(try ServerStore.restore(doc, url: f.ownerURL)) { e in
            guard case StoreError.exists = e else { return XCTFail("\(e)") }
        }
        let g = try TestServer.fresh()
        let a = try TestServer.admin(g.config)
        try a.exec("CREATE ROLE \(PGConnection.quoteIdent(g.login("x"))) LOGIN PASSWORD 'x-password'")
        XCTAssertThrowsError(try ServerStore.restore(doc, url: g.url(as: g.login("x"), password: "x-password"))) { e in
            guard case StoreError.denied = e else { return XCTFail("\(e)") }
        }
    }

    /// A panel member's login recorded on a file store (`panel attendee --login`) travels with the export,
    /// and on the server row-level security then shows that login exactly its panel's agenda.
    func testAnAttendeeLoginFromAFileStoreLimitsThatPanelMemberOnTheServer() throws {
        let file = try StoreFixture()
        let f = try TestServer.fresh()
        let pat = f.login("pat")
        let panel = try file.store.newPanel(user: "tester", date: file.today, type: .inclusion, chair: "Chair")
        _ = try file.store.addItem(user: "tester", panelId: panel.id!, caseRef: "WM-00002", reason: "new referral", today: file.today)
        _ = try file.store.addAttendee(user: "tester", panelId: panel.id!, name: "Pat Head", organisation: "Hillcrest", login: pat.uppercased())
        XCTAssertThrowsError(try file.store.addAttendee(user: "tester", panelId: panel.id!, name: "Someone Else", organisation: nil, login: pat))
        XCTAssertThrowsError(try file.store.addAttendee(user: "tester", panelId: panel.id!, name: "Bad", organisation: nil, login: "no spaces"))
        let server = try ServerStore.restore(try file.store.exportDocument(), url: f.ownerURL)
        _ = try server.addUser(pat, role: .panel, password: "pat-password")
        let conn = try f.connect(as: pat, password: "pat-password")
        XCTAssertEqual(try conn.exec(#"SELECT "ref" FROM "cases""#).values.compactMap { $0[0] }, ["WM-00002"])
        XCTAssertEqual(try conn.exec(#"SELECT "ref" FROM "children""#).values.compactMap { $0[0] }, ["C2"])
        XCTAssertEqual(try server.check(), [])
    }
}
