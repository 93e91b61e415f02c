import OnRollCore
import OnRollStore

/// The meeting's life: started on purpose (S), ended only after a question that says what is left
/// (E), and reopened by the chair to correct an ended panel's record (O).
extension Console {
    func startPanelMeeting() {
        guard let id = state.panel?.record.panel.id else { return }
        switch state.panel!.record.panel.status {
        case .running: state.message = "The meeting is already running (since \(state.panel!.record.panel.startedAt ?? "?"))"; return
        case .closed: state.message = "This panel has ended: O reopens it to correct it"; return
        case .planned: break
        }
        do {
            try store.startPanel(user: state.user, id: id)
            try reloadPanel()
            state.panel?.itemStart = clock()
            state.message = "Meeting started · d decision · a action · f defer · x discussed · E ends it"
        } catch {
            state.message = "Cannot start the meeting: \(error)"
        }
    }

    func askEndPanel() {
        guard let s = state.panel else { return }
        let left = s.record.agenda.count - s.doneCount
        let what = left == 0 ? "every item is dealt with" : "\(left) of \(s.record.agenda.count) item\(s.record.agenda.count == 1 ? "" : "s") not yet dealt with"
        state.confirm = .init(question: "End the meeting? \(what) — y/n", action: .endPanel)
    }

    func askReopenPanel() {
        guard let p = state.panel?.record.panel, let id = p.id else { return }
        guard p.status == .closed else { state.message = "This panel has not ended: there is nothing to reopen"; return }
        state.confirm = .init(question: "Reopen panel \(id) (ended \(p.endedAt ?? "?")) to correct its record? y/n", action: .reopenPanel(id))
    }

    func reopenPanel(_ id: Int64) {
        do {
            try store.reopenPanel(user: state.user, id: id, reason: "to correct it in the console", today: state.today)
            openPanelMode(id: id)
            state.message = "Panel \(id) reopened (audited) · correct it, then E ends it again"
        } catch {
            state.message = "Cannot reopen the panel: \(error)"
        }
    }

    func endPanelMeeting() {
        guard let id = state.panel?.record.panel.id else { return }
        saveItemTime()
        do {
            try store.endPanel(user: state.user, id: id)
            let s = state.panel!
            state.panel = nil
            state.mode = .caseload
            state.message = "Panel ended after \(PanelView.clock(s.meetingSeconds ?? 0)): \(s.doneCount) of \(s.record.agenda.count) items dealt with · minutes: onroll panel minutes \(id)"
        } catch {
            state.message = "Cannot end the panel: \(error)"
        }
    }

    /// Leaves panel mode without ending the meeting (it can be resumed with M).
    func leavePanel() {
        saveItemTime()
        state.panel = nil
        state.mode = .caseload
        state.message = "Left the panel; M resumes it"
    }
}
