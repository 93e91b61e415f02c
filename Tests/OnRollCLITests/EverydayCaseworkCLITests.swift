import Foundation
import XCTest

/// `action cancel/reschedule`, `case assign/officers/close`, `voice` and the EHE annual contact by `contact`.
final class EverydayCaseworkCLITests: XCTestCase {
    func setUpStore() throws -> CLI {
        try CLI.withFiles([
            ("schools", "urn,name,phase,type,trust,roll\n140001,Hillcrest Academy,secondary,academy,,1000\n"),
            ("children", "ref,forename,surname,dob,school_urn\nC1,Samuel,Okafor,2012-03-14,140001\nC2,Amira,Haddad,2013-09-01,\n"),
            ("cases", "ref,child_ref,kind,status,opened,owner\nWM-00001,C1,ebsa,open,2026-09-01,asha.patel\nWM-00002,C2,ehe,open,2026-10-01,tom.reid\n"),
        ])
    }

    func ok(_ cli: CLI, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try cli.ok(args, file: file, line: line)
    }

    func testCancelNeedsAReasonAndRescheduleMovesTheDate() throws {
        let cli = try setUpStore()
        let id = try ok(cli, ["action", "add", "WM-00001", "--agency", "CAMHS", "--description", "Referral", "--due", "2026-11-10"])
        let bare = try cli.run(["action", "cancel", id])
        XCTAssertEqual(bare.code, 64, "a reason is required")
        XCTAssertTrue(bare.err.contains("--reason"), bare.err)
        let blank = try cli.run(["action", "cancel", id, "--reason", " "])
        XCTAssertEqual(blank.code, 65)
        XCTAssertEqual(blank.err, "error: --reason: cancelling an action needs a reason\n")
        let late = try cli.run(["action", "reschedule", id, "--due", "2026-11-20"])
        XCTAssertEqual(late.code, 0, late.err)
        XCTAssertEqual(late.err, "warning: action \(id) is still overdue (due 2026-11-20, today 2026-11-23)\n")
        XCTAssertEqual(try ok(cli, ["action", "reschedule", id, "--due", "2026-12-04", "--reason", "clinic moved"]), "action \(id): due 2026-12-04")
        let show = try ok(cli, ["show", "WM-00001"])
        XCTAssertTrue(show.contains("due 2026-11-20 → 2026-12-04 (clinic moved)"), show)
        XCTAssertEqual(try ok(cli, ["action", "cancel", id, "--reason", "Family declined"]), "action \(id): cancelled (Family declined)")
        XCTAssertEqual(try cli.run(["action", "reschedule", id, "--due", "2026-12-11"]).code, 65)
    }

    func testAssignRefusesATypoUnlessNewAndOffersOfficers() throws {
        let cli = try setUpStore()
        XCTAssertEqual(try ok(cli, ["case", "officers"]), "asha.patel\ntester\ntom.reid")
        let typo = try cli.run(["case", "assign", "WM-00001", "--owner", "tom.reed"])
        XCTAssertEqual(typo.code, 65)
        XCTAssertEqual(typo.err, "error: --owner: 'tom.reed' is not an officer the store knows; did you mean tom.reid? (--new-owner if 'tom.reed' is a new officer)\n")
        _ = try ok(cli, ["team", "add", "WM-00001", "--name", "asha.patel", "--agency", "education welfare", "--lead"])
        XCTAssertEqual(try ok(cli, ["case", "assign", "WM-00001", "--owner", "tom.reid", "--handover", "Mum prefers texts", "--move-lead"]),
                       "WM-00001: owner tom.reid, lead professional")
        let show = try ok(cli, ["show", "WM-00001"])
        XCTAssertTrue(show.contains("Handover to tom.reid: Mum prefers texts"), show)
        XCTAssertTrue(show.contains("Lead professional asha.patel → tom.reid"), show)
        XCTAssertEqual(try ok(cli, ["case", "assign", "WM-00002", "--owner", "jo.new", "--new-owner"]), "WM-00002: owner jo.new")
    }

    func testCloseWarnsOfOpenWorkAndVoiceIsRecorded() throws {
        let cli = try setUpStore()
        let id = try ok(cli, ["action", "add", "WM-00001", "--agency", "CAMHS", "--description", "Referral"])
        XCTAssertEqual(try ok(cli, ["voice", "WM-00001", "--pupil", "I like PE", "--parent", "Mornings are hard"]),
                       "C1: voice recorded (pupil) (parent/carer)")
        XCTAssertEqual(try cli.run(["voice", "WM-00001"]).code, 64)
        let json = try XCTUnwrap(try cli.json(["show", "WM-00001", "--format", "json"]) as? [String: Any])
        XCTAssertEqual((json["child"] as? [String: Any])?["pupilVoice"] as? String, "I like PE")
        let closed = try cli.run(["case", "close", "WM-00001", "--reason", "Back full time"])
        XCTAssertEqual(closed.code, 0, closed.err)
        XCTAssertEqual(closed.err, "warning: WM-00001 closed with an open action (\(id)) still open\n")
    }

    func testAHomeVisitSeeingTheChildIsTheAnnualContact() throws {
        let cli = try setUpStore()
        let call = try cli.run(["contact", "WM-00002", "--type", "phone call", "--outcome", "spoke to dad", "--seen"])
        XCTAssertEqual(call.code, 0, call.err)
        XCTAssertEqual(call.err, "note: not the EHE annual contact: a phone call is not a home visit; the annual contact is a home visit at which the child is seen\n")
        let visit = try ok(cli, ["contact", "WM-00002", "--type", "home visit", "--outcome", "good routine", "--seen", "--date", "2026-11-20"])
        XCTAssertTrue(visit.hasSuffix("WM-00002: EHE annual contact 2026-11-20; the next is due by 2027-11-20"), visit)
        let oos = try ok(cli, ["oos", "show", "C2"])
        XCTAssertTrue(oos.contains("Annual contact     2026-11-20"), oos)
    }
}
