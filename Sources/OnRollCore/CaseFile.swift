/// A case with everything recorded around it: what every rule (clocks, triage, agenda, panel summary)
/// reads. The store assembles it; the rules never fetch anything themselves.
public struct CaseFile: Sendable {
    public var `case`: Case
    public var child: Child
    public var school: School?
    /// All the child's suspensions and permanent exclusions, at any school, oldest first.
    public var suspensions: [Suspension]
    /// Reflections keyed by suspension id.
    public var reflections: [Int64: Reflection]
    /// The child's attendance records, oldest first.
    public var attendance: [AttendanceRecord]
    public var actions: [CaseAction]
    /// Newest first, as shown.
    public var chronology: [ChronologyEntry]
    public var plans: [PlanDetail]
    public var team: [Professional]
    public var outOfSchool: OutOfSchoolRecord?
    public var deletions: [RollDeletion]
    /// What schools' transfer files (CTFs) said about the child: read for one open case, not in bulk.
    public var transfer: PupilTransfer? = nil
    public var schoolHistory: [SchoolSpell] = []

    public init(case c: Case, child: Child, school: School? = nil, suspensions: [Suspension] = [],
                reflections: [Int64: Reflection] = [:], attendance: [AttendanceRecord] = [],
                actions: [CaseAction] = [], chronology: [ChronologyEntry] = [], plans: [PlanDetail] = [],
                team: [Professional] = [], outOfSchool: OutOfSchoolRecord? = nil, deletions: [RollDeletion] = []) {
        self.case = c; self.child = child; self.school = school; self.suspensions = suspensions
        self.reflections = reflections; self.attendance = attendance; self.actions = actions
        self.chronology = chronology; self.plans = plans; self.team = team; self.outOfSchool = outOfSchool
        self.deletions = deletions
    }

    /// The most recent contact in which the child was seen or spoken to (contact, seen, home visit).
    public var lastContact: SchoolDate? {
        let fromChronology = chronology.filter { $0.kind == .contact || $0.kind == .seen }.map(\.date).max()
        return [fromChronology, outOfSchool?.lastSeen].compactMap { $0 }.max()
    }
}

/// A reintegration plan with its phases and reviews, in date order.
public struct PlanDetail: Hashable, Sendable, Codable {
    public var plan: ReintegrationPlan
    public var phases: [PlanPhase]
    public var reviews: [PlanReview]

    public init(plan: ReintegrationPlan, phases: [PlanPhase] = [], reviews: [PlanReview] = []) {
        self.plan = plan; self.phases = phases; self.reviews = reviews
    }

    /// The phase in force on a date, if any.
    public func phase(on date: SchoolDate) -> PlanPhase? {
        phases.last { $0.from <= date && date <= $0.to }
    }
}
