import OnRollCore

/// A whole synthetic caseload: every record a store holds, ready to insert in this order.
/// Records with an `id` carry explicit ids (1, 2, 3… per kind) so cross-references resolve
/// before anything is stored.
public struct SampleCaseload: Sendable, Hashable {
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
    /// A schools' exclusions return that has just arrived: not on the caseload (`init --sample` does
    /// not load it), for `onroll import exclusions sample-data/exclusions.csv` in the tour.
    public var exclusionsReturn: [ReturnRow] = []
    /// Common Transfer Files from two schools, also just arrived and not loaded by `init --sample`.
    public var transfers: [CTFFile] = []

    public init() {}
}
