import OnRollCore
import OnRollStore

/// A panel meeting in progress on this console: the panel's record, the assessed cases on its
/// agenda, the item in view and the two clocks (the meeting's and the item's).
public struct PanelSession: Sendable {
    public var record: PanelRecord
    /// The cases on the agenda, assessed for today, by ref.
    public var cases: [String: AssessedCase]
    /// Index into `record.agenda`.
    public var selection = 0
    public var scroll = 0
    /// Clock readings (seconds): when the meeting opened here, when the current item came up, and now.
    public var meetingStart: Double
    public var itemStart: Double
    public var now: Double

    public init(record: PanelRecord, cases: [String: AssessedCase], now: Double) {
        self.record = record; self.cases = cases; meetingStart = now; itemStart = now; self.now = now
    }

    public var current: PanelRecord.Item? {
        record.agenda.indices.contains(selection) ? record.agenda[selection] : nil
    }

    public var currentCase: AssessedCase? { current.flatMap { cases[$0.item.caseRef] } }

    /// Seconds on the current item: what was saved before plus this sitting.
    public var itemSeconds: Int { (current?.item.seconds ?? 0) + sitting }
    /// Seconds since the item came up, not yet saved.
    public var sitting: Int { max(0, Int(now - itemStart)) }
    public var meetingSeconds: Int { max(0, Int(now - meetingStart)) }

    public var doneCount: Int { record.agenda.filter { $0.item.status != .pending }.count }
}
