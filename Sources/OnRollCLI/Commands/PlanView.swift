import OnRollCore

/// One plan as `plan show` prints it: the plan, where it stands today, and its history.
struct PlanView: Encodable {
    var id: Int64, caseRef: String, fromURN: String, toURN: String, start: SchoolDate, target: SchoolDate
    var reviewEvery: Int, successCriteria: String?, support: String?, status: String
    var endedOn: SchoolDate?, endReason: String?
    var weeksIn: Int, currentPhaseSessions: Int?, nextReview: SchoolDate?, reviewOverdue: Bool
    var attended: Int, planned: Int, lastRAG: String?
    var phases: [PlanPhase]
    var reviews: [PlanReview]

    init(_ d: PlanDetail, calendar: SchoolCalendar, today: SchoolDate) {
        let p = d.plan
        id = p.id ?? 0; caseRef = p.caseRef; fromURN = p.fromURN; toURN = p.toURN; start = p.start; target = p.target
        reviewEvery = p.reviewEvery; successCriteria = p.successCriteria; support = p.support; status = p.status.rawValue
        endedOn = p.endedOn; endReason = p.endReason
        weeksIn = PlanSchedule.weeksIn(d, today: today)
        currentPhaseSessions = d.phase(on: today)?.sessions
        nextReview = PlanSchedule.nextReview(d, calendar: calendar)
        reviewOverdue = PlanSchedule.isReviewOverdue(d, calendar: calendar, today: today)
        attended = d.reviews.reduce(0) { $0 + $1.attended }
        planned = d.reviews.reduce(0) { $0 + $1.planned }
        lastRAG = d.reviews.last?.rag.rawValue
        phases = d.phases
        reviews = d.reviews
    }

    var text: String {
        var out = ["Plan \(id) on \(caseRef): \(fromURN) → \(toURN) · \(status.replacingOccurrences(of: "-", with: " "))",
                   "Started \(start.iso), full time by \(target.iso), reviews every \(reviewEvery) school days"]
        if let e = endedOn { out.append("Ended \(e.iso)" + (endReason.map { ": \($0)" } ?? "")) }
        else {
            out.append("Week \(weeksIn) · phase \(currentPhaseSessions.map { "\($0)/10 sessions a week" } ?? "none in force today")"
                       + " · next review \(nextReview?.iso ?? "—")" + (reviewOverdue ? " (OVERDUE)" : ""))
        }
        if let c = successCriteria { out.append("Success looks like: \(c)") }
        if let s = support { out.append("Support: \(s)") }
        out.append("")
        out.append("Phases")
        if phases.isEmpty { out.append("  none yet (onroll plan phase \(id) --from DATE --to DATE --sessions N)") }
        for ph in phases {
            out.append("  \(ph.from.iso)..\(ph.to.iso)  \(ph.sessions)/10 sessions a week" + (ph.description.map { "  \($0)" } ?? ""))
        }
        out.append("")
        out.append("Reviews" + (reviews.isEmpty ? "" : "  \(attended)/\(planned) sessions attended  \(PlanSchedule.sparkline(reviews.map(\.attendanceFraction)))"))
        if reviews.isEmpty { out.append("  none yet") }
        for r in reviews {
            out.append("  \(r.date.iso)  \(r.attended)/\(r.planned)  \(r.rag.rawValue.uppercased())" + (r.decision.map { "  decision: \($0.label)" } ?? "") + "  (\(r.author))")
            if let w = r.working { out.append("      working: \(w)") }
            if let n = r.notWorking { out.append("      not working: \(n)") }
            if let v = r.pupilVoice { out.append("      pupil: \(v)") }
            if let v = r.parentVoice { out.append("      parent: \(v)") }
            if let n = r.note { out.append("      note: \(n)") }
        }
        return out.joined(separator: "\n")
    }
}

/// One row of `plan list`.
struct PlanListRow: Encodable {
    var id: Int64, caseRef: String, child: String, from: String, to: String, status: String, weeksIn: Int
    var phaseSessions: Int?, attended: Int, planned: Int, attendance: [Double], lastRAG: String?
    var nextReview: String?, reviewOverdue: Bool
    var sparkline: String { PlanSchedule.sparkline(attendance) }

    init(_ v: PlanView, child: String) {
        id = v.id; caseRef = v.caseRef; self.child = child; from = v.fromURN; to = v.toURN; status = v.status
        weeksIn = v.weeksIn; phaseSessions = v.currentPhaseSessions; attended = v.attended; planned = v.planned
        attendance = v.reviews.map(\.attendanceFraction); lastRAG = v.lastRAG; nextReview = v.nextReview?.iso
        reviewOverdue = v.reviewOverdue
    }
}
