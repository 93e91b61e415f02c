import OnRollCore

/// A row the importer refuses inside the write transaction, already phrased `FILE:LINE: column: reason`.
struct ImportRefusal: Error {
    var message: String
}

/// Where a row came from, for refusals and chronology lines.
struct RowOrigin {
    var file: String
    var line: Int
    /// The row's `version` cell, nil when the file has no version column or the cell is empty.
    var version: Int?
}

extension WriteContext {
    /// Checks a re-imported row against the record it names (ReimportRule) and returns what it
    /// changes: empty when nothing visible changes. Throws an `ImportRefusal` naming who made the
    /// change the row would undo. Runs inside the import's write transaction, so the facts it reads
    /// are the ones the write sees.
    func reimportChanges<E>(_ codec: Codec<E>, old: E, merged: E, from row: RowOrigin, keyColumn: String,
                            updateExisting: Bool) throws -> [FieldChange] {
        let changes = ImportChanges.between(codec, old, merged)
        let oldCase = old as? Case, newCase = merged as? Case
        let verdict = ReimportRule.judge(changed: changes.map(\.column), stored: (old as? any VersionedRecord)?.version,
                                         file: row.version, closedBefore: oldCase?.status == .closed,
                                         closedAfter: newCase?.status == .closed, updateExisting: updateExisting)
        let at = "\(row.file):\(row.line)"
        switch verdict {
        case .unchanged, .apply:
            return changes
        case .reopens:
            let ref = old.auditKey
            let by = try lastChange(entity: E.entity, key: ref, op: .caseClose) ?? lastChange(entity: E.entity, key: ref)
            throw ImportRefusal(message: "\(at): status: \(ref) was closed by \(Self.who(by)); import cannot reopen a closed case: "
                                + "reopen it with `onroll case status \(ref) \(newCase?.status.rawValue ?? "open")` if that is meant")
        case .stale:
            let by = try lastChange(entity: E.entity, key: old.auditKey)
            throw ImportRefusal(message: "\(at): \(keyColumn): changed by \(Self.who(by)) since this file was made")
        case .newer:
            let stored = (old as? any VersionedRecord)?.version ?? 0
            throw ImportRefusal(message: "\(at): version: \(row.version ?? 0) is newer than the stored record's version \(stored); "
                                + "was this file exported from another store? Re-export from this one")
        case .unversioned:
            let subject = ["ref", "urn", "id", codec.keyColumn].contains(keyColumn) ? old.auditKey : codec.describe(old)
            let fields = changes.map(\.column).sorted().joined(separator: ", ")
            let next = codec.versioned ? "re-export to get versions, or pass --update-existing" : "pass --update-existing if that is meant"
            throw ImportRefusal(message: "\(at): \(keyColumn): \(subject) already exists and this row would change it (\(fields)); \(next)")
        }
    }

    /// One chronology line per changed field on the case the record belongs to, dated with the
    /// transaction's own time (an import has no --today of its own).
    func chronicleImport(caseRef: String, _ changes: [FieldChange], file: String) throws {
        let date = (try? SchoolDate.parse(String(now.prefix(10)))) ?? Store.clockToday()
        for c in changes {
            try chronicle(caseRef, date: date, kind: ImportChanges.chronologyKind(c),
                          text: ImportChanges.chronologyText(file: file, c))
        }
    }

    static func who(_ e: AuditEntry?) -> String {
        e.map { "\($0.user) at \($0.at)" } ?? "someone else"
    }
}
