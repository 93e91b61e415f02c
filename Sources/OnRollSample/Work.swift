import OnRollCore

/// Multi-agency actions and the team around the child.
extension Builder {
    /// What each agency typically agrees to do, and how it turned out.
    static let agencyWork: [String: (tasks: [String], outcomes: [String], roles: [String])] = [
        "school": (["Set up a daily check-in with a trusted adult", "Share the SEN support plan", "Arrange a quiet start in the library",
                    "Review the behaviour plan with the family", "Offer a phased return timetable"],
                   ["Check-ins happening daily", "Plan shared and discussed", "Quiet start working well"],
                   ["SENCo", "Head of Year", "Designated safeguarding lead", "Pastoral lead"]),
        "LA inclusion": (["Convene a team-around-the-child meeting", "Explore an AP taster placement", "Send fair access referral",
                          "Write to the family about provision from day 6"],
                         ["Meeting held, plan agreed", "Taster booked", "Referral accepted"],
                         ["Inclusion officer", "Inclusion manager"]),
        "education welfare": (["Home visit about attendance", "Attendance support meeting", "Review attendance weekly"],
                              ["Visit done; family engaging", "Meeting held; targets set"], ["Education welfare officer"]),
        "early help": (["Start an early help assessment", "Parenting support sessions", "Family support worker allocated"],
                       ["Assessment complete", "Sessions attended"], ["Family support worker", "Early help coordinator"]),
        "social care": (["Update on the child in need plan", "Share strategy meeting outcome", "Joint home visit"],
                        ["Update received", "Visit completed"], ["Social worker", "Team manager"]),
        "CAMHS": (["Triage appointment", "Consultation with school staff", "Anxiety group offer"],
                  ["Triaged; on the waiting list", "Consultation held"], ["Clinical psychologist", "Mental health practitioner"]),
        "educational psychology": (["Consultation with school", "EP assessment for the EHC needs assessment"],
                                   ["Consultation report shared", "Advice submitted"], ["Educational psychologist"]),
        "speech and language": (["Screen language needs", "Advice for classroom staff"], ["Screen done; mild needs"], ["Speech and language therapist"]),
        "school nurse": (["Health review (sleep and eating)", "Drop-in sessions"], ["Review done"], ["School nurse"]),
        "youth justice": (["Share intervention plan", "Joint meeting with the family"], ["Plan shared"], ["Youth justice worker"]),
        "police": (["Safer schools officer to meet the pupil"], ["Met; advice given"], ["Safer schools officer"]),
        "virtual school": (["PEP meeting brought forward", "Fund tutoring through pupil premium plus"],
                           ["PEP held", "Tutor started"], ["Virtual school teacher", "Virtual school head"]),
        "AP provider": (["Offer an assessment place", "Share weekly progress report"], ["Place offered", "Reports arriving"], ["AP coordinator"]),
        "family": (["Keep the morning routine chart going", "Attend the review meeting"], ["Routine mostly kept", "Attended"], ["Parent", "Carer"]),
    ]

    func agencies(for kind: CaseKind, flags: FlagSet) -> [(String, Int)] {
        var w: [(String, Int)] = [("school", 10), ("LA inclusion", 8), ("family", 4), ("early help", 4), ("education welfare", 4)]
        switch kind {
        case .ebsa, .partTime: w += [("CAMHS", 6), ("educational psychology", 3), ("school nurse", 3), ("speech and language", 1)]
        case .suspension, .exclusion: w += [("AP provider", 4), ("youth justice", 2), ("police", 1), ("educational psychology", 2)]
        case .ehe, .cme, .offroll: w += [("education welfare", 6), ("social care", 2), ("school nurse", 1)]
        }
        if flags.contains(.LAC) { w.append(("virtual school", 8)) }
        if flags.contains(.CP) || flags.contains(.CIN) || flags.contains(.LAC) { w.append(("social care", 6)) }
        return w
    }

