// Records of the work done on a case: reintegration plans, the team around the child,
// children out of sight, and panels.

public struct ReintegrationPlan: Hashable, Sendable, Codable {
    public enum Status: String, CodeList {
        case active, paused, completed, extended, brokenDown = "broken-down"
        public static let listName = "plan status"
        public var label: String { self == .brokenDown ? "broken down" : rawValue }
        public var isEnded: Bool { self == .completed || self == .extended || self == .brokenDown }
    }

    public var id: Int64?
    public var caseRef: String
    /// The PRU, AP or current school the pupil steps back from, and the mainstream target.
    public var fromURN: String
    public var toURN: String
    public var start: SchoolDate
    public var target: SchoolDate
    /// School days between reviews.
    public var reviewEvery: Int
    public var successCriteria: String?
    /// What each agency commits to, one line each ("CAMHS: weekly session").
    public var support: String?
    public var status: Status
    public var endedOn: SchoolDate?
    public var endReason: String?
    public var version: Int

    public init(id: Int64? = nil, caseRef: String, fromURN: String, toURN: String, start: SchoolDate,
                target: SchoolDate, reviewEvery: Int = 10, successCriteria: String? = nil, support: String? = nil,
                status: Status = .active, endedOn: SchoolDate? = nil, endReason: String? = nil, version: Int = 0) {
        self.id = id; self.caseRef = caseRef; self.fromURN = fromURN; self.toURN = toURN; self.start = start
        self.target = target; self.reviewEvery = reviewEvery; self.successCriteria = successCriteria
        self.support = support; self.status = status; self.endedOn = endedOn; self.endReason = endReason
        self.version = version
    }
}

public struct PlanPhase: Hashable, Sendable, Codable {
    public var id: Int64?
    public var planId: Int64
    public var from: SchoolDate
    public var to: SchoolDate
    /// Planned sessions a week; 10 is full time (five days of two sessions).
    public var sessions: Int
    public var description: String?

    public init(id: Int64? = nil, planId: Int64, from: SchoolDate, to: SchoolDate, sessions: Int, description: String? = nil) {
        self.id = id; self.planId = planId; self.from = from; self.to = to; self.sessions = sessions
        self.description = description
    }
}

public struct PlanReview: Hashable, Sendable, Codable {
    public enum Decision: String, CodeList {
        case `continue`, stepUp = "step-up", extend, pause, end
        public static let listName = "review decision"
        public var label: String { self == .stepUp ? "step up a phase" : rawValue }
    }

    public var id: Int64?
    public var planId: Int64
    public var date: SchoolDate
    public var attended: Int
    public var planned: Int
    public var rag: RAG
    public var working: String?
    public var notWorking: String?
    public var pupilVoice: String?
    public var parentVoice: String?
    public var decision: Decision?
    public var note: String?
    public var author: String

    public init(id: Int64? = nil, planId: Int64, date: SchoolDate, attended: Int, planned: Int, rag: RAG,
                working: String? = nil, notWorking: String? = nil, pupilVoice: String? = nil,
                parentVoice: String? = nil, decision: Decision? = nil, note: String? = nil, author: String) {
        self.id = id; self.planId = planId; self.date = date; self.attended = attended; self.planned = planned
        self.rag = rag; self.working = working; self.notWorking = notWorking; self.pupilVoice = pupilVoice
        self.parentVoice = parentVoice; self.decision = decision; self.note = note; self.author = author
    }

    public var attendanceFraction: Double { planned > 0 ? Double(attended) / Double(planned) : 0 }

    /// What a decision needs besides the review: the new target to extend to, the outcome and reason to end with.
    public struct Effect: Hashable, Sendable {
        public var newTarget: SchoolDate?
        public var outcome: ReintegrationPlan.Status?
        public var reason: String?
        public init(newTarget: SchoolDate? = nil, outcome: ReintegrationPlan.Status? = nil, reason: String? = nil) {
            self.newTarget = newTarget; self.outcome = outcome; self.reason = reason
        }
    }
}

/// A professional in the team around the child.
public struct Professional: Hashable, Sendable, Codable {
    public var id: Int64?
    public var caseRef: String
    public var agency: String
    public var role: String?
    public var name: String
    public var contact: String?
    public var since: SchoolDate?
    public var isLead: Bool
    public var left: SchoolDate?
    public var version: Int

    public init(id: Int64? = nil, caseRef: String, agency: String, role: String? = nil, name: String,
                contact: String? = nil, since: SchoolDate? = nil, isLead: Bool = false, left: SchoolDate? = nil,
                version: Int = 0) {
        self.id = id; self.caseRef = caseRef; self.agency = agency; self.role = role; self.name = name
        self.contact = contact; self.since = since; self.isLead = isLead; self.left = left; self.version = version
    }
}

