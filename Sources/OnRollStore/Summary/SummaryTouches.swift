import OnRollCore

/// What one write touched, as far as the caseload summaries care: the cases named in its audit entries,
/// the children and schools it changed (every case of theirs shows them), and whether it changed
/// something every case depends on (term dates, triage weights, settings).
struct SummaryTouches {
    var cases: Set<String> = []
    var children: Set<String> = []
    var schools: Set<String> = []
    /// Reflections are keyed by suspension; the child is looked up when summaries are refreshed.
    var suspensions: Set<Int64> = []
    /// Plan phases and reviews are keyed by plan; the plan names the case.
    var plans: Set<Int64> = []
    var everything = false

    var isEmpty: Bool { cases.isEmpty && children.isEmpty && schools.isEmpty && suspensions.isEmpty && plans.isEmpty && !everything }

    /// Notes one audit entry.
    mutating func note(entity: String, entityId: String, caseRef: String?) {
        if let caseRef { cases.insert(caseRef) }
        switch entity {
        case Child.entity: children.insert(entityId)
        case School.entity: schools.insert(entityId)
        case TermDates.entity, "config": everything = true
        case Reflection.entity, Suspension.entity: if let id = Int64(entityId) { suspensions.insert(id) }
        default: break
        }
    }

    /// Notes the child of a record kept by child (attendance, suspensions, out-of-school, deletions).
    mutating func note(record: Any) {
        switch record {
        case let r as Suspension: children.insert(r.childRef)
        case let r as AttendanceRecord: children.insert(r.childRef)
        case let r as OutOfSchoolRecord: children.insert(r.childRef)
        case let r as RollDeletion: children.insert(r.childRef)
        case let r as Case: children.insert(r.childRef)
        case let r as PlanPhase: plans.insert(r.planId)
        case let r as PlanReview: plans.insert(r.planId)
        default: break
        }
    }
}
