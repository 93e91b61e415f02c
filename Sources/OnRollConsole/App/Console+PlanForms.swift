import OnRollCore
import OnRollStore

/// Plan forms, from the plans view (the plan under the cursor) or a case (its current plan): a review
/// and its decision, a new phase, a moved target, and the plan's end.
extension Console {
    /// The plan a plan form acts on, with the case and child it names in its title.
    func planInView(for cmd: Command) -> (plan: PlanDetail, caseRef: String, child: String)? {
        if state.mode == .plans {
            guard state.planRows.indices.contains(state.planSelection) else { state.message = "No plan selected"; return nil }
            let row = state.planRows[state.planSelection]
            return (row.plan, row.caseRef, row.childName)
        }
        guard let c = targetCase else { state.message = "Select a case first"; return nil }
        let ref = c.file.case.ref
        // A review of an ended plan is refused by the store with its reason; the other forms need a live plan.
        let live = c.file.plans.last { !$0.plan.status.isEnded }
        guard let plan = live ?? (cmd == .reviewPlan ? c.file.plans.last : nil) else {
            state.message = c.file.plans.isEmpty ? "\(ref) has no reintegration plan" : "\(ref) has no plan still running"
            return nil
        }
        return (plan, ref, c.file.child.displayName)
    }

    func openPlanForm(_ cmd: Command) {
        guard let (plan, ref, child) = planInView(for: cmd) else { return }
        let id = plan.plan.id ?? 0
        func title(_ what: String) -> String { Console.formTitle(what, ref: ref, child: child) }
        switch cmd {
        case .reviewPlan:
            state.form = planReviewForm(plan, caseRef: ref, child: child)
        case .addPlanPhase:
            let from = plan.phases.last.map { $0.to.adding(days: 1) }.map { max($0, plan.plan.start) } ?? plan.plan.start
            state.form = Form(title: title("New phase of plan \(id)"), purpose: .planPhase(planId: id, caseRef: ref), fields: [
                .init("from", "From", .date, required: true, value: min(from, plan.plan.target).iso),
                .init("to", "To", .date, required: true, value: plan.plan.target.iso),
                .init("sessions", "Sessions a week", .number, required: true, value: "10"),
                .init("description", "Description")])
        case .changePlanTarget:
            state.form = Form(title: title("Target of plan \(id) (now \(plan.plan.target.iso))"), purpose: .planTarget(planId: id, caseRef: ref), fields: [
                .init("target", "Full time by", .date, required: true, value: plan.plan.target.iso), .init("reason", "Why")])
        case .endPlan:
            state.form = Form(title: title("End plan \(id)"), purpose: .planEnd(planId: id, caseRef: ref), fields: [
                .init("outcome", "Outcome", .pick(["completed", "extended", "broken-down"])),
                .init("reason", "Reason (broken down)"), .init("date", "Ended on", .date, required: true, value: state.today.iso)])
        default: break
        }
    }

    func planReviewForm(_ plan: PlanDetail, caseRef: String, child: String) -> Form {
        let planned = plan.phase(on: state.today)?.sessions ?? plan.phases.last?.sessions ?? 10
        return Form(title: Console.formTitle("Review of plan \(plan.plan.id ?? 0)", ref: caseRef, child: child), purpose: .planReview(planId: plan.plan.id ?? 0, caseRef: caseRef), fields: [
            .init("date", "Date", .date, required: true, value: state.today.iso),
            .init("attended", "Sessions attended", .number, required: true),
            .init("planned", "Sessions planned", .number, required: true, value: String(planned * 2)),
            .init("rag", "RAG", .pick(RAG.allCases.map(\.rawValue)), value: "amber"),
            .init("working", "What is working"), .init("notWorking", "What is not"),
            .init("decision", "Decision", .pick(PlanReview.Decision.allCases.map(\.rawValue))),
            .init("newTarget", "New target (extend)", .date),
            .init("outcome", "Outcome (end)", .pick(["", "completed", "broken-down"])),
            .init("reason", "Reason (broken down)"),
            .init("pupil", "Pupil says"), .init("parent", "Parent/carer says"), .init("note", "Note")])
    }

    func savePlanForm(_ f: Form) throws {
        let user = state.user
        func opt(_ k: String) -> String? { f[k].isEmpty ? nil : f[k] }
        func date(_ k: String) throws -> SchoolDate? { f[k].isEmpty ? nil : try SchoolDate.parse(f[k]) }
        let ref: String, message: String
        switch f.purpose {
        case .planReview(let planId, let r):
            guard let attended = Int(f["attended"]), let planned = Int(f["planned"]) else { throw StoreError.invalid("sessions must be whole numbers") }
            let decision = try PlanReview.Decision.parseOptional(f["decision"])
            let review = PlanReview(planId: planId, date: try date("date") ?? state.today, attended: attended, planned: planned,
                                    rag: try RAG.parse(f["rag"]), working: opt("working"), notWorking: opt("notWorking"),
                                    pupilVoice: opt("pupil"), parentVoice: opt("parent"), decision: decision, note: opt("note"), author: user)
            // The extra fields only count for the decision they belong to, so a stray value cannot refuse a plain review.
            let effect = PlanReview.Effect(newTarget: decision == .extend ? try date("newTarget") : nil,
                                           outcome: decision == .end ? try ReintegrationPlan.Status.parseOptional(f["outcome"]) : nil,
                                           reason: decision == .end ? opt("reason") : nil)
            try store.addPlanReview(user: user, review, effect: effect, today: state.today)
            remember(r, "review of plan \(planId) recorded", .refuse(UndoRefusal.planReview))
            (ref, message) = (r, "Review saved for plan \(planId)" + (decision.map { ": \($0.label)" } ?? ""))
        case .planPhase(let planId, let r):
            guard let sessions = Int(f["sessions"]) else { throw StoreError.invalid("sessions must be a whole number") }
            let ph = try store.addPhase(user: user, PlanPhase(planId: planId, from: try date("from") ?? state.today, to: try date("to") ?? state.today,
                                                              sessions: sessions, description: opt("description")))
            remember(r, "phase added to plan \(planId)", .refuse(UndoRefusal.planRecord))
            (ref, message) = (r, "Plan \(planId): phase \(ph.from.iso)..\(ph.to.iso), \(sessions) sessions a week")
        case .planTarget(let planId, let r):
            let p = try store.changePlanTarget(user: user, id: planId, target: try date("target") ?? state.today, reason: opt("reason"), today: state.today)
            remember(r, "plan \(planId) target moved", .refuse(UndoRefusal.planRecord))
            (ref, message) = (r, "Plan \(planId): full time by \(p.target.iso)")
        case .planEnd(let planId, let r):
            let p = try store.endPlan(user: user, id: planId, outcome: try ReintegrationPlan.Status.parse(f["outcome"]), reason: opt("reason"),
                                      date: try date("date") ?? state.today)
            remember(r, "plan \(planId) ended", .refuse(UndoRefusal.planRecord))
            (ref, message) = (r, "Plan \(planId) ended: \(p.status.label)")
        default: return
        }
        try reloadCase(ref)
        if state.mode == .plans { try loadPlans() }
        state.message = message
    }
}
