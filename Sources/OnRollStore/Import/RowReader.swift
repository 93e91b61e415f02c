import Foundation
import OnRollCore

/// Reads typed values out of one CSV record, collecting every bad field as `FILE:LINE: column: reason`
/// so a user sees all the problems of a file in one run.
public struct RowReader {
    let file: String
    let line: Int
    let index: [String: Int]
    let fields: [String]
    public private(set) var errors: [String] = []
    /// What the row says that is kept but worth telling the officer (an unknown reason code).
    public private(set) var warnings: [String] = []

    init(file: String, line: Int, index: [String: Int], fields: [String]) {
        self.file = file; self.line = line; self.index = index; self.fields = fields
    }

    mutating func fail(_ column: String, _ reason: String) {
        errors.append("\(file):\(line): \(column): \(reason)")
    }

    mutating func warn(_ column: String, _ reason: String) {
        warnings.append("\(file):\(line): \(column): \(reason)")
    }

    /// The trimmed text of a column, nil when absent or empty.
    func text(_ column: String) -> String? {
        guard let i = index[column], i < fields.count else { return nil }
        let f = fields[i]
        // Most fields have nothing to trim: look at the first and last bytes before asking Foundation.
        guard let first = f.utf8.first, let last = f.utf8.last else { return nil }
        if !RowReader.maybeSpace(first), !RowReader.maybeSpace(last) { return f }
        let t = f.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// ASCII space and controls, and any byte of a non-ASCII character (which may be a Unicode space).
    static func maybeSpace(_ b: UInt8) -> Bool { b <= 0x20 || b >= 0x80 }

    /// Free text keeps its inner line breaks but not surrounding space.
    func note(_ column: String) -> String? { text(column) }

    mutating func required(_ column: String) -> String {
        if let t = text(column) { return t }
        fail(column, "is required")
        return ""
    }

    mutating func date(_ column: String, required: Bool = false) -> SchoolDate? {
        guard let t = text(column) else {
            if required { fail(column, "is required") }
            return nil
        }
        do { return try SchoolDate.parse(t) } catch { fail(column, error.message); return nil }
    }

    mutating func int(_ column: String, required: Bool = false, min: Int = 0) -> Int? {
        guard let t = text(column) else {
            if required { fail(column, "is required") }
            return nil
        }
        guard let v = Int(t) else { fail(column, "'\(t.prefix(20))' is not a whole number"); return nil }
        guard v >= min else { fail(column, "\(v) is below \(min)"); return nil }
        return v
    }

    mutating func double(_ column: String, required: Bool = false) -> Double? {
        guard let t = text(column) else {
            if required { fail(column, "is required") }
            return nil
        }
        guard let v = Double(t), v.isFinite else { fail(column, "'\(t.prefix(20))' is not a number"); return nil }
        return v
    }

    mutating func code<T: CodeList>(_ column: String, _ type: T.Type, required: Bool = false) -> T? {
        guard let t = text(column) else {
            if required { fail(column, "is required") }
            return nil
        }
        do { return try T.parse(t) } catch { fail(column, error.message); return nil }
    }

    mutating func bool(_ column: String) -> Bool {
        guard let t = text(column)?.lowercased() else { return false }
        switch t {
        case "1", "y", "yes", "true": return true
        case "0", "n", "no", "false": return false
        default: fail(column, "'\(t.prefix(10))' is not yes/no"); return false
        }
    }

    mutating func upn(_ column: String) -> UPN? {
        guard let t = text(column) else { return nil }
        do { return try UPN(t) } catch { fail(column, error.message); return nil }
    }

    mutating func flags(_ column: String) -> FlagSet {
        guard let t = text(column) else { return FlagSet() }
        do { return try FlagSet.parse(t) } catch { fail(column, error.message); return FlagSet() }
    }

    mutating func closures(_ column: String) -> [Closure] {
        guard let t = text(column) else { return [] }
        do { return try Closure.parseList(t) } catch { fail(column, error.message); return [] }
    }

    mutating func id(_ column: String = "id") -> Int64? {
        guard let t = text(column) else { return nil }
        guard let v = Int64(t), v > 0 else { fail(column, "'\(t.prefix(20))' is not a record id"); return nil }
        return v
    }

    /// Names and refs must be printable single-line text of sensible length.
    /// A server login (lowercased), or nil when empty; one the server would not take is an error.
    mutating func login(_ column: String) -> String? {
        guard let v = name(column, required: false)?.lowercased(), !v.isEmpty else { return nil }
        if let problem = Officer.loginProblem(v) { fail(column, "'\(v)' \(problem)"); return nil }
        return v
    }

    mutating func name(_ column: String, required: Bool = true, maxLength: Int = 100) -> String? {
        guard let t = text(column) else {
            if required { fail(column, "is required") }
            return nil
        }
        if t.count > maxLength { fail(column, "is \(t.count) characters; the limit is \(maxLength)"); return nil }
        if let problem = NameText.problem(t) { fail(column, problem); return nil }
        // One spelling per name: "Zoë" typed with a combining diaeresis is stored as the one character.
        return t.precomposedStringWithCanonicalMapping
    }
}

/// Formats values back into the text the importer reads.
enum CSVField {
    static func date(_ d: SchoolDate?) -> String { d?.iso ?? "" }
    static func int(_ v: Int?) -> String { v.map(String.init) ?? "" }
    static func double(_ v: Double?) -> String { v.map(formatDays) ?? "" }
    static func bool(_ v: Bool) -> String { v ? "yes" : "no" }
    static func id(_ v: Int64?) -> String { v.map(String.init) ?? "" }
}

extension Error {
    /// The message a person should read, for errors caught where typed throws are not inferred.
    var message: String { (self as? ValidationError)?.message ?? String(describing: self) }
    var field: String? { (self as? ValidationError)?.field }
}
