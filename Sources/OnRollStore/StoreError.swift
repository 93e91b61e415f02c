import OnRollCore

/// Everything the store can refuse, each with a message that says what to do next.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// No store at the path (exit 66).
    case missing(String)
    /// `init` on a path that already holds a store.
    case exists(String)
    /// A ref or id that names nothing.
    case notFound(String)
    /// Someone else saved the record since it was read.
    case conflict(String)
    /// A value or a row that breaks a rule (exit 65, nothing written).
    case invalid(String)
    /// The import found bad rows; each is `FILE:LINE: column: reason`.
    case importRejected([String])
    /// The disk filled during a write; the transaction rolled back, so nothing was written (exit 1).
    case diskFull(String)
    /// The store file can't be written (read-only media, permissions); reading still works.
    case readOnly(String)
    /// The file given as the store is not one (empty, or not SQLite).
    case notAStore(String)
    /// A read-only store made by an older OnRoll: migrating it would be a write (exit 1).
    case needsUpgrade(String)
    /// The store stayed locked past the wait (another officer's save, or a colleague's import, named).
    case busy(String)
    /// The server store could not be reached, or went away mid-transaction; nothing unconfirmed is
    /// reported as saved (exit 69, sysexits' "service unavailable").
    case unavailable(String)
    /// The server went away while a save was being committed: it may or may not have been saved, so it
    /// must not be saved again blindly (exit 69, as unavailable).
    case unconfirmed(String)
    /// The server refused: this login's role may not do that (exit 77, sysexits' "permission denied").
    case denied(String)

    public var description: String {
        switch self {
        case .missing(let p): "no store at \(p): create one with `onroll init` (or `onroll init --sample`)"
        case .exists(let p): "a store already exists at \(p); refusing to overwrite it"
        case .notFound(let s): s
        case .conflict(let s): s
        case .invalid(let s): s
        case .importRejected(let lines): lines.joined(separator: "\n")
        case .diskFull(let what): "disk full: nothing was \(what)"
        case .readOnly(let p): "\(p) is read-only: it can be read (list, show, log, report, check, export), not changed"
        case .notAStore(let s): s
        case .needsUpgrade(let p): "\(p) is read-only and was made by an older OnRoll: open a writable copy once to upgrade it"
        case .busy(let s): s
        case .unavailable(let s): s
        case .unconfirmed(let s): s
        case .denied(let s): s
        }
    }
}
