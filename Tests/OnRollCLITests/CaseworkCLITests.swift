import Foundation
import XCTest

/// `plan`, `team`, `oos`, `deletion` and `suspension reflect` through the real binary.
final class CaseworkCLITests: XCTestCase {
    func setUpStore() throws -> CLI {
        try CLI.withFiles([
            ("schools", "urn,name,phase,type,trust,roll\n140001,Hillcrest Academy,secondary,academy,,1000\n140002,Westmarch PRU,ap,pru,,60\n"),
            ("terms", "academic_year,term,start,end,closures\n2026/27,autumn,2026-09-02,2026-10-23,\n2026/27,autumn,2026-11-02,2026-12-18,\n2026/27,spring,2027-01-05,2027-02-12,\n"),
            ("children", "ref,forename,surname,dob,school_urn\nC1,Samuel,Okafor,2012-03-14,140002\nC2,Amira,Haddad,2013-09-01,140001\n"),
            ("cases", "ref,child_ref,kind,status,opened,owner\nWM-00001,C1,exclusion,open,2026-09-01,asha\nWM-00002,C2,ebsa,open,2026-10-01,tom\n"),
        ])
    }

    func ok(_ cli: CLI, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try cli.ok(args, file: file, line: line)
    }

    func testPlanLifecycle() throws {
        let cli = try setUpStore()
        let id = try ok(cli, ["plan", "new", "WM-00001", "--from", "140002", "--to", "140001", "--start", "2026-09-14", "--target", "2026-12-18",
                              "--review-every", "10", "--criteria", "Full time by Christmas", "--support", "CAMHS: weekly"])
        XCTAssertEqual(id, "1")
        XCTAssertEqual(try ok(cli, ["plan", "phase", id, "--from", "2026-09-14", "--to", "2026-10-23", "--sessions", "4", "--description", "mornings"]),
                       "plan 1: phase 1 2026-09-14..2026-10-23, 4 sessions a week")
        _ = try ok(cli, ["plan", "phase", id, "--from", "2026-11-02", "--to", "2026-12-18", "--sessions", "8"])
        let bad = try cli.run(["plan", "phase", id, "--from", "2026-10-01", "--to", "2026-11-10", "--sessions", "5"])
        XCTAssertEqual(bad.code, 65)
        XCTAssertTrue(bad.err.hasPrefix("error: --from: the phase overlaps 2026-09-14..2026-10-23"), bad.err)
        XCTAssertEqual(try cli.run(["plan", "review", id, "--date", "2026-10-05", "--attended", "7", "--planned", "8", "--rag", "purple"]).code, 65)
        XCTAssertEqual(try ok(cli, ["plan", "review", id, "--date", "2026-10-05", "--attended", "7", "--planned", "8", "--rag", "green",
                                    "--working", "Key adult", "--pupil", "Mornings are fine", "--parent", "Happier", "--decision", "step-up", "--note", "Good start"]),
                       "plan 1: review 1 recorded (7/8, green)")

        let show = try XCTUnwrap(try cli.json(["plan", "show", id, "--format", "json"]) as? [String: Any])
        XCTAssertEqual(show["status"] as? String, "active")
        XCTAssertEqual(show["currentPhaseSessions"] as? Int, 8)
        XCTAssertEqual(show["nextReview"] as? String, "2026-10-19", "10 school days after the review")
        XCTAssertEqual(show["reviewOverdue"] as? Bool, true)
        let reviews = try XCTUnwrap(show["reviews"] as? [[String: Any]])
        XCTAssertEqual(reviews.first?["pupilVoice"] as? String, "Mornings are fine")
        XCTAssertEqual(reviews.first?["decision"] as? String, "step-up")
        XCTAssertEqual((show["phases"] as? [Any])?.count, 2)
        let text = try ok(cli, ["plan", "show", id])
        XCTAssertTrue(text.contains("Week 10 · phase 8/10 sessions a week · next review 2026-10-19 (OVERDUE)"), text)
        XCTAssertTrue(text.contains("pupil: Mornings are fine"), text)

        let list = try ok(cli, ["plan", "list", "--setting", "140002"])
        XCTAssertTrue(list.contains("7/8 ▇"), list)
        XCTAssertTrue(list.contains("2026-10-19 OVERDUE"), list)
        XCTAssertEqual((try cli.json(["plan", "list", "--setting", "140001", "--format", "json"]) as? [Any])?.count, 0)
        let csv = try ok(cli, ["plan", "list", "--format", "csv"])
        XCTAssertTrue(csv.hasPrefix("plan,case,from,to,status,weeks,phase,attended,rag,next review,child,overdue"), csv)

        let noReason = try cli.run(["plan", "end", id, "--outcome", "broken-down"])
        XCTAssertEqual(noReason.code, 65)
        XCTAssertEqual(noReason.err, "error: a plan that broke down needs a --reason\n")
        XCTAssertEqual(try ok(cli, ["plan", "end", id, "--outcome", "broken-down", "--reason", "Family moved away"]), "plan 1: broken down")
        XCTAssertEqual((try cli.json(["plan", "list", "--format", "json"]) as? [Any])?.count, 0)
        let log = try ok(cli, ["log", "WM-00001"])
        for op in ["plan.new", "plan.phase", "plan.review", "plan.end"] { XCTAssertTrue(log.contains(op), "\(op) in\n\(log)") }

        // The other two endings.
        for outcome in ["completed", "extended"] {
            let p = try ok(cli, ["plan", "new", "WM-00002", "--from", "140002", "--to", "140001", "--start", "2026-11-02", "--target", "2026-12-18"])
            XCTAssertEqual(try ok(cli, ["plan", "end", p, "--outcome", outcome]), "plan \(p): \(outcome)")
        }
        XCTAssertEqual(try cli.run(["plan", "end", "2", "--outcome", "completed"]).code, 65, "already ended")
    }

