import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// Issue 12 points 3 and 7: a file that names one record twice, and records dated after today, are
/// refused with nothing written.
final class RecordingSafetyTests: XCTestCase {
    func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }

    func testOneRefTwiceInOneFileNamesBothLinesAndWritesNothing() throws {
        let f = try StoreFixture()
        let before = try f.store.auditLog().count
        XCTAssertThrowsError(try f.imp(.children, """
            ref,forename,surname,dob,flags
            C9,Lily,Stone,2012-02-02,CP
            C8,Ben,Hart,2012-03-03,
            C9,Lily,Stone,2012-02-02,
            """)) { error in
            // Line 2 carries the CP flag that the last-row-wins import used to lose.
            XCTAssertEqual("\(error)".contains("children.csv:4: ref: 'C9' is also on line 2"), true, "\(error)")
        }
        XCTAssertEqual(try f.store.auditLog().count, before)
        XCTAssertNil(try f.store.read { db in try Child.fetchOne(db, key: "C8") }, "nothing of the file is written")
    }

    func testTheSameRefInTwoFilesIsStillAnUpdate() throws {
        let f = try StoreFixture()
        let r = try f.imp(.children, "ref,forename,surname,dob\nC1,Samuel,Okafor,2012-03-14\nC7,Ana,Lee,2012-01-01\n",
                          options: ImportOptions(updateExisting: true))  // a versionless update is meant here
        XCTAssertEqual(r.inserted, 1)
    }

    func testNotesContactsAndReviewsDatedAfterTodayAreRefused() throws {
        let f = try StoreFixture()
        let before = try f.store.auditLog().count
        XCTAssertThrowsError(try f.store.addNote(user: "a", caseRef: "WM-00001", text: "x", date: d("2026-11-24"), today: f.today)) {
            XCTAssertTrue("\($0)".contains("dated 2026-11-24, after today (2026-11-23)"), "\($0)")
        }
        XCTAssertThrowsError(try f.store.addContact(user: "a", caseRef: "WM-00002", date: d("2026-12-25"), type: "home visit",
                                                    outcome: "seen", seen: true, text: nil, today: f.today))
        XCTAssertEqual(try f.store.auditLog().count, before, "nothing written")
        // Today itself is fine.
        XCTAssertNoThrow(try f.store.addNote(user: "a", caseRef: "WM-00001", text: "rang mum", date: f.today, today: f.today))

        let plan = try f.store.newPlan(user: "pru", ReintegrationPlan(caseRef: "WM-00001", fromURN: "140002", toURN: "140001",
                                                                       start: d("2026-09-14"), target: d("2026-12-18"), reviewEvery: 10))
        let id = try XCTUnwrap(plan.id)
        XCTAssertThrowsError(try f.store.addPlanReview(user: "pru", PlanReview(planId: id, date: d("2026-11-30"), attended: 1, planned: 2,
                                                                               rag: .red, author: "pru"), today: f.today))
        try f.store.addPlanReview(user: "pru", PlanReview(planId: id, date: d("2026-11-16"), attended: 1, planned: 2, rag: .red, author: "pru"),
                                  today: f.today)
        XCTAssertThrowsError(try f.store.addPlanReview(user: "pru", PlanReview(planId: id, date: d("2026-11-16"), attended: 2, planned: 2,
                                                                               rag: .green, author: "pru"), today: f.today)) {
            XCTAssertTrue("\($0)".contains("already has a review dated 2026-11-16"), "\($0)")
        }
        XCTAssertEqual(try f.store.plan(id).reviews.count, 1)
    }
}

/// Issue 12.7 for attendance and imported chronology: what happened can't be dated after today.
final class FutureRecordTests: XCTestCase {
    func testAttendanceForAPeriodNotYetOverIsRefused() throws {
        let fx = try StoreFixture()
        let week = AttendanceRecord(childRef: "C1", from: try SchoolDate.parse("2026-11-23"), to: try SchoolDate.parse("2026-11-27"),
                                    possible: 10, present: 2)
        XCTAssertThrowsError(try fx.store.addAttendance(user: "t", week, today: fx.today)) { e in
            XCTAssertEqual("\(e)", "the attendance period is dated 2026-11-27, after today (2026-11-23): record it on or after the day it happens")
        }
        XCTAssertNoThrow(try fx.store.addAttendance(user: "t", week, today: try SchoolDate.parse("2026-11-27")))
    }

    func testAnImportedLineOrPeriodAfterTodayIsRefusedNamingTheLine() throws {
        let fx = try StoreFixture()
        let opts = ImportOptions(today: fx.today)
        XCTAssertThrowsError(try fx.imp(.chronology, "case_ref,date,kind,text\nWM-00001,2026-11-20,seen,ok\nWM-00001,2026-12-25,seen,Seen at Christmas\n", options: opts)) { e in
            XCTAssertEqual("\(e)", "chronology.csv:3: date: the seen is dated 2026-12-25, after today (2026-11-23): record it on or after the day it happens")
        }
        XCTAssertThrowsError(try fx.imp(.attendance, "child_ref,from,to,possible,present\nC1,2026-11-23,2026-11-27,10,2\n", options: opts)) { e in
            XCTAssertTrue("\(e)".hasPrefix("attendance.csv:2: to: the attendance period is dated 2026-11-27"), "\(e)")
        }
        XCTAssertFalse(try fx.store.caseFile("WM-00001").chronology.contains { $0.text == "ok" }, "nothing was written")
    }
}
