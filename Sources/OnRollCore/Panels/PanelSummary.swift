/// What a panel got through, counted from its record: the minutes open with it, so a reader sees
/// the decisions and the actions (who, by when) before the items' detail.
public struct PanelSummary: Sendable {
    /// Decisions by kind, in the panel's list order; every free-text ("other") decision counts as "other".
    public var decisions: [(kind: String, count: Int)]
    /// Items discussed with no new decision, deferred, and not reached (pending, no action agreed), in agenda order.
    public var discussedOnly: Int
    public var deferred: [PanelRecord.Item]
    public var notReached: [PanelRecord.Item]
    /// The items still on the agenda.
    public var onAgenda: Int
    /// Every action the panel agreed, with its item, in agenda order.
    public var actions: [(item: PanelRecord.Item, action: CaseAction)]

    public var decided: Int { decisions.reduce(0) { $0 + $1.count } }

    public init(_ r: PanelRecord) {
        let agenda = r.agenda
        onAgenda = agenda.count
        var byKind: [String: Int] = [:]
        for i in agenda {
            guard let d = i.item.decision else { continue }
            byKind[PanelDecisions.common.contains(d) ? d : PanelDecision.other.label, default: 0] += 1
        }
        decisions = PanelDecisions.common.compactMap { k in byKind[k].map { (k, $0) } }
        discussedOnly = agenda.filter { $0.item.status == .discussed && $0.item.decision == nil }.count
        deferred = agenda.filter { $0.item.status == .deferred }
        notReached = agenda.filter { !$0.reached }
        actions = r.allActions
    }

    /// "20 on the agenda: 5 decided, 1 discussed with no new decision, 1 deferred, 13 not reached".
    public var itemsLine: String {
        var parts = ["\(decided) decided"]
        if discussedOnly > 0 { parts.append("\(discussedOnly) discussed with no new decision") }
        if !deferred.isEmpty { parts.append("\(deferred.count) deferred") }
        if !notReached.isEmpty { parts.append("\(notReached.count) not reached") }
        return "\(onAgenda) on the agenda: " + parts.joined(separator: ", ")
    }

    /// "5: continue current plan 2, close 1, other 2", or "none".
    public var decisionsLine: String {
        decisions.isEmpty ? "none" : "\(decided): " + decisions.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
    }

    /// "not reached: 3 items — WM-00007, WM-00008, WM-00009" (refs only: the list is brief on purpose).
    public var notReachedLine: String? {
        guard !notReached.isEmpty else { return nil }
        let n = notReached.count
        return "not reached: \(n) item\(n == 1 ? "" : "s") — " + notReached.map(\.item.caseRef).joined(separator: ", ")
    }
}
