import GRDB
import OnRollCore

/// What a plan review's decision does to the plan: step up a phase, move the target, pause, resume or end.
extension Store {
    /// Refusals that need no write: the effect's dates and outcome must fit the decision before anything is saved.
    func checkEffect(of review: PlanReview, _ effect: PlanReview.Effect, on detail: PlanDetail) throws {
        let id = review.planId
        if effect.newTarget != nil, review.decision != .extend { throw StoreError.invalid("--new-target goes with --decision extend") }
        if effect.outcome != nil, review.decision != .end { throw StoreError.invalid("--outcome goes with --decision end") }
        switch review.decision {
        case .extend:
            guard let t = effect.newTarget else { throw StoreError.invalid("a decision to extend plan \(id) needs --new-target DATE") }
            guard t > detail.plan.target else {
                throw StoreError.invalid("--new-target \(t.iso) is not after plan \(id)'s target (\(detail.plan.target.iso)): extending moves the target later")
            }
        case .end:
            guard let o = effect.outcome else { throw StoreError.invalid("a decision to end plan \(id) needs --outcome completed or broken-down") }
            guard o == .completed || o == .brokenDown else { throw StoreError.invalid("--outcome with --decision end: use completed or broken-down") }
            if o == .brokenDown, (effect.reason ?? "").trimmingSpaces.isEmpty { throw StoreError.invalid("a plan that broke down needs a --reason") }
        default: break
        }
    }

    func applyDecision(of review: PlanReview, _ effect: PlanReview.Effect, in ctx: WriteContext) throws {
        let id = review.planId
        guard var p = try ReintegrationPlan.fetchOne(ctx.db, key: id) else { throw StoreError.notFound("no plan with id \(id)") }
        switch review.decision {
        case .stepUp:
            try stepUp(p, on: review.date, in: ctx)
        case .extend:
            guard let t = effect.newTarget else { return }
            let was = p.target
            p.target = t
            try ctx.update(&p, op: .planTarget, caseRef: p.caseRef, summary: "\(p.caseRef): plan \(id) target \(was.iso) → \(t.iso)")
            try ctx.chronicle(p.caseRef, date: review.date, kind: .plan, text: "Plan \(id) extended at review: full time now by \(t.iso) (was \(was.iso))", linkId: id)
        case .end:
            guard let o = effect.outcome else { return }
            try end(planId: id, outcome: o, reason: effect.reason, date: review.date, in: ctx)
            return
        default: break
        }
        // A pause is also the plan's state; any decision to go on (continue, step up, extend) resumes a paused plan.
        guard let d = review.decision, var now = try ReintegrationPlan.fetchOne(ctx.db, key: id) else { return }
        let to: ReintegrationPlan.Status = d == .pause ? .paused : .active
        guard now.status != to, now.status == .paused || to == .paused else { return }
        let was = now.status
        now.status = to
        try ctx.update(&now, op: .planStatus, caseRef: now.caseRef, summary: "\(now.caseRef): plan \(id) \(was.rawValue) → \(to.rawValue)")
    }

    /// The phase holding the review date ends on it, and the next phase starts the next school day, keeping its end.
    private func stepUp(_ p: ReintegrationPlan, on date: SchoolDate, in ctx: WriteContext) throws {
        let id = p.id ?? 0
        let phases = try PlanPhase.filter(Column("planId") == id).order(Column("from")).fetchAll(ctx.db)
        guard var next = phases.first(where: { $0.from > date }) else {
            throw StoreError.invalid("plan \(id) has no next phase to step up to: add one with `onroll plan phase`")
        }
        let cal = SchoolCalendar(rows: try TermDates.order(Column("start")).fetchAll(ctx.db))
        let starts: SchoolDate
        do { starts = try cal.add(1, after: date) } catch { throw StoreError.invalid("cannot find the school day after \(date.iso): \(error)") }
        guard starts <= next.to else {
            throw StoreError.invalid("plan \(id)'s next phase ends \(next.to.iso), before the next school day (\(starts.iso)): add a longer phase with `onroll plan phase`")
        }
        if var current = phases.last(where: { $0.from <= date && date <= $0.to }), current.to != date {
            let was = current.to
            current.to = date
            try ctx.replace(current, op: .planPhase, caseRef: p.caseRef, summary: "\(p.caseRef): plan \(id) phase \(current.from.iso) ends \(date.iso) (was \(was.iso))")
        }
        let was = next.from
        next.from = starts
        if was != starts {
            try ctx.replace(next, op: .planPhase, caseRef: p.caseRef, summary: "\(p.caseRef): plan \(id) phase starts \(starts.iso) (was \(was.iso))")
        }
        try ctx.chronicle(p.caseRef, date: date, kind: .plan,
                          text: "Plan \(id) stepped up: \(next.sessions) sessions a week from \(starts.iso) to \(next.to.iso)", linkId: id)
    }

    /// endPlan's rules inside a write, so a review's decision to end and the ending are one change.
    @discardableResult
    func end(planId id: Int64, outcome: ReintegrationPlan.Status, reason: String?, date: SchoolDate, in ctx: WriteContext) throws -> ReintegrationPlan {
        guard var p = try ReintegrationPlan.fetchOne(ctx.db, key: id) else { throw StoreError.notFound("no plan with id \(id)") }
        guard !p.status.isEnded else { throw StoreError.invalid("plan \(id) has already ended (\(p.status.label))") }
        let was = p.status
        p.status = outcome
        p.endedOn = date
        p.endReason = reason
        try ctx.update(&p, op: .planEnd, caseRef: p.caseRef, summary: "\(p.caseRef): plan \(id) \(was.rawValue) → \(outcome.rawValue)")
        try ctx.chronicle(p.caseRef, date: date, kind: .planEnd,
                          text: "Plan \(id) ended: \(outcome.label)" + (reason.map { " — \($0)" } ?? ""), linkId: id)
        return p
    }

    /// Moves a plan's full-time target outside a review (a review's "extend" does it at the review).
    @discardableResult
    public func changePlanTarget(user: String, id: Int64, target: SchoolDate, reason: String?,
                                 today: SchoolDate = Store.clockToday()) throws -> ReintegrationPlan {
        try write(user: user) { ctx in
            guard var p = try ReintegrationPlan.fetchOne(ctx.db, key: id) else { throw StoreError.notFound("no plan with id \(id)") }
            guard !p.status.isEnded else { throw StoreError.invalid("plan \(id) has ended (\(p.status.label))") }
            guard target != p.target else { throw StoreError.invalid("plan \(id)'s target is already \(target.iso)") }
            guard target >= p.start else { throw StoreError.invalid("--date \(target.iso) is before plan \(id) started (\(p.start.iso))") }
            // Phases stay inside the plan's dates: a shorter plan first needs its late phases shortened.
            if let late = try PlanPhase.filter(Column("planId") == id).fetchAll(ctx.db).first(where: { $0.to > target }) {
                throw StoreError.invalid("plan \(id) has a phase \(late.from.iso)..\(late.to.iso) ending after \(target.iso)")
            }
            let was = p.target
            p.target = target
            try ctx.update(&p, op: .planTarget, caseRef: p.caseRef, summary: "\(p.caseRef): plan \(id) target \(was.iso) → \(target.iso)")
            try ctx.chronicle(p.caseRef, date: today, kind: .plan,
                              text: "Plan \(id) target moved: full time by \(target.iso) (was \(was.iso))" + (reason.map { " — \($0)" } ?? ""), linkId: id)
            return p
        }
    }
}
