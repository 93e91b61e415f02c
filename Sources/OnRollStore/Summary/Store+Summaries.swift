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
                 try Store.changeStamp(db))
            }
        }
        return try read { db in
            (try rows(db, today: today, filter: filter, limit: nil, offset: 0),
             try Store.changeStamp(db))
        }
    }

    /// The top of the caseload as the stored summaries rank it for `today`, without assessing anything:
    /// what the console draws first, before `caseRowsSnapshot` re-ranks the whole caseload. `stale` counts
    /// the summaries that are out of date for `today` (their rows may move once they are assessed again).
    public func caseRowsFirstPage(today: SchoolDate, limit: Int) throws -> CaseRowsPage {
        try read { db in
            let (whereSQL, args) = SummarySQL.filter(CaseFilter(), db)
            // The open cases, every summary and the out-of-date ones, counted in one pass over the summaries
            // (three passes were most of a server's first frame at 100,000 cases).
            let counts = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(CASE WHEN \(whereSQL) THEN 1 ELSE 0 END), 0) AS matching, COUNT(*) AS summaries,
                       COALESCE(SUM(CASE WHEN \(SummarySQL.outOfDate) THEN 1 ELSE 0 END), 0) AS stale
                FROM caseSummary
                """, arguments: StatementArguments(args + [CaseSummary.rulesVersion, today.dayNumber, today.dayNumber]))
            let total: Int = counts?["matching"] ?? 0, summaries: Int = counts?["summaries"] ?? 0
            // Every case has its summary unless the store was just upgraded: two counts tell, no join.
            let cases = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases") ?? 0
            let missing = cases == summaries ? 0
                : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases WHERE status != 'closed' AND \(SummarySQL.noSummary)") ?? 0
            // A case's score is its fixed part plus a contact term between 0 and weight × cap, so none
            // outside the top `limit` by fixed part, less that most, can reach the top `limit` by score:
            // the index on the fixed part gives a few hundred candidates, not every case sorted.
            let weights = try TriageWeights(overrides: Store.triageOverrides(try config(db)))
            let cap = TriageWeights.factor(CaseSummary.contactFactor)?.cap ?? .infinity
            let most = weights.value(CaseSummary.contactFactor) * cap * 10
            var floor: Int?
            if most.isFinite, most >= 0, let kth = try Int.fetchOne(db, sql: """
                SELECT fixedTenths FROM caseSummary WHERE \(whereSQL) ORDER BY fixedTenths DESC LIMIT 1 OFFSET ?
                """, arguments: StatementArguments(args + [max(0, limit - 1)])) {
                floor = kth - Int(most.rounded(.up))
            }
            return CaseRowsPage(rows: try rows(db, today: today, filter: CaseFilter(), limit: limit, offset: 0, minFixed: floor),
                                total: total + missing,
                                stale: (counts?["stale"] ?? 0) + max(0, cases - summaries))
        }
    }

    /// One case's row for `today` (its summary assessed again first if stale); nil if there is no such case.
    public func caseRow(_ ref: String, today: SchoolDate) throws -> CaseRow? {
        let stale = try read { db in try SummarySQL.staleRefs(db, today: today, only: ref) }
        if !stale.isEmpty {
            if isReadOnly {
                return try read { db in
                    let summarise = try SummaryWriter.summariser(self, db, today: today)
                    return try caseFiles(db, refs: stale).first.map { f in
                        let s = summarise(f)
                        return CaseRow(summary: s, score: s.score(on: today))
                    }
                }
            }
            try writeDerived { db in try SummaryWriter.recompute(self, db, refs: stale, today: today) }
        }
        var f = CaseFilter(); f.includeClosed = true
        return try read { db in
            try rows(db, today: today, filter: f, limit: 1, offset: 0, only: ref).first
        }
    }

    func rows(_ db: StoreDB, today: SchoolDate, filter: CaseFilter, limit: Int?, offset: Int, only ref: String? = nil,
              minFixed: Int? = nil) throws -> [CaseRow] {
        var (whereSQL, args) = SummarySQL.filter(filter, db)
        if let ref { whereSQL += " AND caseRef = ?"; args.append(ref) }
        if let minFixed { whereSQL += " AND fixedTenths >= ?"; args.append(minFixed) }
        var sql = "SELECT \(SummaryColumns.names), \(SummarySQL.tenths) AS scoreTenths FROM caseSummary WHERE \(whereSQL) "
            + SummarySQL.order
        var arguments = StatementArguments([today.dayNumber] as [DatabaseValueConvertible?] + args)
        if let limit { sql += " LIMIT ? OFFSET ?"; arguments += [limit, offset] }
        // A cursor, read by position: a name lookup per column per row was a fifth of `list`'s time.
        var out: [CaseRow] = []
        let cursor = try PositionalRow.fetchCursor(db, sql: sql, arguments: arguments)
        while let r = try cursor.next() { out.append(SummarySQL.row(r)) }
        return out
    }

    /// The caseload as `list` prints it, in the caseload's order for `today`, each line handed to `body`
    /// as it is read: only the printed columns are selected and nothing is held but the line in hand
    /// (a whole `[CaseRow]` of 100,000 was most of `list`'s time and memory).
    public func listCases(today: SchoolDate, filter: CaseFilter = CaseFilter(), _ body: (CaseListing) throws -> Void) throws {
        if try !refreshSummaries(today: today) {
            for r in try inMemoryRows(today: today) where filter.matches(r.summary) { try body(CaseListing(r)) }
            return
        }
        try read { db in
            let (whereSQL, args) = SummarySQL.filter(filter, db)
            let cursor = try PositionalRow.fetchCursor(db, sql: """
                SELECT \(SummarySQL.listingColumns), \(SummarySQL.tenths) AS scoreTenths FROM caseSummary
                WHERE \(whereSQL) \(SummarySQL.order)
                """, arguments: StatementArguments([today.dayNumber] as [DatabaseValueConvertible?] + args))
            while let r = try cursor.next() { try body(SummarySQL.listing(r)) }
        }
    }

    /// How many cases match, for `today` (a count of the rows `caseRows` would page through).
    public func caseRowCount(today: SchoolDate, filter: CaseFilter = CaseFilter()) throws -> Int {
        if try !refreshSummaries(today: today) { return try inMemoryRows(today: today).filter { filter.matches($0.summary) }.count }
        return try read { db in
            let (whereSQL, args) = SummarySQL.filter(filter, db)
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
        try writeDerived { db in
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
            let summarise = try SummaryWriter.summariser(self, db, today: today)
            var rows = try PositionalRow.fetchAll(db, sql: "SELECT \(SummaryColumns.names), 0 AS scoreTenths FROM caseSummary").map(SummarySQL.row)
                .filter { !stale.contains($0.ref) }
            for f in try caseFiles(db, refs: stale) { rows.append(CaseRow(summary: summarise(f), score: 0)) }
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

    /// The caseload's order (`CaseRow.ranked`), over a select that names the score `scoreTenths`.
    static let order = "ORDER BY scoreTenths DESC, opened, caseRef"

    /// Cases with no summary, or one that is stale for `today`.
    static func staleRefs(_ db: StoreDB, today: SchoolDate, only ref: String? = nil) throws -> Set<String> {
        // One statement for both kinds (a round trip less on a server).
        let one = ref == nil ? "" : " AND caseRef = ?"
        let args: [DatabaseValueConvertible] = [CaseSummary.rulesVersion, today.dayNumber, today.dayNumber]
            + (ref.map { [$0, $0] } ?? [])
        return Set(try String.fetchAll(db, sql: """
            SELECT caseRef FROM caseSummary WHERE (\(outOfDate))\(one)
            UNION ALL
            SELECT ref FROM cases WHERE \(noSummary)\(ref == nil ? "" : " AND ref = ?")
            """, arguments: StatementArguments(args)))
    }

    /// A case with no summary row: an anti-join on the summary's key (NOT IN ran on a server as a scan
    /// of every summary).
    static let noSummary = "NOT EXISTS (SELECT 1 FROM caseSummary s WHERE s.caseRef = cases.ref)"

    /// A summary made under other rules, for a later day, or past the date it held until.
    static let outOfDate = "rulesVersion != ? OR asOf > ? OR validUntil <= ?"

    /// The WHERE clause of a filter and its arguments (after the day, which is `?1`).
    static func filter(_ f: CaseFilter, _ db: StoreDB) -> (String, [DatabaseValueConvertible?]) {
        var clauses: [String] = [], args: [DatabaseValueConvertible?] = []
        if !f.includeClosed, f.status == nil { clauses.append("status != 'closed'") }
        if !f.kinds.isEmpty {
            clauses.append("kind IN (\(f.kinds.map { _ in "?" }.joined(separator: ",")))")
            args += f.kinds.map(\.rawValue).sorted()
        }
        if let s = f.status { clauses.append("status = ?"); args.append(s.rawValue) }
        if let u = f.schoolURN { clauses.append("schoolURN = ?"); args.append(u) }
        if let o = f.owner { clauses.append("lower(COALESCE(owner, '')) = lower(?)"); args.append(o) }
        if let fl = f.flag { clauses.append("instr(flags, ?) > 0"); args.append(";\(fl.rawValue);") }
        if f.overdueOnly { clauses.append("overdue != 0") }
        for w in f.searchWords {
            // The trigram index finds candidates for a word of three letters or more; instr keeps the
            // exact rule (the folded word appears in the folded text) for every word.
            if w.count >= 3, !db.isServer {
                clauses.append("id IN (SELECT rowid FROM caseSearch WHERE caseSearch MATCH ?)")
                args.append("\"" + w.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
            }
            clauses.append("instr(searchText, ?) > 0"); args.append(w)
        }
        return (clauses.isEmpty ? "1 = 1" : clauses.joined(separator: " AND "), args)
    }

    /// A row selected as `SummaryColumns.names, <score in tenths>`, read by position in that order.
    static func row(_ r: PositionalRow) -> CaseRow {
        func date(_ i: Int) -> SchoolDate? { r.integer(i).map(SchoolDate.init(dayNumber:)) }
        let summary = CaseSummary(
            caseRef: r.text(0)!, childRef: r.text(1)!,
            kind: CaseKind(rawValue: r.text(2)!) ?? .ebsa, status: CaseStatus(rawValue: r.text(3)!) ?? .open,
            owner: r.text(4), opened: date(5)!, nextReview: date(6), childName: r.text(7)!,
            dob: date(8)!, schoolURN: r.text(9), schoolName: r.text(10),
            flags: SummaryColumns.flags(r.text(11)!), searchText: r.text(12)!,
            asOf: date(13)!, validUntil: date(14)!, fixedTenths: r.integer(15)!,
            contactBase: date(16), contactWeight: r[17], contactCap: r[18],
            overdue: r.integer(19)! != 0, nextDue: date(20), nextDueTitle: r.text(21), openDue: date(22),
            lastContact: date(23), rulesVersion: r.integer(24)!)
        return CaseRow(summary: summary, score: Double(r.integer(25)!) / 10)
    }

    /// The columns of a `CaseListing`, in the order `listing` reads them.
    static let listingColumns = "caseRef, childRef, childName, dob, kind, status, owner, opened, nextReview, schoolURN, schoolName, flags, overdue"

    /// A row selected as `listingColumns, <score in tenths>`.
    static func listing(_ r: PositionalRow) -> CaseListing {
        CaseListing(ref: r.text(0)!, childRef: r.text(1)!, childName: r.text(2)!, dob: SchoolDate(dayNumber: r.integer(3)!),
                    kind: CaseKind(rawValue: r.text(4)!) ?? .ebsa, status: CaseStatus(rawValue: r.text(5)!) ?? .open,
                    owner: r.text(6), opened: SchoolDate(dayNumber: r.integer(7)!),
                    nextReview: r.integer(8).map(SchoolDate.init(dayNumber:)), schoolURN: r.text(9), schoolName: r.text(10),
                    flags: SummaryColumns.flags(r.text(11)!), isOverdue: r.integer(12)! != 0, scoreTenths: r.integer(13)!)
    }
}

/// The first page of the caseload, read before the rest (`Store.caseRowsFirstPage`).
public struct CaseRowsPage: Sendable {
    public var rows: [CaseRow]
    /// Open cases in the store, including any whose summary is not written yet.
    public var total: Int
    /// Summaries out of date for the day asked about; the page may reorder once they are assessed.
    public var stale: Int
}