    /// 1–4 actions on an open case, 1–2 (all finished) on a closed one.
    func actions(case c: Int, count fixed: Int? = nil, panel: Int64? = nil) {
        let kase = out.cases[c]
        let child = out.children[caseChild[c]]
        let n = fixed ?? (kase.isOpen ? rng.int(1...4) : rng.int(1...2))
        let weights = agencies(for: kase.kind, flags: child.flags)
        let end = kase.closedOn ?? today
        for _ in 0..<n {
            let agency = rng.weighted(weights)
            let work = Builder.agencyWork[agency]!
            let id = nextId(out.actions.count)
            let created = day(kase.opened, end)
            let due = cal.weekday(created.adding(days: rng.int(7...45)))
            // The family's own actions are the child's main carer's.
            let owner = agency == "LA inclusion" ? (kase.owner ?? officer())
                : agency == "family" ? "\(carers(caseChild[c])[0].name) (\(carers(caseChild[c])[0].lower))"
                : "\(textRng.pick(Names.adultForenames)) \(textRng.pick(["Ward", "Obi", "Price", "Nair", "Kaur", "Doyle", "Szabo", "Hale"])) (\(agency))"
            var a = CaseAction(id: id, caseRef: kase.ref, agency: agency, owner: owner,
                               description: textRng.pick(work.tasks), due: due, created: created, panelId: panel)
            // Most work past its due date got done (mostly on time), a little was dropped, and some of
            // what fell due lately is still open and late; some due later is already done.
            let r = rng.int(0...99)
            let late = due < today
            // Due in the last month: some of it is still in hand, a week or two late.
            let recent = late && due >= today.adding(days: -30)
            if !kase.isOpen || (late && r < (recent ? 90 : 93)) || (!late && r < 15) {
                if kase.isOpen || r % 5 != 0 {
                    a.status = .done
                    a.completed = day(created, min(end, late && r < 80 ? due : due.adding(days: 10)))
                    a.outcome = textRng.pick(work.outcomes)
                } else {
                    a.status = .cancelled
                    a.outcome = "No longer needed"
                }
            } else if late && !recent && r < 97 {
                a.status = .cancelled
                a.outcome = textRng.pick(["Family declined", "Superseded by the new plan", "Service not available"])
            } else if late && due < today.adding(days: -45) {
                // Left open this long, a review would have caught it: it was done, just recorded late.
                // (Chosen without a draw, so the rest of the sample stays as it was.)
                a.status = .done
                a.completed = min(end, cal.weekday(due.adding(days: 14)))
                a.outcome = work.outcomes[r % work.outcomes.count]
            }
            out.actions.append(a)
            log(c, created, .action, "Action for \(agency): \(a.description) (due \(due.short)).", link: id)
            if let done = a.completed { log(c, done, .actionDone, "Done: \(a.description). \(a.outcome ?? "")", link: id) }
        }
    }

    /// The professionals around an open case; the first is the lead.
    func team(case c: Int) {
        let kase = out.cases[c]
        guard kase.isOpen else { return }
        let child = out.children[caseChild[c]]
        let weights = agencies(for: kase.kind, flags: child.flags).filter { $0.0 != "family" }
        let n = rng.int(1...4)
        var used: [String] = []
        for i in 0..<n {
            let agency = i == 0 && kase.owner != nil && rng.chance(0.4) ? "LA inclusion" : rng.weighted(weights)
            if used.contains(agency) { continue }
            used.append(agency)
            let role = textRng.pick(Builder.agencyWork[agency]!.roles)
            let name: String, contact: String
            if agency == "LA inclusion", let o = kase.owner {
                name = Builder.displayName(o); contact = "\(o)@westmarch.example"
            } else {
                let first = textRng.pick(Names.adultForenames)
                let last = textRng.pick(["Ward", "Obi", "Price", "Nair", "Kaur", "Doyle", "Szabo", "Hale", "Lowe", "Mensah", "Kirby"])
                name = "\(first) \(last)"
                contact = textRng.chance(0.5) ? phone() : "\(first.lowercased()).\(last.lowercased())@\(agency == "school" ? "school" : "partner").example"
            }
            let since = day(kase.opened, today)
            let id = nextId(out.team.count)
            out.team.append(Professional(id: id, caseRef: kase.ref, agency: agency, role: role, name: name,
                                         contact: contact, since: since, isLead: i == 0))
            log(c, since, .team, "\(name) (\(role), \(agency)) joined the team\(i == 0 ? " as lead professional" : "").", link: id)
        }
    }
}
