/// A child's suspensions in one academic year (1 August to 31 July, at every school), totalled against
/// the 45-school-day cap and per term, with back-to-back runs and their day-6 (or day-1) provision date.
///
/// Built without throwing: totals need no calendar arithmetic. If school days cannot be counted (term
/// dates missing), `runs` is empty and `calendarError` says which year is missing.
public struct SuspensionLedger: Equatable, Sendable {
    /// At most 45 school days of suspension per academic year (DfE suspension guidance).
    public static let cap = 45.0
    /// OnRoll warns from 35 days ("nearing the cap").
    public static let nearing = 35.0
    /// Term totals that trigger governors' duties.
    public static let termGovernors50 = 5.0
    public static let termGovernors15 = 15.0

    public enum CapStatus: String, CodeList {
        case within, nearing, atCap = "at-cap", over
        public static let listName = "cap status"
        public var label: String {
            switch self {
            case .within: "within the cap"
            case .nearing: "nearing the cap"
            case .atCap: "at the cap"
            case .over: "over the cap"
            }
        }
        public static func of(_ total: Double) -> CapStatus {
            if total > SuspensionLedger.cap { return .over }
            if total == SuspensionLedger.cap { return .atCap }
            if total >= SuspensionLedger.nearing { return .nearing }
            return .within
        }
    }

    public struct TermTotal: Hashable, Sendable {
        public var term: Term
        public var days: Double
        public var count: Int
        /// The suspension that took the term's total over 5 school days, and over 15.
        public var overFive: Suspension?
        public var overFifteen: Suspension?
    }

    /// Back-to-back suspensions: each starts on or before the school day after the previous ended.
    public struct Run: Hashable, Sendable {
        public var suspensions: [Suspension]
        /// Day 1 (the first school day of the first suspension) and the last school day suspended.
        public var start: SchoolDate
        public var end: SchoolDate
        public var days: Double
        /// Day 6 (or day 1 for a looked-after child), when full-time provision is due; nil when the run
        /// is 5 days or shorter and the child is not looked after.
        public var provisionDue: SchoolDate?
        public var dayOne: Bool
        /// The earliest provision start recorded on any suspension in the run.
        public var provisionFrom: SchoolDate? { suspensions.compactMap(\.provisionFrom).min() }
    }

    public var year: AcademicYear
    /// Suspensions (not permanent exclusions) starting in the year, oldest first.
    public var suspensions: [Suspension]
    public var permanent: [Suspension]
    public var total: Double
    public var capStatus: CapStatus
    /// The suspension that took the year's total over 45 (recorded as it happened, flagged as a breach).
    public var overCap: Suspension?
    /// Autumn, spring and summer, always all three.
    public var terms: [TermTotal]
    /// Days of suspensions whose start lies outside every stored term row (not placed in a term).
    public var unplacedDays: Double
    public var runs: [Run]
    public var calendarError: SchoolCalendar.Failure?

    public var remaining: Double { max(0, SuspensionLedger.cap - total) }

    public func term(_ t: Term) -> TermTotal { terms.first { $0.term == t }! }

    /// The ledger for `year`. `lookedAfter` makes provision due from day 1.
    public static func build(suspensions all: [Suspension], year: AcademicYear, calendar: SchoolCalendar,
                             lookedAfter: Bool) -> SuspensionLedger {
        var inYear: [Suspension] = []
        var permanent: [Suspension] = []
        for s in all where year.contains(s.start) {
            if s.isPermanent { permanent.append(s) } else { inYear.append(s) }
        }
        if !isSorted(inYear) { inYear.sort { $0.start < $1.start } }
        var total = 0.0
        var overCap: Suspension?
        var terms = Term.allCases.map { TermTotal(term: $0, days: 0, count: 0) }
        var unplaced = 0.0
        for s in inYear {
            let before = total
            total += s.days
            if before <= cap && total > cap { overCap = s }
            guard let placed = calendar.term(of: s.start), placed.year == year else { unplaced += s.days; continue }
            let i = Term.allCases.firstIndex(of: placed.term)!
            let tb = terms[i].days
            terms[i].days += s.days
            terms[i].count += 1
            if tb <= termGovernors50 && terms[i].days > termGovernors50 { terms[i].overFive = s }
            if tb <= termGovernors15 && terms[i].days > termGovernors15 { terms[i].overFifteen = s }
        }
        var runs: [Run] = []
        var failure: SchoolCalendar.Failure?
        do { runs = try buildRuns(inYear, calendar: calendar, lookedAfter: lookedAfter) } catch { failure = error }
        return SuspensionLedger(year: year, suspensions: inYear, permanent: permanent, total: total,
                                capStatus: .of(total), overCap: overCap, terms: terms, unplacedDays: unplaced,
                                runs: runs, calendarError: failure)
    }

    /// Day 1 of a suspension: its start when that is a school day, else the next school day.
    public static func firstDay(of s: Suspension, calendar: SchoolCalendar) throws(SchoolCalendar.Failure) -> SchoolDate {
        try calendar.schoolDayOnOrAfter(s.start)
    }

    /// The last school day of a suspension of `days` school days (half days count 0.5).
    public static func lastDay(of s: Suspension, calendar: SchoolCalendar) throws(SchoolCalendar.Failure) -> SchoolDate {
        let d1 = try firstDay(of: s, calendar: calendar)
        let w = try calendar.weight(of: d1)
        return s.days <= w ? d1 : try calendar.add(s.days - w, after: d1)
    }

    static func buildRuns(_ list: [Suspension], calendar: SchoolCalendar,
                          lookedAfter: Bool) throws(SchoolCalendar.Failure) -> [Run] {
        var runs: [Run] = []
        for s in list {
            let d1 = try firstDay(of: s, calendar: calendar)
            let end = try lastDay(of: s, calendar: calendar)
            if var r = runs.last, d1 >= r.start, d1 <= (try calendar.add(1, after: r.end)) {
                r.suspensions.append(s)
                r.end = max(r.end, end)
                r.days += s.days
                runs[runs.count - 1] = r
            } else {
                runs.append(Run(suspensions: [s], start: d1, end: end, days: s.days, provisionDue: nil, dayOne: lookedAfter))
            }
        }
        for i in runs.indices {
            if lookedAfter {
                runs[i].provisionDue = runs[i].start
            } else if runs[i].days > 5 {
                runs[i].provisionDue = try calendar.add(5, after: runs[i].start)
            }
        }
        return runs
    }

    private static func isSorted(_ a: [Suspension]) -> Bool {
        var i = 1
        while i < a.count { if a[i].start < a[i - 1].start { return false }; i += 1 }
        return true
    }
}
