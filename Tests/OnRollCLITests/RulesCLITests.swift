import Foundation
import XCTest

/// The 16.5 rules end to end through the CLI on the sample store (today Mon 23 Nov 2026). The sample
/// calendar (sample-data/terms.csv) has autumn 2 from Mon 2 Nov (an INSET day) to Fri 18 Dec.
final class RulesCLITests: XCTestCase {
    func deadline(_ cli: CLI, _ ref: String, _ kind: String, today: String? = nil) throws -> [String: Any] {
        let show = try XCTUnwrap(try cli.json(["show", ref, "--format", "json"] + (today.map { ["--today", $0] } ?? [])) as? [String: Any])
        let all = try XCTUnwrap(show["deadlines"] as? [[String: Any]])
        return try XCTUnwrap(all.first { $0["kind"] as? String == kind }, "no \(kind) on \(ref): \(all.map { $0["kind"] ?? "" })")
    }

    func newCase(_ cli: CLI, kind: String, status: String = "open", owner: String? = "asha") throws -> String {
        let kids = try cli.write("kids-\(kind).csv", "ref,forename,surname,dob\nR-\(kind),Robin,Rule,2012-03-14\n")
        XCTAssertEqual(try cli.run(["import", "children", kids]).code, 0)
        let r = try cli.run(["case", "open", "--child", "R-\(kind)", "--kind", kind, "--status", status] + (owner.map { ["--owner", $0] } ?? []))
        XCTAssertEqual(r.code, 0, r.err)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testSuspensionExamDateAndDay6NoticeFromTheCLI() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let ref = try newCase(cli, kind: "suspension")
        // Mon 16 Nov, 6 days; exam Thu 26 Nov. Day 6 = 5 school days after 16 Nov: 17, 18, 19, 20, 23 → Mon 23 Nov;
        // notice 48 hours before → Sat 21 Nov. Governors: 15 school days after 16 Nov: 17–20 (4), 23–27 (9),
        // 30 Nov–4 Dec (14), Mon 7 Dec; the exam brings it to Wed 25 Nov.
        let add = try cli.run(["suspension", "add", "R-suspension", "--start", "2026-11-16", "--days", "6", "--reason", "DB",
                               "--exam-date", "2026-11-26"])
        XCTAssertEqual(add.code, 0, add.err)
        let id = add.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let exam = try deadline(cli, ref, "suspension.governors-exam")
        XCTAssertEqual(exam["due"] as? String, "2026-11-25")
        var notice = try deadline(cli, ref, "suspension.day6-notice")
        XCTAssertEqual(notice["due"] as? String, "2026-11-21")
        XCTAssertEqual(notice["state"] as? String, "overdue")
        // A notice dated after today is refused, with nothing written.
        let future = try cli.run(["suspension", "step", id, "provision-notice", "--date", "2026-11-24"])
        XCTAssertEqual(future.code, 65, future.out)
        XCTAssertTrue(future.err.contains("after today"), future.err)
        XCTAssertEqual(try cli.run(["suspension", "step", id, "provision-notice", "--date", "2026-11-20"]).code, 0)
        notice = try deadline(cli, ref, "suspension.day6-notice")
        XCTAssertEqual(notice["state"] as? String, "met")
        // A suspension has no review panel.
        XCTAssertEqual(try cli.run(["suspension", "step", id, "panel-decision-by-hand", "--date", "2026-11-20"]).code, 65)
        let log = try cli.run(["log", ref]).out + (try cli.run(["log"]).out)
        XCTAssertTrue(log.contains("day-6 provision notice given 2026-11-20"), log)
        let show = try XCTUnwrap(try cli.json(["show", ref, "--format", "json"]) as? [String: Any])
        let chron = (show["chronology"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        XCTAssertTrue(chron.contains { $0.contains("day-6 provision notice given 2026-11-20") }, "\(chron)")
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testReconsiderationCountsFromThePostedDecision() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let ref = try newCase(cli, kind: "exclusion")
        let add = try cli.run(["suspension", "add", "R-exclusion", "--start", "2026-09-14", "--days", "1", "--permanent", "--notice", "2026-09-14"])
        let id = add.out.trimmingCharacters(in: .whitespacesAndNewlines)
        for (step, date) in [("governors-met", "2026-10-01"), ("decision-letter", "2026-10-02"), ("review-requested", "2026-10-09"),
                             ("review-panel", "2026-11-05")] {
            XCTAssertEqual(try cli.run(["suspension", "step", id, step, "--date", date]).code, 0, step)
        }
        // From the hearing (Thu 5 Nov): 6, 9, 10, 11, 12, 13, 16, 17, 18, 19 → Thu 19 Nov, overdue on 23 Nov.
        var r = try deadline(cli, ref, "pex.reconsider")
        XCTAssertEqual(r["due"] as? String, "2026-11-19")
        XCTAssertEqual(r["state"] as? String, "overdue")
        // Posted Fri 6 Nov: deemed given Tue 10 Nov (Mon 9 the 1st working day, Tue 10 the 2nd); 10 school days
        // after: 11, 12, 13, 16, 17, 18, 19, 20, 23, 24 → Tue 24 Nov.
        XCTAssertEqual(try cli.run(["suspension", "step", id, "panel-decision-posted", "--date", "2026-11-06"]).code, 0)
        r = try deadline(cli, ref, "pex.reconsider")
        XCTAssertEqual(r["due"] as? String, "2026-11-24")
        XCTAssertEqual(r["state"] as? String, "upcoming")
        // The caseload no longer counts it overdue: the summary sees the new deadline.
        let row = try XCTUnwrap((try cli.json(["list", "--format", "json", "--search", "Robin"]) as? [[String: Any]])?.first { $0["ref"] as? String == ref })
        XCTAssertEqual(row["overdue"] as? Bool, true, "the PEx's other clocks (LA told, day 6) are still overdue")
        XCTAssertEqual(try cli.run(["suspension", "step", id, "panel-decision-posted", "--date", "2026-11-04"]).code, 65,
                       "a decision can't be sent before the panel met")
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testOffsiteDirectionFromTheCLI() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let ref = try newCase(cli, kind: "suspension")
        // First day Thu 26 Nov: Wed 25 (1), Tue 24 (2) → notice by Tue 24 Nov; given 23 Nov → met.
        var r = try cli.run(["case", "offsite", ref, "--first-day", "2026-11-26", "--notice", "2026-11-23", "--review-requested", "2026-11-23"])
        XCTAssertEqual(r.code, 0, r.err)
        let n = try deadline(cli, ref, "offsite.notice")
        XCTAssertEqual(n["due"] as? String, "2026-11-24")
        XCTAssertEqual(n["state"] as? String, "met")
        // Requested Mon 23 Nov: 24–27 (4), 30 Nov–4 Dec (9), Mon 7 Dec.
        XCTAssertEqual(try deadline(cli, ref, "offsite.review")["due"] as? String, "2026-12-07")
        XCTAssertEqual(try deadline(cli, ref, "offsite.review", today: "2026-12-08")["state"] as? String, "overdue")
        r = try cli.run(["case", "offsite", ref, "--review-held", "2026-11-30"])
        XCTAssertEqual(r.code, 65, "a review dated after today")
        XCTAssertEqual(try cli.run(["case", "offsite", ref]).code, 64)
        XCTAssertTrue(try cli.run(["log", ref]).out.contains("case.offsite"))
        XCTAssertEqual(try cli.run(["check"]).code, 0)
        XCTAssertEqual(try cli.run(["check", "--today", "2026-12-08"]).code, 0)
    }

    func testUnownedReferralClimbsAndTheSummaryKeepsUp() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let ref = try newCase(cli, kind: "cme", status: "referral", owner: nil)
        func score(_ today: String) throws -> Double? {
            let rows = try XCTUnwrap(try cli.json(["list", "--format", "json", "--today", today]) as? [[String: Any]])
            return rows.first { $0["ref"] as? String == ref }?["triageScore"] as? Double
        }
        // Opened Mon 23 Nov. kind 12 + referral 3 = 15; then 5 a school day: Tue 24 → 20, Fri 27 (4 days) → 35,
        // Mon 30 Nov (5) → 40, Tue 1 Dec (6, the cap) → 45, Wed 2 Dec still 45.
        XCTAssertEqual(try score("2026-11-23"), 15)
        XCTAssertEqual(try score("2026-11-24"), 20)
        XCTAssertEqual(try score("2026-11-28"), 35, "Saturday is not a school day")
        XCTAssertEqual(try score("2026-11-30"), 40)
        XCTAssertEqual(try score("2026-12-02"), 45)
        XCTAssertEqual(try cli.run(["check", "--today", "2026-11-30"]).code, 0)
        XCTAssertEqual(try cli.run(["case", "assign", ref, "--owner", "tom.reid"]).code, 0)
        XCTAssertEqual(try score("2026-11-30"), 15, "an owner stops the climb")
    }
}
