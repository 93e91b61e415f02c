/// When a reintegration plan is next reviewed, and how far in it is. Reviews fall every
/// `reviewEvery` school days after the start or the last review, counted on the stored calendar.
public enum PlanSchedule {
    /// The next review date: `reviewEvery` school days after the last review (or the start).
    public static func nextReview(_ p: PlanDetail, calendar: SchoolCalendar) -> SchoolDate? {
        guard !p.plan.status.isEnded else { return nil }
        let from = p.reviews.last?.date ?? p.plan.start
        return try? calendar.add(Double(p.plan.reviewEvery), after: from)
    }

    public static func isReviewOverdue(_ p: PlanDetail, calendar: SchoolCalendar, today: SchoolDate) -> Bool {
        guard let due = nextReview(p, calendar: calendar) else { return false }
        return due < today
    }

    /// Whole weeks since the plan started (0 in the first week).
    public static func weeksIn(_ p: PlanDetail, today: SchoolDate) -> Int {
        max(0, p.plan.start.days(to: min(today, p.plan.endedOn ?? today)) / 7)
    }

    /// Attended ÷ planned for each review, oldest first: the sparkline of a plan.
    public static func attendanceSeries(_ p: PlanDetail) -> [Double] {
        p.reviews.map { $0.attendanceFraction }
    }

    /// ▁▂▃▄▅▆▇█ for attended ÷ planned at each review: the plan's attendance at a glance.
    public static func sparkline(_ values: [Double]) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(values.map { v in blocks[max(0, min(7, Int((v * 7).rounded())))] })
    }

    /// Checks a phase fits the plan: inside its dates, not overlapping another, 0–10 sessions.
    public static func validate(phase: PlanPhase, in p: PlanDetail) throws(ValidationError) {
        guard phase.from <= phase.to else { throw ValidationError("the phase ends (\(phase.to.iso)) before it starts (\(phase.from.iso))", field: "to") }
        guard (0...10).contains(phase.sessions) else { throw ValidationError("\(phase.sessions) sessions a week: use 0–10 (10 is full time)", field: "sessions") }
        guard phase.from >= p.plan.start else { throw ValidationError("the phase starts before the plan (\(p.plan.start.iso))", field: "from") }
        guard phase.to <= p.plan.target else { throw ValidationError("the phase ends after the plan's target (\(p.plan.target.iso))", field: "to") }
        for other in p.phases where other.id != phase.id && other.from <= phase.to && phase.from <= other.to {
            throw ValidationError("the phase overlaps \(other.from.iso)..\(other.to.iso)", field: "from")
        }
    }
}
