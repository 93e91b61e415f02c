import Foundation

/// This machine's memory of how far each store's audit chain has reached: one small file per store
/// under `$XDG_STATE_HOME/onroll/` (default `~/.local/state/onroll/`), named by the store's identity
/// (the hash of its first audit entry) and holding the highest position and hash seen.
///
/// The file alone cannot prove it was not cut short or swapped for an older copy: a chain truncated at
/// any entry still verifies. A head remembered outside the file can, as long as whoever cut the file
/// could not also reach every officer's witness.
public struct Witness: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$XDG_STATE_HOME/onroll`, else `~/.local/state/onroll` (the XDG base-directory default).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> Witness {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
        return Witness(directory: (base as NSString).appendingPathComponent("onroll"))
    }

    func file(_ identity: String) -> String {
        (directory as NSString).appendingPathComponent("\(identity).head")
    }

    /// The head last witnessed for the store, if any ("POSITION HASH" on one line).
    public func head(identity: String) -> AuditHead? {
        guard let text = try? String(contentsOfFile: file(identity), encoding: .utf8) else { return nil }
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, let position = Int64(parts[0]), parts[1].count == 64 else { return nil }
        return AuditHead(position: position, hash: String(parts[1]))
    }

    /// Records `head` unless a higher one is already witnessed (another process may have got further
    /// meanwhile; the witness must never step back). Directory 0700, file 0600, temp + rename.
    public func record(_ head: AuditHead, identity: String, store: String) throws {
        if let seen = self.head(identity: identity), seen.position >= head.position { return }
        try OutputFile.directory(directory, protecting: store)
        try OutputFile.write("\(head.position) \(head.hash)\n", to: file(identity), protecting: store)
    }
}

extension Store {
    /// Compares the store with this machine's witness. Nil when the chain extends what was seen (or
    /// nothing was seen yet); otherwise the problem, naming the witnessed position and hash.
    public func witnessProblem(_ witness: Witness) throws -> String? {
        guard let id = try identity(), let seen = witness.head(identity: id) else { return nil }
        return try divergence(from: seen)
    }

    /// Advances the witness to the current head (only ever forwards).
    public func advanceWitness(_ witness: Witness) throws {
        guard let id = try identity() else { return }
        try witness.record(try head(), identity: id, store: path)
    }
}
