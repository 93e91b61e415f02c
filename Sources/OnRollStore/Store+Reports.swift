import GRDB
import OnRollCore

extension Store {
    /// A report's figures, raw or published: what `onroll report` prints and the reports screen shows.
    /// Both call this, so a figure on screen is the figure in the file. Nil for an unknown name.
    public func report(_ name: String, period: ReportPeriod, today: SchoolDate, publish: Bool = false,
                       pseudonymiseSchools: Bool = false) throws -> ReportBundle? {
        guard Reports.sources(of: name) != nil else { return nil }
        guard let raw = Reports.run(name, try reportData(for: name), period: period, today: today) else { return nil }
        return publish || pseudonymiseSchools ? Disclosure.publish(raw, pseudonymiseSchools: pseudonymiseSchools) : raw
    }

    /// What one report reads (`Reports.sources`), in one read transaction, as narrow rows: only the
    /// columns its figures use, never whole records. Reports count across the whole caseload (closed
    /// cases, children without a case), so nothing is filtered by case.
    public func reportData(for name: String) throws -> ReportData {
        try reportData(sources: Reports.sources(of: name) ?? [])
    }

    /// The rows of `sources`, plus the schools and term dates every report labels itself with.
    public func reportData(sources: ReportSources) throws -> ReportData {
        try read { db in
            var data = ReportData(schools: try School.order(Column("urn")).fetchAll(db),
                                  calendar: SchoolCalendar(rows: try TermDates.order(Column("start")).fetchAll(db)))
            if sources.contains(.children) {
                data.children = try ReportSQL.rows(db, "SELECT ref, schoolURN FROM children ORDER BY ref") { r in
                    ReportChild(ref: r[0], schoolURN: r[1])
                }
            }
            if sources.contains(.cases) {
                data.cases = try ReportSQL.rows(db, "SELECT ref, childRef, kind, status, opened, owner, closedOn FROM cases ORDER BY ref") { r in
                    ReportCase(ref: r[0], childRef: r[1], kind: try ReportSQL.code(r, 2), status: try ReportSQL.code(r, 3),
                               opened: try ReportSQL.date(r, 4), owner: r[5], closedOn: try ReportSQL.optionalDate(r, 6))
                }
            }
            if sources.contains(.suspensions) {
                data.suspensions = try ReportSQL.rows(db, """
                    SELECT childRef, start, days, reason, schoolURN, type FROM suspensions ORDER BY start, childRef, id
                    """) { r in
                    ReportSuspension(childRef: r[0], start: try ReportSQL.date(r, 1), days: r[2],
                                     reason: try ReportSQL.optionalCode(r, 3), schoolURN: r[4], type: try ReportSQL.code(r, 5))
                }
            }
            if sources.contains(.plans) {
                data.plans = try ReportSQL.rows(db, "SELECT fromURN, start, status, endedOn FROM plans ORDER BY start, caseRef, id") { r in
                    ReportPlan(fromURN: r[0], start: try ReportSQL.date(r, 1), status: try ReportSQL.code(r, 2),
                               endedOn: try ReportSQL.optionalDate(r, 3))
                }
            }
            if sources.contains(.actions) {
                data.actions = try ReportSQL.rows(db, "SELECT agency, status, due FROM actions ORDER BY id") { r in
                    ReportAction(agency: r[0], status: try ReportSQL.code(r, 1), due: try ReportSQL.optionalDate(r, 2))
                }
            }
            if sources.contains(.lastContact) {
                // The same "contact or seen" entries CaseFile.lastContact reads, one max per case.
                for row in try Row.fetchAll(db, sql: """
                    SELECT caseRef, MAX(date) AS d FROM chronology WHERE kind IN ('contact', 'seen') GROUP BY caseRef
                    """) {
                    let ref: String = row["caseRef"]
                    if let text: String = row["d"], let d = try? SchoolDate.parse(text) { data.lastContact[ref] = d }
                }
            }
            if sources.contains(.deletions) {
                data.deletions = try ReportSQL.rows(db, """
                    SELECT schoolURN, date, ground, laNotified, destination FROM deletions ORDER BY date, childRef, id
                    """) { r in
                    ReportDeletion(schoolURN: r[0], date: try ReportSQL.date(r, 1), ground: r[2], laNotified: r[3], destination: r[4])
                }
            }
            if sources.contains(.outOfSchool) {
                data.outOfSchool = try ReportSQL.rows(db, "SELECT childRef, lastSeen FROM outOfSchool ORDER BY childRef") { r in
                    ReportSighting(childRef: r[0], lastSeen: try ReportSQL.optionalDate(r, 1))
                }
            }
            return data
        }
    }
}

/// Reading a report's narrow rows by column position. A value that does not parse is an error naming
/// the column, as decoding the whole record would be: a report never counts a row it cannot read.
enum ReportSQL {
    static func rows<T>(_ db: StoreDB, _ sql: String, _ make: (PositionalRow) throws -> T) throws -> [T] {
        var out: [T] = []
        let cursor = try PositionalRow.fetchCursor(db, sql: sql)
        while let r = try cursor.next() { out.append(try make(r)) }
        return out
    }

    static func code<T: CodeList>(_ r: PositionalRow, _ i: Int) throws -> T {
        let text: String? = r[i]
        guard let text, let v = T(rawValue: text) else { throw bad(r, i, text) }
        return v
    }

    static func optionalCode<T: CodeList>(_ r: PositionalRow, _ i: Int) throws -> T? {
        guard let text: String = r[i] else { return nil }
        guard let v = T(rawValue: text) else { throw bad(r, i, text) }
        return v
    }

    static func date(_ r: PositionalRow, _ i: Int) throws -> SchoolDate {
        guard let d = try optionalDate(r, i) else { throw bad(r, i, nil) }
        return d
    }

    static func optionalDate(_ r: PositionalRow, _ i: Int) throws -> SchoolDate? {
        guard let text: String = r[i] else { return nil }
        guard let d = try? SchoolDate.parse(text) else { throw bad(r, i, text) }
        return d
    }

    private static func bad(_ r: PositionalRow, _ i: Int, _ text: String?) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_MISMATCH,
                      message: "column \(r.columnName(i)): cannot read \(text.map { "'\($0)'" } ?? "NULL")")
    }
}
