import OnRollCore
import OnRollStore
import TerminalKit

/// Forms: built from the case in view, saved through the store, and recorded for undo.
extension Console {
    /// The case a form acts on: the one open, or the one selected in the caseload.
    var targetCase: AssessedCase? {
        if state.mode == .caseDetail { return state.detail }
        if state.mode == .overdueActions {
            guard let row = selectedOverdue else { return nil }
            return try? store.assessedCase(row.action.caseRef, today: state.today)
        }
        // The caseload holds summaries: a form reads the selected case in full when it opens.
        return state.selected.flatMap { try? store.assessedCase($0.ref, today: state.today) }
    }

    /// "Note — WM-00002 Alf Marsh": every form names the child as well as the ref, so a form opened
    /// on the wrong row says so before anything is typed.
    static func formTitle(_ what: String, ref: String, child: String) -> String { "\(what) — \(ref) \(child)" }

    func formTitle(_ what: String, _ c: AssessedCase) -> String {
        Console.formTitle(what, ref: c.file.case.ref, child: c.file.child.displayName)
    }

    func openForm(_ cmd: Command) {
        if [.reviewPlan, .addPlanPhase, .changePlanTarget, .endPlan].contains(cmd) { openPlanForm(cmd); return }
        guard let c = targetCase else { state.message = "Select a case first"; return }
        let ref = c.file.case.ref
        let today = state.today.iso
        switch cmd {
        case .newNote:
            state.form = Form(title: formTitle("Note", c), purpose: .note(caseRef: ref), fields: [
                .init("text", "Note", required: true), .init("date", "Date", .date, required: true, value: today)])
        case .newAction:
            let agencies = (try? store.agencies()) ?? Agencies.defaults
            state.form = Form(title: formTitle("Action", c), purpose: .action(caseRef: ref), fields: [
                .init("description", "What", required: true), .init("agency", "Agency", .pick(agencies), required: true),
                .init("owner", "Owner", value: state.user), .init("due", "Due", .date, value: state.today.adding(days: 14).iso)])
        case .completeAction:
            let open = c.file.actions.filter { $0.status == .open }
            guard !open.isEmpty else { state.message = "\(ref) has no open actions"; return }
            let chosen: CaseAction
            if let row = selectedOverdue, state.mode == .overdueActions, let a = open.first(where: { $0.id == row.action.id }) {
                chosen = a
            } else if state.mode == .caseDetail, state.tab == .actions, c.file.actions.indices.contains(state.actionSelection),
               c.file.actions[state.actionSelection].status == .open {
                chosen = c.file.actions[state.actionSelection]
            } else {
                chosen = open[0]
            }
            state.form = Form(title: formTitle("Action \(chosen.id ?? 0) done", c), purpose: .completeAction(id: chosen.id ?? 0), fields: [
                .init("outcome", "Outcome", required: true), .init("date", "Date", .date, required: true, value: today)])
        case .newSuspension:
            state.form = Form(title: formTitle("Suspension", c), purpose: .suspension(childRef: c.file.child.ref, caseRef: ref), fields: [
                .init("start", "Start", .date, required: true, value: today), .init("days", "School days", .number, required: true, value: "1"),
                .init("reason", "Reason", .pick(ReasonCode.allCases.map(\.rawValue))),
                .init("type", "Type", .pick(SuspensionType.allCases.map(\.rawValue)))])
        case .changeStatus:
            state.form = Form(title: formTitle("Status (now \(c.file.case.status.rawValue))", c), purpose: .status(caseRef: ref, version: c.file.case.version), fields: [
                .init("status", "Status", .pick(CaseStatus.allCases.map(\.rawValue)), value: c.file.case.status.rawValue),
                .init("reason", "Reason (to close)")])
        case .changeOwner:
            // Picked from the officers OnRoll knows (a typed name made new owners of typos); someone
            // new is typed in the second field and confirmed before saving.
            let current = c.file.case.owner ?? ""
            let officers = ((try? store.officers()) ?? []).filter { $0.lowercased() != current.lowercased() }
            var fields: [Form.Field] = [
                .init("owner", "Hand to", .pick(officers)), .init("new", "Or someone new"),
                .init("handover", "Handover note")]
            if let lead = try? store.leadHeldByOwner(caseRef: ref) {
                fields.append(.init("lead", "Move lead (\(lead.name))?", .pick(["yes", "no"])))
            }
            state.form = Form(title: formTitle("Owner (now \(current.isEmpty ? "none" : current))", c),
                              purpose: .owner(caseRef: ref, version: c.file.case.version), fields: fields)
        case .openCaseForChild:
            state.form = Form(title: formTitle("New case for the child", c), purpose: .openCase(childRef: c.file.child.ref), fields: [
                .init("kind", "Kind", .pick(CaseKind.allCases.map(\.rawValue))), .init("owner", "Owner", value: state.user),
                .init("summary", "Summary")])
        case .recordEHC:
            let k = c.file.case
            state.form = Form(title: formTitle("EHC needs assessment", c), purpose: .ehc(caseRef: ref, version: k.version), fields: [
                .init("requested", "Requested", .date, value: k.ehcRequest?.iso ?? ""),
                .init("decision", "Decision to assess", .date, value: k.ehcDecision?.iso ?? ""),
                .init("noPlan", "No-plan notice", .date, value: k.ehcNoPlanNotice?.iso ?? ""),
                .init("issued", "Plan issued/reviewed", .date, value: k.ehcLastReview?.iso ?? "")])
        case .recordContact:
            state.form = Form(title: formTitle("Contact", c), purpose: .contact(caseRef: ref), fields: [
                .init("type", "Type", .pick(ContactType.known)),
                .init("outcome", "Outcome", required: true), .init("seen", "Child seen?", .pick(["no", "yes"])),
                .init("note", "Note"), .init("date", "Date", .date, required: true, value: today)])
        case .reflectSuspension, .addProfessional, .recordEnquiry, .editOutOfSchool, .suspensionDates, .recordOffsite:
            openCaseworkForm(cmd, c)
        case .annualContact, .setNextReview, .cancelAction, .rescheduleAction, .recordVoice:
            openEverydayForm(cmd, c)
        default: break
        }
    }

