import GRDB
import OnRollCore

/// Reads: one case in full, or the whole open caseload in a few bulk queries (never one query per row).
extension Store {
    public func calendar() throws -> SchoolCalendar {
        try read { db in try calendar(db) }
    }

    func calendar(_ db: StoreDB) throws -> SchoolCalendar {
        SchoolCalendar(rows: try TermDates.order(Column("start")).fetchAll(db))
    }

    public func schools() throws -> [School] { try read { try School.order(Column("urn")).fetchAll($0) } }
    public func school(_ urn: String) throws -> School? { try read { try School.fetchOne($0, key: urn) } }
    public func child(_ ref: String) throws -> Child? { try read { try Child.fetchOne($0, key: ref) } }
    public func `case`(_ ref: String) throws -> Case? { try read { try Case.fetchOne($0, key: ref) } }
    public func children() throws -> [Child] { try read { try Child.order(Column("ref")).fetchAll($0) } }
    public func action(_ id: Int64) throws -> CaseAction? { try read { try CaseAction.fetchOne($0, key: id) } }
    public func suspension(_ id: Int64) throws -> Suspension? { try read { try Suspension.fetchOne($0, key: id) } }

    /// A case with everything around it, chronology newest first.
    public func caseFile(_ ref: String) throws -> CaseFile {
        try read { db in
            guard let c = try Case.fetchOne(db, key: ref) else { throw StoreError.notFound("no case with ref \(ref)") }
            return try caseFile(db, c)
        }
    }

    func caseFile(_ db: StoreDB, _ c: Case) throws -> CaseFile {
        guard let child = try Child.fetchOne(db, key: c.childRef) else {
            throw StoreError.notFound("case \(c.ref) names child \(c.childRef), who is not in the store")
        }
        let school = try child.schoolURN.flatMap { try School.fetchOne(db, key: $0) }
        let suspensions = try Suspension.filter(Column("childRef") == c.childRef).order(Column("start"), Column("id")).fetchAll(db)
        let reflections = try Reflection.filter(suspensions.compactMap(\.id).contains(Column("suspensionId"))).fetchAll(db)
        let attendance = try AttendanceRecord.filter(Column("childRef") == c.childRef).order(Column("from")).fetchAll(db)
        let actions = try CaseAction.filter(Column("caseRef") == c.ref).order(Column("id")).fetchAll(db)
        let chronology = try ChronologyEntry.filter(Column("caseRef") == c.ref)
            .order(Column("date").desc, Column("id").desc).fetchAll(db)
        let plans = try ReintegrationPlan.filter(Column("caseRef") == c.ref).order(Column("id")).fetchAll(db)
        let details = try plans.map { p in
            PlanDetail(plan: p,
                       phases: try PlanPhase.filter(Column("planId") == p.id).order(Column("from")).fetchAll(db),
                       reviews: try PlanReview.filter(Column("planId") == p.id).order(Column("date"), Column("id")).fetchAll(db))
        }
        let team = try Professional.filter(Column("caseRef") == c.ref).order(Column("isLead").desc, Column("id")).fetchAll(db)
        let oos = try OutOfSchoolRecord.fetchOne(db, key: c.childRef)
        let deletions = try RollDeletion.filter(Column("childRef") == c.childRef).order(Column("date")).fetchAll(db)
        var file = CaseFile(case: c, child: child, school: school, suspensions: suspensions,
                            reflections: Dictionary(uniqueKeysWithValues: reflections.map { ($0.suspensionId, $0) }),
                            attendance: attendance, actions: actions, chronology: chronology, plans: details, team: team,
                            outOfSchool: oos, deletions: deletions)
        file.transfer = try PupilTransfer.fetchOne(db, key: c.childRef)
        file.schoolHistory = try SchoolSpell.filter(Column("childRef") == c.childRef).order(Column("entry"), Column("id")).fetchAll(db)
        return file
    }

    /// Every case matching `includeClosed`, assembled in bulk. The chronology of each file holds only
    /// its latest contact entry (what the rules read); open a single case for the full chronology.
    public func caseFiles(includeClosed: Bool = false) throws -> [CaseFile] {
        try read { db in try caseFiles(db, includeClosed: includeClosed) }
    }

    func caseFiles(_ db: StoreDB, includeClosed: Bool) throws -> [CaseFile] {
        let cases = includeClosed
            ? try Case.order(Column("ref")).fetchAll(db)
            : try Case.filter(Column("status") != CaseStatus.closed.rawValue).order(Column("ref")).fetchAll(db)
        return try CaseParts(db, cases: cases, narrow: false).files(cases)
    }

    /// The named cases (any status), assembled as the bulk read does; unknown refs are skipped.
    /// A handful are read by key; many, by one pass over each table.
    func caseFiles(_ db: StoreDB, refs: Set<String>) throws -> [CaseFile] {
        guard !refs.isEmpty else { return [] }
        let narrow = refs.count <= CaseParts.narrowLimit
        let cases = narrow
            ? try Case.filter(keys: Array(refs)).order(Column("ref")).fetchAll(db)
            : try Case.order(Column("ref")).fetchAll(db).filter { refs.contains($0.ref) }
        return try CaseParts(db, cases: cases, narrow: narrow).files(cases)
    }

    /// The audit trail, newest first; for one case when `caseRef` is given.
    public func auditLog(caseRef: String? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        try read { db in
            var q = AuditEntry.order(Column("id").desc)
            if let r = caseRef { q = q.filter(Column("caseRef") == r) }
            if let l = limit { q = q.limit(l) }
            return try q.fetchAll(db)
        }
    }

    public func counts() throws -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            for t in AuditedTables.all {
                out[t.databaseTableName] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t.databaseTableName)") ?? 0
            }
            out["audit"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? 0
            return out
        }
    }
}

extension Store {
    /// Actions across the caseload (or one case), open ones unless `includeClosed`.
    public func actions(caseRef: String? = nil, includeClosed: Bool = false) throws -> [CaseAction] {
        try read { db in
            var q = CaseAction.order(Column("id"))
            if let r = caseRef { q = q.filter(Column("caseRef") == r) }
            if !includeClosed { q = q.filter(Column("status") == ActionStatus.open.rawValue) }
            return try q.fetchAll(db)
        }
    }
}