    func testTeamAroundTheChild() throws {
        let cli = try setUpStore()
        let a = try ok(cli, ["team", "add", "WM-00001", "--agency", "CAMHS", "--name", "Dr Lee", "--role", "Clinician", "--contact", "01632 000111", "--lead"])
        let b = try ok(cli, ["team", "add", "WM-00001", "--agency", "education welfare", "--name", "Kim Shaw", "--since", "2026-10-01"])
        XCTAssertEqual(try cli.run(["team", "add", "WM-00001", "--agency", "dog warden", "--name", "Rex"]).code, 65)
        XCTAssertEqual(try ok(cli, ["team", "lead", "WM-00001", b]), "WM-00001: Kim Shaw (education welfare) is the lead professional")
        let team = try XCTUnwrap(try cli.json(["team", "list", "WM-00001", "--format", "json"]) as? [[String: Any]])
        XCTAssertEqual(team.map { $0["name"] as? String }, ["Kim Shaw", "Dr Lee"])
        XCTAssertEqual(team.map { $0["isLead"] as? Bool }, [true, false], "one lead only")
        XCTAssertEqual(try ok(cli, ["team", "leave", "WM-00001", a, "--date", "2026-11-20"]), "WM-00001: Dr Lee (CAMHS) left the team 2026-11-20")
        let table = try ok(cli, ["team", "list", "WM-00001"])
        XCTAssertTrue(table.contains("2026-11-20"), table)
        let log = try ok(cli, ["log", "WM-00001"])
        XCTAssertTrue(log.contains("team.add") && log.contains("team.lead") && log.contains("team.leave"), log)
        XCTAssertTrue(log.contains("Dr Lee (CAMHS) is no longer lead professional"), log)
    }

