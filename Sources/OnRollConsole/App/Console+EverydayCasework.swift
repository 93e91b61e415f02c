import OnRollCore
import OnRollStore

/// Everyday casework from the case screen: the EHE annual contact, the next review, the panel flag,
/// cancelling and rescheduling actions, pupil and parent voice; and, from the caseload, the overdue
/// actions across every case.
extension Console {
    /// The action a key acts on: the one picked on the Actions tab if open, else the first open one.
    func pickedOpenAction(_ c: AssessedCase) -> CaseAction? {
        let actions = c.file.actions
        if state.mode == .overdueActions, let row = selectedOverdue {
            return actions.first { $0.id == row.action.id && $0.status == .open }
        }
        if state.mode == .caseDetail, state.tab == .actions, actions.indices.contains(state.actionSelection),
           actions[state.actionSelection].status == .open {
            return actions[state.actionSelection]
        }
        return actions.first { $0.status == .open }
    }

    func openEverydayForm(_ cmd: Command, _ c: AssessedCase) {
        let ref = c.file.case.ref, k = c.file.case
        switch cmd {
        case .annualContact:
            guard k.kind == .ehe else { state.message = "\(ref) is not an EHE case: c records a contact"; return }
            let last = c.file.outOfSchool?.lastAnnualContact
            state.form = Form(title: formTitle("EHE annual contact (last \(last?.iso ?? "none"))", c), purpose: .annualContact(caseRef: ref), fields: [
                .init("type", "Type", .pick(ContactType.annualContactChoices)),
                .init("seen", "Child seen?", .pick(["yes", "no"])),
                .init("outcome", "Outcome", required: true), .init("note", "Note"),
                .init("date", "Date", .date, required: true, value: state.today.iso)])
        case .setNextReview:
            let proposed = k.nextReview.map { max($0, state.today) } ?? state.today.adding(days: 28)
            state.form = Form(title: formTitle("Next review (now \(k.nextReview?.iso ?? "none"))", c), purpose: .nextReview(caseRef: ref, version: k.version), fields: [
                .init("date", "Next review", .date, required: true, value: proposed.iso)])
        case .cancelAction, .rescheduleAction:
            guard let a = pickedOpenAction(c), let id = a.id else { state.message = "\(ref) has no open actions"; return }
            let what = "action \(id) (\(a.agency)): \(a.description.prefix(28))"
            if cmd == .cancelAction {
                state.form = Form(title: formTitle("Cancel \(what)", c), purpose: .cancelAction(id: id, caseRef: ref), fields: [
                    .init("reason", "Why it is no longer needed", required: true)])
            } else {
                let proposed = max(a.due ?? state.today, state.today).adding(days: 14)
                state.form = Form(title: formTitle("Reschedule \(what) (due \(a.due?.iso ?? "none"))", c), purpose: .rescheduleAction(id: id, caseRef: ref), fields: [
                    .init("due", "New due date", .date, required: true, value: proposed.iso), .init("reason", "Why")])
            }
        case .recordVoice:
            let ch = c.file.child
            state.form = Form(title: formTitle("Pupil and parent voice", c), purpose: .voice(childRef: ch.ref, caseRef: ref), fields: [
                .init("pupil", "Pupil says", value: ch.pupilVoice ?? ""), .init("parent", "Parent/carer says", value: ch.parentVoice ?? ""),
                .init("date", "Date", .date, required: true, value: state.today.iso)])
        default: break
        }
    }

    /// Questions before these forms save: a contact that is not the annual contact, a due date
    /// already past, an owner the store does not know, a case closed with work still open.
    func confirmEveryday(_ f: Form) -> String? {
        switch f.purpose {
        case .annualContact:
            if case .doesNotMeet(let why) = EHEAnnualContact.verdict(kind: .ehe, contactType: f["type"], childSeen: f["seen"] == "yes") {
                return "Not the annual contact: \(why). Record it as a contact anyway? y/n"
            }
        case .rescheduleAction:
            if let due = try? SchoolDate.parse(f["due"]), due < state.today { return "Due \(due.iso) is still overdue — save anyway? y/n" }
        case .owner:
            let typed = ownerTyped(f)
            switch OfficerName.match(typed, among: (try? store.officers()) ?? []) {
            case .known: return nil
            case .nearMiss(let t, let k): return "'\(t)' is not an officer OnRoll knows — did you mean \(k)? y makes \(t) a new owner · n to edit"
            case .new(let t): return "'\(t)' is a new officer to OnRoll — give them the case? y/n"
            }
        case .status(let ref, _) where f["status"] == CaseStatus.closed.rawValue:
            if let open = try? store.openWork(caseRef: ref), !open.isEmpty {
                return "\(ref) has \(open.summary) — close anyway? y/n"
            }
        default: break
        }
        return nil
    }

