import GRDB
import OnRollCore

extension Store {
    /// Everything a report reads, for the whole store, in one read transaction of bulk queries:
    /// every case (closed ones too), every suspension (children without a case too), every
    /// deletion, plan, action and out-of-school record, and the last contact of each case.
    /// Reports count across the whole caseload, so nothing here is filtered by case.
    public func reportData() throws -> ReportData {
        try read { db in
            let phases = Dictionary(grouping: try PlanPhase.order(Column("from"), Column("id")).fetchAll(db), by: \.planId)
            let reviews = Dictionary(grouping: try PlanReview.order(Column("date"), Column("id")).fetchAll(db), by: \.planId)
            let plans = try ReintegrationPlan.order(Column("start"), Column("caseRef"), Column("id")).fetchAll(db).map { p in
                PlanDetail(plan: p, phases: phases[p.id ?? -1] ?? [], reviews: reviews[p.id ?? -1] ?? [])
            }
            // The same "contact or seen" entries CaseFile.lastContact reads, one max per case.
            var last: [String: SchoolDate] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT caseRef, MAX(date) AS d FROM chronology WHERE kind IN ('contact', 'seen') GROUP BY caseRef
                """) {
                let ref: String = row["caseRef"]
                if let text: String = row["d"], let d = try? SchoolDate.parse(text) { last[ref] = d }
            }
            return ReportData(
                schools: try School.order(Column("urn")).fetchAll(db),
                children: try Child.order(Column("ref")).fetchAll(db),
                cases: try Case.order(Column("ref")).fetchAll(db),
                suspensions: try Suspension.order(Column("start"), Column("childRef"), Column("id")).fetchAll(db),
                plans: plans,
                actions: try CaseAction.order(Column("id")).fetchAll(db),
                lastContact: last,
                deletions: try RollDeletion.order(Column("date"), Column("childRef"), Column("id")).fetchAll(db),
                outOfSchool: try OutOfSchoolRecord.order(Column("childRef")).fetchAll(db),
                calendar: SchoolCalendar(rows: try TermDates.order(Column("start")).fetchAll(db)))
        }
    }
}
