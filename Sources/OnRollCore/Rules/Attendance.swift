/// Absence bands over possible sessions (Working Together to Improve School Attendance, 2024):
/// persistent at 10% or more missed, severe at 50% or more (exactly 10% is persistent, exactly 50% severe).
public enum AttendanceBand: String, CodeList, Comparable {
    case none, persistent, severe
    public static let listName = "attendance band"
    public var label: String {
        switch self {
        case .none: "below 10% missed"
        case .persistent: "persistent absence"
        case .severe: "severe absence"
        }
    }

    /// Integer comparison, so 38 of 380 is exactly 10% with no rounding error.
    public static func of(missed: Int, possible: Int) -> AttendanceBand {
        guard possible > 0, missed > 0 else { return .none }
        if missed * 2 >= possible { return .severe }
        if missed * 10 >= possible { return .persistent }
        return .none
    }

    public static func < (a: AttendanceBand, b: AttendanceBand) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Possible and missed sessions over a span: one record, or the year to date.
public struct AttendancePeriod: Hashable, Sendable, Codable {
    public var from: SchoolDate
    public var to: SchoolDate
    public var possible: Int
    public var missed: Int
    public var band: AttendanceBand

    public init(from: SchoolDate, to: SchoolDate, possible: Int, missed: Int) {
        self.from = from; self.to = to; self.possible = possible; self.missed = missed
        band = .of(missed: missed, possible: possible)
    }

    /// Percentage of possible sessions missed (0 when none were possible).
    public var missedPercent: Double { possible > 0 ? Double(missed) * 100 / Double(possible) : 0 }
    public var attendedPercent: Double { possible > 0 ? 100 - missedPercent : 0 }
}

public struct AttendanceTrend: Hashable, Sendable, Codable {
    public enum Direction: String, CodeList {
        case improving, worsening, steady
        public static let listName = "attendance trend"
        public var label: String { rawValue }
    }
    /// A change smaller than this (percentage points of sessions missed) is "steady".
    public static let steadyBand = 1.0

    public var direction: Direction
    /// Change in % of sessions missed from the previous record to the latest, rounded to 0.1
    /// (positive = more missed = worsening).
    public var change: Double
}

/// A child's attendance as the rules read it: the latest record's band, the year to date and the trend.
public struct AttendanceSummary: Hashable, Sendable, Codable {
    public var periods: [AttendancePeriod]
    public var latest: AttendancePeriod
    /// Records starting in the academic year of `today` that end on or before it, summed; nil if none.
    public var yearToDate: AttendancePeriod?
    /// Between the last two records; nil with a single record.
    public var trend: AttendanceTrend?

    /// The band that counts for triage and screens: the latest record's.
    public var band: AttendanceBand { latest.band }

    /// nil when no attendance has been recorded. Records are read in date order (sorted here if needed).
    public static func summarise(_ records: [AttendanceRecord], today: SchoolDate) -> AttendanceSummary? {
        guard !records.isEmpty else { return nil }
        var recs = records
        var sorted = true
        for i in recs.indices.dropFirst() where recs[i].from < recs[i - 1].from { sorted = false; break }
        if !sorted { recs.sort { ($0.from, $0.to) < ($1.from, $1.to) } }
        let periods = recs.map { AttendancePeriod(from: $0.from, to: $0.to, possible: $0.possible, missed: max(0, $0.missed)) }
        let year = AcademicYear(containing: today)
        var ytd: AttendancePeriod?
        var p = 0, m = 0
        var first: SchoolDate?, last: SchoolDate?
        for r in periods where year.contains(r.from) && r.from <= today {
            p += r.possible; m += r.missed
            if first == nil { first = r.from }
            last = max(last ?? r.to, r.to)
        }
        if let f = first, let l = last { ytd = AttendancePeriod(from: f, to: l, possible: p, missed: m) }
        var trend: AttendanceTrend?
        if periods.count >= 2 {
            let a = periods[periods.count - 2], b = periods[periods.count - 1]
            let change = ((b.missedPercent - a.missedPercent) * 10).rounded() / 10
            let dir: AttendanceTrend.Direction =
                abs(change) < AttendanceTrend.steadyBand ? .steady : (change > 0 ? .worsening : .improving)
            trend = AttendanceTrend(direction: dir, change: change)
        }
        return AttendanceSummary(periods: periods, latest: periods[periods.count - 1], yearToDate: ytd, trend: trend)
    }
}
