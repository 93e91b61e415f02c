import Foundation
import GRDB
import OnRollCore
@testable import OnRollStore
import XCTest

/// A store made by an older build (schema v1 only) opens in this one and keeps its audit trail valid.
final class MigrationTests: XCTestCase {
    func testV1StoreOpensAndMigrates() throws {
        let dir = NSTemporaryDirectory() + "onroll-mig-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/old.onroll"
        // Build the old schema and data exactly as a v1 build would have.
        do {
            let pool = try DatabasePool(path: path)
            var old = DatabaseMigrator()
            old.registerMigration("v1-caseload", migrate: Schema.v1)
            try old.migrate(pool)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO schools(urn, name) VALUES ('140009', 'Old School')")
                try db.execute(sql: """
                    INSERT INTO children(ref, forename, surname, dob, sen, flags, version) VALUES ('OLD1', 'Bo', 'Chan', '2011-05-05', 'N', '', 0)
                    """)
                try db.execute(sql: """
                    INSERT INTO cases(ref, childRef, kind, status, opened, flaggedForPanel, ehcRequest, version)
                    VALUES ('K-OLD', 'OLD1', 'ebsa', 'open', '2026-09-01', 0, '2026-09-01', 0)
                    """)
            }
            // A v1 build audited each insert with the row's canonical JSON. Read back through today's
            // types, a v1 row encodes to the same bytes (its new optional fields are nil, so absent).
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let ctx = try WriteContext(db: StoreDB(file: db), user: "old.build")
                    let school = try XCTUnwrap(try School.fetchOne(db, key: "140009"))
                    try ctx.audit(op: .importAdd, entity: School.entity, entityId: school.auditKey, caseRef: nil,
                                  summary: "school 140009", after: CanonicalJSON.encode(school))
                    let child = try XCTUnwrap(try Child.fetchOne(db, key: "OLD1"))
                    try ctx.audit(op: .importAdd, entity: Child.entity, entityId: child.auditKey, caseRef: nil,
                                  summary: "child OLD1", after: CanonicalJSON.encode(child))
                    let kase = try XCTUnwrap(try Case.fetchOne(db, key: "K-OLD"))
                    try ctx.audit(op: .caseOpen, entity: Case.entity, entityId: kase.auditKey, caseRef: "K-OLD",
                                  summary: "case K-OLD", after: CanonicalJSON.encode(kase))
                    return .commit
                }
            }
        }
        let store = try Store(path: path)
        // A case written by the old build reads back, its new fields empty.
        let oldCase = try XCTUnwrap(try store.case("K-OLD"))
        XCTAssertEqual(oldCase.ehcRequest, try SchoolDate.parse("2026-09-01"))
        XCTAssertNil(oldCase.ehcDecision)
        _ = try store.importCSV(.schools, data: Data("urn,name\n140001,Hillcrest\n".utf8), fileName: "s.csv", user: "t")
        _ = try store.importCSV(.children, data: Data("ref,forename,surname,dob\nC1,Ana,Lee,2012-01-01\n".utf8), fileName: "c.csv", user: "t")
        let c = try store.openCase(user: "t", childRef: "C1", kind: .ebsa, owner: nil, summary: nil, today: try SchoolDate.parse("2026-11-23"))
        XCTAssertNil(try store.case(c.ref)?.ehcDecision)
        let columns = try store.read { db in try db.fileDatabase!.columns(in: "cases").map(\.name) }
        XCTAssertTrue(columns.contains("ehcDecision") && columns.contains("ehcNoPlanNotice"), "\(columns)")
        let applied = try store.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        XCTAssertEqual(applied, ["v1-caseload", "v2-ehc-steps", "v3-panel-note-shared", "v4-chronology-reported", "v5-case-summary",
                                 "v6-summary-fixed-index", "v7-school-data", "v8-ctf-transfers", "v9-panelmode", "v9-rules", "v9-server-logins"])
        // The v1 rows and their audit entries still verify after the migration: nothing is filtered out.
        XCTAssertEqual(try store.check().problems, [])
        let oldEntries = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE user = 'old.build'")
        }
        XCTAssertEqual(oldEntries, 3)
    }
}
