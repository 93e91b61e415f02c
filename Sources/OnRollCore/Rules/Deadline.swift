/// Where a deadline stands on a given day.
///
/// - `met`: the thing was done (a date recorded) on or before the due date.
/// - `breached`: done late, or a hard limit exceeded (the 45-day cap); a breach stays a breach.
/// - `overdue`: not done and the due date has passed.
/// - `noCalendar`: the school days could not be counted because term dates are missing.
public enum DeadlineState: String, CodeList {
    case upcoming, dueToday = "due-today", overdue, met, breached, noCalendar = "no-calendar"
    public static let listName = "deadline state"
    public var label: String {
        switch self {
        case .upcoming: "upcoming"
        case .dueToday: "due today"
        case .overdue: "overdue"
        case .met: "met"
        case .breached: "breached"
        case .noCalendar: "no term dates"
        }
    }

    /// Still needs doing (what a worklist shows).
    public var isOpen: Bool { self == .upcoming || self == .dueToday || self == .overdue }

    /// The state of something due on `due`, done on `done` (nil if not yet), seen on `today`.
    public static func of(due: SchoolDate, done: SchoolDate?, today: SchoolDate) -> DeadlineState {
        if let d = done { return d <= due ? .met : .breached }
        if due < today { return .overdue }
        if due == today { return .dueToday }
        return .upcoming
    }
}

/// One dated duty on a case: what is due, by when, under which rule, and where it stands.
public struct Deadline: Hashable, Sendable, Codable {
    /// Stable machine id, `area.duty` (see docs/rules.md for the list), e.g. `suspension.day6`.
    public var kind: String
    /// Short, for screens: "Day-6 provision".
    public var title: String
    public var due: SchoolDate
    public var state: DeadlineState
    /// The rule in plain words with its source.
    public var rule: String
    public var detail: String?
    public var caseRef: String
    /// Shown for information only: not a duty OnRoll can hold anyone to (e.g. the governors' 50-day
    /// meeting, which happens only if parents make representations). Triage ignores these.
    public var informational: Bool

    public init(kind: String, title: String, due: SchoolDate, state: DeadlineState, rule: String,
                detail: String? = nil, caseRef: String, informational: Bool = false) {
        self.kind = kind; self.title = title; self.due = due; self.state = state; self.rule = rule
        self.detail = detail; self.caseRef = caseRef; self.informational = informational
    }

    /// Due within `days` calendar days of `today` and still open (not overdue).
    public func isImminent(today: SchoolDate, days: Int = 7) -> Bool {
        (state == .upcoming || state == .dueToday) && today.days(to: due) <= days
    }
}

/// The kinds of deadline OnRoll computes, one constant each so screens and tests spell them alike.
public enum DeadlineKind {
    public static let calendarMissing = "calendar.missing"
    public static let suspensionCap = "suspension.cap45"
    public static let suspensionDay6 = "suspension.day6"
    public static let suspensionDay1 = "suspension.day1"
    public static let suspensionDay6Notice = "suspension.day6-notice"
    public static let governors15 = "suspension.governors15"
    public static let governors50 = "suspension.governors50"
    public static let governorsExam = "suspension.governors-exam"
    public static let pexDay6 = "pex.day6"
    public static let pexDay1 = "pex.day1"
    public static let pexGovernors = "pex.governors"
    public static let pexDecisionLetter = "pex.decision-letter"
    public static let pexIRPRequest = "pex.irp-request"
    public static let pexIRPPanel = "pex.irp-panel"
    public static let pexReconsider = "pex.reconsider"
    public static let pexOutcome = "pex.outcome"
    public static let notifyLA = "notify.la"
    public static let notifySocialWorker = "notify.social-worker"
    public static let notifyVirtualSchool = "notify.virtual-school"
    public static let notifyHomeLA = "notify.home-la"
    public static let partTimeEnd = "part-time.end"
    public static let partTimeReview = "part-time.review"
    public static let partTimeNoEnd = "part-time.no-end-date"
    public static let partTimeNoReview = "part-time.no-review-date"
    public static let cmeEnquiries = "cme.enquiries"
    public static let cmeLostPupil = "cme.lost-pupil"
    public static let eheAnnualContact = "ehe.annual-contact"
    public static let ehcWeek6 = "ehc.week6"
    public static let ehcWeek16 = "ehc.week16"
    public static let ehcWeek20 = "ehc.week20"
    public static let ehcAnnualReview = "ehc.annual-review"
    public static let fairAccessPlace = "fair-access.place"
    public static let offsiteNotice = "offsite.notice"
    public static let offsiteReview = "offsite.review"
    public static let planReview = "plan.review"
    public static let caseReview = "case.review"
    public static let actionDue = "action.due"

    public static let all: [String] = [
        calendarMissing, suspensionCap, suspensionDay6, suspensionDay1, suspensionDay6Notice, governors15, governors50, governorsExam,
        pexDay6, pexDay1, pexGovernors, pexDecisionLetter, pexIRPRequest, pexIRPPanel, pexReconsider, pexOutcome,
        notifyLA, notifySocialWorker, notifyVirtualSchool, notifyHomeLA,
        partTimeEnd, partTimeReview, partTimeNoEnd, partTimeNoReview,
        cmeEnquiries, cmeLostPupil, eheAnnualContact,
        ehcWeek6, ehcWeek16, ehcWeek20, ehcAnnualReview, fairAccessPlace, offsiteNotice, offsiteReview, planReview, caseReview, actionDue,
    ]
}
