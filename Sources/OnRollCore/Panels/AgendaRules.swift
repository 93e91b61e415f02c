/// Which cases a panel should discuss, and why. Pure: the store hands in the assessed caseload,
/// the dates and which cases earlier panels discussed; what comes back is an agenda a weekly meeting
/// can get through (at most `maxItems`), in priority order, and the cases left over ("also eligible").
public enum AgendaRules {
    /// The team's settings (`onroll config set panel.threshold N`, `panel.overdue-days N`, `panel.max-items N`).
    public struct Settings: Hashable, Sendable {
        /// A triage score above this puts a case on the agenda.
        public var threshold: Double
        /// An action overdue by more than this many calendar days puts its case on the agenda.
        public var overdueDays: Int
        /// Places on an agenda: a weekly panel gets through 10–25 cases.
        public var maxItems: Int

        public static let defaultThreshold = 30.0
        public static let defaultOverdueDays = 14
        public static let defaultMaxItems = 20

        public init(threshold: Double = Settings.defaultThreshold, overdueDays: Int = Settings.defaultOverdueDays,
                    maxItems: Int = Settings.defaultMaxItems) {
            self.threshold = threshold; self.overdueDays = overdueDays; self.maxItems = maxItems
        }
    }

    /// Why a case claims a place, most pressing first: the agenda is filled in this order.
    public enum Priority: Int, Comparable, Hashable, Sendable, CaseIterable {
        /// A statutory deadline falling due before the next panel and not before the last (or breached since it).
        case statutory
        /// Referred in the week before the panel and not yet discussed at one.
        case newReferral
        case flagged
        /// A reintegration plan or part-time timetable review due before the next panel.
        case review
        /// A triage score above the threshold, an action long overdue, or a deadline overdue since before
        /// the last panel: these fill the places left, highest score first.
        case score

        public static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
    }

    /// One case the rules put forward.
    public struct Entry: Hashable, Sendable {
        public var caseRef: String
        public var score: Double
        /// The most pressing of its reasons: where it falls in the agenda.
        public var priority: Priority
        /// One line each, in rule order.
        public var reasons: [String]

        public init(caseRef: String, score: Double, priority: Priority = .score, reasons: [String]) {
            self.caseRef = caseRef; self.score = score; self.priority = priority; self.reasons = reasons
        }
    }

    /// What one run of the rules proposes.
    public struct Agenda: Hashable, Sendable {
        /// The cases to add, in agenda order (places already taken are not counted again here).
        public var items: [Entry]
        /// Cases that qualify but found no place, in the same order, with their reasons.
        public var alsoEligible: [Entry]
        /// Cases that would qualify but an earlier panel decided them and nothing new has happened since.
        public var decidedNothingNew: [String]
    }

    /// The facts about one panel the rules need.
    public struct Window: Hashable, Sendable {
        /// The panel's own date.
        public var date: SchoolDate
        /// The last panel of its type before it, nil at the first.
        public var previous: SchoolDate?
        /// The next one (a week on when none is planned): anything falling due before it cannot wait.
        public var next: SchoolDate

        public init(date: SchoolDate, previous: SchoolDate?, next: SchoolDate) {
            self.date = date; self.previous = previous; self.next = next
        }

        /// Referrals after this date are new: the last panel, or at the first panel the week before it.
        public var newSince: SchoolDate { previous ?? date.adding(days: -7) }
    }

    /// Deadline kinds that have a rule of their own here, or are the officer's business rather than
    /// the panel's (a case's own review date): left out of the deadline rule so no reason is doubled.
    static let ownRuleKinds: Set<String> = [
        DeadlineKind.planReview, DeadlineKind.partTimeReview, DeadlineKind.actionDue, DeadlineKind.caseReview,
    ]

