import GRDB
import OnRollCore

/// Refs as a person types them: `wm-00001` finds WM-00001. The store keeps refs as they were first
/// spelt (imports may bring any case), so a lookup that ignores case returns the stored spelling, and
/// every write goes on under that. The console only ever passes stored refs and does not need this.
extension Store {
    /// The stored spelling of a case ref: the exact ref if there is one, else the one ref that matches
    /// ignoring case. A ref that matches nothing comes back as typed, so the caller's own
    /// "no case with ref …" error (exit 67) still names what was typed.
    public func resolveCaseRef(_ typed: String) throws -> String {
        try resolve(typed, table: Case.databaseTableName, noun: "case")
    }

    /// The stored spelling of a child ref, as `resolveCaseRef` does for cases.
    public func resolveChildRef(_ typed: String) throws -> String {
        try resolve(typed, table: Child.databaseTableName, noun: "child")
    }

    private func resolve(_ typed: String, table: String, noun: String) throws -> String {
        try read { db in
            // The primary key first: the usual case, and the only way to reach one of two refs that differ only in case.
            if try String.fetchOne(db, sql: "SELECT ref FROM \(table) WHERE ref = ?", arguments: [typed]) != nil { return typed }
            let near = try String.fetchAll(db, sql: "SELECT ref FROM \(table) WHERE lower(ref) = lower(?) ORDER BY ref LIMIT 10",
                                           arguments: [typed])
            switch near.count {
            case 0: return typed
            case 1: return near[0]
            default:
                throw StoreError.notFound("no \(noun) with ref \(typed); \(near.joined(separator: " and ")) differ only in case: type one exactly")
            }
        }
    }
}
