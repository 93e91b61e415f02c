// The records a caseload is made of. Plain values: the store persists them, rules read them.
// `version` counts edits so two officers cannot silently overwrite each other (store checks it).

public struct School: Hashable, Sendable, Codable {
    public var urn: String
    public var name: String
    public var phase: SchoolPhase?
    public var type: SchoolType?
    public var trust: String?
    /// Headcount on roll (January census): the denominator of every published rate.
    public var roll: Int?
    /// The 7-digit DfE number (LA code + establishment, e.g. 8014001): what schools' own systems and
    /// returns name a school by, where the LA's files use the URN.
    public var laestab: String?

    public init(urn: String, name: String, phase: SchoolPhase? = nil, type: SchoolType? = nil, trust: String? = nil, roll: Int? = nil,
                laestab: String? = nil) {
        self.urn = urn; self.name = name; self.phase = phase; self.type = type; self.trust = trust; self.roll = roll
        self.laestab = laestab
    }

    /// A DfE number is 7 digits: a 3-digit LA code and a 4-digit establishment number.
    public static func isLAESTAB(_ s: String) -> Bool { s.count == 7 && s.allSatisfy { $0.isASCII && $0.isNumber } }

    /// Schools with no trust are the authority's own.
    public var trustLabel: String { trust.flatMap { $0.isEmpty ? nil : $0 } ?? "Maintained (LA)" }
}

public struct Child: Hashable, Sendable, Codable {
    public var ref: String
    public var upn: UPN?
    public var forename: String
    public var surname: String
    public var preferredName: String?
    public var dob: SchoolDate
    public var sex: Sex?
    public var schoolURN: String?
    public var sen: SENStatus
    public var senNeed: SENNeed?
    public var flags: FlagSet
    public var strengths: String?
    public var interests: String?
    public var pupilVoice: String?
    public var parentVoice: String?
    /// Parent/carer names and how to reach them, as the officer recorded them.
    public var contacts: String?
    /// The UPN the child had before (re-issued after adoption, or a temporary one replaced): a file
    /// from a school that still holds the old one finds the child by it.
    public var formerUPN: UPN?
    public var version: Int

    public init(ref: String, upn: UPN? = nil, forename: String, surname: String, preferredName: String? = nil,
                dob: SchoolDate, sex: Sex? = nil, schoolURN: String? = nil, sen: SENStatus = .none,
                senNeed: SENNeed? = nil, flags: FlagSet = FlagSet(), strengths: String? = nil,
                interests: String? = nil, pupilVoice: String? = nil, parentVoice: String? = nil,
                contacts: String? = nil, formerUPN: UPN? = nil, version: Int = 0) {
        self.formerUPN = formerUPN
        self.ref = ref; self.upn = upn; self.forename = forename; self.surname = surname
        self.preferredName = preferredName; self.dob = dob; self.sex = sex; self.schoolURN = schoolURN
        self.sen = sen; self.senNeed = senNeed; self.flags = flags; self.strengths = strengths
        self.interests = interests; self.pupilVoice = pupilVoice; self.parentVoice = parentVoice
        self.contacts = contacts; self.version = version
    }

    /// The name the child goes by, first: what officers say in a meeting.
    public var displayName: String {
        let first = (preferredName?.isEmpty == false ? preferredName! : forename)
        return "\(first) \(surname)"
    }

    /// Initials only, for redacted minutes.
    public var initials: String {
        [forename.first, surname.first].compactMap { $0 }.map { String($0).uppercased() }.joined()
    }
}

