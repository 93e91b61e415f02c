/// What a panel can decide about a case. The console picks from this list and the CLI parses it, so
/// both accept exactly the same decisions; "other" means the free-text note is the decision.
public enum PanelDecision: String, CaseIterable, Hashable, Sendable {
    case continuePlan = "continue current plan"
    case fairAccess = "refer to fair access"
    case apPlace = "AP place"
    case reintegrationPlan = "reintegration plan"
    case ehcRequest = "EHC needs assessment request"
    case close
    case other

    public var label: String { rawValue }

    public struct Unknown: Error, CustomStringConvertible, Sendable {
        public var value: String
        public var description: String {
            "'\(value)' is not a panel decision (accepted: \(PanelDecision.allCases.map(\.label).joined(separator: ", ")); free text goes in --note)"
        }
    }

    /// Case-insensitive, spaces trimmed and runs of spaces taken as one.
    public static func parse(_ s: String) throws -> PanelDecision {
        let key = s.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        guard let d = allCases.first(where: { $0.rawValue.lowercased() == key }) else { throw Unknown(value: s) }
        return d
    }
}

/// The decisions a panel usually reaches, as labels (what is stored on an item); "other" takes free text.
public enum PanelDecisions {
    public static let common = PanelDecision.allCases.map(\.label)
}
