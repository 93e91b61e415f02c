import GRDB
import OnRollCore

/// `onroll check`: SQLite's own integrity check, the audit chain, and every audited row against
/// the state its last audit entry recorded. Anything changed outside OnRoll shows up here.
extension Store {
    public struct CheckReport: Sendable {
        public var problems: [String] = []
        public var entriesVerified = 0
        public var rowsVerified = 0
        /// Case summaries (the read model) found equal to a fresh assessment of their case.
        public var summariesVerified = 0
        public var isClean: Bool { problems.isEmpty }
    }

    public func check() throws -> CheckReport {
        var report = try checkRecords()
        // On a server, also the chain head row and the logins (ServerStore.check); its chain findings
        // repeat this check's, so they are added only when this one found the chain sound.
        if let server, report.problems.isEmpty { report.problems += try server.check() }
        return report
    }

    private func checkRecords() throws -> CheckReport {
        try read { db in
            var report = CheckReport()
            // A server keeps its own pages and foreign keys; a file is asked.
            let integrity = db.isServer ? ["ok"] : try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { report.problems += integrity.map { "sqlite integrity: \($0)" } }
            let fk = db.isServer ? [] : try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            for r in fk.prefix(20) { report.problems.append("foreign key: \(r["table"] as String? ?? "?") row \(r["rowid"] as Int64? ?? -1) names a missing \(r["parent"] as String? ?? "?")") }

            // 1. The chain: each entry's hash is recomputed and must link to the one before.
            var prev = AuditEntry.genesis
            var prevAt = ""
            var latest: [String: String?] = [:]
            let cursor = try AuditEntry.order(Column("id")).fetchCursor(db)
            var expectedId: Int64 = 1
            while let e = try cursor.next() {
                if e.id != expectedId {
                    report.problems.append("audit entry \(expectedId) is missing (next present is \(e.id ?? -1))")
                    return report
                }
                if e.prevHash != prev {
                    report.problems.append("audit entry \(e.id!) does not follow entry \(e.id! - 1): the chain is broken there")
                    return report
                }
                if e.expectedHash != e.hash {
                    report.problems.append("audit entry \(e.id!) (\(e.op) \(e.entity) \(e.entityId)) was altered: its hash does not match its contents")
                    return report
                }
                // Writers never step back in time (WriteContext takes the later of its clock and the
                // head's), so an entry earlier than the one before it was forged or spliced in.
                if e.at < prevAt {
                    report.problems.append("audit entry \(e.id!) is dated \(e.at), before entry \(e.id! - 1) (\(prevAt)): time goes backwards there")
                }
                prevAt = e.at
                prev = e.hash
                expectedId += 1
                if e.op != AuditOp.view.rawValue, e.after != nil || e.before != nil {
                    latest["\(e.entity)#\(e.entityId)"] = e.after
                }
                report.entriesVerified += 1
            }

            // 2. Every audited row must be exactly what its last audit entry says it became.
            for table in AuditedTables.all {
                try verifyRows(db, table, latest: latest, report: &report)
            }
            // 3. Team settings change what every officer sees (a triage weight reorders the whole
            // list), so they are held to the trail like any record.
            try verifyConfig(db, latest: latest, report: &report)
            // 4. The read model is derived, not a record, but the caseload is ordered by it.
            try verifySummaries(db, report: &report)
            return report
        }
    }

    private func verifyRows<R: AuditedRecord>(_ db: StoreDB, _ type: R.Type, latest: [String: String?], report: inout CheckReport) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(R.databaseTableName)")
        var seen = Set<String>()
        while let row = try rows.next() {
            let record: R
            do { record = try R(row: row) } catch {
                report.problems.append("\(R.entity) row \(row.description.prefix(60)) cannot be read: altered outside OnRoll")
                continue
            }
            let key = "\(R.entity)#\(record.auditKey)"
            seen.insert(key)
            guard let recorded = latest[key] ?? nil else {
                report.problems.append("\(R.entity) \(record.auditKey) has no audit entry: inserted outside OnRoll")
                continue
            }
            if try CanonicalJSON.encode(record) != recorded {
                report.problems.append("\(R.entity) \(record.auditKey) differs from its last audit entry: altered outside OnRoll")
            }
            report.rowsVerified += 1
        }
        for (key, after) in latest where key.hasPrefix("\(R.entity)#") && !seen.contains(key) && after != nil {
            report.problems.append("\(key.replacingOccurrences(of: "#", with: " ")) is in the audit log but missing from the store: deleted outside OnRoll")
        }
    }