public struct Case: Hashable, Sendable, Codable {
    public var ref: String
    public var childRef: String
    public var kind: CaseKind
    public var status: CaseStatus
    public var opened: SchoolDate
    public var owner: String?
    public var summary: String?
    public var nextReview: SchoolDate?
    public var closedOn: SchoolDate?
    public var closureReason: String?
    /// Set by an officer to put the case on the next panel's agenda.
    public var flaggedForPanel: Bool
    /// EHC needs assessment request date, where one was made: starts the 6/16/20-week clock.
    public var ehcRequest: SchoolDate?
    /// Date of the last EHCP annual review (or plan issue), for the 12-month review clock.
    public var ehcLastReview: SchoolDate?
    /// The authority's decision whether to assess (due by week 6), and a notice that no plan will be
    /// issued (by week 16), each the date it was made.
    public var ehcDecision: SchoolDate?
    public var ehcNoPlanNotice: SchoolDate?
    /// Part-time timetable: agreed end and review dates (both required for a part-time case).
    public var partTimeEnd: SchoolDate?
    public var partTimeReview: SchoolDate?
    /// Fair access: the date the panel accepted the case, and the date a place was allocated.
    public var fairAccessAccepted: SchoolDate?
    public var fairAccessPlaced: SchoolDate?
    /// A direction to off-site provision to improve behaviour (s29A Education Act 2002): its first day,
    /// the day written notice was given, and the latest review requested by the parents (or the LA) and
    /// the latest review meeting held.
    public var offsiteFirstDay: SchoolDate?
    public var offsiteNotice: SchoolDate?
    public var offsiteReviewRequested: SchoolDate?
    public var offsiteReviewHeld: SchoolDate?
    public var version: Int

    public init(ref: String, childRef: String, kind: CaseKind, status: CaseStatus = .open, opened: SchoolDate,
                owner: String? = nil, summary: String? = nil, nextReview: SchoolDate? = nil,
                closedOn: SchoolDate? = nil, closureReason: String? = nil, flaggedForPanel: Bool = false,
                ehcRequest: SchoolDate? = nil, ehcLastReview: SchoolDate? = nil,
                ehcDecision: SchoolDate? = nil, ehcNoPlanNotice: SchoolDate? = nil,
                partTimeEnd: SchoolDate? = nil, partTimeReview: SchoolDate? = nil,
                fairAccessAccepted: SchoolDate? = nil, fairAccessPlaced: SchoolDate? = nil, version: Int = 0) {
        self.ref = ref; self.childRef = childRef; self.kind = kind; self.status = status; self.opened = opened
        self.owner = owner; self.summary = summary; self.nextReview = nextReview; self.closedOn = closedOn
        self.closureReason = closureReason; self.flaggedForPanel = flaggedForPanel; self.ehcRequest = ehcRequest
        self.ehcLastReview = ehcLastReview; self.ehcDecision = ehcDecision; self.ehcNoPlanNotice = ehcNoPlanNotice
        self.partTimeEnd = partTimeEnd; self.partTimeReview = partTimeReview
        self.fairAccessAccepted = fairAccessAccepted; self.fairAccessPlaced = fairAccessPlaced; self.version = version
    }

    public var isOpen: Bool { status != .closed }
}

/// One line of a case's chronology. Notes, status changes, actions, suspensions, contacts,
/// panel decisions and plan reviews all land here, so the chronology is one ordered query.
public struct ChronologyEntry: Hashable, Sendable, Codable {
    public var id: Int64?
    public var caseRef: String
    public var date: SchoolDate
    /// When it was recorded (UTC, ISO 8601); orders entries on the same date.
    public var recordedAt: String
    public var author: String
    public var kind: Kind
    public var text: String
    /// For contacts and enquiries: the type (home visit, phone, letter…) and outcome.
    public var contactType: String?
    public var outcome: String?
    /// Id of the record this entry is about (action, suspension, plan review, panel item), if any.
    public var linkId: Int64?
    /// For a line imported from a file: who the file says wrote it, and when. The line's own author
    /// and time are the importing officer's: a file can't credit someone else with a visit.
    public var reportedBy: String?
    public var reportedAt: String?

    public enum Kind: String, CodeList {
        case note, status, owner, opened, closed, action, actionDone, actionCancelled, suspension, attendance
        case contact, enquiry, seen, reflection, decision, plan, planReview, planEnd, deletion, team, undo
        public static let listName = "chronology kind"
        public var label: String {
            switch self {
            case .actionDone: "action done"
            case .actionCancelled: "action cancelled"
            case .planReview: "plan review"
            case .planEnd: "plan ended"
            default: rawValue
            }
        }
    }

