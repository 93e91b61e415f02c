import OnRollCore
import OnRollStore

/// Casework forms on the case screen: the reflection after a suspension, a professional joining the
/// team, a CME enquiry step, and the out-of-school (CNIS) record.
extension Console {
    /// Suspensions as the Suspensions tab lists them: newest first.
    func shownSuspensions(_ c: AssessedCase) -> [Suspension] { c.file.suspensions.reversed() }

    func openCaseworkForm(_ cmd: Command, _ c: AssessedCase) {
        let ref = c.file.case.ref, child = c.file.child
        switch cmd {
        case .reflectSuspension:
            let shown = shownSuspensions(c)
            guard !shown.isEmpty else { state.message = "\(child.displayName) has no suspensions"; return }
            // On the Suspensions tab the selected one; elsewhere the newest without a reflection.
            let pick = state.mode == .caseDetail && state.tab == .suspensions && shown.indices.contains(state.suspensionSelection)
                ? shown[state.suspensionSelection]
                : shown.first { s in s.id.map { c.file.reflections[$0] == nil } ?? false } ?? shown[0]
            guard let id = pick.id else { return }
            if c.file.reflections[id] != nil { state.message = "The suspension of \(pick.start.iso) already has a reflection"; return }
            let agencies = [""] + ((try? store.agencies()) ?? Agencies.defaults)
            let due = state.today.adding(days: 14).iso
            state.form = Form(title: formTitle("Reflection on the suspension of \(pick.start.iso)", c), purpose: .reflection(suspensionId: id, caseRef: ref), fields: [
                .init("what", "What happened", required: true), .init("triggers", "Triggers"),
                .init("pupil", "Pupil's view"), .init("change", "What will change"),
                .init("a1agency", "Action 1 agency", .pick(agencies)), .init("a1desc", "Action 1"),
                .init("a1owner", "Action 1 owner"), .init("a1due", "Action 1 due", .date, value: due),
                .init("a2agency", "Action 2 agency", .pick(agencies)), .init("a2desc", "Action 2"),
                .init("a2owner", "Action 2 owner"), .init("a2due", "Action 2 due", .date, value: due)])
        case .suspensionDates:
            let shown = shownSuspensions(c)
            guard !shown.isEmpty else { state.message = "\(child.displayName) has no suspensions"; return }
            // On the Suspensions tab the selected one; elsewhere the newest.
            let s = state.mode == .caseDetail && state.tab == .suspensions && shown.indices.contains(state.suspensionSelection)
                ? shown[state.suspensionSelection] : shown[0]
            guard let id = s.id else { return }
            func v(_ d: SchoolDate?) -> String { d?.iso ?? "" }
            var fields: [Form.Field] = [.init("exam", "Exam missed on", .date, value: v(s.examDate))]
            if s.isPermanent {
                fields += [
                    .init("governorsMet", "Governors met", .date, value: v(s.governorsMet)),
                    .init("decisionLetter", "Decision letter", .date, value: v(s.decisionLetter)),
                    .init("reviewRequested", "Review requested", .date, value: v(s.reviewRequested)),
                    .init("reviewPanel", "Panel met", .date, value: v(s.reviewPanel)),
                    .init("panelSent", "Panel decision sent", .date, value: v(s.panelDecisionSent)),
                    .init("panelBy", "Sent by", .pick(["post", "hand"]), value: s.panelDecisionByHand ? "hand" : "post"),
                    .init("reconsidered", "Governors reconsidered", .date, value: v(s.reconsidered))]
            } else {
                fields += [
                    .init("notice", "Day-6 notice given", .date, value: v(s.provisionNotice)),
                    .init("waived", "Parents waived notice?", .pick(["no", "yes"]), value: s.provisionNoticeWaived ? "yes" : "no"),
                    .init("provisionFrom", "Provision from", .date, value: v(s.provisionFrom))]
            }
            state.form = Form(title: formTitle("Dates on the \(s.isPermanent ? "exclusion" : "suspension") of \(s.start.iso)", c),
                              purpose: .suspensionDates(suspensionId: id, caseRef: ref), fields: fields)
        case .recordOffsite:
            let k = c.file.case
            state.form = Form(title: formTitle("Off-site direction", c), purpose: .offsite(caseRef: ref, version: k.version), fields: [
                .init("firstDay", "First day", .date, required: true, value: k.offsiteFirstDay?.iso ?? ""),
                .init("notice", "Notice given", .date, value: k.offsiteNotice?.iso ?? ""),
                .init("requested", "Review requested", .date, value: k.offsiteReviewRequested?.iso ?? ""),
                .init("held", "Review held", .date, value: k.offsiteReviewHeld?.iso ?? "")])
        case .addProfessional:
            let agencies = (try? store.agencies()) ?? Agencies.defaults
            state.form = Form(title: formTitle("Add to the team", c), purpose: .professional(caseRef: ref), fields: [
                .init("name", "Name", required: true), .init("agency", "Agency", .pick(agencies), required: true),
                .init("role", "Role"), .init("contact", "Phone or email"),
                .init("since", "Since", .date, required: true, value: state.today.iso),
                .init("lead", "Lead professional?", .pick(["no", "yes"]))])
        case .recordEnquiry:
            let done = Set(c.file.outOfSchool?.enquiriesDone ?? [])
            let open = CMEEnquiry.allCases.filter { !done.contains($0) }
            guard !open.isEmpty else { state.message = "Every CME enquiry is recorded for \(child.displayName)"; return }
            state.form = Form(title: formTitle("CME enquiry", c), purpose: .enquiry(childRef: child.ref, caseRef: ref), fields: [
                .init("step", "Enquiry", .pick(open.map(\.rawValue))),
                .init("date", "Date done", .date, required: true, value: state.today.iso)])
        case .editOutOfSchool:
            let r = c.file.outOfSchool ?? OutOfSchoolRecord(childRef: child.ref)
            func yn(_ b: Bool) -> String { b ? "yes" : "no" }
            state.form = Form(title: formTitle("Out-of-school record", c), purpose: .outOfSchool(childRef: child.ref, caseRef: ref), fields: [
                .init("address", "Address", value: r.childAddress ?? ""),
                .init("parent1", "Parent 1", value: r.parent1Name ?? ""), .init("parent1Address", "Parent 1 address", value: r.parent1Address ?? ""),
                .init("parent2", "Parent 2", value: r.parent2Name ?? ""), .init("parent2Address", "Parent 2 address", value: r.parent2Address ?? ""),
                .init("educator", "Educator", value: r.educator ?? ""),
                .init("hours", "Hours a week", .number, value: r.educatorHours.map { CaseloadView.fmt($0) } ?? ""),
                .init("providers", "Other providers", value: r.otherProviders ?? ""),
                .init("s47", "s47 enquiry?", .pick(["no", "yes"]), value: yn(r.s47Enquiry)),
                .init("cpPlan", "CP plan?", .pick(["no", "yes"]), value: yn(r.cpPlan)),
                .init("special", "Special school?", .pick(["no", "yes"]), value: yn(r.specialSchool))])
        default: break
        }
    }

