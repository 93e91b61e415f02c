import OnRollCore
import OnRollStore

/// `u`: reverse this session's last change as a new audited change, after a one-line confirmation
/// that reads as a human diff. Nothing is erased: a withdrawn note stays, marked withdrawn.
extension Console {
    func askUndo() {
        guard let last = state.undo.last else { state.message = "Nothing to undo in this session"; return }
        state.confirm = .init(question: "\(last.description) — undo? y/n", action: .undo)
    }

    func performUndo() {
        guard let last = state.undo.popLast() else { return }
        let user = state.user, today = state.today
        do {
            let ref: String
            switch last.reversal {
            case .status(let r, let to):
                ref = r
                try store.setStatus(user: user, ref: r, status: to, today: today, reason: "undo")
            case .owner(let r, let to):
                ref = r
                try store.assign(user: user, ref: r, owner: to, today: today)
            case .cancelAction(let id):
                ref = try store.completeAction(user: user, id: id, outcome: "undone: added by mistake", date: today, cancel: true).caseRef
            case .reopenAction(let id):
                ref = try store.reopenAction(user: user, id: id, date: today).caseRef
            case .withdrawNote(let r, let id):
                ref = r
                try store.write(user: user) { ctx in
                    try ctx.chronicle(r, date: today, kind: .undo, text: "Note \(id) withdrawn (undo): it stays in the record", linkId: id, op: "note.withdraw")
                }
            }
            try reloadCase(ref)
            state.message = "Undone: \(last.description)"
        } catch {
            state.message = "Could not undo: \(error)"
        }
    }
}