    func handleForm(_ key: Key) {
        guard var form = state.form else { return }
        switch form.handle(key) {
        case .editing:
            state.form = form
        case .cancel:
            state.form = form
            if form.dirty {
                let what = form.title.components(separatedBy: " — ").first ?? form.title
                state.confirm = .init(question: "Discard this \(what.lowercased())? y/n", action: .discardForm)
            } else {
                state.form = nil
            }
        case .submit:
            state.form = form
            if let question = confirmBeforeSaving(form) {
                state.confirm = .init(question: question, action: .saveForm)
            } else {
                commitForm()
            }
        }
    }

    /// A question to answer before a form is saved: an action due before today is overdue the moment it exists.
    func confirmBeforeSaving(_ f: Form) -> String? {
        if let q = confirmEveryday(f) { return q }
        // Closing is the one decision that ends the casework: asked once more, as closing from the case is.
        if case .panelDecision(_, let ref) = f.purpose, f["decision"] == PanelDecision.close.label {
            return "Close case \(ref) with the panel's decision? y/n"
        }
        guard case .action = f.purpose, let due = try? SchoolDate.parse(f["due"]), due < state.today else { return nil }
        return "Action due \(due.iso) is already overdue — save anyway? y/n"
    }

    static let retryingMessage = "Server unavailable, retrying… the form is kept and saved when the server is back (Esc gives up)"

    func commitForm() {
        guard let form = state.form else { return }
        do {
            try save(form)
            state.retryingSave = false
            state.form = nil
            // What was done, cancelled or moved drops off the overdue list at once.
            if state.mode == .overdueActions { try loadOverdueActions() }
        } catch StoreError.busy(let why) {
            // The form stays open as typed: Enter saves it again once the colleague's import is done.
            state.message = "Not saved, form kept (Enter to retry): \(why)"
        } catch StoreError.unavailable {
            // Nothing reached the server: the form stays as typed and is saved when the server is back.
            state.retryingSave = true
            state.message = Console.retryingMessage
        } catch StoreError.unconfirmed(let why) {
            // Saving again could record it twice: the officer looks first.
            state.retryingSave = false
            state.message = "Form kept, not saved again: \(why)"
        } catch {
            state.message = "Not saved: \(error)"
        }
    }

