/// A Unique Pupil Number, checked by the DfE algorithm (domain.md §6).
///
/// 13 characters: check letter; LA number (3 digits); establishment (4); year (2); serial (3).
/// A temporary UPN has a letter in position 13 instead of a digit.
public struct UPN: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    /// The 23 letters the check letter and a temporary UPN's last character are drawn from.
    static let table: [Character] = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    public var isTemporary: Bool { value.last.map { $0.isLetter } ?? false }

    public init(_ text: String) throws(ValidationError) {
        let s = text.trimmingSpaces.uppercased()
        let chars = Array(s)
        guard chars.count == 13 else {
            throw ValidationError("UPN '\(text.prefix(20))' has \(chars.count) characters; a UPN has 13")
        }
        guard UPN.table.contains(chars[0]) else {
            throw ValidationError("UPN '\(s)': character 1 must be a check letter (A–Z except I, O, S)")
        }
        for i in 1...11 where !chars[i].isASCII || !chars[i].isNumber {
            throw ValidationError("UPN '\(s)': characters 2–12 must be digits (character \(i + 1) is '\(chars[i])')")
        }
        let last = chars[12]
        let lastValue: Int
        if let d = last.wholeNumberValue, last.isASCII {
            lastValue = d
        } else if let idx = UPN.table.firstIndex(of: last) {
            lastValue = idx
        } else {
            throw ValidationError("UPN '\(s)': character 13 not a recognised value")
        }
        var sum = 0
        for i in 1...11 { sum += chars[i].wholeNumberValue! * (i + 1) }
        sum += lastValue * 13
        let expected = UPN.table[sum % 23]
        guard expected == chars[0] else {
            throw ValidationError("UPN '\(s)': wrong check letter at character 1 (expected \(expected))")
        }
        value = s
    }

    /// Builds a valid UPN from its 12 body characters by computing the check letter.
    public static func withCheckLetter(body: String) -> UPN? {
        let chars = Array(body)
        guard chars.count == 12 else { return nil }
        var sum = 0
        for i in 0..<11 { guard let d = chars[i].wholeNumberValue else { return nil }; sum += d * (i + 2) }
        if let d = chars[11].wholeNumberValue { sum += d * 13 }
        else if let idx = table.firstIndex(of: chars[11]) { sum += idx * 13 } else { return nil }
        return try? UPN(String(table[sum % 23]) + body)
    }

    public var description: String { value }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try UPN(s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