    /// Every summary current for the store's day must equal what a fresh assessment of its case gives
    /// (all but the dates it was made on and is good until); one out of date is not a fault, it is
    /// assessed again on the next read.
    private func verifySummaries(_ db: StoreDB, report: inout CheckReport) throws {
        let today = summaryDay
        let stale = try SummarySQL.staleRefs(db, today: today)
        let stored = Dictionary(try PositionalRow.fetchAll(db, sql: "SELECT \(SummaryColumns.names), 0 FROM caseSummary")
            .map { SummarySQL.row($0).summary }.map { ($0.caseRef, $0) }, uniquingKeysWith: { a, _ in a })
        let cases = Set(try String.fetchAll(db, sql: "SELECT ref FROM cases"))
        for ref in stored.keys.sorted() where !cases.contains(ref) {
            report.problems.append("case summary \(ref) has no case: written outside OnRoll")
        }
        // The search index is a file's own (FTS5); a server searches the summary's text itself.
        let unindexed = db.isServer ? [] : try String.fetchAll(db, sql: """
            SELECT s.caseRef FROM caseSummary s LEFT JOIN caseSearch f ON f.rowid = s.id
            WHERE f.text IS NULL OR f.text != s.searchText ORDER BY s.caseRef LIMIT 20
            """)
        for ref in unindexed { report.problems.append("case \(ref): its search index entry differs from its summary") }
        let current = cases.subtracting(stale).filter { stored[$0] != nil }
        guard !current.isEmpty else { return }
        let summarise = try SummaryWriter.summariser(self, db, today: today)
        var wrong = 0
        for f in try caseFiles(db, refs: current) {
            var fresh = summarise(f)
            guard let s = stored[f.case.ref] else { continue }
            fresh.asOf = s.asOf; fresh.validUntil = s.validUntil
            if fresh == s { report.summariesVerified += 1; continue }
            wrong += 1
            if wrong <= 20 {
                report.problems.append("case \(f.case.ref): its summary (score \(s.score(on: today))) differs from a fresh assessment "
                                       + "(\(fresh.score(on: today))) on \(today.iso): `onroll check --rebuild-summaries` rebuilds it")
            }
        }
        if wrong > 20 { report.problems.append("… and \(wrong - 20) more case summaries differ") }
    }

    /// Assesses every case again and rewrites its summary and search entry (derived data: no audit entry).
    public func rebuildSummaries() throws {
        guard !isReadOnly else { throw StoreError.readOnly(path) }
        try writeDerived { db in
            try db.execute(sql: "DELETE FROM caseSearch")
            try db.execute(sql: "DELETE FROM caseSummary")
            try SummaryWriter.recompute(self, db, refs: Set(try String.fetchAll(db, sql: "SELECT ref FROM cases")), today: summaryDay)
        }
    }

    private func verifyConfig(_ db: StoreDB, latest: [String: String?], report: inout CheckReport) throws {
        var seen = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM config") {
            let key: String = row["key"], value: String = row["value"]
            seen.insert("config#\(key)")
            guard let recorded = latest["config#\(key)"] ?? nil else {
                report.problems.append("config \(key) = \(value) has no audit entry: set outside OnRoll")
                continue
            }
            if Store.auditedConfigValue(value) != recorded {
                report.problems.append("config \(key) = \(value) differs from its last audit entry (\(recorded)): altered outside OnRoll")
            }
            report.rowsVerified += 1
        }
        for (key, after) in latest where key.hasPrefix("config#") && !seen.contains(key) && after != nil {
            report.problems.append("config \(key.dropFirst(7)) is in the audit log but missing from the store: deleted outside OnRoll")
        }
    }
}
