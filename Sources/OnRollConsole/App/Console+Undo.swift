import OnRollCore
import OnRollStore

/// `u`: this officer's newest change on the case on screen, reversed as a new audited change after
/// a one-line confirmation. Nothing is erased: a withdrawn note stays, marked withdrawn; records
/// that are never rewritten (contacts, reviews, reflections, panel minutes) are refused by name.
extension Console {
    /// The case `u` acts on: the one open, the row selected, the plan or the panel item in view.
    var undoCaseRef: String? {
        switch state.mode {
        case .panel: state.panel?.current?.item.caseRef
        case .plans: state.planRows.indices.contains(state.planSelection) ? state.planRows[state.planSelection].caseRef : nil
        case .caseDetail: state.detail?.file.case.ref
        case .caseload, .reports: state.selected?.ref
        case .overdueActions: state.overdueActions.indices.contains(state.overdueSelection) ? state.overdueActions[state.overdueSelection].action.caseRef : nil
        case .frontDoor: state.frontDoorRows.indices.contains(state.frontDoorSelection) ? state.frontDoorRows[state.frontDoorSelection].caseRef : nil
        }
    }

    func remember(_ ref: String, _ description: String, _ reversal: UndoEntry.Reversal) {
        state.undo.append(UndoEntry(caseRef: ref, description: "\(ref): \(description)", reversal: reversal))
    }

    func askUndo() {
        guard let ref = undoCaseRef else { state.message = "Select a case first: undo acts on the case on screen"; return }
        guard let i = state.undo.lastIndex(where: { $0.caseRef == ref }) else {
            state.message = "Nothing of yours to undo on \(ref) in this session"
            return
        }
        let last = state.undo[i]
        if case .refuse(let why) = last.reversal {
            state.message = "Can't undo on \(ref): \(why)"
            return
        }
        state.confirm = .init(question: "\(last.description) — undo? y/n", action: .undo(i))
    }

    func performUndo(_ index: Int) {
        guard state.undo.indices.contains(index) else { return }
        let last = state.undo[index]
        let user = state.user, today = state.today, ref = last.caseRef
        do {
            switch last.reversal {
            case .status(let to, let v):
                try store.setStatus(user: user, ref: ref, status: to, today: today, reason: "undo", expectedVersion: v)
            case .owner(let to, let v):
                try store.assign(user: user, ref: ref, owner: to, today: today, expectedVersion: v)
            case .ehc(let was, let v):
                try store.editCase(user: user, ref: ref, expectedVersion: v, date: today, kind: .status, op: .caseEhc,
                                   describe: { _, _ in "EHC needs assessment steps put back (undo)" }) { c in
                    c.ehcRequest = was.request; c.ehcDecision = was.decision
                    c.ehcNoPlanNotice = was.noPlanNotice; c.ehcLastReview = was.lastReview
                }
            case .cancelAction(let id, let v):
                try store.completeAction(user: user, id: id, outcome: "undone: added by mistake", date: today, cancel: true, expectedVersion: v)
            case .reopenAction(let id, let v):
                try store.reopenAction(user: user, id: id, date: today, expectedVersion: v)
            case .withdrawNote(let id):
                try store.withdrawNote(user: user, caseRef: ref, noteId: id, date: today)
            case .outOfSchool(let before, let v):
                try store.setOutOfSchool(user: user, childRef: before.childRef, date: today, describe: "put back as it was (undo)",
                                         expectedVersion: v) { r in
                    let version = r.version
                    r = before
                    r.version = version
                }
            case .refuse:
                return
            }
            state.undo.remove(at: index)
            try reloadCase(ref)
            // A cancelled panel action leaves the item's "Agreed" list too.
            if state.mode == .panel { try reloadPanel() }
            state.message = "Undone: \(last.description)"
        } catch StoreError.conflict(let why) {
            // The record moved on since this officer's change: putting it back would overwrite that.
            state.message = "Not undone: \(why.replacingOccurrences(of: " — reload and try again", with: "")) after your change"
        } catch {
            state.message = "Could not undo: \(error)"
        }
    }
}
