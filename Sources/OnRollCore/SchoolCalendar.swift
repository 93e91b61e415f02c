/// School-day arithmetic over stored term dates (domain.md "OnRoll's choices").
///
/// A school day is a weekday inside a stored term row and not a closure; a half-day closure leaves 0.5.
/// A date in an academic year with no stored terms is an error naming the year, never a guess.
public struct SchoolCalendar: Sendable {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case noTerms(AcademicYear)
        public var description: String {
            switch self {
            case .noTerms(let y):
                "no term dates are stored for \(y): import them with `onroll import terms FILE`"
            }
        }
    }

    public let rows: [TermDates]
    /// School days in date order with their weight (1 or 0.5).
    private let days: [(day: Int, weight: Double, year: AcademicYear, term: Term)]
    private let index: [Int: Int]
    /// Prefix sums of weights: prefix[i] = total weight of days[0..<i].
    private let prefix: [Double]
    public let years: Set<AcademicYear>

    public init(rows: [TermDates]) {
        self.rows = rows.sorted { $0.start < $1.start }
        var map: [Int: (Double, AcademicYear, Term)] = [:]
        var years = Set<AcademicYear>()
        for r in rows {
            years.insert(r.academicYear)
            var d = r.start
            while d <= r.end {
                if !d.isWeekend { map[d.dayNumber] = (1, r.academicYear, r.term) }
                d = d.adding(days: 1)
            }
        }
        for r in rows {
            for c in r.closures {
                var d = c.from
                while d <= c.to {
                    if let v = map[d.dayNumber] {
                        if c.halfDay { map[d.dayNumber] = (0.5, v.1, v.2) } else { map[d.dayNumber] = nil }
                    }
                    d = d.adding(days: 1)
                }
            }
        }
        let sorted = map.keys.sorted()
        var days: [(Int, Double, AcademicYear, Term)] = []
        var index: [Int: Int] = [:]
        var prefix: [Double] = [0]
        for k in sorted {
            let v = map[k]!
            index[k] = days.count
            days.append((k, v.0, v.1, v.2))
            prefix.append(prefix.last! + v.0)
        }
        self.days = days.map { (day: $0.0, weight: $0.1, year: $0.2, term: $0.3) }
        self.index = index
        self.prefix = prefix
        self.years = years
    }

    public func covers(_ date: SchoolDate) -> Bool { years.contains(AcademicYear(containing: date)) }

    private func require(_ date: SchoolDate) throws(Failure) {
        let y = AcademicYear(containing: date)
        guard years.contains(y) else { throw .noTerms(y) }
    }

    /// 1 for a school day, 0.5 for a half day, 0 for a holiday, weekend or closure.
    public func weight(of date: SchoolDate) throws(Failure) -> Double {
        try require(date)
        return index[date.dayNumber].map { days[$0].weight } ?? 0
    }

    public func isSchoolDay(_ date: SchoolDate) throws(Failure) -> Bool { try weight(of: date) > 0 }

    /// The term a school day (or holiday inside a term row) falls in.
    public func term(of date: SchoolDate) -> (year: AcademicYear, term: Term)? {
        if let i = index[date.dayNumber] { return (days[i].year, days[i].term) }
        for r in rows where r.start <= date && date <= r.end { return (r.academicYear, r.term) }
        return nil
    }

    /// First index in `days` whose date is >= d.
    private func lowerBound(_ d: Int) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid].day < d { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// School days in `from...to` inclusive (half days count 0.5).
    public func count(from: SchoolDate, to: SchoolDate) throws(Failure) -> Double {
        guard from <= to else { return 0 }
        try require(from)
        try require(to)
        var y = AcademicYear(containing: from).next
        while y.firstDay <= to { try requireYear(y); y = y.next }
        let a = lowerBound(from.dayNumber), b = lowerBound(to.dayNumber + 1)
        return prefix[b] - prefix[a]
    }

    private func requireYear(_ y: AcademicYear) throws(Failure) {
        guard years.contains(y) else { throw .noTerms(y) }
    }

    /// The date `n` school days after `date` (the date itself not counted). Half days count 0.5,
    /// so the result is the day on which the running total first reaches `n`.
    public func add(_ n: Double, after date: SchoolDate) throws(Failure) -> SchoolDate {
        try require(date)
        if n <= 0 { return date }
        var i = lowerBound(date.dayNumber + 1)
        var total = 0.0
        while i < days.count {
            // A gap of a whole academic year with no terms must not be skipped silently.
            let d = SchoolDate(dayNumber: days[i].day)
            try requireYear(AcademicYear(containing: d))
            total += days[i].weight
            if total >= n { return d }
            i += 1
        }
        // Ran off the end of the stored terms: name the year that is missing.
        let lastYear = days.last.map { $0.year } ?? AcademicYear(containing: date)
        throw .noTerms(years.contains(lastYear.next) ? lastYear.next.next : lastYear.next)
    }

    /// The date `n` school days before `date` (the date itself not counted): the last day on which a
    /// notice "at least n school days before" `date` can be given.
    public func subtract(_ n: Double, before date: SchoolDate) throws(Failure) -> SchoolDate {
        try require(date)
        if n <= 0 { return date }
        var i = lowerBound(date.dayNumber) - 1
        var total = 0.0
        while i >= 0 {
            let d = SchoolDate(dayNumber: days[i].day)
            try requireYear(AcademicYear(containing: d))
            total += days[i].weight
            if total >= n { return d }
            i -= 1
        }
        throw .noTerms(days.first.map { $0.year.previous } ?? AcademicYear(containing: date))
    }

    /// The `n`th school day counting `start` as day 1 when it is a school day (day 6 of a suspension).
    /// If `start` is not a school day, the first school day after it is day 1.
    public func dayNumber(_ n: Int, from start: SchoolDate) throws(Failure) -> SchoolDate {
        if try isSchoolDay(start) {
            return n <= 1 ? start : try add(Double(n - 1), after: start)
        }
        let first = try add(1, after: start)
        return n <= 1 ? first : try add(Double(n - 1), after: first)
    }

    /// The next school day on or after `date`.
    public func schoolDayOnOrAfter(_ date: SchoolDate) throws(Failure) -> SchoolDate {
        try isSchoolDay(date) ? date : try add(1, after: date)
    }

    /// Rows of one academic year, in date order.
    public func rows(for year: AcademicYear) -> [TermDates] { rows.filter { $0.academicYear == year } }

    /// First and last day of a term across its half-term rows.
    public func span(of term: Term, in year: AcademicYear) -> ClosedRange<SchoolDate>? {
        let rs = rows.filter { $0.academicYear == year && $0.term == term }
        guard let a = rs.map(\.start).min(), let b = rs.map(\.end).max() else { return nil }
        return a...b
    }
}