    func saveCasework(_ f: Form) throws {
        let user = state.user
        func opt(_ k: String) -> String? { f[k].isEmpty ? nil : f[k] }
        func date(_ k: String) throws -> SchoolDate? { f[k].isEmpty ? nil : try SchoolDate.parse(f[k]) }
        switch f.purpose {
        case .reflection(let id, let ref):
            var actions: [(agency: String, description: String, owner: String?, due: SchoolDate?)] = []
            for n in ["a1", "a2"] where !f[n + "desc"].isEmpty {
                guard !f[n + "agency"].isEmpty else { throw StoreError.invalid("\(n == "a1" ? "action 1" : "action 2") needs an agency") }
                actions.append((f[n + "agency"], f[n + "desc"], opt(n + "owner"), try date(n + "due")))
            }
            try store.addReflection(user: user, Reflection(suspensionId: id, date: state.today, whatHappened: f["what"],
                                                           triggers: opt("triggers"), pupilView: opt("pupil"),
                                                           whatWillChange: opt("change"), author: user),
                                    caseRef: ref, actions: actions)
            remember(ref, "reflection on a suspension recorded", .refuse(UndoRefusal.reflection))
            try reloadCase(ref)
            state.message = "Reflection saved" + (actions.isEmpty ? "" : "; \(actions.count) action(s) added")
        case .suspensionDates(let id, let ref):
            try saveSuspensionDates(f, id: id, caseRef: ref)
        case .offsite(let ref, let version):
            let d = Store.OffsiteDirection(firstDay: try date("firstDay"), notice: try date("notice"),
                                           reviewRequested: try date("requested"), reviewHeld: try date("held"))
            let c = try store.recordOffsite(user: user, ref: ref, d, today: state.today, expectedVersion: version)
            remember(ref, "off-site direction recorded", .refuse(UndoRefusal.offsite))
            try reloadCase(ref)
            state.message = "Off-site direction saved for \(c.ref)"
        case .professional(let ref):
            let p = try store.addProfessional(user: user, Professional(caseRef: ref, agency: f["agency"], role: opt("role"), name: f["name"],
                                                                       contact: opt("contact"), since: try date("since"),
                                                                       isLead: f["lead"] == "yes"), date: state.today)
            remember(ref, "\(p.name) added to the team", .refuse(UndoRefusal.professional))
            try reloadCase(ref)
            state.message = "\(p.name) added to the team" + (p.isLead ? " as lead" : "")
        case .enquiry(let child, let ref):
            let step = try CMEEnquiry.parse(f["step"])
            let before = try store.outOfSchoolRecord(child)
            let rec = try store.recordEnquiry(user: user, childRef: child, step: step, date: try date("date") ?? state.today)
            remember(ref, "enquiry \(step.label) recorded", before.map { .outOfSchool(before: $0, version: rec.version) } ?? .refuse(UndoRefusal.newRecord))
            try reloadCase(ref)
            state.message = "Enquiry recorded: \(step.label)"
        case .outOfSchool(let child, let ref):
            guard f["hours"].isEmpty || Double(f["hours"]) != nil else { throw StoreError.invalid("hours: not a number") }
            let before = try store.outOfSchoolRecord(child)
            let rec = try store.setOutOfSchool(user: user, childRef: child, date: state.today, describe: "edited in the console") { r in
                r.childAddress = opt("address"); r.parent1Name = opt("parent1"); r.parent1Address = opt("parent1Address")
                r.parent2Name = opt("parent2"); r.parent2Address = opt("parent2Address"); r.educator = opt("educator")
                r.educatorHours = Double(f["hours"]); r.otherProviders = opt("providers")
                r.s47Enquiry = f["s47"] == "yes"; r.cpPlan = f["cpPlan"] == "yes"; r.specialSchool = f["special"] == "yes"
            }
            remember(ref, "out-of-school record edited", before.map { .outOfSchool(before: $0, version: rec.version) } ?? .refuse(UndoRefusal.newRecord))
            try reloadCase(ref)
            state.message = "Out-of-school record saved"
        default: break
        }
    }

