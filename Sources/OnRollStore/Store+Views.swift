import GRDB
import OnRollCore

/// Reading personal data is audited as well as changing it: trusted case systems record who looked,
/// not only who edited. Each output that carries children's details writes one `view` entry.
///
/// A read-only store (an auditor's copy on read-only media) has nowhere to write the entry: the read is
/// still given, unlogged, and the caller says so (`readsAreLogged`), rather than refusing the read.
extension Store {
    /// False on a read-only store: a `view` entry there is skipped, and the reader should be told.
    public var readsAreLogged: Bool { !isReadOnly }

    /// Told each time a read goes unlogged on a read-only store (the CLI warns once on stderr).
    nonisolated(unsafe) public static var onUnloggedRead: ((Store) -> Void)?

    private func unlogged() -> Bool {
        if readsAreLogged { return false }
        Store.onUnloggedRead?(self)
        return true
    }

    /// Logs that someone looked at a child's case (`show`, the console).
    public func logView(user: String, caseRef: String, via: String) throws {
        if unlogged() { return }
        try logRead(user: user, entity: "case", entityId: caseRef, caseRef: caseRef, summary: "\(caseRef): viewed (\(via))")
    }

    /// Logs one read of personal data that is not a single case (an export, minutes, a report) and
    /// returns the head after it, to print on the document so it anchors the chain including this read.
    @discardableResult
    public func logRead(user: String, entity: String, entityId: String, caseRef: String? = nil, summary: String) throws -> AuditHead {
        if unlogged() { return try head() }
        return try write(user: user) { ctx in
            try ctx.audit(op: .view, entity: entity, entityId: entityId, caseRef: caseRef, summary: summary)
            return try Store.head(ctx.db)
        }
    }

    /// Logs a read of a child's own record (out-of-school: address, parents), filed under the child's
    /// first open case as the record's changes are, so `log REF` shows who looked.
    public func logChildView(user: String, childRef: String, via: String) throws {
        if unlogged() { return }
        try write(user: user) { ctx in
            let caseRef = try openCaseRefs(ctx.db, childRef: childRef).first
            try ctx.audit(op: .view, entity: "child", entityId: childRef, caseRef: caseRef, summary: "\(childRef): viewed (\(via))")
        }
    }
}