    public init(id: Int64? = nil, caseRef: String, date: SchoolDate, recordedAt: String, author: String,
                kind: Kind, text: String, contactType: String? = nil, outcome: String? = nil, linkId: Int64? = nil,
                reportedBy: String? = nil, reportedAt: String? = nil) {
        self.id = id; self.caseRef = caseRef; self.date = date; self.recordedAt = recordedAt; self.author = author
        self.kind = kind; self.text = text; self.contactType = contactType; self.outcome = outcome; self.linkId = linkId
        self.reportedBy = reportedBy; self.reportedAt = reportedAt
    }

    /// "asha.patel", or for an imported line "tom.reid (reported by sam.lee on 2026-10-01)".
    public var byline: String {
        guard let by = reportedBy else { return author }
        return "\(author) (reported by \(by)\(reportedAt.map { " on \($0.prefix(10))" } ?? ""))"
    }
}

public struct CaseAction: Hashable, Sendable, Codable {
    public var id: Int64?
    public var caseRef: String
    public var agency: String
    public var owner: String?
    public var description: String
    public var due: SchoolDate?
    public var status: ActionStatus
    public var completed: SchoolDate?
    public var outcome: String?
    public var created: SchoolDate
    /// The panel that agreed it, if any.
    public var panelId: Int64?
    public var version: Int

    public init(id: Int64? = nil, caseRef: String, agency: String, owner: String? = nil, description: String,
                due: SchoolDate? = nil, status: ActionStatus = .open, completed: SchoolDate? = nil,
                outcome: String? = nil, created: SchoolDate, panelId: Int64? = nil, version: Int = 0) {
        self.id = id; self.caseRef = caseRef; self.agency = agency; self.owner = owner; self.description = description
        self.due = due; self.status = status; self.completed = completed; self.outcome = outcome
        self.created = created; self.panelId = panelId; self.version = version
    }

    public func isOverdue(on today: SchoolDate) -> Bool {
        status == .open && (due.map { $0 < today } ?? false)
    }
}

public struct Suspension: Hashable, Sendable, Codable {
    public var id: Int64?
    public var childRef: String
    public var start: SchoolDate
    /// School days, in steps of 0.5 (a lunchtime suspension is 0.5).
    public var days: Double
    public var reason: ReasonCode?
    public var schoolURN: String?
    public var type: SuspensionType
    /// When the parents were given notice; the governors' 15-day clock runs from it.
    public var noticeDate: SchoolDate?
    /// A public exam or national test falls in the suspension (governors must meet, ideally before it).
    public var examMissed: Bool
    // Notification checklist: the date each party was told.
    public var notifiedLA: SchoolDate?
    public var notifiedSocialWorker: SchoolDate?
    public var notifiedVirtualSchool: SchoolDate?
    public var notifiedHomeLA: SchoolDate?
    /// Date alternative full-time provision actually started (day 6, or day 1 for a looked-after child).
    public var provisionFrom: SchoolDate?
    // Permanent exclusion steps, each the date it happened.
    public var governorsMet: SchoolDate?
    public var decisionLetter: SchoolDate?
    public var reviewRequested: SchoolDate?
    public var reviewPanel: SchoolDate?
    public var reconsidered: SchoolDate?
    /// `reinstated` or `off-roll` once the exclusion has run its course.
    public var pexOutcome: String?
    /// The reason codes as a school's exclusions return gave them, up to three in order, known or not
    /// (a school's MIS may run ahead of OnRoll's list); nil for a record entered by hand, whose one
    /// reason is `reason`. `reason` holds the first of these when OnRoll knows it.
    /// Both are nil rather than empty/false when unset: a record's audit snapshot then reads exactly as
    /// it did before they existed, so `onroll check` still matches every suspension stored before.
    public var reportedReasons: ReportedReasons?
    /// A lunchtime exclusion (census LNCH): half a day, told apart from a half-day suspension.
    public var lunchtimeFlag: Bool?
    public var lunchtime: Bool {
        get { lunchtimeFlag == true }
        set { lunchtimeFlag = newValue ? true : nil }
    }
    /// The date of the public exam or national test the suspension makes the pupil miss: the governors'
    /// meeting is due before it when that is sooner than their 15 school days.
    public var examDate: SchoolDate?
    /// When the parents were told of the day-6 provision (at least 48 hours before it starts), and
    /// whether they waived that notice. Nil rather than false when not waived, as `lunchtimeFlag`.
    public var provisionNotice: SchoolDate?
    public var provisionNoticeWaivedFlag: Bool?
    public var provisionNoticeWaived: Bool {
        get { provisionNoticeWaivedFlag == true }
        set { provisionNoticeWaivedFlag = newValue ? true : nil }
    }
    /// The day the independent review panel's decision was sent to the governors, first-class post
    /// unless `panelDecisionByHand`: the reconsideration clock runs from its deemed service, not the hearing.
    public var panelDecisionSent: SchoolDate?
    public var panelDecisionByHandFlag: Bool?
    public var panelDecisionByHand: Bool {
        get { panelDecisionByHandFlag == true }
        set { panelDecisionByHandFlag = newValue ? true : nil }
    }
    public var version: Int