/// The agencies an authority starts with; it can add its own (stored, audited).
public enum Agencies {
    public static let defaults = [
        "school", "LA inclusion", "education welfare", "early help", "social care", "CAMHS",
        "educational psychology", "speech and language", "school nurse", "youth justice", "police",
        "virtual school", "AP provider", "family",
    ]
}

/// A school's deletion of a pupil from its roll, as reported (or found out) by the authority.
public struct RollDeletion: Hashable, Sendable, Codable {
    public var id: Int64?
    public var childRef: String
    public var schoolURN: String
    public var date: SchoolDate
    /// Regulation 9 ground, e.g. "A registered elsewhere", "EHE", "I 20-day absence".
    public var ground: String
    public var laNotified: Bool
    public var notifiedOn: SchoolDate?
    /// Where the child went: a school URN, "EHE", or nil when nobody knows (opens a CME case).
    public var destination: String?

    public init(id: Int64? = nil, childRef: String, schoolURN: String, date: SchoolDate, ground: String,
                laNotified: Bool, notifiedOn: SchoolDate? = nil, destination: String? = nil) {
        self.id = id; self.childRef = childRef; self.schoolURN = schoolURN; self.date = date; self.ground = ground
        self.laNotified = laNotified; self.notifiedOn = notifiedOn; self.destination = destination
    }
}

/// What a Children Not in School register needs (Children's Wellbeing and Schools Act 2026 s436C(1)),
/// and the consent flags that stop a withdrawal to home education (s434A).
public struct OutOfSchoolRecord: Hashable, Sendable, Codable {
    public var childRef: String
    public var childAddress: String?
    public var parent1Name: String?
    public var parent1Address: String?
    public var parent2Name: String?
    public var parent2Address: String?
    /// Who educates the child, and for how many hours a week.
    public var educator: String?
    public var educatorHours: Double?
    /// Other providers: name, address, type, hours, hours unsupervised by a parent.
    public var otherProviders: String?
    public var lastSeen: SchoolDate?
    /// EHE: the last annual contact with the family.
    public var lastAnnualContact: SchoolDate?
    // Consent to withdraw is the authority's to give when any of these holds.
    public var s47Enquiry: Bool
    public var cpPlan: Bool
    public var specialSchool: Bool
    // CME enquiry checklist, each the date done.
    public var enquirySchool: SchoolDate?
    public var enquiryHomeVisit: SchoolDate?
    public var enquirySiblings: SchoolDate?
    public var enquiryHealth: SchoolDate?
    public var enquirySocialCare: SchoolDate?
    public var enquiryPolice: SchoolDate?
    public var enquiryOtherLA: SchoolDate?
    public var lostPupilDatabase: SchoolDate?
    public var version: Int

    public init(childRef: String, childAddress: String? = nil, parent1Name: String? = nil,
                parent1Address: String? = nil, parent2Name: String? = nil, parent2Address: String? = nil,
                educator: String? = nil, educatorHours: Double? = nil, otherProviders: String? = nil,
                lastSeen: SchoolDate? = nil, lastAnnualContact: SchoolDate? = nil, s47Enquiry: Bool = false,
                cpPlan: Bool = false, specialSchool: Bool = false, enquirySchool: SchoolDate? = nil,
                enquiryHomeVisit: SchoolDate? = nil, enquirySiblings: SchoolDate? = nil,
                enquiryHealth: SchoolDate? = nil, enquirySocialCare: SchoolDate? = nil,
                enquiryPolice: SchoolDate? = nil, enquiryOtherLA: SchoolDate? = nil,
                lostPupilDatabase: SchoolDate? = nil, version: Int = 0) {
        self.childRef = childRef; self.childAddress = childAddress; self.parent1Name = parent1Name
        self.parent1Address = parent1Address; self.parent2Name = parent2Name; self.parent2Address = parent2Address
        self.educator = educator; self.educatorHours = educatorHours; self.otherProviders = otherProviders
        self.lastSeen = lastSeen; self.lastAnnualContact = lastAnnualContact; self.s47Enquiry = s47Enquiry
        self.cpPlan = cpPlan; self.specialSchool = specialSchool; self.enquirySchool = enquirySchool
        self.enquiryHomeVisit = enquiryHomeVisit; self.enquirySiblings = enquirySiblings
        self.enquiryHealth = enquiryHealth; self.enquirySocialCare = enquirySocialCare
        self.enquiryPolice = enquiryPolice; self.enquiryOtherLA = enquiryOtherLA
        self.lostPupilDatabase = lostPupilDatabase; self.version = version
    }

