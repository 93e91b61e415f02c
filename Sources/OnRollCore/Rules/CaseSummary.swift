/// What the caseload shows of one case, kept beside the case so a caseload of any size can be filtered,
/// ordered and paged without assessing every case again.
///
/// The triage score depends on today, so it is stored in two parts:
/// - `fixedTenths`: the terms that stay the same from `asOf` until `validUntil` (deadline states, actions
///   falling due, the academic year, attendance windows, and an unowned referral's school days waited,
///   which change only on the next school day). Past `validUntil` (or before `asOf`) the summary
///   is stale and is assessed again.
/// - the contact term, which grows by a day each day: stored as its inputs (`contactBase`, weight, cap)
///   and added for the given today by `score(on:)`, or by the same formula in SQL.
public struct CaseSummary: Sendable, Equatable {
    /// Bumped whenever a rule that feeds the summary changes: summaries from an older build are stale.
    public static let rulesVersion = 2

    public var caseRef: String
    public var childRef: String
    public var kind: CaseKind
    public var status: CaseStatus
    public var owner: String?
    public var opened: SchoolDate
    public var nextReview: SchoolDate?
    public var childName: String
    public var dob: SchoolDate
    public var schoolURN: String?
    public var schoolName: String?
    public var flags: FlagSet
    /// The folded text a search matches (SearchText.key of the names, UPN and refs).
    public var searchText: String

    public var asOf: SchoolDate
    public var validUntil: SchoolDate
    /// The fixed terms' points in tenths: each term is rounded to 0.1, so in tenths the sum is exact and
    /// SQL and Swift order cases identically.
    public var fixedTenths: Int
    /// The day contact is counted from (last contact, else the day the case opened); nil when the
    /// contact term does not apply (not an out-of-school case, or closed).
    public var contactBase: SchoolDate?
    public var contactWeight: Double
    public var contactCap: Double
    /// Something breached or overdue on any day in [asOf, validUntil).
    public var overdue: Bool
    /// The earliest deadline still open or breached (informational ones too), as the caseload shows it.
    public var nextDue: SchoolDate?
    public var nextDueTitle: String?
    /// The earliest deadline still open: what "due this week" asks about.
    public var openDue: SchoolDate?
    /// The last time the child was seen or spoken to.
    public var lastContact: SchoolDate?
    public var rulesVersion: Int

    public init(caseRef: String, childRef: String, kind: CaseKind, status: CaseStatus, owner: String?, opened: SchoolDate,
                nextReview: SchoolDate?, childName: String, dob: SchoolDate, schoolURN: String?, schoolName: String?,
                flags: FlagSet, searchText: String, asOf: SchoolDate, validUntil: SchoolDate, fixedTenths: Int,
                contactBase: SchoolDate?, contactWeight: Double, contactCap: Double, overdue: Bool,
                nextDue: SchoolDate?, nextDueTitle: String?, openDue: SchoolDate?, lastContact: SchoolDate?,
                rulesVersion: Int = CaseSummary.rulesVersion) {
        self.caseRef = caseRef; self.childRef = childRef; self.kind = kind; self.status = status; self.owner = owner
        self.opened = opened; self.nextReview = nextReview; self.childName = childName; self.dob = dob
        self.schoolURN = schoolURN; self.schoolName = schoolName; self.flags = flags; self.searchText = searchText
        self.asOf = asOf; self.validUntil = validUntil; self.fixedTenths = fixedTenths; self.contactBase = contactBase
        self.contactWeight = contactWeight; self.contactCap = contactCap; self.overdue = overdue
        self.nextDue = nextDue; self.nextDueTitle = nextDueTitle; self.openDue = openDue; self.lastContact = lastContact
        self.rulesVersion = rulesVersion
    }

    /// The key of the factor that grows with time, kept out of `fixedTenths`.
    public static let contactFactor = "contact.days"
    /// Contact is counted only beyond this many days (Triage's rule).
    public static let contactGrace = 10

    /// True when the stored parts give the score for `today`.
    public func isCurrent(on today: SchoolDate) -> Bool {
        rulesVersion == CaseSummary.rulesVersion && asOf <= today && today < validUntil
    }

