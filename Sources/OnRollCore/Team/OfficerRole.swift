/// What a login may do on a shared server store. The database enforces it (GRANTs and row-level
/// security); this is the same list for the CLI's messages and `user list`.
public enum OfficerRole: String, CaseIterable, Sendable, Codable {
    /// Casework: reads and writes cases.
    case officer
    /// An officer who also changes settings and triage weights and manages users.
    case manager
    /// Reads everything, the audit log included; writes nothing.
    case auditor
    /// A visiting panel member: reads only the cases on the agenda of a panel they attend.
    case panel

    public var summary: String {
        switch self {
        case .officer: "casework: reads and writes cases"
        case .manager: "an officer who also changes settings and triage weights and manages users"
        case .auditor: "reads everything, the audit log included, and writes nothing"
        case .panel: "reads only the cases on the agenda of a panel they attend"
        }
    }

    public static func parse(_ text: String) throws -> OfficerRole {
        guard let r = OfficerRole(rawValue: text.lowercased()) else {
            throw ValidationError("role: '\(text)' is not a role (officer, manager, auditor or panel)")
        }
        return r
    }
}

/// A login on a server store, as `onroll user list` shows it.
public struct Officer: Equatable, Sendable, Codable {
    public var login: String
    public var role: OfficerRole
    public var enabled: Bool
    public var addedAt: String
    public var addedBy: String

    public init(login: String, role: OfficerRole, enabled: Bool, addedAt: String, addedBy: String) {
        self.login = login
        self.role = role
        self.enabled = enabled
        self.addedAt = addedAt
        self.addedBy = addedBy
    }

    /// A login name the server will take as an identifier and a person can type: lowercase letters, digits,
    /// `.`, `_`, `-`, starting with a letter, at most 63 bytes (PostgreSQL's limit).
    public static func loginProblem(_ s: String) -> String? {
        if s.isEmpty { return "is empty" }
        if s.utf8.count > 63 { return "is longer than 63 characters" }
        guard let f = s.unicodeScalars.first, ("a"..."z").contains(f) else { return "must start with a lowercase letter" }
        for c in s.unicodeScalars where !(("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-") {
            return "may hold only lowercase letters, digits, '.', '_' and '-' (found '\(c)')"
        }
        return nil
    }
}
