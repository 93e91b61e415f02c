import Foundation
import OnRollCore

/// Names typed at the CLI or the console (owners, team members, attendees, agencies) meet the same
/// rule as names in an import file (`NameText`), and are stored in one spelling (NFC).
enum NameInput {
    static func clean(_ text: String, _ field: String) throws -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let problem = NameText.problem(t) { throw StoreError.invalid("\(field): \(problem)") }
        return t.precomposedStringWithCanonicalMapping
    }

    static func clean(_ text: String?, _ field: String) throws -> String? {
        try text.map { try clean($0, field) }
    }
}
