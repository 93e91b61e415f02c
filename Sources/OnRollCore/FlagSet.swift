/// A child's flags, kept sorted so files, JSON and the audit log always spell them the same way.
public struct FlagSet: Hashable, Sendable, Codable, Sequence, CustomStringConvertible {
    public private(set) var flags: [ChildFlag]

    public init(_ flags: some Sequence<ChildFlag> = []) {
        self.flags = Array(Set(flags)).sorted()
    }

    /// `LAC;CP` (any case, `;` or `,` separated, spaces ignored).
    public static func parse(_ text: String) throws(ValidationError) -> FlagSet {
        var out: [ChildFlag] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let t = String(part).trimmingSpaces
            if t.isEmpty { continue }
            out.append(try ChildFlag.parse(t.uppercased()))
        }
        return FlagSet(out)
    }

    public func contains(_ f: ChildFlag) -> Bool { flags.contains(f) }
    public var isEmpty: Bool { flags.isEmpty }
    public func makeIterator() -> IndexingIterator<[ChildFlag]> { flags.makeIterator() }
    public var description: String { flags.map(\.rawValue).joined(separator: ";") }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try FlagSet.parse(s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