    /// Withdrawal to home education needs the authority's consent.
    public var needsConsentToWithdraw: Bool { s47Enquiry || cpPlan || specialSchool }
}

public struct Panel: Hashable, Sendable, Codable {
    public enum Kind: String, CodeList {
        case inclusion, fairAccess = "fair-access", reintegration, outOfSchool = "out-of-school"
        public static let listName = "panel type"
        public var label: String {
            switch self {
            case .inclusion: "Inclusion"
            case .fairAccess: "Fair access"
            case .reintegration: "Reintegration review"
            case .outOfSchool: "EHE/CME"
            }
        }
    }
    public enum Status: String, CodeList {
        case planned, running, closed
        public static let listName = "panel status"
        public var label: String { rawValue }
    }

    public var id: Int64?
    public var date: SchoolDate
    public var type: Kind
    public var chair: String?
    public var status: Status
    public var startedAt: String?
    public var endedAt: String?
    public var version: Int

    public init(id: Int64? = nil, date: SchoolDate, type: Kind, chair: String? = nil, status: Status = .planned,
                startedAt: String? = nil, endedAt: String? = nil, version: Int = 0) {
        self.id = id; self.date = date; self.type = type; self.chair = chair; self.status = status
        self.startedAt = startedAt; self.endedAt = endedAt; self.version = version
    }
}

public struct PanelAttendee: Hashable, Sendable, Codable {
    public var id: Int64?
    public var panelId: Int64
    public var name: String
    public var organisation: String?
    public var role: String?
    /// Sent apologies rather than attending: listed under "Apologies" in the minutes, never in both lists.
    public var apologies: Bool
    /// Their login on a server store: a visiting panel member reads only the cases on the agendas of the
    /// panels they attend (row-level security keys on this). Nil for officers and anyone without a login.
    public var login: String?

    public init(id: Int64? = nil, panelId: Int64, name: String, organisation: String? = nil, role: String? = nil, apologies: Bool = false,
                login: String? = nil) {
        self.id = id; self.panelId = panelId; self.name = name; self.organisation = organisation; self.role = role
        self.apologies = apologies; self.login = login
    }

    /// Who this is, for "no one listed twice": the name and organisation, capitals and spacing ignored.
    public var identity: String {
        func norm(_ s: String?) -> String {
            (s ?? "").lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return norm(name) + "\u{1F}" + norm(organisation)
    }
}

public struct PanelItem: Hashable, Sendable, Codable {
    public enum Status: String, CodeList {
        case pending, discussed, deferred, removed
        public static let listName = "item status"
        public var label: String { rawValue }
    }

    public var id: Int64?
    public var panelId: Int64
    public var caseRef: String
    public var position: Int
    /// Why the case is on the agenda, one reason a line.
    public var reasons: String
    public var status: Status
    public var decision: String?
    public var decisionNote: String?
    /// The chair marked the item's free text (the note, an "other" decision, the actions' wording) safe to
    /// share: only then does it appear in redacted minutes.
    public var noteShared: Bool
    /// Seconds the panel spent on the item (the per-item timer).
    public var seconds: Int
    /// Why the chair took the case off the agenda (status removed); nil otherwise.
    public var removalReason: String?
    public var version: Int

    public init(id: Int64? = nil, panelId: Int64, caseRef: String, position: Int, reasons: String,
                status: Status = .pending, decision: String? = nil, decisionNote: String? = nil, noteShared: Bool = false,
                seconds: Int = 0, removalReason: String? = nil, version: Int = 0) {
        self.id = id; self.panelId = panelId; self.caseRef = caseRef; self.position = position
        self.reasons = reasons; self.status = status; self.decision = decision; self.decisionNote = decisionNote
        self.noteShared = noteShared; self.seconds = seconds; self.removalReason = removalReason; self.version = version
    }
}

/// Terms rows as imported: one half-term (usually) with its closures.
public struct TermDates: Hashable, Sendable, Codable {
    public var id: Int64?
    public var academicYear: AcademicYear
    public var term: Term
    public var start: SchoolDate
    public var end: SchoolDate
    /// Days inside the row that are not school days. A half-day closure counts the day as 0.5.
    public var closures: [Closure]

    public init(id: Int64? = nil, academicYear: AcademicYear, term: Term, start: SchoolDate, end: SchoolDate,
                closures: [Closure] = []) {
        self.id = id; self.academicYear = academicYear; self.term = term; self.start = start; self.end = end
        self.closures = closures
    }
}
