/// An English academic year, 1 August to 31 July, named `2026/27`.
public struct AcademicYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The calendar year in which the academic year starts (2026 for 2026/27).
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    public init(containing date: SchoolDate) {
        startYear = date.month >= 8 ? date.year : date.year - 1
    }

    public static func parse(_ text: String) throws(ValidationError) -> AcademicYear {
        let s = text.trimmingSpaces
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]),
              parts[1].count == 2, let tail = Int(parts[1]) else {
            throw ValidationError("'\(s.prefix(20))' is not an academic year: use e.g. 2026/27")
        }
        guard (y + 1) % 100 == tail else {
            throw ValidationError("'\(s)' is not an academic year: the second part must be the next year (\(y)/\(String((y + 1) % 100).leftPadded(2, "0")))")
        }
        return AcademicYear(startYear: y)
    }

    public var firstDay: SchoolDate { SchoolDate(year: startYear, month: 8, day: 1)! }
    public var lastDay: SchoolDate { SchoolDate(year: startYear + 1, month: 7, day: 31)! }
    /// 31 August at the start of the year: the date NC year and age-in-year are measured on.
    public var censusAgeDate: SchoolDate { SchoolDate(year: startYear, month: 8, day: 31)! }

    public func contains(_ d: SchoolDate) -> Bool { d >= firstDay && d <= lastDay }

    public var next: AcademicYear { AcademicYear(startYear: startYear + 1) }
    public var previous: AcademicYear { AcademicYear(startYear: startYear - 1) }

    public var description: String { "\(startYear)/\(String((startYear + 1) % 100).leftPadded(2, "0"))" }

    public static func < (a: AcademicYear, b: AcademicYear) -> Bool { a.startYear < b.startYear }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try AcademicYear.parse(s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Age and national-curriculum year, both measured as domain.md states.
public enum SchoolAge {
    /// Whole years of age on `date`.
    public static func age(dob: SchoolDate, on date: SchoolDate) -> Int {
        var a = date.year - dob.year
        if (date.month, date.day) < (dob.month, dob.day) { a -= 1 }
        return a
    }

    /// NC year: age on 31 August at the start of the academic year, minus 4 (Year 1 = 5 on that date).
    /// 0 is Reception; negative values are nursery ages; above 13 is beyond Year 13.
    public static func ncYear(dob: SchoolDate, in year: AcademicYear) -> Int {
        age(dob: dob, on: year.censusAgeDate) - 4
    }

    public static func ncYearLabel(_ y: Int) -> String {
        switch y {
        case ..<0: return "N"
        case 0: return "R"
        default: return "Y\(y)"
        }
    }
}

extension String {
    public func leftPadded(_ width: Int, _ pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
