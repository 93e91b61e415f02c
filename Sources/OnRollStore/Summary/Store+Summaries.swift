import GRDB
import OnRollCore

/// The caseload read model: filtered, ordered and paged in SQL, never by assessing every case.
extension Store {
    /// The caseload for `today`, most urgent first (as `AssessedCase.ranked`), filtered and paged.
    /// Summaries that are stale for `today` are assessed again first (`progress` hears how far).
    public func caseRows(today: SchoolDate, filter: CaseFilter = CaseFilter(), limit: Int? = nil, offset: Int = 0,
                         progress: ((Int, Int) -> Void)? = nil) throws -> [CaseRow] {
        if try !refreshSummaries(today: today, progress: progress) {
            // A read-only store can't keep its summaries: rank what it has, the stale ones assessed here.
            let all = try inMemoryRows(today: today).filter { filter.matches($0.summary) }
            return Array(all.dropFirst(offset).prefix(limit ?? Int.max))
        }
        return try read { db in try rows(db, today: today, filter: filter, limit: limit, offset: offset) }
    }

    /// The console's caseload and the change stamp it reflects, read in one snapshot: a change
    /// committed between two separate reads would be in neither, and the console would never see it.
    public func caseRowsSnapshot(today: SchoolDate, filter: CaseFilter = CaseFilter()) throws -> (rows: [CaseRow], stamp: Int64) {
        if try !refreshSummaries(today: today) {
            return try read { db in
                (try inMemoryRows(today: today).filter { filter.matches($0.summary) },
                 try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit") ?? 0)
            }
        }
        return try read { db in
            (try rows(db, today: today, filter: filter, limit: nil, offset: 0),
             try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit") ?? 0)
        }
    }

    /// One case's row for `today` (its summary assessed again first if stale); nil if there is no such case.
    public func caseRow(_ ref: String, today: SchoolDate) throws -> CaseRow? {
        let stale = try read { db in try SummarySQL.staleRefs(db, today: today, only: ref) }
        if !stale.isEmpty {
            if isReadOnly {
                return try read { db in
                    try caseFiles(db, refs: stale).first.map { f in
                        let weights = try TriageWeights(overrides: Store.triageOverrides(try config(db)))
                        let a = CaseAssessment.assess(file: f, calendar: try calendar(db), today: today, weights: weights)
                        let s = CaseSummary.make(file: f, assessment: a, weights: weights)
                        return CaseRow(summary: s, score: s.score(on: today))
                    }
                }
            }
            try pool.write { db in try SummaryWriter.recompute(self, db, refs: stale, today: today) }
        }
        var f = CaseFilter(); f.includeClosed = true
        return try read { db in
            try rows(db, today: today, filter: f, limit: 1, offset: 0, only: ref).first
        }
    }

    func rows(_ db: Database, today: SchoolDate, filter: CaseFilter, limit: Int?, offset: Int, only ref: String? = nil) throws -> [CaseRow] {
        var (whereSQL, args) = SummarySQL.filter(filter)
        if let ref { whereSQL += " AND caseRef = ?"; args.append(ref) }
        var sql = "SELECT *, \(SummarySQL.tenths) AS scoreTenths FROM caseSummary WHERE \(whereSQL) "
            + "ORDER BY scoreTenths DESC, opened, caseRef"
        var arguments = StatementArguments([today.dayNumber] as [DatabaseValueConvertible?] + args)
        if let limit { sql += " LIMIT ? OFFSET ?"; arguments += [limit, offset] }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(SummarySQL.row)
    }

    /// How many cases match, for `today` (a count of the rows `caseRows` would page through).
    public func caseRowCount(today: SchoolDate, filter: CaseFilter = CaseFilter()) throws -> Int {
        if try !refreshSummaries(today: today) { return try inMemoryRows(today: today).filter { filter.matches($0.summary) }.count }
        return try read { db in
            let (whereSQL, args) = SummarySQL.filter(filter)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM caseSummary WHERE \(whereSQL)", arguments: StatementArguments(args)) ?? 0
        }
    }

    /// Assesses again every summary that is missing or stale for `today`, in one transaction.
    /// Returns false when the store is read-only (nothing can be kept).
    @discardableResult
    func refreshSummaries(today: SchoolDate, progress: ((Int, Int) -> Void)? = nil) throws -> Bool {
        let stale = try read { db in try SummarySQL.staleRefs(db, today: today) }
        guard !stale.isEmpty else { return true }
        guard !isReadOnly else { return false }
        // Derived data, not a record: written without an audit entry, and only what is still stale
        // once the write lock is held (another process may have just done it).
        try pool.write { db in
            let still = try SummarySQL.staleRefs(db, today: today)
            try SummaryWriter.recompute(self, db, refs: still, today: today, progress: progress)
        }
        return true
    }

    /// Every case's summary for `today`, ranked, without writing: the stored ones that are current and
    /// the rest assessed now.
    func inMemoryRows(today: SchoolDate) throws -> [CaseRow] {
        try read { db in
            let stale = try SummarySQL.staleRefs(db, today: today)
            let weights = try TriageWeights(overrides: Store.triageOverrides(try config(db)))
            let calendar = SchoolCalendar(rows: try TermDates.order(Column("start")).fetchAll(db))
            var rows = try Row.fetchAll(db, sql: "SELECT *, 0 AS scoreTenths FROM caseSummary").map(SummarySQL.row)
                .filter { !stale.contains($0.ref) }
            for f in try caseFiles(db, refs: stale) {
                let a = CaseAssessment.assess(file: f, calendar: calendar, today: today, weights: weights)
                rows.append(CaseRow(summary: CaseSummary.make(file: f, assessment: a, weights: weights), score: 0))
            }
            for i in rows.indices { rows[i].score = rows[i].summary.score(on: today) }
            return CaseRow.ranked(rows)
        }
    }
}

/// The SQL of the read model, beside the Swift it mirrors (CaseSummary.score, CaseFilter.matches).
enum SummarySQL {
    /// The score in tenths for the day bound first: the fixed part plus the contact term, as
    /// `CaseSummary.contactTenths` computes it.
    static let tenths = """
        (fixedTenths + CASE WHEN contactBase IS NULL THEN 0 ELSE \
        CAST(ROUND((contactWeight * MIN(MAX(0, ?1 - contactBase - \(CaseSummary.contactGrace)), contactCap)) * 10) AS INTEGER) END)
        """

    /// Cases with no summary, or one that is stale for `today`.
    static func staleRefs(_ db: Database, today: SchoolDate, only ref: String? = nil) throws -> Set<String> {
        let one = ref == nil ? "" : " AND caseRef = ?"
        let args: [DatabaseValueConvertible] = [CaseSummary.rulesVersion, today.dayNumber, today.dayNumber] + (ref.map { [$0] } ?? [])
        var refs = Set(try String.fetchAll(db, sql: """
            SELECT caseRef FROM caseSummary WHERE (rulesVersion != ? OR asOf > ? OR validUntil <= ?)\(one)
            """, arguments: StatementArguments(args)))
        refs.formUnion(try String.fetchAll(db, sql: "SELECT ref FROM cases WHERE ref NOT IN (SELECT caseRef FROM caseSummary)"
                                              + (ref == nil ? "" : " AND ref = ?"), arguments: StatementArguments(ref.map { [$0] } ?? [])))
        return refs
    }

    /// The WHERE clause of a filter and its arguments (after the day, which is `?1`).
    static func filter(_ f: CaseFilter) -> (String, [DatabaseValueConvertible?]) {
        var clauses: [String] = [], args: [DatabaseValueConvertible?] = []
        if !f.includeClosed, f.status == nil { clauses.append("status != 'closed'") }
        if !f.kinds.isEmpty {
            clauses.append("kind IN (\(f.kinds.map { _ in "?" }.joined(separator: ",")))")
            args += f.kinds.map(\.rawValue).sorted()
        }
        if let s = f.status { clauses.append("status = ?"); args.append(s.rawValue) }
        if let u = f.schoolURN { clauses.append("schoolURN = ?"); args.append(u) }
        if let o = f.owner { clauses.append("COALESCE(owner, '') = ? COLLATE NOCASE"); args.append(o) }
        if let fl = f.flag { clauses.append("instr(flags, ?) > 0"); args.append(";\(fl.rawValue);") }
        if f.overdueOnly { clauses.append("overdue") }
        for w in f.searchWords {
            // The trigram index finds candidates for a word of three letters or more; instr keeps the
            // exact rule (the folded word appears in the folded text) for every word.
            if w.count >= 3 {
                clauses.append("id IN (SELECT rowid FROM caseSearch WHERE caseSearch MATCH ?)")
                args.append("\"" + w.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
            }
            clauses.append("instr(searchText, ?) > 0"); args.append(w)
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), args)
    }

    static func row(_ r: Row) -> CaseRow {
        func date(_ c: String) -> SchoolDate? { (r[c] as Int?).map(SchoolDate.init(dayNumber:)) }
        let flagText: String = r["flags"]
        let summary = CaseSummary(
            caseRef: r["caseRef"], childRef: r["childRef"],
            kind: CaseKind(rawValue: r["kind"]) ?? .ebsa, status: CaseStatus(rawValue: r["status"]) ?? .open,
            owner: r["owner"], opened: date("opened")!, nextReview: date("nextReview"), childName: r["childName"],
            dob: date("dob")!, schoolURN: r["schoolURN"], schoolName: r["schoolName"],
            flags: (try? FlagSet.parse(flagText)) ?? FlagSet(), searchText: r["searchText"],
            asOf: date("asOf")!, validUntil: date("validUntil")!, fixedTenths: r["fixedTenths"],
            contactBase: date("contactBase"), contactWeight: r["contactWeight"], contactCap: r["contactCap"],
            overdue: r["overdue"], nextDue: date("nextDue"), nextDueTitle: r["nextDueTitle"], openDue: date("openDue"),
            lastContact: date("lastContact"), rulesVersion: r["rulesVersion"])
        return CaseRow(summary: summary, score: Double(r["scoreTenths"] as Int) / 10)
    }
}
