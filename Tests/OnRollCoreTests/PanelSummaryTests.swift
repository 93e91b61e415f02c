import XCTest
@testable import OnRollCore

/// The minutes' opening summary, counted by hand from a panel of ten items.
final class PanelSummaryTests: XCTestCase {
    static func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }

    static func item(_ n: Int, _ status: PanelItem.Status, _ decision: String? = nil, actions: [CaseAction] = []) -> PanelRecord.Item {
        let ref = "WM-0010\(n)"
        return PanelRecord.Item(item: PanelItem(id: Int64(n), panelId: 7, caseRef: ref, position: n, reasons: "flagged for panel",
                                                status: status, decision: decision),
                                childName: "Child \(n)", initials: "C\(n)", schoolName: nil, actions: actions)
    }

    static func action(_ ref: String, _ what: String, _ agency: String, _ owner: String?, _ due: String) -> CaseAction {
        CaseAction(caseRef: ref, agency: agency, owner: owner, description: what, due: d(due), created: d("2026-11-26"), panelId: 7)
    }

    /// 0, 1 continue current plan (one action); 2 close; 3 an "other" decision in free text; 4 discussed,
    /// no decision; 5 deferred; 6 pending but an action was agreed (reached); 7, 8 not reached; 9 removed.
    static func record() -> PanelRecord {
        let panel = Panel(id: 7, date: d("2026-11-26"), type: .inclusion, chair: "Dr R. Lee", status: .closed,
                          startedAt: "2026-11-26T09:30:00Z", endedAt: "2026-11-26T11:00:00Z")
        let items = [
            item(0, .discussed, "continue current plan", actions: [action("WM-00100", "Weekly check-in", "school", "Mr Ng", "2026-12-03")]),
            item(1, .discussed, "continue current plan"),
            item(2, .discussed, "close"),
            item(3, .discussed, "ask the school for a risk assessment first"),
            item(4, .discussed),
            item(5, .deferred),
            item(6, .pending, actions: [action("WM-00106", "Assess in class", "educational psychology", nil, "2026-12-10")]),
            item(7, .pending),
            item(8, .pending),
            item(9, .removed),
        ]
        return PanelRecord(panel: panel, attendees: [], items: items)
    }

    func testCountsByHand() {
        let s = PanelSummary(Self.record())
        XCTAssertEqual(s.onAgenda, 9, "the removed item is not on the agenda")
        XCTAssertEqual(s.decisions.map(\.kind), ["continue current plan", "close", "other"], "in the panel's list order")
        XCTAssertEqual(s.decisions.map(\.count), [2, 1, 1])
        XCTAssertEqual(s.decided, 4)
        XCTAssertEqual(s.discussedOnly, 1)
        XCTAssertEqual(s.deferred.map(\.item.caseRef), ["WM-00105"])
        XCTAssertEqual(s.notReached.map(\.item.caseRef), ["WM-00107", "WM-00108"], "an item with an agreed action was reached")
        XCTAssertEqual(s.actions.map(\.action.description), ["Weekly check-in", "Assess in class"])
        XCTAssertEqual(s.itemsLine, "9 on the agenda: 4 decided, 1 discussed with no new decision, 1 deferred, 2 not reached")
        XCTAssertEqual(s.decisionsLine, "4: continue current plan 2, close 1, other 1")
        XCTAssertEqual(s.notReachedLine, "not reached: 2 items — WM-00107, WM-00108")
    }

    func testMinutesOpenWithTheSummaryAndListUnreachedItemsBriefly() {
        let md = PanelMinutes.render(Self.record(), format: .md, redact: false)
        let summary = md.range(of: "## Summary")!.lowerBound, attendees = md.range(of: "## Attendees")!.lowerBound
        XCTAssertLessThan(summary, attendees, "the summary comes first")
        XCTAssertTrue(md.contains("- Items: 9 on the agenda: 4 decided, 1 discussed with no new decision, 1 deferred, 2 not reached"))
        XCTAssertTrue(md.contains("- Decisions: 4: continue current plan 2, close 1, other 1"))
        XCTAssertTrue(md.contains("- Actions: 2 agreed"))
        XCTAssertTrue(md.contains("| WM-00100 | Weekly check-in | school | Mr Ng | 2026-12-03 |"))
        XCTAssertTrue(md.contains("| WM-00106 | Assess in class | educational psychology |  | 2026-12-10 |"))
        XCTAssertTrue(md.hasSuffix("## Not reached\n\nNot reached: 2 items — WM-00107, WM-00108\n\n## Taken off the agenda\n\n- WM-00109 — Child 9\n"))
        // Items reached are in full under their agenda numbers; the unreached have no section of their own.
        XCTAssertTrue(md.contains("### 7. WM-00106 — Child 6"))
        XCTAssertTrue(md.contains("- Status: pending (no decision recorded)"))
        XCTAssertFalse(md.contains("### 8."))
        XCTAssertFalse(md.contains("Child 7"))
        let html = PanelMinutes.render(Self.record(), format: .html, redact: true)
        XCTAssertTrue(html.contains("<p>Not reached: 2 items — WM-00107, WM-00108</p>"))
        XCTAssertTrue(html.contains("<strong>Decisions:</strong> 4: continue current plan 2, close 1, other 1<br>"))
        XCTAssertFalse(html.contains("Mr Ng"), "redacted minutes leave owners out of the summary too")
    }

    func testNothingDecidedSaysSo() {
        var r = Self.record()
        r.items = r.items.map { var i = $0; i.item.status = .pending; i.item.decision = nil; i.actions = []; return i }
        let s = PanelSummary(r)
        XCTAssertEqual(s.decisionsLine, "none")
        XCTAssertEqual(s.itemsLine, "10 on the agenda: 0 decided, 10 not reached")
        XCTAssertTrue(PanelMinutes.render(r, format: .md, redact: false).contains("None reached."))
    }
}
