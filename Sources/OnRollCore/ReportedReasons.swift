/// The reason codes a school's exclusions return gave one suspension, up to three, in the school's
/// order. Kept as the school wrote them, known or not: a school's MIS may run ahead of OnRoll's list
/// (or behind it), and the raw code is the only record of what the school said. Written `PA;ZZ`.
public struct ReportedReasons: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let limit = 3
    public private(set) var codes: [String]

    public init(_ codes: [String] = []) { self.codes = Array(codes.prefix(Self.limit)) }

    public var isEmpty: Bool { codes.isEmpty }
    public var description: String { codes.joined(separator: ";") }

    /// `PA;ZZ` back into codes (upper-cased, blanks dropped).
    public static func parse(_ text: String) -> ReportedReasons {
        ReportedReasons(text.split(separator: ";").map { String($0).trimmingSpaces.uppercased() }.filter { !$0.isEmpty })
    }

    /// The codes OnRoll does not know, for the import's warning.
    public var unknown: [String] { codes.filter { ReasonCode(rawValue: $0) == nil } }

    public init(from decoder: Decoder) throws {
        self = Self.parse(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