    /// The owner form's choice: someone new typed in, else the officer picked.
    func ownerTyped(_ f: Form) -> String { f["new"].isEmpty ? f["owner"] : f["new"] }

    func saveEveryday(_ f: Form) throws {
        let user = state.user
        func opt(_ k: String) -> String? { f[k].isEmpty ? nil : f[k] }
        func date(_ k: String) throws -> SchoolDate { f[k].isEmpty ? state.today : try SchoolDate.parse(f[k]) }
        switch f.purpose {
        case .annualContact(let ref):
            let when = try date("date"), seen = f["seen"] == "yes"
            try store.addContact(user: user, caseRef: ref, date: when, type: f["type"], outcome: f["outcome"], seen: seen,
                                 text: opt("note").map { "\(f["type"]): \(f["outcome"]) — \($0)" }, today: state.today)
            remember(ref, "contact “\(f["type"]): \(f["outcome"].prefix(30))” recorded", .refuse(UndoRefusal.contact))
            try reloadCase(ref)
            let meets = EHEAnnualContact.verdict(kind: .ehe, contactType: f["type"], childSeen: seen).meets
            let last = state.detail?.file.outOfSchool?.lastAnnualContact
            state.message = meets ? "EHE annual contact recorded: the next is due by \(EHEAnnualContact.nextDue(after: last ?? when).iso)"
                : "Contact recorded (not the annual contact)"
        case .nextReview(let ref, _):
            let before = try store.case(ref)?.nextReview
            let c = try store.setNextReview(user: user, ref: ref, date: try date("date"), today: state.today)
            remember(ref, "next review \(before?.iso ?? "none") → \(c.nextReview?.iso ?? "none")", .refuse("the review date's history is kept: set it again with V"))
            try reloadCase(ref)
            state.message = "\(ref): next review \(c.nextReview?.iso ?? "none")"
        case .cancelAction(let id, let ref):
            let a = try store.cancelAction(user: user, id: id, reason: f["reason"], date: state.today)
            remember(ref, "action \(id) open → cancelled", .reopenAction(id: id, version: a.version))
            try reloadCase(ref)
            state.message = "Action \(id) cancelled: \(f["reason"])"
        case .rescheduleAction(let id, let ref):
            let a = try store.rescheduleAction(user: user, id: id, due: try date("due"), reason: opt("reason"), today: state.today)
            remember(ref, "action \(id) rescheduled", .refuse("the old due date stays in the chronology: reschedule it again with D"))
            try reloadCase(ref)
            state.message = "Action \(id) now due \(a.due?.iso ?? "")"
        case .voice(let child, let ref):
            let was = try store.child(child)
            let pupil = f["pupil"] != (was?.pupilVoice ?? "") ? opt("pupil") : nil
            let parent = f["parent"] != (was?.parentVoice ?? "") ? opt("parent") : nil
            guard pupil != nil || parent != nil else { state.message = "Voice unchanged"; return }
            try store.setVoice(user: user, childRef: child, pupil: pupil, parent: parent, date: try date("date"))
            remember(ref, "voice recorded", .refuse("what was said is kept in the chronology: record what is said now with v"))
            try reloadCase(ref)
            state.message = "Voice recorded" + (pupil != nil ? " (pupil)" : "") + (parent != nil ? " (parent/carer)" : "")
        default: break
        }
    }

    func togglePanelFlag() {
        guard let c = targetCase else { state.message = "Select a case first"; return }
        let ref = c.file.case.ref, on = !c.file.case.flaggedForPanel
        do {
            try store.flagForPanel(user: state.user, ref: ref, flagged: on, today: state.today)
            remember(ref, on ? "flagged for panel" : "panel flag removed", .refuse("press F again to flip the panel flag back"))
            try reloadCase(ref)
            state.message = on ? "\(ref) flagged for the next panel (F again to unflag)" : "\(ref) no longer flagged for panel"
        } catch {
            state.message = "Not saved: \(error)"
        }
    }

    // MARK: Overdue actions across the caseload

    var selectedOverdue: OverdueAction? {
        state.overdueActions.indices.contains(state.overdueSelection) ? state.overdueActions[state.overdueSelection] : nil
    }

    func loadOverdueActions() throws {
        state.overdueActions = try store.overdueActions(today: state.today)
        state.overdueSelection = max(0, min(state.overdueSelection, state.overdueActions.count - 1))
    }

    func openOverdueActions() {
        do {
            try loadOverdueActions()
            state.overdueSelection = 0
            state.mode = .overdueActions
            state.message = state.overdueActions.isEmpty ? "No overdue actions" : "\(state.overdueActions.count) overdue actions · Enter opens the case"
        } catch {
            state.message = "Cannot list overdue actions: \(error)"
        }
    }
}