    public init(id: Int64? = nil, childRef: String, start: SchoolDate, days: Double, reason: ReasonCode? = nil,
                schoolURN: String? = nil, type: SuspensionType = .suspension, noticeDate: SchoolDate? = nil,
                examMissed: Bool = false, notifiedLA: SchoolDate? = nil, notifiedSocialWorker: SchoolDate? = nil,
                notifiedVirtualSchool: SchoolDate? = nil, notifiedHomeLA: SchoolDate? = nil,
                provisionFrom: SchoolDate? = nil, governorsMet: SchoolDate? = nil, decisionLetter: SchoolDate? = nil,
                reviewRequested: SchoolDate? = nil, reviewPanel: SchoolDate? = nil, reconsidered: SchoolDate? = nil,
                pexOutcome: String? = nil, reportedReasons: ReportedReasons? = nil, lunchtime: Bool = false, version: Int = 0) {
        self.reportedReasons = reportedReasons?.isEmpty == true ? nil : reportedReasons
        self.lunchtimeFlag = lunchtime ? true : nil
        self.id = id; self.childRef = childRef; self.start = start; self.days = days; self.reason = reason
        self.schoolURN = schoolURN; self.type = type; self.noticeDate = noticeDate; self.examMissed = examMissed
        self.notifiedLA = notifiedLA; self.notifiedSocialWorker = notifiedSocialWorker
        self.notifiedVirtualSchool = notifiedVirtualSchool; self.notifiedHomeLA = notifiedHomeLA
        self.provisionFrom = provisionFrom; self.governorsMet = governorsMet; self.decisionLetter = decisionLetter
        self.reviewRequested = reviewRequested; self.reviewPanel = reviewPanel; self.reconsidered = reconsidered
        self.pexOutcome = pexOutcome; self.version = version
    }

    public var isPermanent: Bool { type == .permanent }

    /// The dates of issue 16.5's facts that are recorded, for a suspension's line on screen ("" when none).
    public var factsText: String {
        var out: [String] = []
        if let d = examDate { out.append("exam \(d.iso)") }
        if provisionNoticeWaived { out.append("day-6 notice waived") } else if let d = provisionNotice { out.append("day-6 notice \(d.iso)") }
        if let d = panelDecisionSent { out.append("panel decision \(panelDecisionByHand ? "by hand" : "posted") \(d.iso)") }
        return out.map { " · " + $0 }.joined()
    }

    /// A public exam is missed: flagged, or its date recorded.
    public var missesExam: Bool { examMissed || examDate != nil }

