/// One term of a triage score: which factor, how many points, and why in words.
public struct TriageReason: Hashable, Sendable, Codable {
    public var factor: String
    public var points: Double
    public var detail: String

    public init(factor: String, points: Double, detail: String) {
        self.factor = factor; self.points = points; self.detail = detail
    }
}

/// A triage score with its full breakdown: `score` is the sum of `reasons`' points (each rounded to 0.1).
public struct TriageResult: Hashable, Sendable, Codable {
    public var score: Double
    /// Every non-zero term, largest first.
    public var reasons: [TriageReason]

    public init(score: Double, reasons: [TriageReason]) { self.score = score; self.reasons = reasons }

    public static let zero = TriageResult(score: 0, reasons: [])
}

/// Taskwarrior-style urgency for cases: a plain sum of named coefficients times simple measures.
/// Closed cases score 0 with no reasons: they are not in anyone's queue.
public enum Triage {
    /// Deadline kinds with their own factor (`action.overdue`, `review.overdue`), left out of the deadline terms.
    static let ownFactorKinds: Set<String> = [DeadlineKind.actionDue, DeadlineKind.caseReview]

    public static func score(file: CaseFile, deadlines: [Deadline], attendance: AttendanceSummary?,
                             calendar: SchoolCalendar, today: SchoolDate, weights: TriageWeights) -> TriageResult {
        let c = file.case
        guard c.isOpen else { return .zero }
        var reasons: [TriageReason] = []
        reasons.reserveCapacity(8)
        func add(_ key: String, _ units: Double, _ detail: @autoclosure () -> String) {
            guard units != 0 else { return }
            let w = weights.value(key)
            var u = units
            if let cap = TriageWeights.factor(key)?.cap { u = min(u, cap) }
            let p = round1(w * u)
            guard p != 0 else { return }
            reasons.append(TriageReason(factor: key, points: p, detail: detail()))
        }

        add("kind.\(c.kind.rawValue)", 1, "\(c.kind.label) case")
        switch c.status {
        case .referral: add("status.referral", 1, "referral not yet triaged")
        case .monitoring: add("status.monitoring", 1, "in monitoring")
        default: break
        }
        if let waited = UnownedReferral.schoolDays(c, calendar: calendar, today: today) {
            let cap = TriageWeights.factor(UnownedReferral.factor)?.cap ?? .infinity
            add(UnownedReferral.factor, waited, "referral with no owner for \(fmt1(waited)) school day\(waited == 1 ? "" : "s") since \(c.opened.long)\(waited > cap ? " (counted to \(fmt1(cap)))" : "")")
        }
        if c.flaggedForPanel { add("panel.flagged", 1, "flagged for the next panel") }

        let flags = file.child.flags
        if flags.contains(.CP) { add("flag.cp", 1, "child protection plan") }
        if flags.contains(.LAC) { add("flag.lac", 1, "looked after") }
        if flags.contains(.CIN) { add("flag.cin", 1, "child in need") }
        switch file.child.sen {
        case .ehcp: add("sen.ehcp", 1, "EHC plan")
        case .support: add("sen.support", 1, "SEN support")
        case .none: break
        }

        if let a = attendance {
            let pct = fmt1(a.latest.missedPercent)
            switch a.band {
            case .severe: add("attendance.severe", 1, "\(pct)% of sessions missed (\(a.latest.from.long)–\(a.latest.to.long))")
            case .persistent: add("attendance.persistent", 1, "\(pct)% of sessions missed (\(a.latest.from.long)–\(a.latest.to.long))")
            case .none: break
            }
            if let t = a.trend, t.direction == .worsening {
                add("attendance.worsening", 1, "absence up \(fmt1(t.change)) points since the previous record")
            }
        }

        let year = AcademicYear(containing: today)
        var days = 0.0
        for s in file.suspensions where !s.isPermanent && year.contains(s.start) { days += s.days }
        add("suspension.days", days, "\(fmt1(days)) school days suspended in \(year)\(days > 45 ? " (counted to 45)" : "")")
        if RepeatSuspension.missingReflection(file) {
            add("suspension.repeat-no-reflection", 1, "repeat suspension; no reflection on the one before")
        }

        var breached: [String] = [], overdue: [String] = [], imminent: [String] = []
        var noCalendar: [String] = []
        for d in deadlines where !d.informational && !ownFactorKinds.contains(d.kind) {
            switch d.state {
            case .breached: breached.append(d.title)
            case .overdue: overdue.append(d.title)
            case .upcoming, .dueToday: if d.isImminent(today: today) { imminent.append(d.title) }
            case .noCalendar: noCalendar.append(d.detail ?? d.title)
            case .met: break
            }
        }
        add("deadline.breached", Double(breached.count), "\(breached.count) breached: \(list(breached))")
        add("deadline.overdue", Double(overdue.count), "\(overdue.count) overdue: \(list(overdue))")
        add("deadline.imminent", Double(imminent.count), "\(imminent.count) due within 7 days: \(list(imminent))")
        if !noCalendar.isEmpty { add("deadline.no-calendar", 1, list(noCalendar)) }

        var late: [String] = []
        for a in file.actions where a.isOverdue(on: today) { late.append(String(a.description.prefix(30))) }
        add("action.overdue", Double(late.count), "\(late.count) action\(late.count == 1 ? "" : "s") overdue: \(list(late))")

        if c.kind.isOutOfSchool {
            let last = file.lastContact
            let since = (last ?? c.opened).days(to: today)
            let beyond = Double(max(0, since - 10))
            add("contact.days", beyond, last == nil
                ? "no contact recorded in \(since) days since the case opened"
                : "\(since) days since last contact (\(last!.long)); counted beyond 10\(beyond > 60 ? ", up to 60" : "")")
        }
        if let r = c.nextReview, r < today { add("review.overdue", 1, "case review was due \(r.long)") }

        reasons.sort { $0.points != $1.points ? $0.points > $1.points : $0.factor < $1.factor }
        var sum = 0.0
        for r in reasons { sum += r.points }
        return TriageResult(score: round1(sum), reasons: reasons)
    }

