/// Whether a row may change the stored record it names (issue 12: re-importing an old file never
/// silently reverts a newer change). Pure: the importer looks up the facts and phrases the refusal.
enum ReimportRule {
    enum Verdict: Equatable {
        /// Nothing the file shows differs from the store (whatever version the row carries: an old
        /// file that agrees with the store reverts nothing).
        case unchanged
        case apply
        /// The row would move a closed case back to an open status.
        case reopens
        /// The row was exported before the record's latest change.
        case stale
        /// The row claims a version the store never reached (a file from another store, or edited).
        case newer
        /// The row has no version, so nobody can tell whether it is older than the store.
        case unversioned
    }

    /// - Parameters:
    ///   - changed: the columns the row changes (empty: nothing visible changes).
    ///   - stored: the stored record's version, nil for a kind that has none.
    ///   - file: the row's `version` cell, nil when the column is absent or the cell empty.
    ///   - closedBefore/closedAfter: for a case, whether it is closed in the store and in the row.
    static func judge(changed: [String], stored: Int?, file: Int?, closedBefore: Bool, closedAfter: Bool,
                      updateExisting: Bool) -> Verdict {
        if changed.isEmpty { return .unchanged }
        // Reopening is refused first and always: no version and no flag makes an import the way to
        // undo a closure, which the officer who closed it recorded with a reason.
        if closedBefore && !closedAfter { return .reopens }
        if let s = stored, let f = file {
            if f < s { return .stale }
            if f > s { return .newer }
            return .apply  // the same version: the officer's own edit of the exported file
        }
        return updateExisting ? .apply : .unversioned
    }
}