    /// `lunchtimeFlag` is stored, and written in JSON, as `lunchtime`.
    enum CodingKeys: String, CodingKey {
        case id, childRef, start, days, reason, schoolURN, type, noticeDate, examMissed, notifiedLA, notifiedSocialWorker
        case notifiedVirtualSchool, notifiedHomeLA, provisionFrom, governorsMet, decisionLetter, reviewRequested, reviewPanel
        case reconsidered, pexOutcome, reportedReasons, version
        case lunchtimeFlag = "lunchtime"
        case examDate, provisionNotice, panelDecisionSent
        case provisionNoticeWaivedFlag = "provisionNoticeWaived", panelDecisionByHandFlag = "panelDecisionByHand"
    }

    /// Every reason recorded, as codes: the return's, or the one entered by hand.
    public var reasonCodes: [String] { reportedReasons?.codes ?? (reason.map { [$0.rawValue] } ?? []) }

    /// "PA (physical assault against an adult), ZZ (a code OnRoll does not know)", for chronology lines.
    public var reasonsText: String {
        reasonCodes.map { code in "\(code) (\(ReasonCode(rawValue: code)?.label.lowercased() ?? "a code OnRoll does not know"))" }
            .joined(separator: ", ")
    }

    /// Days must be positive and in half-day steps.
    public static func validateDays(_ d: Double) throws(ValidationError) {
        guard d > 0, d <= 200, (d * 2).rounded() == d * 2 else {
            throw ValidationError("\(d) is not a number of school days in 0.5 steps (e.g. 0.5, 1, 2.5)")
        }
    }
}

/// What a suspension's reflection records: turning an incident into a change, not the next suspension.
public struct Reflection: Hashable, Sendable, Codable {
    public var suspensionId: Int64
    public var date: SchoolDate
    public var whatHappened: String
    public var triggers: String?
    public var pupilView: String?
    public var whatWillChange: String?
    public var author: String

    public init(suspensionId: Int64, date: SchoolDate, whatHappened: String, triggers: String? = nil,
                pupilView: String? = nil, whatWillChange: String? = nil, author: String) {
        self.suspensionId = suspensionId; self.date = date; self.whatHappened = whatHappened
        self.triggers = triggers; self.pupilView = pupilView; self.whatWillChange = whatWillChange; self.author = author
    }
}

public struct AttendanceRecord: Hashable, Sendable, Codable {
    public var id: Int64?
    public var childRef: String
    public var from: SchoolDate
    public var to: SchoolDate
    public var possible: Int
    public var present: Int
    public var authorised: Int?
    public var unauthorised: Int?
    /// The school the sessions were at, by DfE number: set for a year from a CTF (one record per school
    /// and year), nil for the LA's own attendance files (and then absent from JSON and audit snapshots).
    public var laestab: String?

    public init(id: Int64? = nil, childRef: String, from: SchoolDate, to: SchoolDate, possible: Int, present: Int,
                authorised: Int? = nil, unauthorised: Int? = nil, laestab: String? = nil) {
        self.id = id; self.childRef = childRef; self.from = from; self.to = to; self.possible = possible
        self.present = present; self.authorised = authorised; self.unauthorised = unauthorised; self.laestab = laestab
    }

    public var missed: Int { possible - present }

    /// Fraction of possible sessions missed (0 when none were possible).
    public var missedFraction: Double { possible > 0 ? Double(missed) / Double(possible) : 0 }

    public func validate() throws(ValidationError) {
        guard from <= to else { throw ValidationError("'to' \(to) is before 'from' \(from)", field: "to") }
        guard possible >= 0 else { throw ValidationError("possible sessions cannot be negative", field: "possible") }
        guard present >= 0, present <= possible else {
            throw ValidationError("present (\(present)) must be between 0 and possible (\(possible))", field: "present")
        }
        let a = authorised ?? 0, u = unauthorised ?? 0
        guard a >= 0, u >= 0 else { throw ValidationError("absence counts cannot be negative", field: "authorised") }
        if authorised != nil || unauthorised != nil {
            guard present + a + u <= possible else {
                throw ValidationError("present + authorised + unauthorised (\(present + a + u)) exceeds possible (\(possible))", field: "unauthorised")
            }
        }
    }
}
