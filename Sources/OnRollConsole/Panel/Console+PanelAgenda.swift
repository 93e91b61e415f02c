import OnRollCore
import OnRollStore

/// The chair's hold on the meeting itself: go straight to item N (g), put a case on the agenda (+),
/// take the item in view off with a reason (-), move it up or down (< >), and record who came and
/// who sent apologies (A). Each is saved through the store as it is made, audited, and (for a case)
/// in its chronology.
extension Console {
    func runPanelAgenda(_ cmd: Command) {
        guard let s = state.panel, let pid = s.record.panel.id else { return }
        // Going to an item only looks; everything else changes the record, which closes when the panel ends.
        if cmd != .panelJump, s.record.panel.status == .closed {
            state.message = "This panel has ended: O reopens it to correct it"
            return
        }
        switch cmd {
        case .panelJump:
            guard !s.record.agenda.isEmpty else { state.message = "No cases on the agenda"; return }
            state.form = Form(title: "Go to item — 1 to \(s.record.agenda.count)", purpose: .panelJump(panelId: pid), fields: [
                .init("number", "Item number", .number, required: true)])
        case .panelAddItem:
            state.form = Form(title: "Add a case to the agenda — \(s.record.title)", purpose: .panelAddItem(panelId: pid), fields: [
                .init("ref", "Case ref", required: true), .init("reason", "Why", required: true)])
        case .panelRemoveItem:
            guard let item = s.current else { return }
            let ref = item.item.caseRef
            guard item.item.status == .pending else {
                state.message = "\(ref) was already \(item.item.status.label) at this panel: its record stays on the agenda"
                return
            }
            state.form = Form(title: Console.formTitle("Take off the agenda", ref: ref, child: item.childName),
                              purpose: .panelRemoveItem(panelId: pid, caseRef: ref), fields: [.init("reason", "Why", required: true)])
        case .panelItemUp, .panelItemDown:
            movePanelItem(cmd == .panelItemUp ? -1 : 1)
        case .panelAttendee:
            state.form = Form(title: "Attendees and apologies — \(s.record.title)", purpose: .panelAttendee(panelId: pid), fields: [
                .init("name", "Name", required: true), .init("org", "Organisation"), .init("role", "Role"),
                .init("present", "Attended", .pick(["attended", "sent apologies"]))])
        default: break
        }
    }

    func savePanelAgendaForm(_ f: Form) throws {
        switch f.purpose {
        case .panelJump:
            let count = state.panel?.record.agenda.count ?? 0
            guard let n = Int(f["number"]), (1...max(1, count)).contains(n), count > 0 else {
                throw StoreError.invalid("item number: the agenda has items 1 to \(count)")
            }
            panelGo(to: n - 1)
            state.message = "Item \(n): \(state.panel?.current?.item.caseRef ?? "")"
        case .panelAddItem(let pid):
            let ref = try store.resolveCaseRef(f["ref"])
            try store.addItem(user: state.user, panelId: pid, caseRef: ref, reason: f["reason"], today: state.today)
            try afterAgendaChange(keeping: state.panel?.current?.item.caseRef)
            try afterPanelChange(ref)
            let place = (state.panel?.record.agenda.firstIndex { $0.item.caseRef == ref } ?? 0) + 1
            remember(ref, "put on the panel's agenda", .refuse(UndoRefusal.panelAgenda))
            state.message = "\(ref) added to the agenda as item \(place) · g \(place) goes to it"
        case .panelRemoveItem(let pid, let ref):
            // The time on the item so far is kept with it, as when any item is left.
            saveItemTime()
            try store.removeItem(user: state.user, panelId: pid, caseRef: ref, reason: f["reason"], today: state.today)
            let at = state.panel?.selection ?? 0
            try afterAgendaChange(keeping: nil)
            state.panel?.selection = at
            state.panel?.itemStart = clock()
            state.panel?.paneScroll = 0
            keepPanelSelectionInView()
            try reloadCase(ref)
            remember(ref, "taken off the panel's agenda", .refuse(UndoRefusal.panelAgenda))
            state.message = "\(ref) taken off the agenda (\(f["reason"].prefix(40))) · kept in the minutes"
        case .panelAttendee(let pid):
            let apologies = f["present"] == "sent apologies"
            let a = try store.addAttendee(user: state.user, panelId: pid, name: f["name"], organisation: f["org"].isEmpty ? nil : f["org"],
                                          role: f["role"].isEmpty ? nil : f["role"], apologies: apologies)
            try reloadPanel()
            let people = state.panel?.record.attendees ?? []
            state.message = "\(apologies ? "Apologies from" : "Attending:") \(a.name) · \(people.filter { !$0.apologies }.count) attending, "
                + "\(people.filter(\.apologies).count) apologies"
        default: break
        }
    }

    /// Moves the item in view one place; it stays in view, so the chair sees where it went.
    func movePanelItem(_ step: Int) {
        guard let s = state.panel, let pid = s.record.panel.id, let item = s.current else { return }
        let ref = item.item.caseRef
        do {
            let to = try store.moveItem(user: state.user, panelId: pid, caseRef: ref, by: step)
            try afterAgendaChange(keeping: ref)
            state.message = to == s.selection + 1 ? "\(ref) is already \(step < 0 ? "first" : "last")" : "\(ref) moved to item \(to)"
        } catch {
            state.message = "Not moved: \(error)"
        }
    }

    /// Reloads the agenda with the same case in view (its place may have changed) and assesses any
    /// case new to it.
    func afterAgendaChange(keeping ref: String?) throws {
        try reloadPanel()
        guard let s = state.panel else { return }
        for i in s.record.agenda where s.cases[i.item.caseRef] == nil {
            let c = try store.assessedCase(i.item.caseRef, today: state.today)
            state.panel?.cases[i.item.caseRef] = c
        }
        if let ref, let at = s.record.agenda.firstIndex(where: { $0.item.caseRef == ref }) { state.panel?.selection = at }
        keepPanelSelectionInView()
    }
}
