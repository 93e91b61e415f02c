import GRDB
import OnRollCore

/// The records around a set of cases, read table by table (never one query per case) and put
/// together into case files: the one way the store assembles cases in bulk. The chronology of each
/// file holds only its latest contact entry (what the rules read); a single case's full file is
/// read by `Store.caseFile`.
struct CaseParts {
    /// Up to this many cases, each table is read with `IN (…)` on the cases' keys; beyond it a whole
    /// pass over the table is cheaper than the lookups.
    static let narrowLimit = 500

    var children: [String: Child] = [:]
    var schools: [String: School] = [:]
    var suspensions: [String: [Suspension]] = [:]
    var reflections: [Int64: Reflection] = [:]
    var attendance: [String: [AttendanceRecord]] = [:]
    var actions: [String: [CaseAction]] = [:]
    var contacts: [String: [ChronologyEntry]] = [:]
    var plans: [String: [ReintegrationPlan]] = [:]
    var phases: [Int64: [PlanPhase]] = [:]
    var reviews: [Int64: [PlanReview]] = [:]
    var team: [String: [Professional]] = [:]
    var outOfSchool: [String: OutOfSchoolRecord] = [:]
    var deletions: [String: [RollDeletion]] = [:]

    init(_ db: StoreDB, cases: [Case], narrow: Bool) throws {
        let childRefs = Set(cases.map(\.childRef)), caseRefs = Set(cases.map(\.ref))
        // Narrow reads filter in SQL; a whole-caseload read takes every row and filters here. Narrow SQL
        // goes through the statement cache: every write reads its cases this way, and preparing a dozen
        // query-interface requests afresh (with GRDB's authorizer) was most of the cost of a write.
        func inList(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }
        func keyed<R: FetchableRecord & TableRecord>(_ t: R.Type, _ column: String, _ keys: [DatabaseValueConvertible], order: String) throws -> [R] {
            guard !keys.isEmpty else { return [] }
            let sql = "SELECT * FROM \(R.databaseTableName) WHERE \(column) IN (\(inList(keys.count)))" + (order.isEmpty ? "" : " ORDER BY \(order)")
            return try R.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(keys))
        }
        func all<R: FetchableRecord & TableRecord>(_ t: R.Type, order: String) throws -> [R] {
            try R.fetchAll(db, sql: "SELECT * FROM \(R.databaseTableName)" + (order.isEmpty ? "" : " ORDER BY \(order)"))
        }
        let childKeys = childRefs.sorted(), caseKeys = caseRefs.sorted()
        func byChild<R: FetchableRecord & TableRecord>(_ t: R.Type, order: String) throws -> [R] {
            narrow ? try keyed(R.self, "childRef", childKeys, order: order) : try all(R.self, order: order)
        }
        func byCase<R: FetchableRecord & TableRecord>(_ t: R.Type, order: String) throws -> [R] {
            narrow ? try keyed(R.self, "caseRef", caseKeys, order: order) : try all(R.self, order: order)
        }
        let kids = narrow ? try keyed(Child.self, "ref", childKeys, order: "")
                          : try Child.fetchAll(db).filter { childRefs.contains($0.ref) }
        children = Dictionary(uniqueKeysWithValues: kids.map { ($0.ref, $0) })
        let urns = Set(kids.compactMap(\.schoolURN)).sorted()
        schools = Dictionary(uniqueKeysWithValues: (narrow ? try keyed(School.self, "urn", urns, order: "")
                                                           : try School.fetchAll(db)).map { ($0.urn, $0) })
        let sus = try byChild(Suspension.self, order: "start, id")
        suspensions = Dictionary(grouping: sus, by: \.childRef)
        let susIds = sus.compactMap(\.id)
        reflections = Dictionary(uniqueKeysWithValues: (narrow ? try keyed(Reflection.self, "suspensionId", susIds, order: "")
                                                               : try Reflection.fetchAll(db)).map { ($0.suspensionId, $0) })
        attendance = Dictionary(grouping: try byChild(AttendanceRecord.self, order: "\"from\""), by: \.childRef)
        actions = Dictionary(grouping: try byCase(CaseAction.self, order: "id"), by: \.caseRef)
        // Each case's latest contact or sighting: the latest date, and of that date the latest entry. Ranked
        // in one pass: the correlated MAX(date) per entry this replaced took 4 s at 10,000 cases on a
        // server (and minutes at 100,000), 0.15 s this way; SQLite is as fast either way.
        let scope = narrow ? "AND c.caseRef IN (\(caseRefs.map { _ in "?" }.joined(separator: ",")))" : ""
        contacts = Dictionary(grouping: try ChronologyEntry.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM chronology WHERE id IN (
              SELECT id FROM (
                SELECT id, ROW_NUMBER() OVER (PARTITION BY caseRef ORDER BY date DESC, id DESC) AS latest
                FROM chronology c WHERE kind IN ('contact','seen') \(scope)) ranked
              WHERE latest = 1)
            """), arguments: narrow ? StatementArguments(Array(caseRefs)) : StatementArguments()), by: \.caseRef)
        let planRows = try byCase(ReintegrationPlan.self, order: "id")
        plans = Dictionary(grouping: planRows, by: \.caseRef)
        let planIds = planRows.compactMap(\.id)
        phases = Dictionary(grouping: narrow ? try keyed(PlanPhase.self, "planId", planIds, order: "\"from\"")
                                             : try all(PlanPhase.self, order: "\"from\""), by: \.planId)
        reviews = Dictionary(grouping: narrow ? try keyed(PlanReview.self, "planId", planIds, order: "date, id")
                                              : try all(PlanReview.self, order: "date, id"), by: \.planId)
        team = Dictionary(grouping: try byCase(Professional.self, order: "id"), by: \.caseRef)
        outOfSchool = Dictionary(uniqueKeysWithValues: (narrow ? try keyed(OutOfSchoolRecord.self, "childRef", childKeys, order: "")
                                                               : try OutOfSchoolRecord.fetchAll(db)).map { ($0.childRef, $0) })
        deletions = Dictionary(grouping: try byChild(RollDeletion.self, order: "date"), by: \.childRef)
    }

    /// The cases' files, in the order given.
    func files(_ cases: [Case]) throws -> [CaseFile] {
        try cases.map { c in
            // As the single read does: a case whose child is missing is damage to report, not to hide.
            guard let child = children[c.childRef] else {
                throw StoreError.invalid("case \(c.ref) names child \(c.childRef), who is not in the store: run `onroll check`")
            }
            let sus = suspensions[c.childRef] ?? []
            var refl: [Int64: Reflection] = [:]
            for s in sus { if let id = s.id, let r = reflections[id] { refl[id] = r } }
            return CaseFile(case: c, child: child, school: child.schoolURN.flatMap { schools[$0] }, suspensions: sus,
                            reflections: refl, attendance: attendance[c.childRef] ?? [], actions: actions[c.ref] ?? [],
                            chronology: contacts[c.ref] ?? [],
                            plans: (plans[c.ref] ?? []).map { p in
                                PlanDetail(plan: p, phases: phases[p.id ?? -1] ?? [], reviews: reviews[p.id ?? -1] ?? [])
                            },
                            team: team[c.ref] ?? [], outOfSchool: outOfSchool[c.childRef], deletions: deletions[c.childRef] ?? [])
        }
    }
}
