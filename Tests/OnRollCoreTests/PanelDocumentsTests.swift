import Foundation
import XCTest
@testable import OnRollCore
import OnRollTestSupport

/// Minutes (golden files), redaction, the action list and the iCalendar file on one fixed panel.
final class PanelDocumentsTests: XCTestCase {
    /// A closed panel: two decided items (one with actions and awkward text), one deferred, one removed
    /// (with why), one not reached; three attended and one sent apologies.
    static func record() -> PanelRecord {
        let panel = Panel(id: 2, date: d("2026-11-26"), type: .inclusion, chair: "Dr R. Lee", status: .closed,
                          startedAt: "2026-11-26T09:30:00Z", endedAt: "2026-11-26T10:45:00Z")
        let attendees = [
            PanelAttendee(id: 1, panelId: 2, name: "Dr R. Lee", organisation: "Westmarch LA", role: "Head of Inclusion"),
            PanelAttendee(id: 2, panelId: 2, name: "J. Amadi", organisation: "Westmarch PRU", role: "PRU headteacher"),
            PanelAttendee(id: 3, panelId: 2, name: "K. O'Neill <CAMHS>", organisation: "Westmarch CAMHS & Wellbeing", role: nil),
            PanelAttendee(id: 4, panelId: 2, name: "S. Webb", organisation: "Education welfare", role: "EWO", apologies: true),
        ]
        let a1 = CaseAction(id: 41, caseRef: "WM-00001", agency: "educational psychology", owner: "P. Sandhu",
                            description: "Observe Samuel in class; report to panel, with views", due: d("2026-12-10"),
                            created: d("2026-11-26"), panelId: 2)
        let a2 = CaseAction(id: 42, caseRef: "WM-00001", agency: "school", owner: "Mr Ng",
                            description: "Key adult for mornings — a named person Samuel trusts (Ærø café club, 東京 trip) *before* 9am",
                            due: d("2026-12-01"), created: d("2026-11-26"), panelId: 2)
        let items = [
            PanelRecord.Item(item: PanelItem(id: 10, panelId: 2, caseRef: "WM-00001", position: 1,
                                             reasons: "flagged for panel\ntriage score 42 (above 30)", status: .discussed,
                                             decision: "continue current plan", decisionNote: "Okafor family agree; review <4 weeks>", seconds: 315),
                             childName: "Samuel Okafor", initials: "SO", schoolName: "Hillcrest Academy", actions: [a1, a2]),
            PanelRecord.Item(item: PanelItem(id: 11, panelId: 2, caseRef: "WM-00002", position: 2,
                                             reasons: "deadline overdue: CME enquiries (due 2026-11-16)", status: .discussed,
                                             decision: "refer to fair access", decisionNote: nil, seconds: 122),
                             childName: "Amira Haddad", initials: "AH", schoolName: nil, actions: []),
            PanelRecord.Item(item: PanelItem(id: 12, panelId: 2, caseRef: "WM-00003", position: 3,
                                             reasons: "part-time timetable review due 2026-11-30", status: .deferred, seconds: 40),
                             childName: "Maya Levi", initials: "ML", schoolName: "Riverside Primary", actions: []),
            PanelRecord.Item(item: PanelItem(id: 13, panelId: 2, caseRef: "WM-00004", position: 4,
                                             reasons: "flagged for panel", status: .removed, removalReason: "seen at the PRU review on Monday"),
                             childName: "Zoë Brontë-Hale", initials: "ZB", schoolName: "Riverside Primary", actions: []),
            PanelRecord.Item(item: PanelItem(id: 14, panelId: 2, caseRef: "WM-00005", position: 5, reasons: "triage score 31 (above 30)"),
                             childName: "Tyler Brooks", initials: "TB", schoolName: "Hillcrest Academy", actions: []),
        ]
        return PanelRecord(panel: panel, attendees: attendees, items: items,
                           nextPanel: Panel(id: 3, date: d("2026-12-03"), type: .inclusion, chair: "Dr R. Lee"))
    }