    func testActionListByAgencyOverdueAcrossTheCaseload() throws {
        let cli = try setUpStore()
        _ = try ok(cli, ["action", "add", "WM-00001", "--agency", "CAMHS", "--description", "Assessment", "--due", "2026-11-01"])
        _ = try ok(cli, ["action", "add", "WM-00002", "--agency", "camhs", "--description", "Consultation", "--due", "2026-11-10"])
        _ = try ok(cli, ["action", "add", "WM-00002", "--agency", "CAMHS", "--description", "Review", "--due", "2026-12-10"])
        _ = try ok(cli, ["action", "add", "WM-00002", "--agency", "police", "--description", "Check", "--due", "2026-11-01"])
        let rows = try XCTUnwrap(try cli.json(["action", "list", "--agency", "CAMHS", "--overdue", "--format", "json"]) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["caseRef"] as? String }, ["WM-00001", "WM-00002"])
        XCTAssertEqual(rows.map { $0["description"] as? String }, ["Assessment", "Consultation"])
    }

    func testReflectionCreatesActionsAndClearsTheFlag() throws {
        let cli = try setUpStore()
        let s1 = try ok(cli, ["suspension", "add", "C2", "--start", "2026-10-05", "--days", "2", "--reason", "VA"])
        _ = try ok(cli, ["suspension", "add", "C2", "--start", "2026-11-09", "--days", "1", "--reason", "VA"])
        func repeatFactor() throws -> Double? {
            let show = try XCTUnwrap(try cli.json(["show", "WM-00002", "--format", "json"]) as? [String: Any])
            let reasons = (show["triage"] as? [String: Any])?["reasons"] as? [[String: Any]] ?? []
            return reasons.first { $0["factor"] as? String == "suspension.repeat-no-reflection" }?["points"] as? Double
        }
        XCTAssertEqual(try repeatFactor(), 5)
        XCTAssertTrue(try ok(cli, ["show", "WM-00002"]).contains("no reflection"))
        XCTAssertEqual(try ok(cli, ["suspension", "reflect", s1, "--what", "Argument in class", "--triggers", "Cover lesson", "--pupil", "Felt singled out",
                                    "--change", "Seat near the door", "--action", "school|Seating plan|SENCo|2026-11-30"]),
                       "suspension \(s1): reflection recorded, 1 action(s) added")
        XCTAssertNil(try repeatFactor())
        let actions = try XCTUnwrap(try cli.json(["action", "list", "--case", "WM-00002", "--format", "json"]) as? [[String: Any]])
        XCTAssertEqual(actions.first?["description"] as? String, "Seating plan")
        XCTAssertTrue(try ok(cli, ["log", "WM-00002"]).contains("reflection.add"))
    }

    func testOutOfSchoolRecordEnquiriesDeletionAndList() throws {
        let cli = try setUpStore()
        XCTAssertEqual(try cli.run(["oos", "set", "C2"]).code, 64, "nothing to set")
        XCTAssertEqual(try cli.run(["oos", "set", "C2", "--hours", "10"]).code, 64, "hours need an educator")
        XCTAssertEqual(try ok(cli, ["oos", "set", "C2", "--address", "4 Mill Lane", "--parent1", "Ms Haddad", "--educator", "Mother", "--hours", "15", "--cp-plan"]),
                       "C2: out-of-school record saved (address, parent 1, educator, CP plan); withdrawal to home education needs the authority's consent")
        XCTAssertEqual(try ok(cli, ["oos", "set", "C2", "--no-cp-plan"]), "C2: out-of-school record saved (no CP plan)")
        XCTAssertEqual(try ok(cli, ["oos", "enquiry", "C2", "school", "--date", "2026-11-16"]),
                       "C2: school enquiry recorded 2026-11-16; outstanding: home-visit, siblings, health, social-care, police, other-la, lost-pupil-database")
        XCTAssertEqual(try cli.run(["oos", "enquiry", "C2", "school"]).code, 65, "already recorded")
        XCTAssertEqual(try cli.run(["oos", "enquiry", "C2", "astrology"]).code, 65)
        let show = try ok(cli, ["oos", "show", "C2"])
        XCTAssertTrue(show.contains("Educator           Mother, 15 hours a week"), show)
        XCTAssertTrue(show.contains("[x] school"), show)
        XCTAssertTrue(show.contains("Consent to withdraw not needed"), show)

        // Deleted with no destination: a CME case opens by itself.
        let del = try cli.run(["deletion", "add", "C2", "--school", "140001", "--date", "2026-11-20", "--ground", "I 20-day absence", "--la-notified", "--notified-on", "2026-11-20"])
        XCTAssertEqual(del.code, 0, del.err)
        XCTAssertEqual(del.err, "destination unknown: CME case WM-00003 opened\n")
        let cme = try XCTUnwrap(try cli.json(["show", "WM-00003", "--format", "json"]) as? [String: Any])
        XCTAssertEqual(cme["kind"] as? String, "cme")
        XCTAssertTrue(try ok(cli, ["log"]).contains("deletion.add"))
        _ = try ok(cli, ["contact", "WM-00003", "--type", "home visit", "--outcome", "no answer", "--date", "2026-11-21"])
        let rows = try XCTUnwrap(try cli.json(["oos", "list", "--format", "json"]) as? [[String: Any]])
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0]["caseRef"] as? String, "WM-00003")
        XCTAssertEqual(rows[0]["daysSinceContact"] as? Int, 2)
        XCTAssertEqual(rows[0]["enquiriesDone"] as? Int, 1)
        let table = try ok(cli, ["oos", "list"])
        XCTAssertTrue(table.contains("days since contact"), table)
        // A known destination opens nothing.
        let moved = try cli.run(["deletion", "add", "C1", "--school", "140002", "--date", "2026-11-20", "--ground", "A registered elsewhere", "--destination", "140001"])
        XCTAssertEqual(moved.code, 0, moved.err)
        XCTAssertEqual(moved.err, "")
        XCTAssertEqual(try cli.run(["deletion", "add", "C1", "--school", "140002", "--date", "2026-11-20", "--ground", "A", "--notified-on", "2026-11-20"]).code, 64)
    }

    func testSampleHasPlansReflectionsAndChildrenOutOfSight() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let plans = try XCTUnwrap(try cli.json(["plan", "list", "--format", "json"]) as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(plans.count, 4)
        XCTAssertTrue(plans.contains { $0["status"] as? String == "paused" })
        XCTAssertTrue(plans.contains { $0["reviewOverdue"] as? Bool == true } || plans.contains { $0["lastRAG"] as? String == "red" })
        let oos = try XCTUnwrap(try cli.json(["oos", "list", "--format", "json"]) as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(oos.count, 3)
        XCTAssertTrue(oos.contains { $0["daysSinceContact"] is Int }, "contact histories")
        XCTAssertTrue(oos.contains { ($0["consentGrounds"] as? [String])?.isEmpty == false })
    }
}
