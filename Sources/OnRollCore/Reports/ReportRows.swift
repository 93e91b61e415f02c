// The narrow rows a report reads: only the fields its figures use. The store fills them from the
// columns it needs, so producing a report never holds a second copy of the caseload's records
// (names, notes, voices, addresses stay in the store).

/// A case as the reports count it.
public struct ReportCase: Hashable, Sendable {
    public var ref: String
    public var childRef: String
    public var kind: CaseKind
    public var status: CaseStatus
    public var opened: SchoolDate
    public var owner: String?
    public var closedOn: SchoolDate?

    public init(ref: String, childRef: String, kind: CaseKind, status: CaseStatus, opened: SchoolDate,
                owner: String? = nil, closedOn: SchoolDate? = nil) {
        self.ref = ref; self.childRef = childRef; self.kind = kind; self.status = status; self.opened = opened
        self.owner = owner; self.closedOn = closedOn
    }

    public init(_ c: Case) {
        self.init(ref: c.ref, childRef: c.childRef, kind: c.kind, status: c.status, opened: c.opened,
                  owner: c.owner, closedOn: c.closedOn)
    }

    /// As `Case.isOpen`.
    public var isOpen: Bool { status != .closed }
}

/// A child's school on roll: what a case is counted under.
public struct ReportChild: Hashable, Sendable {
    public var ref: String
    public var schoolURN: String?

    public init(ref: String, schoolURN: String?) { self.ref = ref; self.schoolURN = schoolURN }
    public init(_ c: Child) { self.init(ref: c.ref, schoolURN: c.schoolURN) }
}

/// A suspension or permanent exclusion, as the ledger's figures count it.
public struct ReportSuspension: Hashable, Sendable {
    public var childRef: String
    public var start: SchoolDate
    public var days: Double
    public var reason: ReasonCode?
    public var schoolURN: String?
    public var type: SuspensionType

    public init(childRef: String, start: SchoolDate, days: Double, reason: ReasonCode?, schoolURN: String?,
                type: SuspensionType) {
        self.childRef = childRef; self.start = start; self.days = days; self.reason = reason
        self.schoolURN = schoolURN; self.type = type
    }

    public init(_ s: Suspension) {
        self.init(childRef: s.childRef, start: s.start, days: s.days, reason: s.reason, schoolURN: s.schoolURN, type: s.type)
    }

    /// As `Suspension.isPermanent`.
    public var isPermanent: Bool { type == .permanent }
}

/// A reintegration plan's start, setting and outcome (its phases and reviews are not counted).
public struct ReportPlan: Hashable, Sendable {
    public var fromURN: String
    public var start: SchoolDate
    public var status: ReintegrationPlan.Status
    public var endedOn: SchoolDate?

    public init(fromURN: String, start: SchoolDate, status: ReintegrationPlan.Status, endedOn: SchoolDate?) {
        self.fromURN = fromURN; self.start = start; self.status = status; self.endedOn = endedOn
    }

    public init(_ p: ReintegrationPlan) { self.init(fromURN: p.fromURN, start: p.start, status: p.status, endedOn: p.endedOn) }
}

/// A multi-agency action's agency, status and due date.
public struct ReportAction: Hashable, Sendable {
    public var agency: String
    public var status: ActionStatus
    public var due: SchoolDate?

    public init(agency: String, status: ActionStatus, due: SchoolDate?) { self.agency = agency; self.status = status; self.due = due }
    public init(_ a: CaseAction) { self.init(agency: a.agency, status: a.status, due: a.due) }

    /// As `CaseAction.isOverdue(on:)`.
    public func isOverdue(on today: SchoolDate) -> Bool {
        status == .open && (due.map { $0 < today } ?? false)
    }
}

/// A deletion from roll, as the out-of-school report counts it.
public struct ReportDeletion: Hashable, Sendable {
    public var schoolURN: String
    public var date: SchoolDate
    public var ground: String
    public var laNotified: Bool
    public var destination: String?

    public init(schoolURN: String, date: SchoolDate, ground: String, laNotified: Bool, destination: String?) {
        self.schoolURN = schoolURN; self.date = date; self.ground = ground; self.laNotified = laNotified
        self.destination = destination
    }

    public init(_ d: RollDeletion) {
        self.init(schoolURN: d.schoolURN, date: d.date, ground: d.ground, laNotified: d.laNotified, destination: d.destination)
    }
}

/// When a child out of school was last seen, from their out-of-school record.
public struct ReportSighting: Hashable, Sendable {
    public var childRef: String
    public var lastSeen: SchoolDate?

    public init(childRef: String, lastSeen: SchoolDate?) { self.childRef = childRef; self.lastSeen = lastSeen }
    public init(_ o: OutOfSchoolRecord) { self.init(childRef: o.childRef, lastSeen: o.lastSeen) }
}

/// Which of the store's records a report reads. The store reads only these (schools and term dates,
/// which every report labels itself with, always).
public struct ReportSources: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let cases = ReportSources(rawValue: 1 << 0)
    public static let children = ReportSources(rawValue: 1 << 1)
    public static let suspensions = ReportSources(rawValue: 1 << 2)
    public static let plans = ReportSources(rawValue: 1 << 3)
    public static let actions = ReportSources(rawValue: 1 << 4)
    /// The latest contact or 'seen' chronology entry of each case.
    public static let lastContact = ReportSources(rawValue: 1 << 5)
    public static let deletions = ReportSources(rawValue: 1 << 6)
    public static let outOfSchool = ReportSources(rawValue: 1 << 7)
    public static let all: ReportSources = [.cases, .children, .suspensions, .plans, .actions, .lastContact, .deletions, .outOfSchool]
}

extension Reports {
    /// What each report reads (nil for an unknown name). A source left out here is an empty array
    /// in the report's data, so ReportSourcesTests runs every report on the full data and on only
    /// these sources and compares the figures.
    public static func sources(of name: String) -> ReportSources? {
        switch name {
        case "caseload": [.cases, .children]
        case "suspensions": [.suspensions, .children]
        case "reintegration": [.plans]
        case "out-of-school", "outofschool": [.cases, .lastContact, .outOfSchool, .deletions]
        case "actions": [.actions]
        default: nil
        }
    }
}
