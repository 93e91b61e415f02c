/// A closed list of codes (census codes, kinds, statuses) with a label for people.
/// Parsing is case-insensitive and a bad value's error lists what is allowed.
public protocol CodeList: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String {
    var label: String { get }
    static var listName: String { get }
}

extension CodeList {
    public static func parse(_ text: String) throws(ValidationError) -> Self {
        let s = text.trimmingSpaces
        if let v = Self(rawValue: s) { return v }
        let lower = s.lowercased()
        if let v = allCases.first(where: { $0.rawValue.lowercased() == lower || $0.label.lowercased() == lower }) {
            return v
        }
        let allowed = allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("'\(s.prefix(30))' is not a \(listName) (one of: \(allowed))")
    }

    /// Parses an optional column: empty means nil.
    public static func parseOptional(_ text: String?) throws(ValidationError) -> Self? {
        guard let t = text?.trimmingSpaces, !t.isEmpty else { return nil }
        return try parse(t)
    }
}

extension String {
    /// `autumn` → `Autumn`. Core stays free of Foundation, so this is ours.
    public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