    static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    static func fmt1(_ x: Double) -> String {
        let r = round1(x)
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func list(_ items: [String]) -> String {
        items.count <= 3 ? items.joined(separator: "; ") : items.prefix(3).joined(separator: "; ") + "; +\(items.count - 3) more"
    }
}

/// Repeat suspensions without a reflection on the one before: the pattern nobody stopped to look at.
public enum RepeatSuspension {
    /// True when the child has 2 or more suspensions or exclusions and the one before the latest has no
    /// recorded reflection.
    public static func missingReflection(_ file: CaseFile) -> Bool {
        let s = file.suspensions
        guard s.count >= 2 else { return false }
        // Find the latest and the one before it by start date without sorting (files are usually in order).
        var latest = 0
        for i in s.indices where s[i].start >= s[latest].start { latest = i }
        var before = -1
        for i in s.indices where i != latest && (before < 0 || s[i].start >= s[before].start) { before = i }
        guard let id = s[before].id else { return true }
        return file.reflections[id] == nil
    }
}

/// A referral nobody owns: it climbs the queue with each school day it waits, until someone takes it.
public enum UnownedReferral {
    public static let factor = "referral.unowned"

    /// School days since the case opened (the opening day not counted) while it is a referral with no
    /// owner; nil when it has an owner, is past the referral stage, or the days can't be counted
    /// (missing term dates show as their own deadline).
    public static func schoolDays(_ c: Case, calendar: SchoolCalendar, today: SchoolDate) -> Double? {
        guard c.status == .referral, (c.owner ?? "").trimmingSpaces.isEmpty, c.opened < today else { return nil }
        return try? calendar.count(from: c.opened.adding(days: 1), to: today)
    }

    /// The next day after `today` on which the term changes (the next school day), while it is below its
    /// cap: the case summary is stale from that day, because SQL can't count school days.
    public static func nextChange(_ c: Case, calendar: SchoolCalendar, today: SchoolDate) -> SchoolDate? {
        guard c.status == .referral, (c.owner ?? "").trimmingSpaces.isEmpty else { return nil }
        let waited = schoolDays(c, calendar: calendar, today: today) ?? 0
        if let cap = TriageWeights.factor(factor)?.cap, waited >= cap { return nil }
        return try? calendar.add(0.5, after: max(today, c.opened))
    }
}
