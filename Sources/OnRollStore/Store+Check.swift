import GRDB
import OnRollCore

/// `onroll check`: SQLite's own integrity check, the audit chain, and every audited row against
/// the state its last audit entry recorded. Anything changed outside OnRoll shows up here.
extension Store {
    public struct CheckReport: Sendable {
        public var problems: [String] = []
        public var entriesVerified = 0
        public var rowsVerified = 0
        public var isClean: Bool { problems.isEmpty }
    }

    public func check() throws -> CheckReport {
        try read { db in
            var report = CheckReport()
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { report.problems += integrity.map { "sqlite integrity: \($0)" } }
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
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
                if e.op != "view", e.after != nil || e.before != nil {
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
            return report
        }
    }

    private func verifyRows<R: AuditedRecord>(_ db: Database, _ type: R.Type, latest: [String: String?], report: inout CheckReport) throws {
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

    private func verifyConfig(_ db: Database, latest: [String: String?], report: inout CheckReport) throws {
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