    func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        OnRollTestSupport.assertGolden(text, named: name, in: "Golden", file: file, line: line)
    }

    func testMinutesMarkdownGolden() {
        assertGolden(PanelMinutes.render(Self.record(), format: .md, redact: false), "panel-minutes.md")
    }

    func testMinutesHTMLGolden() {
        assertGolden(PanelMinutes.render(Self.record(), format: .html, redact: false), "panel-minutes.html")
    }

    func testMinutesCarryWhatThePanelNeedsAndEscapeIt() {
        let md = PanelMinutes.render(Self.record(), format: .md, redact: false)
        for s in ["Samuel Okafor", "Hillcrest Academy", "continue current plan", "educational psychology", "P. Sandhu", "2026-12-10",
                  "triage score 42 (above 30)", "deferred (0:40)", "## Taken off the agenda"] {
            XCTAssertTrue(md.contains(s), s)
        }
        XCTAssertTrue(md.contains("\\*before\\* 9am"), "Markdown specials are escaped")
        let html = PanelMinutes.render(Self.record(), format: .html, redact: false)
        XCTAssertTrue(html.contains("K. O&#39;Neill &lt;CAMHS&gt;"))
        XCTAssertTrue(html.contains("Westmarch CAMHS &amp; Wellbeing"))
        XCTAssertFalse(html.contains("<CAMHS>"))
        XCTAssertTrue(html.contains("@media print"))
        // Nothing the record does not carry can leak, but say it: no DOB, UPN or address fields.
        for s in ["dob", "UPN", "Address"] { XCTAssertFalse(md.contains(s), s) }
    }

    func testRedactedMinutesNameNoChild() {
        let r = Self.record()
        for format in PanelMinutes.Format.allCases {
            let text = PanelMinutes.render(r, format: format, redact: true)
            for i in r.items {
                for part in i.childName.split(separator: " ") {
                    XCTAssertFalse(text.lowercased().contains(part.lowercased()), "\(format): \(part) appears in redacted minutes")
                }
                XCTAssertTrue(text.contains(i.item.caseRef))
            }
            XCTAssertTrue(text.contains("SO"))
            XCTAssertTrue(text.contains("continue current plan"))
        }
    }

    /// "Callum" with preferred name "Cal" once printed as "CAlum"; a mum, a sibling and a professional
    /// named in the note came through. Redacted: ref and initials; free text only when the chair shared it,
    /// and then with every name the store knows around the child taken out.
    func testRedactedMinutesRemoveEveryNameAroundTheChild() {
        let names = Redaction(childNames: ["Callum", "Brooks", "Cal"], initials: "CB",
                              otherNames: ["Janet Brooks", "Kyle Brooks", "Ann Bailey"])
        let note = "Mum Janet Brooks says Cal's brother Kyle is struggling too; Callum met ann bailey (EP). Janet agrees."
        func record(shared: Bool) -> PanelRecord {
            let action = CaseAction(id: 7, caseRef: "WM-00171", agency: "educational psychology", owner: "Ann Bailey",
                                    description: "Ann Bailey to see Callum with Janet", due: d("2026-12-10"), created: d("2026-11-26"), panelId: 2)
            let item = PanelItem(id: 20, panelId: 2, caseRef: "WM-00171", position: 1, reasons: "flagged for panel", status: .discussed,
                                 decision: "continue current plan", decisionNote: note, noteShared: shared)
            return PanelRecord(panel: Panel(id: 2, date: d("2026-11-26"), type: .inclusion, chair: "Dr R. Lee"), attendees: [],
                               items: [PanelRecord.Item(item: item, childName: "Cal Brooks", initials: "CB", schoolName: "Hillcrest Academy",
                                                        actions: [action], redaction: names)])
        }
        for format in PanelMinutes.Format.allCases {
            for shared in [false, true] {
                let text = PanelMinutes.render(record(shared: shared), format: format, redact: true)
                for leak in ["Callum", "Cal ", "Brooks", "Janet", "Kyle", "Bailey", "Ann ", "ann ", "CAlum", "Hillcrest"] {
                    XCTAssertFalse(text.contains(leak), "\(format) shared=\(shared): \(leak) in\n\(text)")
                }
                XCTAssertTrue(text.contains("WM-00171 — CB"), "\(format)")
                XCTAssertTrue(text.contains("continue current plan"))
                XCTAssertEqual(text.contains("struggling"), shared, "the note appears only when shared (\(format))")
            }
        }
        let md = PanelMinutes.render(record(shared: true), format: .md, redact: true)
        XCTAssertTrue(md.contains("Mum \\[name\\] says CB's brother \\[name\\] is struggling too; CB met \\[name\\] (EP). \\[name\\] agrees."), md)
        XCTAssertTrue(md.contains("| \\[name\\] to see CB with \\[name\\] | educational psychology |  | 2026-12-10 |"), md)
        XCTAssertTrue(PanelMinutes.render(record(shared: false), format: .md, redact: true)
            .contains("continue current plan (the detail is not shared in redacted minutes)"))
        // Unredacted minutes are the full record.
        XCTAssertTrue(PanelMinutes.render(record(shared: false), format: .md, redact: false).contains("Janet Brooks"))
    }

    func testContactNamesAreReadFromTheStoredContactsText() {
        XCTAssertEqual(Redaction.contactNames("Gran: Priya Wójcik, 07700 900193; Mum: Michelle Wójcik, 07700 900017"),
                       ["Priya Wójcik", "Michelle Wójcik"])
        XCTAssertEqual(Redaction.contactNames(nil), [])
        XCTAssertEqual(Redaction.contactNames("07700 900111"), [])
    }

    func testActionListCSVOverallAndPerAgency() {
        let all = PanelActionList.csv(Self.record())
        let lines = all.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], "panel_id,panel_date,case_ref,child,agency,action,owner,due,status,action_id")
        XCTAssertEqual(lines[1], "2,2026-11-26,WM-00001,SO,educational psychology,\"Observe Samuel in class; report to panel, with views\",P. Sandhu,2026-12-10,open,41")
        let school = PanelActionList.csv(Self.record(), agency: "SCHOOL").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(school.count, 2)
        XCTAssertTrue(school[1].hasSuffix(",Mr Ng,2026-12-01,open,42"))
    }

    func testICalendarIsValid() throws {
        let ics = PanelCalendar.ics(Self.record())
        let bytes = Array(ics.utf8)
        // CRLF everywhere: every LF is preceded by CR, and every CR by an LF after it.
        for (i, b) in bytes.enumerated() where b == 0x0A { XCTAssertEqual(bytes[i - 1], 0x0D, "bare LF at \(i)") }
        for (i, b) in bytes.enumerated() where b == 0x0D { XCTAssertEqual(bytes[i + 1], 0x0A, "bare CR at \(i)") }
        XCTAssertTrue(ics.hasSuffix("\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        for l in lines {
            XCTAssertLessThanOrEqual(l.utf8.count, 75, "line over 75 octets: \(l)")
            XCTAssertNotNil(String(validatingUTF8: l), "a fold split a UTF-8 sequence")
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix(" ") }, "the long lines were folded")
        // Unfolded, every line is a property; BEGIN/END nest and balance.
        let logical = PanelCalendar.unfold(ics).components(separatedBy: "\r\n").dropLast()
        var stack: [String] = []
        for l in logical {
            XCTAssertFalse(l.hasPrefix(" "))
            XCTAssertTrue(l.contains(":"), l)
            if l.hasPrefix("BEGIN:") { stack.append(String(l.dropFirst(6))) }
            if l.hasPrefix("END:") { XCTAssertEqual(stack.popLast(), String(l.dropFirst(4))) }
        }
        XCTAssertTrue(stack.isEmpty)
        XCTAssertEqual(logical.first, "BEGIN:VCALENDAR")
        for p in ["VERSION:2.0", "PRODID:-//OnRoll//Panel actions//EN"] { XCTAssertTrue(logical.contains(p), p) }
        XCTAssertEqual(logical.filter { $0 == "BEGIN:VEVENT" }.count, 3, "two actions and the next panel")
        XCTAssertEqual(logical.filter { $0 == "DTSTAMP:20261126T000000Z" }.count, 3)
        XCTAssertEqual(Set(logical.filter { $0.hasPrefix("UID:") }).count, 3)
        XCTAssertTrue(logical.contains("DTSTART;VALUE=DATE:20261210"))
        XCTAssertTrue(logical.contains("DTSTART;VALUE=DATE:20261203"))
        // Calendars travel: the ref, initials and agency, never the action's wording, its owner or a name.
        XCTAssertTrue(logical.contains("SUMMARY:Due: educational psychology action for WM-00001 (SO)"), logical.joined(separator: "\n"))
        for leak in ["Samuel", "Okafor", "Sandhu", "Mr Ng", "Observe"] { XCTAssertFalse(PanelCalendar.unfold(ics).contains(leak), leak) }
        // Deterministic: the same panel gives the same bytes.
        XCTAssertEqual(ics, PanelCalendar.ics(Self.record()))
    }

    func testFoldingNeverSplitsAUTF8SequenceAndRoundTrips() {
        for n in 60...80 {
            let line = "SUMMARY:" + String(repeating: "a", count: n % 7) + String(repeating: "東京é", count: n)
            let folded = PanelCalendar.fold(line)
            for part in folded.components(separatedBy: "\r\n") {
                XCTAssertLessThanOrEqual(part.utf8.count, 75)
            }
            XCTAssertEqual(PanelCalendar.unfold(folded), line)
        }
        XCTAssertEqual(PanelCalendar.text("a,b;c\\d\ne\u{7}"), "a\\,b\\;c\\\\d\\ne")
    }
}
