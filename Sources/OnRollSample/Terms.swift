import OnRollCore

/// An example English term-date pattern, computed per academic year so any `today` works.
/// It is a plausible pattern, not any real authority's published dates: five INSET days,
/// (two in September, one after October half-term, the first of spring and of the last half-term),
/// half-terms in the last week of October, mid-February and the last week of May, two weeks at Easter,
/// and one half-day closure (the last afternoon before Christmas 2026).
enum Terms {
    static func rows(for year: AcademicYear) -> [TermDates] {
        let y = year.startYear
        func d(_ yy: Int, _ m: Int, _ dd: Int) -> SchoolDate { SchoolDate(year: yy, month: m, day: dd)! }

        // Autumn: starts 1 September (or the Monday after, at a weekend) with two INSET days.
        let autumnStart = weekdayOnOrAfter(d(y, 9, 1))
        let octHalf = mondayOnOrAfter(d(y, 10, 22))
        let christmas = fridayOnOrBefore(d(y, 12, 20))
        // Spring: first Monday on or after 2 January, INSET that day.
        let springStart = mondayOnOrAfter(d(y + 1, 1, 2))
        let febHalf = mondayOnOrAfter(d(y + 1, 2, 12))
        // Easter: the two weeks from the Monday of Holy Week.
        let easter = easterSunday(y + 1)
        let easterHols = easter.adding(days: -6)
        let mayHalf = mondayOnOrBefore(d(y + 1, 5, 31))   // the week of the late May bank holiday
        var summerEnd = d(y + 1, 7, 21)
        if summerEnd.isWeekend { summerEnd = fridayOnOrBefore(summerEnd) }

        let a = year
        var rows = [
            TermDates(academicYear: a, term: .autumn, start: autumnStart, end: octHalf.adding(days: -3),
                      closures: [Closure(from: autumnStart, to: autumnStart.adding(days: 1))]),
            TermDates(academicYear: a, term: .autumn, start: octHalf.adding(days: 7), end: christmas,
                      closures: [Closure(from: octHalf.adding(days: 7), to: octHalf.adding(days: 7))]),
            TermDates(academicYear: a, term: .spring, start: springStart, end: febHalf.adding(days: -3),
                      closures: [Closure(from: springStart, to: springStart)]),
            TermDates(academicYear: a, term: .spring, start: febHalf.adding(days: 7), end: easterHols.adding(days: -3)),
            TermDates(academicYear: a, term: .summer, start: easterHols.adding(days: 14), end: mayHalf.adding(days: -3)),
            TermDates(academicYear: a, term: .summer, start: mayHalf.adding(days: 7), end: summerEnd,
                      closures: [Closure(from: mayHalf.adding(days: 7), to: mayHalf.adding(days: 7))]),
        ]
        // The one half-day closure in the sample: school closes at lunchtime before Christmas 2026.
        if y == 2026 { rows[1].closures.append(Closure(from: christmas, to: christmas, halfDay: true)) }

        // Bank holidays become closures only when they fall inside a row (May Day always does;
        // Easter Monday and the late May holiday usually sit in a holiday week).
        let bankHolidays = [easter.adding(days: -2), easter.adding(days: 1),
                            mondayOnOrAfter(d(y + 1, 5, 1)), mayHalf]
        for i in rows.indices {
            for bh in bankHolidays where rows[i].start <= bh && bh <= rows[i].end {
                rows[i].closures.append(Closure(from: bh, to: bh))
            }
            rows[i].closures.sort { $0.from < $1.from }
        }
        return rows
    }

    static func mondayOnOrAfter(_ d: SchoolDate) -> SchoolDate { d.adding(days: (8 - d.weekday) % 7) }
    static func mondayOnOrBefore(_ d: SchoolDate) -> SchoolDate { d.adding(days: -(d.weekday - 1)) }
    static func fridayOnOrBefore(_ d: SchoolDate) -> SchoolDate { d.adding(days: -((d.weekday + 2) % 7)) }
    static func weekdayOnOrAfter(_ d: SchoolDate) -> SchoolDate { d.isWeekend ? mondayOnOrAfter(d) : d }

    /// Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm).
    static func easterSunday(_ y: Int) -> SchoolDate {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return SchoolDate(year: y, month: month, day: day)!
    }
}

/// The school days of the generated terms as a sorted list, so the generator can step back and
/// forward by school days (the core calendar only steps forward and throws outside its years).
struct SchoolDays {
    let days: [SchoolDate]
    let weights: [Double]

    init(rows: [TermDates]) {
        var list: [(SchoolDate, Double)] = []
        for r in rows.sorted(by: { $0.start < $1.start }) {
            var d = r.start
            while d <= r.end {
                if !d.isWeekend {
                    var w = 1.0
                    for c in r.closures where c.from <= d && d <= c.to { w = c.halfDay ? 0.5 : 0 }
                    if w > 0 { list.append((d, w)) }
                }
                d = d.adding(days: 1)
            }
        }
        days = list.map(\.0)
        weights = list.map(\.1)
    }

    /// Index of the last school day on or before `d` (0 if none).
    func index(onOrBefore d: SchoolDate) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] <= d { lo = mid + 1 } else { hi = mid }
        }
        return max(0, lo - 1)
    }

    /// The school day `n` school days before `d` (n = 0: the last school day on or before `d`).
    func back(_ n: Int, from d: SchoolDate) -> SchoolDate { days[max(0, index(onOrBefore: d) - n)] }

    /// The school day `n` school days after the last school day on or before `d`.
    func forward(_ n: Int, from d: SchoolDate) -> SchoolDate {
        days[min(days.count - 1, index(onOrBefore: d) + n)]
    }

    /// First school day on or after `d`.
    func onOrAfter(_ d: SchoolDate) -> SchoolDate {
        let i = index(onOrBefore: d)
        if days[i] >= d { return days[i] }
        return days[min(days.count - 1, i + 1)]
    }

    /// Sessions (half-days) in from...to, as a register would count them.
    func sessions(from: SchoolDate, to: SchoolDate) -> Int {
        var total = 0.0
        var i = index(onOrBefore: from)
        if days[i] < from { i += 1 }
        while i < days.count, days[i] <= to { total += weights[i] * 2; i += 1 }
        return Int(total)
    }

    /// A random school day in the range, or the range's start when it holds none.
    func random(in lo: SchoolDate, _ hi: SchoolDate, _ rng: inout Random) -> SchoolDate {
        guard lo <= hi else { return hi }
        var a = index(onOrBefore: lo)
        if days[a] < lo { a += 1 }
        let b = index(onOrBefore: hi)
        guard a < days.count, a <= b, days[b] >= lo else { return weekday(lo) }
        return days[rng.int(a...b)]
    }

    func weekday(_ d: SchoolDate) -> SchoolDate { d.isWeekend ? Terms.mondayOnOrAfter(d) : d }
}

extension SchoolDays {
    /// In the summer holidays: not a school day, in the one gap between school days longer than four
    /// weeks (before the calendar's first day, July and August count).
    func isSummerHoliday(_ d: SchoolDate) -> Bool {
        guard let first = days.first, d >= first else { return d.month == 7 || d.month == 8 }
        let i = index(onOrBefore: d)
        guard days[i] != d, i + 1 < days.count else { return false }
        return days[i].days(to: days[i + 1]) > 28
    }
}
