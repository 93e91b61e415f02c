import GRDB
import OnRollCore

/// Reintegration plans: a pupil stepping back from a PRU, AP or part-time timetable into a school.
extension Store {
    @discardableResult
    public func newPlan(user: String, _ plan: ReintegrationPlan) throws -> ReintegrationPlan {
        guard plan.start <= plan.target else { throw StoreError.invalid("--target \(plan.target.iso) is before --start \(plan.start.iso)") }
        guard plan.reviewEvery > 0 else { throw StoreError.invalid("--review-every must be at least 1 school day") }
        return try write(user: user) { ctx in
            guard try Case.fetchOne(ctx.db, key: plan.caseRef) != nil else { throw StoreError.notFound("no case with ref \(plan.caseRef)") }
            for urn in [plan.fromURN, plan.toURN] where try School.fetchOne(ctx.db, key: urn) == nil {
                throw StoreError.notFound("no school with URN \(urn)")
            }
            var p = plan
            p.status = .active
            try ctx.insert(&p, op: .planNew, caseRef: p.caseRef, summary: "\(p.caseRef): reintegration plan \(p.fromURN) → \(p.toURN)")
            try ctx.chronicle(p.caseRef, date: p.start, kind: .plan,
                              text: "Reintegration plan \(p.id ?? 0): \(p.fromURN) → \(p.toURN), full time by \(p.target.iso), reviews every \(p.reviewEvery) school days",
                              linkId: p.id)
            return p
        }
    }

    public func plan(_ id: Int64) throws -> PlanDetail {
        try read { db in
            guard let p = try ReintegrationPlan.fetchOne(db, key: id) else { throw StoreError.notFound("no plan with id \(id)") }
            return PlanDetail(plan: p, phases: try PlanPhase.filter(Column("planId") == id).order(Column("from")).fetchAll(db),
                              reviews: try PlanReview.filter(Column("planId") == id).order(Column("date"), Column("id")).fetchAll(db))
        }
    }

    @discardableResult
    public func addPhase(user: String, _ phase: PlanPhase) throws -> PlanPhase {
        let detail = try plan(phase.planId)
        // Name the option the way the CLI spells it: "--from: the phase overlaps …".
        do { try PlanSchedule.validate(phase: phase, in: detail) } catch { throw StoreError.invalid((error.field.map { "--\($0): " } ?? "") + error.message) }
        return try write(user: user) { ctx in
            var ph = phase
            try ctx.insert(&ph, op: .planPhase, caseRef: detail.plan.caseRef,
                           summary: "\(detail.plan.caseRef): plan \(phase.planId) phase \(phase.from.iso)..\(phase.to.iso), \(phase.sessions) sessions/week")
            try ctx.chronicle(detail.plan.caseRef, date: phase.from, kind: .plan,
                              text: "Plan \(phase.planId) phase: \(phase.from.iso) to \(phase.to.iso), \(phase.sessions) sessions a week" + (phase.description.map { " (\($0))" } ?? ""),
                              linkId: ph.id)
            return ph
        }
    }

    @discardableResult
    public func addPlanReview(user: String, _ review: PlanReview, effect: PlanReview.Effect = .init(),
                              today: SchoolDate = Store.clockToday()) throws -> PlanReview {
        if let p = RecordedDate.problem(review.date, today: today, what: "the review") { throw StoreError.invalid(p) }
        guard review.attended >= 0, review.planned >= 0 else { throw StoreError.invalid("sessions cannot be negative") }
        guard review.attended <= review.planned else {
            throw StoreError.invalid("attended (\(review.attended)) is more than planned (\(review.planned))")
        }
        let detail = try plan(review.planId)
        guard !detail.plan.status.isEnded else { throw StoreError.invalid("plan \(review.planId) has ended (\(detail.plan.status.label))") }
        // Two reviews on one day are one review typed twice: the second would double the plan's history.
        if let same = detail.reviews.first(where: { $0.date == review.date }) {
            throw StoreError.invalid("plan \(review.planId) already has a review dated \(review.date.iso) (review \(same.id ?? 0), by \(same.author)): add to it with a note instead")
        }
        try checkEffect(of: review, effect, on: detail)
        return try write(user: user) { ctx in
            var r = review
            try ctx.insert(&r, op: .planReview, caseRef: detail.plan.caseRef,
                           summary: "\(detail.plan.caseRef): plan \(review.planId) review \(review.date.iso), \(review.rag.rawValue)")
            var text = "Plan \(review.planId) review: \(review.attended)/\(review.planned) sessions, \(review.rag.label)"
            if let d = review.decision { text += ", decision: \(d.label)" }
            if let w = review.working { text += ". Working: \(w)" }
            if let n = review.notWorking { text += ". Not working: \(n)" }
            // The child's and family's words belong in the record the next reader sees first.
            if let v = review.pupilVoice { text += ". Pupil: \(v)" }
            if let v = review.parentVoice { text += ". Parent/carer: \(v)" }
            if let n = review.note { text += ". Note: \(n)" }
            try ctx.chronicle(detail.plan.caseRef, date: review.date, kind: .planReview, text: text, linkId: r.id)
            // The decision is the plan's next step, taken in the same write so the review and its effect never part.
            try applyDecision(of: review, effect, in: ctx)
            return r
        }
    }

    /// Ends a plan as completed (full time in the target setting), extended, or broken down (reason required).
    @discardableResult
    public func endPlan(user: String, id: Int64, outcome: ReintegrationPlan.Status, reason: String?, date: SchoolDate) throws -> ReintegrationPlan {
        guard outcome.isEnded else { throw StoreError.invalid("--outcome must be completed, extended or broken-down") }
        if outcome == .brokenDown, (reason ?? "").trimmingSpaces.isEmpty {
            throw StoreError.invalid("a plan that broke down needs a --reason")
        }
        return try write(user: user) { ctx in try end(planId: id, outcome: outcome, reason: reason, date: date, in: ctx) }
    }

    /// Plans with their case and child, for the PRU head's review view (`plan list`).
    public func planRows(setting: String? = nil, includeEnded: Bool = false) throws -> [(detail: PlanDetail, caseRef: String, child: Child)] {
        try read { db in
            var q = ReintegrationPlan.order(Column("id"))
            if let s = setting { q = q.filter(Column("fromURN") == s) }
            let plans = try q.fetchAll(db).filter { includeEnded || !$0.status.isEnded }
            return try plans.compactMap { p in
                guard let c = try Case.fetchOne(db, key: p.caseRef), let ch = try Child.fetchOne(db, key: c.childRef) else { return nil }
                let d = PlanDetail(plan: p, phases: try PlanPhase.filter(Column("planId") == p.id).order(Column("from")).fetchAll(db),
                                   reviews: try PlanReview.filter(Column("planId") == p.id).order(Column("date"), Column("id")).fetchAll(db))
                return (d, c.ref, ch)
            }
        }
    }
}
