/// A panel with everything its minutes, action list and calendar need, and nothing more: no date of
/// birth, UPN or address ever reaches a panel document, because none is carried here.
public struct PanelRecord: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var item: PanelItem
        public var childName: String
        public var initials: String
        public var schoolName: String?
        /// Actions the panel agreed for this case (CaseAction.panelId == this panel).
        public var actions: [CaseAction]
        /// Every name around the child, for redacted papers.
        public var redaction: Redaction

        public init(item: PanelItem, childName: String, initials: String, schoolName: String?, actions: [CaseAction],
                    redaction: Redaction? = nil) {
            self.item = item; self.childName = childName; self.initials = initials; self.schoolName = schoolName
            self.actions = actions
            self.redaction = redaction ?? Redaction(childNames: [childName], initials: initials, otherNames: [])
        }

        /// The panel got to it: dealt with (decided, discussed, deferred) or agreed an action on it.
        /// The minutes give a reached item in full and list the others briefly, by ref.
        public var reached: Bool { item.status != .pending || !actions.isEmpty }

        /// One reason a line, as stored.
        public var reasons: [String] { item.reasons.split(separator: "\n").map(String.init) }
    }

    public var panel: Panel
    public var attendees: [PanelAttendee]
    /// In agenda order, removed items included (the minutes say they were taken off).
    public var items: [Item]
    /// The next panel of the same type, if one is planned (for the calendar).
    public var nextPanel: Panel?

    public init(panel: Panel, attendees: [PanelAttendee], items: [Item], nextPanel: Panel? = nil) {
        self.panel = panel; self.attendees = attendees; self.items = items; self.nextPanel = nextPanel
    }

    /// Items still on the agenda (not removed), in order.
    public var agenda: [Item] { items.filter { $0.item.status != .removed } }

    public var allActions: [(item: Item, action: CaseAction)] {
        agenda.flatMap { i in i.actions.map { (i, $0) } }
    }

    public var title: String { "\(panel.type.label) panel \(panel.date.long)" }
}
