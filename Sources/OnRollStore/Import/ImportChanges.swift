import OnRollCore

extension Codec where E: VersionedRecord {
    /// The same format plus a trailing `version` column. An export carries each record's version so a
    /// re-import can tell "the officer edited this row" (same version) from "this file is older than
    /// the store" (lower version). Decoding leaves the record's own version alone: the importer reads
    /// the column itself, and a new record is inserted at whatever version insert gives it.
    func withVersion() -> Codec<E> {
        var c = self
        let encode = self.encode
        c.columns.append("version")
        c.encode = { e in encode(e) + [String(e.version)] }
        c.versioned = true
        return c
    }
}

/// One column a re-imported row changes, as the CSV text before and after.
struct FieldChange: Equatable, Sendable {
    var column: String
    var before: String
    var after: String
}

/// What a re-imported row changes, and how those changes are told to the officer.
enum ImportChanges {
    /// The columns whose text differs between the stored record and the row, in the file's column
    /// order. Compared as CSV text, so a change is exactly what the officer sees in the file; the
    /// `version` column is not a change (the merged record carries the stored version).
    static func between<E>(_ codec: Codec<E>, _ old: E, _ new: E) -> [FieldChange] {
        let a = codec.encode(old), b = codec.encode(new)
        return zip(codec.columns, zip(a, b)).compactMap { column, pair in
            column == "version" || pair.0 == pair.1 ? nil : FieldChange(column: column, before: pair.0, after: pair.1)
        }
    }

    /// `import cases.csv: owner asha.patel → tom.reid`: one chronology line per changed field, in the
    /// same "field old → new" form as `case assign` and `case status`, naming the file (its last path
    /// component: where it sat on the officer's disk is noise in a child's record). Long free text is
    /// cut at 60 characters; the audit entry keeps both versions in full.
    static func chronologyText(file: String, _ c: FieldChange) -> String {
        "import \(baseName(file)): \(c.column.replacingOccurrences(of: "_", with: " ")) \(shown(c.before)) → \(shown(c.after))"
    }

    /// The chronology kind a change files under, as the matching case command would.
    static func chronologyKind(_ c: FieldChange) -> ChronologyEntry.Kind {
        switch c.column {
        case "owner": .owner
        case "status": c.after == CaseStatus.closed.rawValue ? .closed : .status
        default: .status
        }
    }

    static func shown(_ value: String) -> String {
        let flat = value.split(whereSeparator: \.isNewline).joined(separator: " ")
        if flat.isEmpty { return "none" }
        return flat.count > 60 ? String(flat.prefix(59)) + "…" : flat
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
