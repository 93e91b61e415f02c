/// A calendar date with no time and no zone: the unit every statutory rule counts in.
///
/// Stored as days since 1970-01-01 so arithmetic and comparison are integer operations;
/// the civil conversion follows Howard Hinnant's `days_from_civil`, which is exact for the
/// proleptic Gregorian calendar and needs no Foundation `Calendar` (whose time zone would leak in).
public struct SchoolDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              (1...SchoolDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        dayNumber = SchoolDate.daysFromCivil(year, month, day)
    }

    public var year: Int { SchoolDate.civil(dayNumber).y }
    public var month: Int { SchoolDate.civil(dayNumber).m }
    public var day: Int { SchoolDate.civil(dayNumber).d }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let w = (dayNumber + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days n: Int) -> SchoolDate { SchoolDate(dayNumber: dayNumber + n) }

    public func days(to other: SchoolDate) -> Int { other.dayNumber - dayNumber }

    /// The same day-of-month `n` months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
    public func adding(months n: Int) -> SchoolDate {
        let c = SchoolDate.civil(dayNumber)
        let total = c.y * 12 + (c.m - 1) + n
        let y = total / 12, m = total % 12 + 1
        let d = min(c.d, SchoolDate.daysIn(month: m, year: y))
        return SchoolDate(dayNumber: SchoolDate.daysFromCivil(y, m, d))
    }

    public var iso: String {
        let c = SchoolDate.civil(dayNumber)
        return "\(pad(c.y, 4))-\(pad(c.m, 2))-\(pad(c.d, 2))"
    }

    /// `23 Nov 2026`: the form people read in minutes and on screen.
    public var long: String {
        let c = SchoolDate.civil(dayNumber)
        return "\(c.d) \(SchoolDate.monthNames[c.m - 1]) \(c.y)"
    }

    /// `Mon 23 Nov`
    public var short: String {
        let c = SchoolDate.civil(dayNumber)
        return "\(SchoolDate.dayNames[weekday - 1]) \(c.d) \(SchoolDate.monthNames[c.m - 1])"
    }

    public var description: String { iso }

    public static func < (a: SchoolDate, b: SchoolDate) -> Bool { a.dayNumber < b.dayNumber }

    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    public static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    // MARK: Parsing

    /// Parses `YYYY-MM-DD` or `DD/MM/YYYY`. Month-first is never guessed: `11/23/2026` is an error,
    /// and so is `02/03/2026` read any other way than 2 March.
    public static func parse(_ text: String) throws(ValidationError) -> SchoolDate {
        let s = text.trimmingSpaces
        if s.isEmpty { throw ValidationError("date is empty") }
        let bytes = Array(s.utf8)
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { let b = bytes[i]; guard b >= 48, b <= 57 else { return nil }; v = v * 10 + Int(b - 48) }
            return v
        }
        var y: Int?, m: Int?, d: Int?
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            y = num(0..<4); m = num(5..<7); d = num(8..<10)
        } else if bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/") {
            d = num(0..<2); m = num(3..<5); y = num(6..<10)
        } else {
            throw ValidationError("'\(s.prefix(40))' is not a date: use YYYY-MM-DD or DD/MM/YYYY")
        }
        guard let yy = y, let mm = m, let dd = d else {
            throw ValidationError("'\(s)' is not a date: use YYYY-MM-DD or DD/MM/YYYY")
        }
        guard (1...12).contains(mm) else {
            throw ValidationError("'\(s)' has month \(mm): dates are YYYY-MM-DD or DD/MM/YYYY, never month-first")
        }
        guard let date = SchoolDate(year: yy, month: mm, day: dd) else {
            throw ValidationError("'\(s)' is not a real date")
        }
        return date
    }

    // MARK: Civil arithmetic

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ z0: Int) -> (y: Int, m: Int, d: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try SchoolDate.parse(s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

private func pad(_ v: Int, _ w: Int) -> String {
    let s = String(v)
    return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
}

extension String {
    /// Trims ASCII and Unicode whitespace without Foundation.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
