import Foundation
import OnRollCore
@testable import OnRollStore
import PostgresClient
import XCTest

/// The server store against a real PostgreSQL server: schema, identity from the server, the chain under
/// concurrent writers, and what each role cannot do — through the store and behind its back with SQL.
final class ServerStoreTests: XCTestCase {
    /// A new server store (as its owner) with one officer in it, `jo`, whose password is "jo-password".
    func storeWithOfficer(_ name: String = #function) throws -> (TestServer.Fresh, ServerStore, String) {
        let f = try TestServer.fresh(name)
        let s = try ServerStore.initialize(url: f.ownerURL)
        let jo = f.login("jo")
        _ = try s.addUser(jo, role: .officer, password: "jo-password")
        return (f, s, jo)
    }

    func testInitMakesTheOwnerTheFirstManagerAndRefusesASecondInit() throws {
        let f = try TestServer.fresh()
        let s = try ServerStore.initialize(url: f.ownerURL)
        XCTAssertEqual(s.login, f.owner)
        XCTAssertEqual(try s.role(), .manager)
        XCTAssertEqual(try s.users().map(\.login), [f.owner])
        XCTAssertEqual(try s.users().first?.role, .manager)
        XCTAssertThrowsError(try ServerStore.initialize(url: f.ownerURL)) { e in
            guard case StoreError.exists = e else { return XCTFail("\(e)") }
        }
        // Every file migration is recorded as applied on the server.
        let applied = try f.connect(as: f.owner, password: f.password).exec(#"SELECT "identifier" FROM "serverMigrations""#).values.compactMap { $0[0] }
        XCTAssertEqual(Set(applied), Set(try FileSchema.current().migrations))
        // The init is itself the first audit entry, by the owner, at position 1.
        let log = try s.auditLog()
        XCTAssertEqual(log.map(\.op), ["server.init"])
        XCTAssertEqual(log.first?.user, f.owner)
        XCTAssertEqual(log.first?.id, 1)
        XCTAssertEqual(try s.check(), [])
    }

    /// The server has every table and column the file migrations make, with the same unique keys, so a
    /// restore is row for row and a new migration cannot be forgotten on one backend.
    func testTheServerHasEveryFileTableColumnAndUniqueKey() throws {
        let f = try TestServer.fresh()
        _ = try ServerStore.initialize(url: f.ownerURL)
        let conn = try f.connect(as: f.owner, password: f.password)
        let file = try FileSchema.current()
        XCTAssertGreaterThan(file.tables.count, 20)
        // The unique keys Schema.swift declares, stated here so a derivation that drops them is caught.
        let declared = [("caseSummary", ["caseRef"]), ("schoolHistory", ["childRef", "laestab", "entry"]), ("terms", ["academicYear", "start"])]
        for (table, columns) in declared {
            XCTAssertTrue(file.tables.first { $0.name == table }?.indexes.contains { $0.unique && $0.columns == columns } ?? false,
                          "\(table) \(columns)")
        }
        for t in file.tables {
            let cols = try conn.exec("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = 'onroll' AND table_name = $1
                """, [t.name]).values.compactMap { $0[0] }
            XCTAssertEqual(Set(cols).intersection(t.columns.map(\.name)), Set(t.columns.map(\.name)), t.name)
            for ix in t.indexes where ix.unique {
                let found = try conn.exec("""
                    SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'onroll' AND c.relname = $1 AND i.indisunique
                      AND (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) = $2::text[]
                    """, [t.name, "{" + ix.columns.joined(separator: ",") + "}"]).first?[0]
                XCTAssertEqual(found, "1", "\(t.name) unique \(ix.columns)")
            }
        }
    }

    func testInitByALoginThatDoesNotOwnTheDatabaseIsRefused() throws {
        let f = try TestServer.fresh()
        let a = try TestServer.admin(f.config)
        let other = f.login("other")
        try a.exec("CREATE ROLE \(PGConnection.quoteIdent(other)) LOGIN PASSWORD 'other-password'")
        XCTAssertThrowsError(try ServerStore.initialize(url: f.url(as: other, password: "other-password"))) { e in
            guard case StoreError.denied(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("owner"), m)
        }
    }

    func testOpeningADatabaseWithNoStoreSaysWhoCreatesOne() throws {
        let f = try TestServer.fresh()
        XCTAssertThrowsError(try ServerStore(url: f.ownerURL)) { e in
            guard case StoreError.missing(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("onroll init"), m)
        }
    }

    func testAnUnreachableServerIsUnavailableNotAnError() throws {
        let c = try TestServer.require()
        // A port nothing listens on: the same refusal a stopped server gives.
        let url = "postgresql://nobody:x@127.0.0.1:1/none?connect_timeout=2"
        _ = c
        XCTAssertThrowsError(try ServerStore(url: url)) { e in
            guard case StoreError.unavailable(let m) = e else { return XCTFail("\(e)") }
            XCTAssertFalse(m.contains(":x@"), "the password is not shown: \(m)")
        }
    }

    func testWhoAndWhenComeFromTheServerWhateverTheClientSends() throws {
        let (f, s, jo) = try storeWithOfficer()
        let conn = try f.connect(as: jo, password: "jo-password")
        // A forged user, time and hash: the trigger overwrites all of them.
        try conn.exec("""
            INSERT INTO "audit" ("at", "user", "op", "entity", "entityId", "summary", "prevHash", "hash")
            VALUES ('1999-01-01T00:00:00Z', 'someone.else', 'note.add', 'case', 'X', 'forged', 'f', 'f')
            """)
        let last = try XCTUnwrap(try s.auditLog().last)
        XCTAssertEqual(last.user, jo)
        XCTAssertNotEqual(last.at, "1999-01-01T00:00:00Z")
        XCTAssertTrue(last.at.hasPrefix("20"), last.at)
        XCTAssertEqual(last.hash, last.expectedHash)
        XCTAssertEqual(try s.check(), [])
        // --user naming someone else is refused; naming the login itself is fine.
        let asJo = try ServerStore(url: f.url(as: jo, password: "jo-password"))
        XCTAssertNoThrow(try asJo.checkUser(jo))
        XCTAssertThrowsError(try asJo.checkUser("someone.else")) { e in
            guard case StoreError.denied = e else { return XCTFail("\(e)") }
        }
    }

    func testOfficersCanAppendButNeverRewriteTheAuditOrTheChronology() throws {
        let (f, _, jo) = try storeWithOfficer()
        let conn = try f.connect(as: jo, password: "jo-password")
        for sql in [#"UPDATE "audit" SET "summary" = 'x'"#, #"DELETE FROM "audit""#, #"TRUNCATE "audit""#,
                    #"UPDATE "chronology" SET "text" = 'x'"#, #"DELETE FROM "chronology""#,
                    #"UPDATE "auditHead" SET "position" = 0"#, #"INSERT INTO "officers" VALUES ('x', 'manager', 1, '', '')"#,
                    #"INSERT INTO "config" ("key", "value") VALUES ('triage.weight', '9')"#] {
            // Refused by privilege ("permission denied for table …"), not only by the append-only trigger.
            TestServer.assertRefused(conn, sql, byPrivilege: true)
        }
        // Even the owner's UPDATE is refused by the trigger.
        let owner = try f.connect(as: f.owner, password: f.password)
        XCTAssertThrowsError(try owner.exec(#"UPDATE "audit" SET "summary" = 'x'"#))
    }

    func testCheckFindsAnEntryAlteredAndOneCutFromTheEnd() throws {
        let f = try TestServer.fresh()
        let s = try ServerStore.initialize(url: f.ownerURL)
        for i in 1...3 { _ = try s.addUser(f.login("o\(i)"), role: .officer, password: "password-\(i)") }
        XCTAssertEqual(try s.check(), [])
        // Only the owner can get round the triggers, and even then `check` sees it.
        let owner = try f.connect(as: f.owner, password: f.password)
        try owner.exec(#"ALTER TABLE "audit" DISABLE TRIGGER "audit_append_only""#)
        try owner.exec(#"UPDATE "audit" SET "summary" = 'nothing happened' WHERE "position" = 2"#)
        let altered = try s.check()
        XCTAssertTrue(altered.contains { $0.contains("entry 2 was altered") }, "\(altered)")
        try owner.exec(#"DELETE FROM "audit" WHERE "position" = 4"#)
        let cut = try s.check()
        XCTAssertTrue(cut.contains { $0.contains("cut from the end") }, "\(cut)")
    }

    func testConcurrentWritersNeverForkTheChainAndPositionsAreGapless() throws {
        let f = try TestServer.fresh()
        let s = try ServerStore.initialize(url: f.ownerURL)
        let writers = 4, each = 40
        let logins = (1...writers).map { f.login("w\($0)") }
        for l in logins { _ = try s.addUser(l, role: .officer, password: "pw-\(l)") }
        let before = try s.headPosition()
        let errors = LockedCount()
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            do {
                let store = try ServerStore(url: f.url(as: logins[w], password: "pw-\(logins[w])"))
                for i in 0..<each {
                    try store.write {
                        try store.audit(.noteAdd, entity: "case", entityId: "C\(w)", caseRef: nil, summary: "writer \(w) note \(i)")
                    }
                }
            } catch { errors.add() }
        }
        XCTAssertEqual(errors.value, 0)
        XCTAssertEqual(try s.headPosition(), before + Int64(writers * each))
        let positions = try s.auditLog().compactMap(\.id)
        XCTAssertEqual(positions, Array(1...Int64(positions.count)))
        XCTAssertEqual(try s.check(), [])
    }

    /// A second officer's connection is woken by the commit of the first's write, not before it, and reads
    /// the new entry by position.
    func testAColleaguesCommitWakesAListenerAndNothingBeforeIt() throws {
        let (f, _, jo) = try storeWithOfficer()
        let watcher = try ServerStore(url: f.url(as: jo, password: "jo-password"))
        try watcher.listenForChanges()
        let seen = try watcher.headPosition()
        XCTAssertFalse(try watcher.waitForChange(timeout: 0.2), "woken with nothing written")
        // An uncommitted write wakes nobody; its commit does.
        let writer = try f.connect(as: f.owner, password: f.password)
        try writer.exec("BEGIN")
        try writer.exec(#"INSERT INTO "audit" ("at","user","op","entity","entityId","summary","prevHash","hash") VALUES ('','','note.add','case','X','a note','','')"#)
        XCTAssertFalse(try watcher.waitForChange(timeout: 0.3), "woken before the commit")
        try writer.exec("COMMIT")
        XCTAssertTrue(try watcher.waitForChange(timeout: 1.0), "not woken within a second of the commit")
        XCTAssertEqual(try watcher.auditSince(position: seen).map(\.summary), ["a note"])
    }

    /// What a console asks between keys: nothing is sent to the server until a colleague's commit is
    /// announced on the store's LISTEN connection.
    func testAStoreHearsAColleaguesCommitWithoutReadingAnything() throws {
        let (f, _, jo) = try storeWithOfficer()
        let watcher = try Store(path: f.url(as: jo, password: "jo-password"))
        XCTAssertTrue(watcher.mayHaveChanged(), "a new listener can't know what happened before it")
        XCTAssertFalse(watcher.mayHaveChanged(), "nothing was committed")
        let writer = try Store(path: f.ownerURL)
        try writer.addAgency(user: f.owner, name: "Youth Service")
        var heard = false
        for _ in 0..<20 where !heard { heard = watcher.mayHaveChanged(); if !heard { usleep(50_000) } }
        XCTAssertTrue(heard, "a colleague's commit was not heard within a second")
        XCTAssertFalse(watcher.mayHaveChanged(), "heard once, not again")
    }

    func testOnlyAManagerManagesLoginsAndADisabledLoginCannotConnect() throws {
        let f = try TestServer.fresh()
        let s = try ServerStore.initialize(url: f.ownerURL)
        let jo = f.login("jo"), mo = f.login("mo"), al = f.login("al")
        _ = try s.addUser(jo, role: .officer, password: "jo-password")
        _ = try s.addUser(mo, role: .manager, password: "mo-password")
        let asJo = try ServerStore(url: f.url(as: jo, password: "jo-password"))
        XCTAssertThrowsError(try asJo.addUser(al, role: .officer, password: "al-password")) { e in
            guard case StoreError.denied = e else { return XCTFail("\(e)") }
        }
        // A manager who is not the database's owner can add and disable.
        let asMo = try ServerStore(url: f.url(as: mo, password: "mo-password"))
        XCTAssertEqual(try asMo.addUser(al, role: .auditor, password: "al-password").role, .auditor)
        XCTAssertThrowsError(try asMo.addUser(al, role: .officer, password: "al-password2"))
        XCTAssertEqual(try asMo.role(), .manager)
        _ = try asMo.disableUser(jo)
        XCTAssertEqual(try s.users().first { $0.login == jo }?.enabled, false)
        XCTAssertThrowsError(try f.connect(as: jo, password: "jo-password"))
        // Both changes are in the log, by the manager who made them.
        let ops = try s.auditLog().filter { $0.entity == "officer" }.map { "\($0.op) \($0.entityId) by \($0.user)" }
        XCTAssertEqual(ops, ["user.add \(jo) by \(f.owner)", "user.add \(mo) by \(f.owner)",
                             "user.add \(al) by \(mo)", "user.disable \(jo) by \(mo)"])
        XCTAssertEqual(try s.check(), [])
    }

    func testAnAuditorReadsEverythingAndWritesNothingButTheirViews() throws {
        let f = try TestServer.fresh()
        let s = try ServerStore.initialize(url: f.ownerURL)
        let al = f.login("al")
        _ = try s.addUser(al, role: .auditor, password: "al-password")
        try ServerFixture.caseload(f)
        let conn = try f.connect(as: al, password: "al-password")
        XCTAssertEqual(try conn.exec(#"SELECT count(*) FROM "cases""#).first?[0], "2")
        XCTAssertGreaterThan(try conn.exec(#"SELECT count(*) FROM "audit""#).first?.int("count") ?? 0, 0)
        for sql in [#"UPDATE "cases" SET "owner" = 'x'"#, #"INSERT INTO "agencies" VALUES ('X')"#,
                    #"INSERT INTO "audit" ("at","user","op","entity","entityId","summary","prevHash","hash") VALUES ('','','case.close','case','A','x','','')"#] {
            TestServer.assertRefused(conn, sql)
        }
        XCTAssertNoThrow(try conn.exec(#"INSERT INTO "audit" ("at","user","op","entity","entityId","summary","prevHash","hash") VALUES ('','','view','case','WM-A','read','','')"#))
    }

    func testAPanelMemberSeesOnlyTheCasesOnTheirPanelsAgendas() throws {
        let f = try TestServer.fresh()
        let s = try ServerStore.initialize(url: f.ownerURL)
        let pat = f.login("pat")
        _ = try s.addUser(pat, role: .panel, password: "pat-password")
        try ServerFixture.caseload(f)
        let conn = try f.connect(as: pat, password: "pat-password")
        // Not yet an attendee: nothing at all.
        XCTAssertEqual(try conn.exec(#"SELECT count(*) FROM "cases""#).first?[0], "0")
        let owner = try f.connect(as: f.owner, password: f.password)
        try owner.exec(#"INSERT INTO "panelAttendees" ("panelId", "name", "organisation", "login") VALUES (1, 'Pat Head', 'School', $1)"#, [pat])
        XCTAssertEqual(try conn.exec(#"SELECT "ref" FROM "cases""#).values.compactMap { $0[0] }, ["WM-A"])
        XCTAssertEqual(try conn.exec(#"SELECT "ref" FROM "children""#).values.compactMap { $0[0] }, ["C-A"])
        XCTAssertEqual(try conn.exec(#"SELECT DISTINCT "caseRef" FROM "chronology""#).values.compactMap { $0[0] }, ["WM-A"])
        XCTAssertEqual(try conn.exec(#"SELECT count(*) FROM "schools""#).first?[0], "1")
        for sql in [#"SELECT * FROM "audit""#, #"UPDATE "cases" SET "owner" = 'x'"#, #"SELECT * FROM "officers""#] {
            TestServer.assertRefused(conn, sql)
        }
    }

    func testSyncIsIdempotentAndCheckSeesALoginGrantedOutsideOnRoll() throws {
        let f = try TestServer.fresh()
        let s = try ServerStore.initialize(url: f.ownerURL)
        try s.write { try s.sync() }
        try s.write { try s.sync() }
        XCTAssertEqual(try s.check(), [])
        let a = try TestServer.admin(f.config)
        let sneak = f.login("sneak")
        try a.exec("CREATE ROLE \(PGConnection.quoteIdent(sneak)) LOGIN PASSWORD 'sneak-password'")
        try a.exec("GRANT \(PGConnection.quoteIdent(s.roles.group(.officer))) TO \(PGConnection.quoteIdent(sneak))")
        let problems = try s.check()
        XCTAssertTrue(problems.contains { $0.contains(sneak) && $0.contains("outside onroll") }, "\(problems)")
    }
}

/// A counter several threads add to.
final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}

/// Two cases (WM-A on panel 1's agenda, WM-B not) written as the owner, straight into the tables.
enum ServerFixture {
    static func caseload(_ f: TestServer.Fresh) throws {
        let c = try f.connect(as: f.owner, password: f.password)
        try c.script("""
            INSERT INTO "schools" ("urn", "name") VALUES ('100001', 'Ash Primary');
            INSERT INTO "children" ("ref", "forename", "surname", "dob", "schoolURN", "sen", "flags", "version")
              VALUES ('C-A', 'Ada', 'Ash', '2015-01-01', '100001', 'none', '', 1),
                     ('C-B', 'Ben', 'Birch', '2014-02-02', '100001', 'none', '', 1);
            INSERT INTO "cases" ("ref", "childRef", "kind", "status", "opened", "flaggedForPanel", "version")
              VALUES ('WM-A', 'C-A', 'ebsa', 'open', '2026-09-01', 0, 1), ('WM-B', 'C-B', 'cme', 'open', '2026-09-02', 0, 1);
            INSERT INTO "chronology" ("caseRef", "date", "recordedAt", "author", "kind", "text")
              VALUES ('WM-A', '2026-09-01', '2026-09-01T09:00:00Z', 'x', 'note', 'a'), ('WM-B', '2026-09-02', '2026-09-02T09:00:00Z', 'x', 'note', 'b');
            INSERT INTO "panels" ("date", "type", "status", "version") VALUES ('2026-11-26', 'inclusion', 'planned', 1);
            INSERT INTO "panelItems" ("panelId", "caseRef", "position", "reasons", "status", "seconds", "version")
              VALUES (1, 'WM-A', 1, '[]', 'pending', 0, 1);
            """)
    }
}
