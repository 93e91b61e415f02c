/// A closure inside a term row: one day, a range of days, or half a day (`am`/`pm` after the date).
public struct Closure: Hashable, Sendable, Codable, CustomStringConvertible {
    public var from: SchoolDate
    public var to: SchoolDate
    /// A half-day closure leaves the day worth 0.5 of a school day.
    public var halfDay: Bool

    public init(from: SchoolDate, to: SchoolDate, halfDay: Bool = false) {
        self.from = from; self.to = to; self.halfDay = halfDay
    }

    /// Parses `2026-10-23`, `2026-10-23..2026-10-24`, or `2026-12-18 pm`.
    public static func parse(_ text: String) throws(ValidationError) -> Closure {
        let s = text.trimmingSpaces
        if let r = s.range(of: "..") {
            let a = try SchoolDate.parse(String(s[..<r.lowerBound]))
            let b = try SchoolDate.parse(String(s[r.upperBound...]))
            guard a <= b else { throw ValidationError("closure range '\(s)' ends before it starts") }
            return Closure(from: a, to: b)
        }
        let parts = s.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 2, ["am", "pm"].contains(parts[1].lowercased()) {
            let d = try SchoolDate.parse(String(parts[0]))
            return Closure(from: d, to: d, halfDay: true)
        }
        let d = try SchoolDate.parse(s)
        return Closure(from: d, to: d)
    }

    public static func parseList(_ text: String) throws(ValidationError) -> [Closure] {
        var out: [Closure] = []
        for part in text.split(separator: ";") where !String(part).trimmingSpaces.isEmpty {
            out.append(try parse(String(part)))
        }
        return out
    }

    public var description: String {
        if halfDay { return "\(from.iso) pm" }
        return from == to ? from.iso : "\(from.iso)..\(to.iso)"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        do { self = try Closure.parse(try c.decode(String.self)) } catch let e as ValidationError {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension String {
    func range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}
