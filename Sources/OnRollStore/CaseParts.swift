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
        if narrow { try self.init(narrowing: db, cases: cases) } else { try self.init(whole: db, cases: cases) }
    }

    private init(whole db: StoreDB, cases: [Case]) throws {
        let childRefs = Set(cases.map(\.childRef))
        // A whole-caseload read takes every row and filters here.
        func all<R: FetchableRecord & TableRecord>(_ t: R.Type, order: String) throws -> [R] {
            try R.fetchAll(db, sql: "SELECT * FROM \(R.databaseTableName)" + (order.isEmpty ? "" : " ORDER BY \(order)"))
        }
        let kids = try Child.fetchAll(db).filter { childRefs.contains($0.ref) }
        children = Dictionary(uniqueKeysWithValues: kids.map { ($0.ref, $0) })
        schools = Dictionary(uniqueKeysWithValues: try School.fetchAll(db).map { ($0.urn, $0) })
        suspensions = Dictionary(grouping: try all(Suspension.self, order: CaseParts.order.suspensions), by: \.childRef)
        reflections = Dictionary(uniqueKeysWithValues: try Reflection.fetchAll(db).map { ($0.suspensionId, $0) })
        attendance = Dictionary(grouping: try all(AttendanceRecord.self, order: CaseParts.order.attendance), by: \.childRef)
        actions = Dictionary(grouping: try all(CaseAction.self, order: "id"), by: \.caseRef)
        contacts = Dictionary(grouping: try ChronologyEntry.fetchAll(db.cachedStatement(sql: CaseParts.latestContacts(scope: ""))),
                              by: \.caseRef)
        let planRows = try all(ReintegrationPlan.self, order: "id")
        plans = Dictionary(grouping: planRows, by: \.caseRef)
        phases = Dictionary(grouping: try all(PlanPhase.self, order: CaseParts.order.phases), by: \.planId)
        reviews = Dictionary(grouping: try all(PlanReview.self, order: CaseParts.order.reviews), by: \.planId)
        team = Dictionary(grouping: try all(Professional.self, order: "id"), by: \.caseRef)
        outOfSchool = Dictionary(uniqueKeysWithValues: try OutOfSchoolRecord.fetchAll(db).map { ($0.childRef, $0) })
        deletions = Dictionary(grouping: try all(RollDeletion.self, order: CaseParts.order.deletions), by: \.childRef)
    }

    /// The records of a few cases, each table filtered in SQL on the cases' keys. The thirteen reads do
    /// not depend on each other (a school, a reflection, a phase is found through its parent's key in a
    /// subquery), so a server answers them in one round trip: every write refreshes its case's summary
    /// this way, and one round trip a table was most of a note's time on a server. On a file they run one
    /// after another through the statement cache (preparing a dozen query-interface requests afresh, with
    /// GRDB's authorizer, had been most of the cost of a write).
    private init(narrowing db: StoreDB, cases: [Case]) throws {
        let childKeys = Set(cases.map(\.childRef)).sorted(), caseKeys = Set(cases.map(\.ref)).sorted()
        guard !caseKeys.isEmpty else { return }
        func list(_ keys: [String]) -> String { Array(repeating: "?", count: keys.count).joined(separator: ",") }
        let byChild = "childRef IN (\(list(childKeys)))", byCase = "caseRef IN (\(list(caseKeys)))"
        let children = StatementArguments(childKeys), cases = StatementArguments(caseKeys)
        func read(_ table: String, _ filter: String, _ order: String) -> String {
            "SELECT * FROM \(table) WHERE \(filter)" + (order.isEmpty ? "" : " ORDER BY \(order)")
        }
        let o = CaseParts.order
        let r = try db.rowsBatch([
            (read("children", "ref IN (\(list(childKeys)))", ""), children),
            (read("schools", "urn IN (SELECT schoolURN FROM children WHERE ref IN (\(list(childKeys))))", ""), children),
            (read("suspensions", byChild, o.suspensions), children),
            (read("reflections", "suspensionId IN (SELECT id FROM suspensions WHERE \(byChild))", ""), children),
            (read("attendance", byChild, o.attendance), children),
            (read("actions", byCase, "id"), cases),
            (CaseParts.latestContacts(scope: "AND c.\(byCase)"), cases),
            (read("plans", byCase, "id"), cases),
            (read("planPhases", "planId IN (SELECT id FROM plans WHERE \(byCase))", o.phases), cases),
            (read("planReviews", "planId IN (SELECT id FROM plans WHERE \(byCase))", o.reviews), cases),
            (read("professionals", byCase, "id"), cases),
            (read("outOfSchool", byChild, ""), children),
            (read("deletions", byChild, o.deletions), children),
        ])
        func decode<R: FetchableRecord>(_ i: Int, as _: R.Type) throws -> [R] { try r[i].map { try R(row: $0) } }
        self.children = Dictionary(uniqueKeysWithValues: try decode(0, as: Child.self).map { ($0.ref, $0) })
        schools = Dictionary(uniqueKeysWithValues: try decode(1, as: School.self).map { ($0.urn, $0) })
        suspensions = Dictionary(grouping: try decode(2, as: Suspension.self), by: \.childRef)
        reflections = Dictionary(uniqueKeysWithValues: try decode(3, as: Reflection.self).map { ($0.suspensionId, $0) })
        attendance = Dictionary(grouping: try decode(4, as: AttendanceRecord.self), by: \.childRef)
        actions = Dictionary(grouping: try decode(5, as: CaseAction.self), by: \.caseRef)
        contacts = Dictionary(grouping: try decode(6, as: ChronologyEntry.self), by: \.caseRef)
        plans = Dictionary(grouping: try decode(7, as: ReintegrationPlan.self), by: \.caseRef)
        phases = Dictionary(grouping: try decode(8, as: PlanPhase.self), by: \.planId)
        reviews = Dictionary(grouping: try decode(9, as: PlanReview.self), by: \.planId)
        team = Dictionary(grouping: try decode(10, as: Professional.self), by: \.caseRef)
        outOfSchool = Dictionary(uniqueKeysWithValues: try decode(11, as: OutOfSchoolRecord.self).map { ($0.childRef, $0) })
        deletions = Dictionary(grouping: try decode(12, as: RollDeletion.self), by: \.childRef)
    }

    /// The order each table's rows are kept in a case file, whichever way they were read.
    static let order = (suspensions: "start, id", attendance: "\"from\"", phases: "\"from\"", reviews: "date, id", deletions: "date")

    /// Each case's latest contact or sighting: the latest date, and of that date the latest entry. Ranked
    /// in one pass: the correlated MAX(date) per entry this replaced took 4 s at 10,000 cases on a
    /// server (and minutes at 100,000), 0.15 s this way; SQLite is as fast either way.
    static func latestContacts(scope: String) -> String {
        """
        SELECT * FROM chronology WHERE id IN (
          SELECT id FROM (
            SELECT id, ROW_NUMBER() OVER (PARTITION BY caseRef ORDER BY date DESC, id DESC) AS latest
            FROM chronology c WHERE kind IN ('contact','seen') \(scope)) ranked
          WHERE latest = 1)
        """
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
