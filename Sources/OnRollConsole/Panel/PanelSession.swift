import Foundation
import OnRollCore
import OnRollStore

/// A panel meeting in progress on this console: the panel's record, the assessed cases on its
/// agenda, the item in view and the two clocks. The meeting's clock is read from the panel's stored
/// start, so it keeps counting while the chair is elsewhere in the console (or on another machine).
public struct PanelSession: Sendable {
    public var record: PanelRecord
    /// The cases on the agenda, assessed for today, by ref.
    public var cases: [String: AssessedCase]
    /// Index into `record.agenda`.
    public var selection = 0
    public var scroll = 0
    /// Lines scrolled down the case pane (J/K); back to the top when another item comes up.
    public var paneScroll = 0
    /// Clock readings (seconds since 1970): when the current item came up here, and now.
    public var itemStart: Double
    public var now: Double

    public init(record: PanelRecord, cases: [String: AssessedCase], now: Double) {
        self.record = record; self.cases = cases; itemStart = now; self.now = now
    }

    public var isRunning: Bool { record.panel.status == .running }

    public var current: PanelRecord.Item? {
        record.agenda.indices.contains(selection) ? record.agenda[selection] : nil
    }

    public var currentCase: AssessedCase? { current.flatMap { cases[$0.item.caseRef] } }

    /// Seconds on the current item: what was saved before plus this sitting.
    public var itemSeconds: Int { (current?.item.seconds ?? 0) + sitting }
    /// Seconds since the item came up, not yet saved; none before the meeting starts or after it ends.
    public var sitting: Int { isRunning ? max(0, Int(now - itemStart)) : 0 }
    /// Seconds since the stored start (to the stored end once ended); nil before the meeting starts.
    public var meetingSeconds: Int? {
        guard let start = record.panel.startedAt.flatMap(PanelSession.seconds) else { return nil }
        let end = record.panel.status == .closed ? record.panel.endedAt.flatMap(PanelSession.seconds) ?? now : now
        return max(0, Int(end - start))
    }

    /// An audit timestamp ("2026-11-23T09:00:00Z") as seconds since 1970.
    static func seconds(_ stamp: String) -> Double? {
        ISO8601DateFormatter().date(from: stamp)?.timeIntervalSince1970
    }

    public var doneCount: Int { record.agenda.filter { $0.item.status != .pending }.count }
}
