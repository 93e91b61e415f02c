/// Which cases a panel should discuss, and why. Pure: the store hands in the assessed caseload
/// and the dates; every case comes back once, with every reason it qualifies, most urgent first.
public enum AgendaRules {
    /// The team's settings (`onroll config set panel.threshold N`, `panel.overdue-days N`).
    public struct Settings: Hashable, Sendable {
        /// A triage score above this puts a case on the agenda.
        public var threshold: Double
        /// An action overdue by more than this many calendar days puts its case on the agenda.
        public var overdueDays: Int

        public static let defaultThreshold = 30.0
        public static let defaultOverdueDays = 14

        public init(threshold: Double = Settings.defaultThreshold, overdueDays: Int = Settings.defaultOverdueDays) {
            self.threshold = threshold; self.overdueDays = overdueDays
        }
    }

    /// One case the rules put forward.
    public struct Entry: Hashable, Sendable {
        public var caseRef: String
        public var score: Double
        /// One line each, in rule order.
        public var reasons: [String]

        public init(caseRef: String, score: Double, reasons: [String]) {
            self.caseRef = caseRef; self.score = score; self.reasons = reasons
        }
    }

    /// Deadline kinds that have a rule of their own here, or are the officer's business rather than
    /// the panel's (a case's own review date): left out of the deadline rule so no reason is doubled.
    static let ownRuleKinds: Set<String> = [
        DeadlineKind.planReview, DeadlineKind.partTimeReview, DeadlineKind.actionDue, DeadlineKind.caseReview,
    ]

    /// The agenda for a panel held between `previousPanel` (the last one of its type, nil if none)
    /// and `nextPanel` (the one after it): anything falling due before `nextPanel` cannot wait.
    ///
    /// Rules, each a reason line: referred since the last panel; flagged for panel; a reintegration
    /// plan review or part-time timetable review due before the next panel; a statutory deadline
    /// open and due before the next panel, or breached since the last panel; a triage score above
    /// the threshold; an action more than `overdueDays` overdue that crossed that line since the last
    /// panel. Breaches and late actions come once, not every week: otherwise a caseload with a
    /// long tail of late actions fills every agenda with the same cases.
    public static func build(caseload: [(file: CaseFile, assessment: CaseAssessment)], previousPanel: SchoolDate?,
                             nextPanel: SchoolDate, today: SchoolDate, calendar: SchoolCalendar,
                             settings: Settings = Settings()) -> [Entry] {
        var out: [Entry] = []
        for (file, a) in caseload where file.case.isOpen {
            let r = reasons(file: file, assessment: a, previousPanel: previousPanel, nextPanel: nextPanel,
                            today: today, calendar: calendar, settings: settings)
            if !r.isEmpty { out.append(Entry(caseRef: file.case.ref, score: a.triage.score, reasons: r)) }
        }
        return out.sorted { $0.score != $1.score ? $0.score > $1.score : $0.caseRef < $1.caseRef }
    }

    /// Every reason one case belongs on the agenda (empty when it does not).
    public static func reasons(file: CaseFile, assessment a: CaseAssessment, previousPanel: SchoolDate?,
                               nextPanel: SchoolDate, today: SchoolDate, calendar: SchoolCalendar,
                               settings: Settings = Settings()) -> [String] {
        let c = file.case
        var out: [String] = []
        if let prev = previousPanel, c.opened > prev {
            out.append("referred since the last panel (opened \(c.opened.iso))")
        }
        if c.flaggedForPanel { out.append("flagged for panel") }
        for p in file.plans {
            if let due = PlanSchedule.nextReview(p, calendar: calendar), due < nextPanel {
                out.append("reintegration plan \(p.plan.id.map(String.init) ?? "") review \(due < today ? "overdue since" : "due") \(due.iso)")
            }
        }
        if let pt = c.partTimeReview, pt < nextPanel {
            out.append("part-time timetable review \(pt < today ? "overdue since" : "due") \(pt.iso)")
        }
        for d in a.deadlines where !d.informational && !ownRuleKinds.contains(d.kind) {
            if d.state == .breached {
                // A breach stays a breach: it comes to the panel once, the week it happens.
                guard previousPanel.map({ d.due > $0 }) ?? true else { continue }
                out.append("deadline breached: \(d.title) (due \(d.due.iso))")
            } else if d.state.isOpen && d.due < nextPanel {
                out.append("deadline \(d.state == .overdue ? "overdue" : "due before the next panel"): \(d.title) (due \(d.due.iso))")
            }
        }
        if a.triage.score > settings.threshold {
            out.append("triage score \(format(a.triage.score)) (above \(format(settings.threshold)))")
        }
        for act in file.actions where act.status == .open {
            guard let due = act.due else { continue }
            let late = due.days(to: today)
            // Escalated once, at the first panel after it passed the limit; after that its weight
            // in the triage score keeps the case in view.
            let crossed = due.adding(days: settings.overdueDays + 1)
            if late > settings.overdueDays, previousPanel.map({ crossed > $0 }) ?? true {
                out.append("action overdue \(late) days: \(act.description) (\(act.agency))")
            }
        }
        return out
    }

    public static func format(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