    /// The suspension dates form: what changed is saved as one audited edit (one chronology line); a date
    /// already recorded is never blanked from here (correct it by typing the right date).
    func saveSuspensionDates(_ f: Form, id: Int64, caseRef ref: String) throws {
        func date(_ k: String) throws -> SchoolDate? { f[k].isEmpty ? nil : try SchoolDate.parse(f[k]) }
        // Read from the store, not the screen: the form may have been opened from the caseload.
        let file = try store.assessedCase(ref, today: state.today).file
        guard let before = file.suspensions.first(where: { $0.id == id }) else {
            throw StoreError.notFound("no suspension with id \(id)")
        }
        let steps: [(String, WritableKeyPath<Suspension, SchoolDate?>, String)] = [
            ("provisionFrom", \.provisionFrom, "provision from"), ("governorsMet", \.governorsMet, "governors met"),
            ("decisionLetter", \.decisionLetter, "decision letter"), ("reviewRequested", \.reviewRequested, "review requested"),
            ("reviewPanel", \.reviewPanel, "panel met"), ("reconsidered", \.reconsidered, "reconsidered"),
        ]
        var facts = Store.SuspensionFacts()
        if let e = try date("exam"), e != before.examDate { facts.examDate = e }
        if let n = try date("notice"), n != before.provisionNotice { facts.provisionNotice = n }
        if !f["waived"].isEmpty, (f["waived"] == "yes") != before.provisionNoticeWaived { facts.noticeWaived = f["waived"] == "yes" }
        if let p = try date("panelSent"), p != before.panelDecisionSent { facts.panelDecisionSent = p }
        if !f["panelBy"].isEmpty, (f["panelBy"] == "hand") != before.panelDecisionByHand,
           facts.panelDecisionSent != nil || before.panelDecisionSent != nil {
            facts.panelDecisionByHand = f["panelBy"] == "hand"
        }
        var changed: [(WritableKeyPath<Suspension, SchoolDate?>, SchoolDate, String)] = []
        for (key, path, words) in steps {
            if let d = try date(key), d != before[keyPath: path] { changed.append((path, d, words)) }
            else if f[key].isEmpty, before[keyPath: path] != nil, f.fields.contains(where: { $0.key == key }) {
                throw StoreError.invalid("\(words): a recorded date can't be cleared; type the right date")
            }
        }
        for (k, was, words) in [("exam", before.examDate, "exam"), ("notice", before.provisionNotice, "day-6 notice"),
                                ("panelSent", before.panelDecisionSent, "panel decision sent")]
            where f[k].isEmpty && was != nil && f.fields.contains(where: { $0.key == k }) {
            throw StoreError.invalid("\(words): a recorded date can't be cleared; type the right date")
        }
        let words = ([facts.describe].compactMap { $0 } + changed.map { "\($0.2) \($0.1.iso)" }).joined(separator: "; ")
        guard !words.isEmpty else { state.message = "Nothing changed"; return }
        for (_, d, w) in changed {
            if let p = RecordedDate.problem(d, today: state.today, what: w) { throw StoreError.invalid(p) }
        }
        try store.updateSuspension(user: state.user, id: id, date: state.today, describe: words) { s in
            for (path, d, _) in changed { s[keyPath: path] = d }
            try facts.apply(to: &s, today: state.today)
        }
        remember(ref, "dates on the suspension of \(before.start.iso) recorded", .refuse(UndoRefusal.suspension))
        try reloadCase(ref)
        state.message = "Saved: \(words)"
    }
}