    /// The agenda for a panel.
    ///
    /// - `discussed`: for each case, the date of the latest earlier panel that discussed it (a decision
    ///   or "discussed"). Such a case comes back only if something new has happened since: a
    ///   chronology line (other than the panels' own), a suspension, a status change.
    /// - `lastNews`: the date of each case's latest chronology line other than a panel's, where the
    ///   case files carry only part of their chronology (the store's bulk read).
    /// - `onAgenda`: cases already on this agenda (deferred here, added by hand): they take places.
    /// - `takenOff`: cases the chair took off this agenda: they stay off and take no place.
    ///
    /// Places go by priority (statutory, new referral, flagged, review, then score), and within one
    /// priority by score, highest first.
    public static func plan(caseload: [(file: CaseFile, assessment: CaseAssessment)], window: Window, today: SchoolDate,
                            calendar: SchoolCalendar, settings: Settings = Settings(),
                            discussed: [String: SchoolDate] = [:], lastNews: [String: SchoolDate] = [:],
                            onAgenda: Set<String> = [], takenOff: Set<String> = []) -> Agenda {
        var eligible: [Entry] = [], held: [String] = []
        for (file, a) in caseload where file.case.isOpen {
            let ref = file.case.ref
            guard !onAgenda.contains(ref), !takenOff.contains(ref) else { continue }
            let r = reasons(file: file, assessment: a, window: window, today: today, calendar: calendar,
                            settings: settings, discussed: discussed[ref])
            guard let top = r.map(\.priority).min() else { continue }
            if let when = discussed[ref], !hasNews(file, since: when), !(lastNews[ref].map { $0 > when } ?? false) {
                held.append(ref); continue
            }
            eligible.append(Entry(caseRef: ref, score: a.triage.score, priority: top, reasons: r.map(\.text)))
        }
        eligible.sort { ($0.priority, -$0.score, $0.caseRef) < ($1.priority, -$1.score, $1.caseRef) }
        let places = max(0, settings.maxItems - onAgenda.count)
        return Agenda(items: Array(eligible.prefix(places)), alsoEligible: Array(eligible.dropFirst(places)),
                      decidedNothingNew: held.sorted())
    }

    /// Something happened on the case after a panel discussed it: a chronology line dated after that
    /// panel (the panels' own decision lines aside), or a suspension starting after it.
    public static func hasNews(_ file: CaseFile, since: SchoolDate) -> Bool {
        file.chronology.contains { $0.date > since && $0.kind != .decision }
            || file.suspensions.contains { $0.start > since }
    }

    /// Every reason one case belongs on the agenda (empty when it does not), each with its priority.
    public static func reasons(file: CaseFile, assessment a: CaseAssessment, window: Window, today: SchoolDate,
                               calendar: SchoolCalendar, settings: Settings = Settings(),
                               discussed: SchoolDate? = nil) -> [(priority: Priority, text: String)] {
        let c = file.case
        let previousPanel = window.previous, nextPanel = window.next
        var out: [(priority: Priority, text: String)] = []
        if discussed == nil, c.opened > window.newSince, c.opened <= window.date {
            out.append((.newReferral, previousPanel == nil ? "new referral, not yet discussed (opened \(c.opened.iso))"
                                                           : "referred since the last panel (opened \(c.opened.iso))"))
        }
        if c.flaggedForPanel { out.append((.flagged, "flagged for panel")) }
        for p in file.plans {
            if let due = PlanSchedule.nextReview(p, calendar: calendar), due < nextPanel {
                out.append((.review, "reintegration plan \(p.plan.id.map(String.init) ?? "") review \(due < today ? "overdue since" : "due") \(due.iso)"))
            }
        }
        if let pt = c.partTimeReview, pt < nextPanel {
            out.append((.review, "part-time timetable review \(pt < today ? "overdue since" : "due") \(pt.iso)"))
        }
        for d in a.deadlines where !d.informational && !ownRuleKinds.contains(d.kind) {
            if d.state == .breached {
                // A breach stays a breach: it comes to the panel once, the week it happens.
                guard previousPanel.map({ d.due > $0 }) ?? true else { continue }
                // At a first panel an old breach comes too, once, but competes on score.
                out.append((d.due > window.newSince ? .statutory : .score, "deadline breached: \(d.title) (due \(d.due.iso))"))
            } else if d.state.isOpen && d.due < nextPanel {
                // Falling due this week claims a place; one long overdue was before an earlier panel
                // already, and competes on score with the rest (its weight keeps it high).
                let fresh = d.due > window.newSince
                out.append((fresh ? .statutory : .score,
                            "deadline \(d.state == .overdue ? "overdue" : "due before the next panel"): \(d.title) (due \(d.due.iso))"))
            }
        }
        if a.triage.score > settings.threshold {
            out.append((.score, "triage score \(format(a.triage.score)) (above \(format(settings.threshold)))"))
        }
        for act in file.actions where act.status == .open {
            guard let due = act.due else { continue }
            let late = due.days(to: today)
            // Escalated once, at the first panel after it passed the limit; after that its weight
            // in the triage score keeps the case in view.
            let crossed = due.adding(days: settings.overdueDays + 1)
            if late > settings.overdueDays, previousPanel.map({ crossed > $0 }) ?? true {
                out.append((.score, "action overdue \(late) days: \(act.description) (\(act.agency))"))
            }
        }
        return out
    }

    public static func format(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
