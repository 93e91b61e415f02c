import GRDB
import OnRollCore

/// Keeps `caseSummary` and its search index in step with the cases: called inside the transaction of
/// every write (for what it touched) and by a read that finds summaries stale for its today.
enum SummaryWriter {
    /// Refreshes the summaries a write touched, assessed for `today`, before the write commits.
    static func refresh(_ store: Store, _ ctx: WriteContext, today: SchoolDate) throws {
        let t = ctx.touched
        guard !t.isEmpty else { return }
        let db = ctx.db
        if t.everything {
            // Term dates or settings changed: every case's clocks or score may move. Assessing them all
            // here would hold the write lock for seconds on a large caseload; they are marked out of date
            // instead, in this transaction, and the next read assesses them (with progress shown).
            try db.execute(sql: "UPDATE caseSummary SET validUntil = asOf")
            return
        }
        // Each lookup takes its keys as one JSON array: an import touches tens of thousands of rows, more
        // than either backend takes as separate parameters.
        func lookup(_ column: String, of table: String, where key: String, in keys: [String], integers: Bool = false) throws -> [String] {
            guard !keys.isEmpty else { return [] }
            let value = integers ? "CAST(value AS INTEGER)" : "value"
            return try String.fetchAll(db, sql: "SELECT \(column) FROM \(table) WHERE \(key) IN (SELECT \(value) FROM json_each(?))",
                                       arguments: [try CanonicalJSON.encodeArray(keys)])
        }
        var refs = t.cases
        refs.formUnion(try lookup("caseRef", of: "plans", where: "id", in: t.plans.sorted().map(String.init), integers: true))
        var children = t.children
        children.formUnion(try lookup("childRef", of: "suspensions", where: "id", in: t.suspensions.sorted().map(String.init), integers: true))
        children.formUnion(try lookup("ref", of: "children", where: "schoolURN", in: t.schools.sorted()))
        refs.formUnion(try lookup("ref", of: "cases", where: "childRef", in: children.sorted()))
        if refs.count > recomputeLimit {
            // A big import: marked out of date now, assessed once by the next read rather than once per file.
            try db.execute(sql: "UPDATE caseSummary SET validUntil = asOf WHERE caseRef IN (SELECT value FROM json_each(?))",
                           arguments: [try CanonicalJSON.encodeArray(refs.sorted())])
            return
        }
        try recompute(store, db, refs: refs, today: today)
    }

    /// A case file's summary as a fresh assessment for `today` gives it, the calendar and the team's
    /// weights read once: the one way a summary is made (written, shown from a read-only copy, checked).
    static func summariser(_ store: Store, _ db: StoreDB, today: SchoolDate) throws -> (CaseFile) -> CaseSummary {
        let calendar = try store.calendar(db)
        let weights = try TriageWeights(overrides: Store.triageOverrides(try store.config(db)))
        return { f in
            CaseSummary.make(file: f, assessment: CaseAssessment.assess(file: f, calendar: calendar, today: today, weights: weights),
                             weights: weights)
        }
    }

    /// Above this many cases touched by one write, their summaries are marked out of date, not assessed.
    static let recomputeLimit = CaseParts.narrowLimit

    /// Assesses the named cases for `today` and stores their summaries.
    static func recompute(_ store: Store, _ db: StoreDB, refs: Set<String>, today: SchoolDate,
                          progress: ((Int, Int) -> Void)? = nil) throws {
        guard !refs.isEmpty else { return }
        let files = try store.caseFiles(db, refs: refs)
        let summarise = try summariser(store, db, today: today)
        for (i, f) in files.enumerated() {
            try upsert(db, summarise(f))
            if let progress, i % 1000 == 999 { progress(i + 1, files.count) }
        }
    }

    static func upsert(_ db: StoreDB, _ s: CaseSummary) throws {
        let values: StatementArguments = [
            s.caseRef, s.childRef, s.kind.rawValue, s.status.rawValue, s.owner, s.opened.dayNumber, s.nextReview?.dayNumber,
            s.childName, s.dob.dayNumber, s.schoolURN, s.schoolName, SummaryColumns.flags(s.flags), s.searchText,
            s.asOf.dayNumber, s.validUntil.dayNumber, s.fixedTenths, s.contactBase?.dayNumber, s.contactWeight,
            s.contactCap, s.overdue, s.nextDue?.dayNumber, s.nextDueTitle, s.openDue?.dayNumber, s.lastContact?.dayNumber,
            s.rulesVersion,
        ]
        // A server searches the summary's own text (no FTS5 there), so its row is all there is to write:
        // one statement, where the file's path is three (the row's id, then the index entry by it).
        if db.isServer {
            try db.cachedStatement(sql: "INSERT INTO caseSummary (\(SummaryColumns.names)) VALUES (\(SummaryColumns.placeholders)) "
                                   + "ON CONFLICT (caseRef) DO UPDATE SET \(SummaryColumns.fromInsert)").execute(arguments: values)
            return
        }
        let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM caseSummary WHERE caseRef = ?"), arguments: [s.caseRef])
        if let id {
            try db.cachedStatement(sql: "UPDATE caseSummary SET \(SummaryColumns.assignments) WHERE id = ?")
                .execute(arguments: values + [id])
            try db.cachedStatement(sql: "DELETE FROM caseSearch WHERE rowid = ?").execute(arguments: [id])
            try db.cachedStatement(sql: "INSERT INTO caseSearch(rowid, text) VALUES (?, ?)").execute(arguments: [id, s.searchText])
        } else {
            try db.cachedStatement(sql: "INSERT INTO caseSummary (\(SummaryColumns.names)) VALUES (\(SummaryColumns.placeholders))")
                .execute(arguments: values)
            try db.cachedStatement(sql: "INSERT INTO caseSearch(rowid, text) VALUES (?, ?)")
                .execute(arguments: [db.lastInsertedRowID, s.searchText])
        }
    }
}

/// The summary table's columns, in the order `upsert` binds them and `SummaryRow` reads them.
enum SummaryColumns {
    static let all = ["caseRef", "childRef", "kind", "status", "owner", "opened", "nextReview", "childName", "dob",
                      "schoolURN", "schoolName", "flags", "searchText", "asOf", "validUntil", "fixedTenths",
                      "contactBase", "contactWeight", "contactCap", "overdue", "nextDue", "nextDueTitle", "openDue",
                      "lastContact", "rulesVersion"]
    static let names = all.joined(separator: ", ")
    static let placeholders = all.map { _ in "?" }.joined(separator: ", ")
    static let assignments = all.map { "\($0) = ?" }.joined(separator: ", ")
    /// `SET` of an upsert: every column from the row that was to be inserted.
    static let fromInsert = all.filter { $0 != "caseRef" }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    /// `;LAC;CP;`: every flag between separators, so `instr(flags, ';CP;')` finds exactly one flag.
    static func flags(_ f: FlagSet) -> String { ";" + f.map(\.rawValue).joined(separator: ";") + ";" }

    /// The stored form read back; this runs once per row of every caseload read, so no parsing of
    /// free text: the column only ever holds what `flags(_:)` wrote.
    static func flags(_ text: String) -> FlagSet {
        guard text.utf8.count > 2 else { return FlagSet() }
        return FlagSet(text.split(separator: ";").compactMap { ChildFlag(rawValue: String($0)) })
    }
}
