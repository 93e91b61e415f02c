/// Working days for deemed service of a notice: every day but Saturday, Sunday, Christmas Day, Good
/// Friday and a bank holiday (SI 2012/1033 reg 2, "working day"). Not school days: a letter posted in
/// the holidays is still deemed given two working days later.
public enum WorkingDays {
    /// England and Wales bank holidays, Christmas Day and Good Friday (gov.uk/bank-holidays), 2024–2028.
    /// Outside these years only weekends are known: `isKnown` says so, and the deadline's detail names it.
    static let holidays: Set<Int> = Set([
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-25",
        "2027-12-27", "2027-12-28",
        "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
    ].map { try! SchoolDate.parse($0).dayNumber })

    /// The years whose bank holidays are in the table.
    public static let knownYears = 2024...2028

    public static func isKnown(_ d: SchoolDate) -> Bool { knownYears.contains(d.year) }

    public static func isWorkingDay(_ d: SchoolDate) -> Bool { !d.isWeekend && !holidays.contains(d.dayNumber) }

    /// The `n`th working day after `date` (the date itself not counted).
    public static func add(_ n: Int, after date: SchoolDate) -> SchoolDate {
        var d = date, left = n
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// The day a notice sent first-class on `sent` is deemed given: the second working day after
    /// posting; a notice delivered by hand is given the day it is delivered (SI 2012/1033 reg 17 and
    /// its equivalents; domain.md corrections).
    public static func deemedGiven(sent: SchoolDate, byHand: Bool) -> SchoolDate {
        byHand ? sent : add(2, after: sent)
    }
}
