import OnRollCore

/// A whole synthetic caseload, every record kind, with consistent ids and refs.
public struct SampleCaseload: Sendable {
    public var schools: [School] = []
    public var children: [Child] = []
    public var cases: [Case] = []
    public var chronology: [ChronologyEntry] = []
    public var actions: [CaseAction] = []
    public var suspensions: [Suspension] = []
    public var reflections: [Reflection] = []
    public var attendance: [AttendanceRecord] = []
    public var terms: [TermDates] = []
    public var plans: [ReintegrationPlan] = []
    public var phases: [PlanPhase] = []
    public var reviews: [PlanReview] = []
    public var team: [Professional] = []
    public var deletions: [RollDeletion] = []
    public var outOfSchool: [OutOfSchoolRecord] = []
    public var panels: [Panel] = []
    public var attendees: [PanelAttendee] = []

    public init() {}
}
