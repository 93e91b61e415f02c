/// Audit and meeting times are stored in UTC (`2026-11-26T09:00:00Z`); people read them in UK time.
/// British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
/// October (the Summer Time Order 2002), UTC+1; otherwise GMT. Computed here, so the core needs no time
/// zone database and gives the same answer on every machine.
public enum UKTime {
    public struct Local: Equatable, Sendable {
        public var date: SchoolDate
        public var hour: Int, minute: Int
        public var isSummerTime: Bool
        /// "09:00"
        public var clock: String { (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)" }
        /// "GMT" or "BST"
        public var zone: String { isSummerTime ? "BST" : "GMT" }
    }

    /// The UK local time of a stored UTC stamp, nil if it is not `YYYY-MM-DDTHH:MM[:SS]Z`.
    public static func local(_ utc: String) -> Local? {
        let parts = utc.split(separator: "T")
        guard parts.count == 2, let day = try? SchoolDate.parse(String(parts[0])), parts[1].hasSuffix("Z") else { return nil }
        let hm = parts[1].dropLast().split(separator: ":")
        guard hm.count >= 2, let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        let minutes = day.dayNumber * 1440 + h * 60 + m
        let y = day.year
        let starts = lastSunday(y, 3).dayNumber * 1440 + 60, ends = lastSunday(y, 10).dayNumber * 1440 + 60
        let summer = minutes >= starts && minutes < ends
        let local = minutes + (summer ? 60 : 0)
        let d = SchoolDate(dayNumber: local / 1440)
        return Local(date: d, hour: (local % 1440) / 60, minute: local % 60, isSummerTime: summer)
    }

    static func lastSunday(_ year: Int, _ month: Int) -> SchoolDate {
        let nextFirst = month == 12 ? SchoolDate(dayNumber: SchoolDate.daysFromCivil(year + 1, 1, 1))
                                    : SchoolDate(dayNumber: SchoolDate.daysFromCivil(year, month + 1, 1))
        var d = nextFirst.adding(days: -1)
        while d.weekday != 7 { d = d.adding(days: -1) }
        return d
    }
}