    /// The triage score for `today` (valid while `isCurrent(on: today)`), computed exactly as Triage
    /// does: each term rounded to 0.1, then the sum. The SQL in the store mirrors this formula.
    public func score(on today: SchoolDate) -> Double {
        Double(fixedTenths + contactTenths(on: today)) / 10
    }

    /// The contact term for `today` in tenths, as Triage rounds it.
    public func contactTenths(on today: SchoolDate) -> Int {
        guard let base = contactBase else { return 0 }
        let units = min(Double(max(0, base.days(to: today) - CaseSummary.contactGrace)), contactCap)
        return Int(((contactWeight * units) * 10).rounded())
    }

    /// The summary of an assessed case: `assessment` must be for `asOf`.
    public static func make(file: CaseFile, assessment a: CaseAssessment, weights: TriageWeights) -> CaseSummary {
        let c = file.case, child = file.child
        var fixed = 0
        for r in a.triage.reasons where r.factor != contactFactor { fixed += Int((r.points * 10).rounded()) }
        let contactApplies = c.isOpen && c.kind.isOutOfSchool
        let hay = [child.forename, child.surname, child.preferredName ?? "", child.upn?.value ?? "", child.ref, c.ref,
                   child.displayName].map(SearchText.key).joined(separator: " ")
        let next = a.deadlines.filter { $0.state.isOpen || $0.state == .breached }.min { $0.due < $1.due }
        return CaseSummary(
            caseRef: c.ref, childRef: c.childRef, kind: c.kind, status: c.status, owner: c.owner, opened: c.opened,
            nextReview: c.nextReview, childName: child.displayName, dob: child.dob, schoolURN: child.schoolURN,
            schoolName: file.school?.name, flags: child.flags, searchText: hay,
            asOf: a.today, validUntil: validUntil(file: file, assessment: a), fixedTenths: fixed,
            contactBase: contactApplies ? (file.lastContact ?? c.opened) : nil,
            contactWeight: weights.value(contactFactor),
            contactCap: TriageWeights.factor(contactFactor)?.cap ?? Double(Int32.max),
            overdue: !a.overdue.isEmpty || !a.breached.isEmpty, nextDue: next?.due, nextDueTitle: next?.title,
            openDue: a.deadlines.filter(\.state.isOpen).map(\.due).min(), lastContact: file.lastContact)
    }

    /// The first day after `asOf` on which anything but the contact term could change: a deadline coming
    /// within the 7-day window, falling due or going overdue; an action or the case review going overdue;
    /// an attendance period starting or ending; a suspension starting; the academic year turning.
    /// Never more than a year ahead, so every summary is looked at again at least once a year.
    static func validUntil(file: CaseFile, assessment a: CaseAssessment) -> SchoolDate {
        let asOf = a.today
        var best = min(AcademicYear(containing: asOf).lastDay.adding(days: 1), asOf.adding(days: 366))
        func consider(_ d: SchoolDate?) {
            if let d, d > asOf, d < best { best = d }
        }
        for d in a.deadlines {
            consider(d.due.adding(days: -7)); consider(d.due); consider(d.due.adding(days: 1))
        }
        for act in file.actions { consider(act.due?.adding(days: 1)) }
        consider(file.case.nextReview?.adding(days: 1))
        for r in file.attendance { consider(r.from); consider(r.to); consider(r.to.adding(days: 1)) }
        for s in file.suspensions { consider(s.start); consider(s.start.adding(days: 1)) }
        // The unowned-referral term grows by school days, which SQL can't count: held as fixed until the next one.
        consider(a.scoreGrowsOn)
        return best
    }
}

/// One row of the caseload as `list` and the console show it: a case's summary and its score for a day.
public struct CaseRow: Sendable, Equatable {
    public var summary: CaseSummary
    public var score: Double
    public var isOverdue: Bool { summary.overdue }
    public var ref: String { summary.caseRef }

    public init(summary: CaseSummary, score: Double) { self.summary = summary; self.score = score }

    /// The caseload's order, as `AssessedCase.ranked`: highest score, then the longest-open case, then ref.
    public static func ranked(_ rows: [CaseRow]) -> [CaseRow] {
        rows.sorted { a, b in
            a.score != b.score ? a.score > b.score : (a.summary.opened, a.ref) < (b.summary.opened, b.ref)
        }
    }
}
