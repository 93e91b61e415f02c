import OnRollCore

/// Reintegration plans: a pupil stepping back from the PRU or AP to a mainstream school, phase by phase.
extension Builder {
    /// Planned sessions a week for each phase; 10 is full time.
    static let phasePatterns: [[Int]] = [[3, 5, 10], [4, 6, 8, 10], [2, 5, 10], [5, 10], [3, 6, 10]]

    /// Adds a plan with phases and reviews. `start` is a school day; phases last `reviewEvery` school days.
    /// `overdueReview` stops the reviews early so the next one is past due.
    @discardableResult
    func addPlan(case c: Int, status: ReintegrationPlan.Status, start: SchoolDate, from: String, to: String,
                 overdueReview: Bool = false) -> Int64 {
        let kase = out.cases[c]
        let id = nextId(out.plans.count)
        let every = 10
        let pattern = rng.pick(Builder.phasePatterns)
        let startIndex = cal.index(onOrBefore: cal.onOrAfter(start))
        let todayIndex = cal.index(onOrBefore: today)
        func sd(_ n: Int) -> SchoolDate { cal.days[min(cal.days.count - 1, startIndex + n)] }
        let target = sd(pattern.count * every - 1)

        var plan = ReintegrationPlan(id: id, caseRef: kase.ref, fromURN: from, toURN: to, start: sd(0), target: target,
                                     reviewEvery: every,
                                     successCriteria: textRng.pick(["Full-time at the new school with attendance above 90% for four weeks",
                                                                    "Attends every planned session for three weeks running; no suspensions",
                                                                    "Settled in tutor group; says they feel safe"]),
                                     support: textRng.pick(["PRU: outreach worker two mornings a week\nSchool: key adult and a quiet base\nCAMHS: fortnightly session",
                                                            "PRU: transition mentor\nSchool: buddy and adjusted timetable\nFamily: morning routine",
                                                            "School: SENCo check-in weekly\nEarly help: parenting support\nLA inclusion: reviews every two weeks"]),
                                     status: status)
        // How far the plan has got, in school days from its start.
        var reached = max(0, todayIndex - startIndex)
        switch status {
        case .completed:
            reached = min(reached, pattern.count * every - 1)
            plan.endedOn = sd(reached); plan.endReason = "Full time at \(schoolNames[to] ?? to); plan completed."
        case .extended:
            reached = min(reached, pattern.count * every - 1)
            plan.endedOn = sd(reached); plan.endReason = "Extended: the last step needs longer; a new four-week phase agreed."
        case .brokenDown:
            reached = min(reached, every + rng.int(3...8))
            plan.endedOn = sd(reached); plan.endReason = textRng.pick(["Placement broke down after an incident in week three; back at the PRU full time.",
                                                                      "Attendance at the new school fell away; family asked to pause and then end."])
        default: break
        }
        out.plans.append(plan)
        log(c, sd(0), .plan, "Reintegration plan from \(schoolNames[from] ?? from) to \(schoolNames[to] ?? to), target \(target.short).", link: id)

        for (i, sessions) in pattern.enumerated() {
            out.phases.append(PlanPhase(id: nextId(out.phases.count), planId: id, from: sd(i * every), to: sd(i * every + every - 1),
                                        sessions: sessions,
                                        description: sessions == 10 ? "Full time at the new school" : "\(sessions) sessions a week at the new school, rest at the PRU"))
        }

        // Reviews every `every` school days up to where the plan has got.
        let lastReview = overdueReview ? reached - every - 5 : reached
        var points = Array(stride(from: every, through: max(0, lastReview), by: every)).filter { $0 > 0 }
        // An ended plan has its final review on the day it ended.
        if status.isEnded, (points.last ?? 0) < reached { points.append(reached) }
        for (k0, at) in points.enumerated() {
            let k = k0 + 1
            let phase = min(pattern.count - 1, (at - 1) / every)
            // Sessions planned since the last review: the phase's weekly sessions over the school days elapsed.
            let since = at - (k0 == 0 ? 0 : points[k0 - 1])
            let planned = max(1, pattern[phase] * since / 5)
            let final = status.isEnded && at == reached
            var fraction: Double = status == .brokenDown ? (final ? 0.3 : 0.6) : (status == .paused ? 0.55 : 0.8 + rng.double() * 0.2)
            if overdueReview { fraction = 0.75 }
            let attended = min(planned, Int((Double(planned) * fraction).rounded()))
            let f = Double(attended) / Double(planned)
            let rag: RAG = f >= 0.9 ? .green : (f >= 0.7 ? .amber : .red)
            let decision: PlanReview.Decision
            if final {
                decision = status == .extended ? .extend : .end
            } else if status == .paused && k == points.count {
                decision = .pause
            } else {
                decision = phase < pattern.count - 1 && rag != .red ? .stepUp : .continue
            }
            let rid = nextId(out.reviews.count)
            out.reviews.append(PlanReview(
                id: rid, planId: id, date: sd(at), attended: attended, planned: planned, rag: rag,
                working: textRng.pick(["Key adult meets at the gate", "Enjoys practical lessons", "Lunch in the quiet base", "Friendship with a buddy"]),
                notWorking: rag == .green ? nil : textRng.pick(["Mornings after the weekend", "Corridors at change-over", "Cover lessons"]),
                pupilVoice: textRng.pick(["It's going OK, I like art.", "Too many people in the canteen.", "I want to go up to more days."]),
                parentVoice: textRng.pick(["Happier in the evenings.", "Still hard to get out of the door.", "Pleased with the progress."]),
                decision: decision, note: nil, author: kase.owner ?? officer()))
            log(c, sd(at), .planReview, "Plan review: \(attended)/\(planned) sessions, \(rag.label); decision: \(decision.label).", link: rid)
        }
        if status == .paused {
            log(c, sd(max(0, min(reached, lastReview))), .plan, "Plan paused while the family's circumstances settle.", link: id)
        }
        if let e = plan.endedOn { log(c, e, .planEnd, "Plan ended (\(status.label)): \(plan.endReason ?? "")", link: id) }
        return id
    }

    /// Some excluded pupils now at a PRU or AP get a plan back to mainstream (about a third).
    func randomPlan(child: Int, case c: Int) {
        let kase = out.cases[c]
        guard kase.isOpen, let urn = out.children[child].schoolURN,
              prus.contains(where: { $0.urn == urn }) || aps.contains(where: { $0.urn == urn }),
              rng.chance(0.35) else { return }
        let latest = cal.back(12, from: today)
        let earliest = cal.forward(20, from: max(kase.opened, cal.days[0]))
        guard earliest < latest else { return }
        let status = rng.weighted([(ReintegrationPlan.Status.active, 40), (.paused, 10), (.completed, 20), (.extended, 10), (.brokenDown, 20)])
        let to = rng.pick(secondaries).urn
        addPlan(case: c, status: status, start: day(earliest, latest), from: urn, to: to)
        if status == .completed { out.children[child].schoolURN = to }
    }
}
