import OnRollCore
import OnRollStore

/// The PRU head's review view: every active plan in a setting, overdue reviews first.
extension Console {
    func openPlans() {
        // The setting is the PRU/AP of the selected case's child, else the first PRU with plans.
        let setting = state.selected.flatMap { try? store.caseFile($0.ref) }?.plans.first?.plan.fromURN
            ?? (try? store.planRows().first?.detail.plan.fromURN) ?? nil
        state.planSetting = setting
        do {
            try loadPlans()
            state.mode = .plans
            state.planSelection = 0
            state.message = "\(state.planRows.count) active plans · r records a review · o opens the case"
        } catch {
            state.message = "Cannot load plans: \(error)"
        }
    }

    func loadPlans() throws {
        // A saved review can move its plan in the list (no longer overdue): the cursor stays on the plan.
        let keep = state.planRows.indices.contains(state.planSelection) ? state.planRows[state.planSelection].plan.plan.id : nil
        let cal = try store.calendar()
        let today = state.today
        state.planRows = try store.planRows(setting: state.planSetting).map { row in
            PlanRow(plan: row.detail, caseRef: row.caseRef, childName: row.child.displayName,
                    weeksIn: PlanSchedule.weeksIn(row.detail, today: today),
                    phaseSessions: row.detail.phase(on: today)?.sessions,
                    nextReview: PlanSchedule.nextReview(row.detail, calendar: cal),
                    overdue: PlanSchedule.isReviewOverdue(row.detail, calendar: cal, today: today),
                    lastRAG: row.detail.reviews.last?.rag, attendance: PlanSchedule.attendanceSeries(row.detail))
        }.sorted { a, b in
            if a.overdue != b.overdue { return a.overdue }
            return (a.nextReview?.dayNumber ?? Int.max, a.caseRef) < (b.nextReview?.dayNumber ?? Int.max, b.caseRef)
        }
        if let id = keep, let i = state.planRows.firstIndex(where: { $0.plan.plan.id == id }) { state.planSelection = i }
        state.planSelection = min(state.planSelection, max(0, state.planRows.count - 1))
    }
}
