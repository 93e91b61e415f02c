// What a report reads: narrow rows (ReportRows.swift) the store (or a test) assembles. Reports fetch nothing.

public struct ReportData: Sendable {
    public var schools: [School]
    public var children: [ReportChild]
    public var cases: [ReportCase]
    public var suspensions: [ReportSuspension]
    public var plans: [ReportPlan]
    public var actions: [ReportAction]
    /// Last contact (child seen or spoken to) per case ref, e.g. from `CaseFile.lastContact`.
    public var lastContact: [String: SchoolDate]
    public var deletions: [ReportDeletion]
    public var outOfSchool: [ReportSighting]
    public var calendar: SchoolCalendar

    /// Only the schools and term dates; the store adds the rows a report reads (`Reports.sources`).
    public init(schools: [School], calendar: SchoolCalendar) {
        self.schools = schools; self.children = []; self.cases = []; self.suspensions = []; self.plans = []
        self.actions = []; self.lastContact = [:]; self.deletions = []; self.outOfSchool = []; self.calendar = calendar
    }

    /// From whole records (tests, and the case-file path below): each is narrowed to what reports read.
    public init(schools: [School] = [], children: [Child] = [], cases: [Case] = [], suspensions: [Suspension] = [],
                plans: [PlanDetail] = [], actions: [CaseAction] = [], lastContact: [String: SchoolDate] = [:],
                deletions: [RollDeletion] = [], outOfSchool: [OutOfSchoolRecord] = [],
                calendar: SchoolCalendar = SchoolCalendar(rows: [])) {
        self.init(schools: schools, calendar: calendar)
        self.children = children.map(ReportChild.init); self.cases = cases.map(ReportCase.init)
        self.suspensions = suspensions.map(ReportSuspension.init); self.plans = plans.map { ReportPlan($0.plan) }
        self.actions = actions.map(ReportAction.init); self.lastContact = lastContact
        self.deletions = deletions.map(ReportDeletion.init); self.outOfSchool = outOfSchool.map(ReportSighting.init)
    }

    /// The same data with only `sources` kept (the rest empty): what the store reads for a report.
    public func keeping(_ sources: ReportSources) -> ReportData {
        var d = ReportData(schools: schools, calendar: calendar)
        if sources.contains(.children) { d.children = children }
        if sources.contains(.cases) { d.cases = cases }
        if sources.contains(.suspensions) { d.suspensions = suspensions }
        if sources.contains(.plans) { d.plans = plans }
        if sources.contains(.actions) { d.actions = actions }
        if sources.contains(.lastContact) { d.lastContact = lastContact }
        if sources.contains(.deletions) { d.deletions = deletions }
        if sources.contains(.outOfSchool) { d.outOfSchool = outOfSchool }
        return d
    }

    /// Builds the arrays from case files (de-duplicating what several files of one child share).
    public init(caseFiles: [CaseFile], schools: [School], calendar: SchoolCalendar,
                extraSuspensions: [Suspension] = [], extraDeletions: [RollDeletion] = []) {
        var children: [String: Child] = [:]
        var suspensions: [String: Suspension] = [:]
        var deletions: [String: RollDeletion] = [:]
        var plans: [String: PlanDetail] = [:]
        var outOfSchool: [String: OutOfSchoolRecord] = [:]
        var actions: [CaseAction] = []
        var last: [String: SchoolDate] = [:]
        func key(_ id: Int64?, _ fallback: String) -> String { id.map { "#\($0)" } ?? fallback }
        for f in caseFiles {
            children[f.child.ref] = f.child
            for s in f.suspensions {
                suspensions[key(s.id, "\(s.childRef)|\(s.start.iso)|\(s.schoolURN ?? "")|\(s.type.rawValue)")] = s
            }
            for d in f.deletions { deletions[key(d.id, "\(d.childRef)|\(d.schoolURN)|\(d.date.iso)")] = d }
            for p in f.plans { plans[key(p.plan.id, "\(p.plan.caseRef)|\(p.plan.start.iso)|\(p.plan.fromURN)")] = p }
            if let o = f.outOfSchool { outOfSchool[o.childRef] = o }
            actions += f.actions
            if let l = f.lastContact { last[f.case.ref] = l }
        }
        for s in extraSuspensions {
            suspensions[key(s.id, "\(s.childRef)|\(s.start.iso)|\(s.schoolURN ?? "")|\(s.type.rawValue)")] = s
        }
        for d in extraDeletions { deletions[key(d.id, "\(d.childRef)|\(d.schoolURN)|\(d.date.iso)")] = d }
        self.init(schools: schools, children: children.values.sorted { $0.ref < $1.ref },
                  cases: caseFiles.map(\.case), suspensions: suspensions.values.sorted { ($0.start, $0.childRef) < ($1.start, $1.childRef) },
                  plans: plans.values.sorted { ($0.plan.start, $0.plan.caseRef) < ($1.plan.start, $1.plan.caseRef) },
                  actions: actions, lastContact: last, deletions: deletions.values.sorted { ($0.date, $0.childRef) < ($1.date, $1.childRef) },
                  outOfSchool: outOfSchool.values.sorted { $0.childRef < $1.childRef }, calendar: calendar)
    }
}

/// An academic year, or one term of it.
public struct ReportPeriod: Hashable, Sendable, Codable {
    public var year: AcademicYear
    public var term: Term?

    public init(year: AcademicYear, term: Term? = nil) { self.year = year; self.term = term }

    /// The dates the period covers and, when the calendar has no rows for the term, a note saying
    /// that fixed windows were used instead: autumn 1 Sep–31 Dec, spring 1 Jan–31 Mar (Easter moves;
    /// the window does not), summer 1 Apr–31 Jul. A whole year is 1 Aug–31 Jul.
    public func range(calendar: SchoolCalendar) -> (dates: ClosedRange<SchoolDate>, note: String?) {
        guard let term else { return (year.firstDay...year.lastDay, nil) }
        if let span = calendar.span(of: term, in: year) { return (span, nil) }
        let y = year.startYear
        let r: ClosedRange<SchoolDate>
        switch term {
        case .autumn: r = SchoolDate(year: y, month: 9, day: 1)!...SchoolDate(year: y, month: 12, day: 31)!
        case .spring: r = SchoolDate(year: y + 1, month: 1, day: 1)!...SchoolDate(year: y + 1, month: 3, day: 31)!
        case .summer: r = SchoolDate(year: y + 1, month: 4, day: 1)!...SchoolDate(year: y + 1, month: 7, day: 31)!
        }
        return (r, "No term dates are stored for \(year) \(term.rawValue) term: the fixed window \(r.lowerBound.long) – \(r.upperBound.long) was used.")
    }

    /// `2025/26 autumn term (1 Sep 2025 – 19 Dec 2025)` or `2025/26 (1 Aug 2025 – 31 Jul 2026)`.
    public func label(calendar: SchoolCalendar) -> String {
        let r = range(calendar: calendar).dates
        let name = term.map { "\(year) \($0.rawValue) term" } ?? "\(year)"
        return "\(name) (\(r.lowerBound.long) – \(r.upperBound.long))"
    }
}