    func save(_ f: Form) throws {
        let user = state.user
        func date(_ k: String) throws -> SchoolDate? { f[k].isEmpty ? nil : try SchoolDate.parse(f[k]) }
        switch f.purpose {
        case .note(let ref):
            let e = try store.addNote(user: user, caseRef: ref, text: f["text"], date: try date("date") ?? state.today, today: state.today)
            remember(ref, "note “\(f["text"].prefix(30))” added", .withdrawNote(noteId: e.id ?? 0))
            try reloadCase(ref)
            state.message = "Note saved"
        case .action(let ref):
            let a = try store.addAction(user: user, caseRef: ref, agency: f["agency"], description: f["description"],
                                        owner: f["owner"].isEmpty ? nil : f["owner"], due: try date("due"), today: state.today)
            remember(ref, "action “\(f["description"].prefix(30))” added", .cancelAction(id: a.id ?? 0, version: a.version))
            try reloadCase(ref)
            state.message = "Action \(a.id ?? 0) saved"
        case .completeAction(let id):
            let a = try store.completeAction(user: user, id: id, outcome: f["outcome"], date: try date("date") ?? state.today)
            remember(a.caseRef, "action \(id) open → done", .reopenAction(id: id, version: a.version))
            try reloadCase(a.caseRef)
            state.message = "Action \(id) done"
        case .suspension(let child, let ref):
            guard let days = Double(f["days"]) else { throw StoreError.invalid("days: not a number") }
            let s = try store.addSuspension(user: user, Suspension(childRef: child, start: try date("start") ?? state.today, days: days,
                                                                   reason: try ReasonCode.parseOptional(f["reason"]),
                                                                   type: try SuspensionType.parse(f["type"])), today: state.today)
            remember(ref, "suspension of \(s.start.iso) recorded", .refuse(UndoRefusal.suspension))
            try reloadCase(ref)
            state.message = "Suspension \(s.id ?? 0) recorded (\(formatDays(days)) days)"
        case .status(let ref, let version):
            let to = try CaseStatus.parse(f["status"])
            let before = try store.case(ref)?.status ?? .open
            guard to != before else { state.message = "Status unchanged"; return }
            let c = try store.setStatus(user: user, ref: ref, status: to, today: state.today, reason: f["reason"], expectedVersion: version)
            remember(ref, "status \(before.rawValue) → \(to.rawValue)", .status(to: before, version: c.version))
            try reloadCase(ref)
            state.message = "\(ref) is now \(to.rawValue)"
        case .owner(let ref, let version):
            let before = try store.case(ref)?.owner ?? ""
            let owner = ownerTyped(f)
            guard !owner.isEmpty else { throw StoreError.invalid("pick an officer, or type someone new") }
            let moveLead = f["lead"] == "yes"
            // A name the store does not know was confirmed before saving (confirmEveryday).
            let c = try store.reassign(user: user, ref: ref, owner: owner,
                                       handover: Store.Handover(note: f["handover"], moveLead: moveLead, newOwner: true),
                                       today: state.today, expectedVersion: version)
            let now = c.owner ?? owner
            remember(ref, "owner \(before.isEmpty ? "none" : before) → \(now)",
                     before.isEmpty ? .refuse("the case had no owner before: assign the right one with w")
                         : moveLead ? .refuse("the lead professional moved too: hand the case back with w") : .owner(to: before, version: c.version))
            try reloadCase(ref)
            state.message = "\(ref) now owned by \(now)" + (moveLead ? ", lead professional too" : "") + (f["handover"].isEmpty ? "" : "; handover note saved")
        case .openCase(let child):
            let c = try store.openCase(user: user, childRef: child, kind: try CaseKind.parse(f["kind"]),
                                       owner: f["owner"].isEmpty ? nil : f["owner"], summary: f["summary"].isEmpty ? nil : f["summary"],
                                       today: state.today)
            let from = targetCase?.file.case.ref
            for r in Set([c.ref] + (from.map { [$0] } ?? [])) { remember(r, "case \(c.ref) opened", .refuse(UndoRefusal.openCase)) }
            try reloadCase(c.ref)
            state.message = "Case \(c.ref) opened"
        case .contact(let ref):
            try store.addContact(user: user, caseRef: ref, date: try date("date") ?? state.today, type: f["type"],
                                 outcome: f["outcome"], seen: f["seen"] == "yes",
                                 text: f["note"].isEmpty ? nil : "\(f["type"]): \(f["outcome"]) — \(f["note"])", today: state.today)
            remember(ref, "contact “\(f["type"]): \(f["outcome"].prefix(30))” recorded", .refuse(UndoRefusal.contact))
            try reloadCase(ref)
            let annual = state.detail?.file.case.kind == .ehe
                && EHEAnnualContact.verdict(kind: .ehe, contactType: f["type"], childSeen: f["seen"] == "yes").meets
            state.message = annual ? "Contact recorded: the EHE annual contact" : "Contact recorded"
        case .panelDecision, .panelAction:
            try savePanelForm(f)
        case .panelJump, .panelAddItem, .panelRemoveItem, .panelAttendee:
            try savePanelAgendaForm(f)
        case .ehc(let ref, let version):
            let (req, dec, none, iss) = (try date("requested"), try date("decision"), try date("noPlan"), try date("issued"))
            let was = try store.case(ref).map { UndoEntry.EHCSteps(request: $0.ehcRequest, decision: $0.ehcDecision,
                                                                   noPlanNotice: $0.ehcNoPlanNotice, lastReview: $0.ehcLastReview) }
            let saved = try store.editCase(user: user, ref: ref, expectedVersion: version, date: state.today, kind: .status, op: .caseEhc,
                               describe: { _, a in
                                   "EHC needs assessment: requested \(a.ehcRequest?.iso ?? "—"), decision \(a.ehcDecision?.iso ?? "—"), "
                                       + "no-plan notice \(a.ehcNoPlanNotice?.iso ?? "—"), plan \(a.ehcLastReview?.iso ?? "—")"
                               }) { c in
                c.ehcRequest = req; c.ehcDecision = dec; c.ehcNoPlanNotice = none; c.ehcLastReview = iss
            }
            if let was { remember(ref, "EHC needs assessment steps edited", .ehc(was, version: saved.version)) }
            try reloadCase(ref)
            state.message = "EHC steps saved for \(ref)"
        case .planReview, .planPhase, .planTarget, .planEnd:
            try savePlanForm(f)
        case .reflection, .professional, .enquiry, .outOfSchool, .suspensionDates, .offsite:
            try saveCasework(f)
        case .annualContact, .nextReview, .cancelAction, .rescheduleAction, .voice:
            try saveEveryday(f)
        }
    }
}
