import OnRollCore
import OnRollStore

/// Panel mode: the chair walks the agenda; each decision, action, deferral and timer is saved
/// through the store as it is made, so nothing typed in the meeting waits for the end.
extension Console {
    func runPanel(_ cmd: Command) {
        if cmd == .panelMode { openPanelMode(); return }
        guard state.mode == .panel, let session = state.panel else { state.message = "Open panel mode first (M)"; return }
        // Recording is for a meeting in progress: before S it would run no clock; after E the record is closed.
        let recording: Set<Command> = [.panelDecide, .panelAction, .panelDefer, .panelDiscussed, .panelEnd]
        if recording.contains(cmd) {
            switch session.record.panel.status {
            case .planned: state.message = "The meeting has not started: S starts it"; return
            case .closed: state.message = "This panel has ended: O reopens it to correct it"; return
            case .running: break
            }
        }
        switch cmd {
        case .panelStart: startPanelMeeting()
        case .panelReopen: askReopenPanel()
        case .panelNext: panelMove(1)
        case .panelPrev: panelMove(-1)
        case .panelDecide: openPanelForm(decision: true)
        case .panelAction: openPanelForm(decision: false)
        case .panelDefer: panelWrite("Deferred") { s, item in
            let next = try s.deferItem(user: state.user, itemId: item, today: state.today)
            if let ref = state.panel?.current?.item.caseRef { remember(ref, "deferred to the panel of \(next.date.iso)", .refuse(UndoRefusal.panelDeferral)) }
            return "deferred to the panel of \(next.date.long)"
        }
        case .panelDiscussed: panelWrite("Discussed") { s, item in
            try s.markDiscussed(user: state.user, itemId: item, today: state.today)
            if let ref = state.panel?.current?.item.caseRef { remember(ref, "marked discussed at panel", .refuse(UndoRefusal.panelDiscussed)) }
            return "marked discussed"
        }
        case .panelEnd: askEndPanel()
        case .panelPaneDown: scrollPanelPane(1)
        case .panelPaneUp: scrollPanelPane(-1)
        case .panelJump, .panelAddItem, .panelRemoveItem, .panelItemUp, .panelItemDown, .panelAttendee:
            runPanelAgenda(cmd)
        default: break
        }
    }

    func tickPanel() {
        if state.panel != nil { state.panel!.now = clock() }
    }

    /// Opens the next planned panel (or, with none planned, the last one ended, to look at or
    /// reopen) and builds its agenda if it has none. It does not start the meeting: that is S.
    func openPanelMode(id wanted: Int64? = nil) {
        do {
            let latestEnded = try store.panels().filter { $0.status == .closed }.max { ($0.endedAt ?? "", $0.date) < ($1.endedAt ?? "", $1.date) }
            guard let p = try wanted.map(store.panel) ?? store.upcomingPanel(today: state.today) ?? latestEnded, let id = p.id else {
                state.message = "No panel is planned: create one with `onroll panel new --date D --type T`"
                return
            }
            var record = try store.panelRecord(id)
            // Built once, the first time the panel is opened: items deferred to it are already there
            // and take their places, they do not stand in for the rules.
            var built: Int?
            if let added = try store.ensureAgenda(user: state.user, panelId: id, today: state.today) {
                built = added.count
                record = try store.panelRecord(id)
            }
            var cases: [String: AssessedCase] = [:]
            for i in record.agenda {
                cases[i.item.caseRef] = try store.assessedCase(i.item.caseRef, today: state.today)
            }
            var session = PanelSession(record: record, cases: cases, now: clock())
            // Resume where the meeting got to: the first item not yet dealt with.
            session.selection = record.agenda.firstIndex { $0.item.status == .pending } ?? 0
            state.panel = session
            state.mode = .panel
            // Take in what changed before the meeting opened rather than skipping past it.
            try absorbChanges()
            var items = "\(record.agenda.count) items"
            if let built {
                let left = try store.agendaPlan(panelId: id, today: state.today).alsoEligible.count
                items += " (agenda built: \(built) added\(left > 0 ? ", \(left) also eligible" : ""))"
            }
            switch record.panel.status {
            case .planned: state.message = "\(record.title): \(items) · not started: S starts the meeting"
            case .running: state.message = "\(record.title): \(items) · meeting in progress · d decision · a action · f defer"
            case .closed: state.message = "\(record.title): ended \(record.panel.endedAt ?? "") · O reopens it to correct it"
            }
        } catch {
            state.message = "Cannot open the panel: \(error)"
        }
    }

    /// Saves the time on the item in view and starts the clock on the next one.
    func panelMove(_ d: Int) {
        guard let s = state.panel, !s.record.agenda.isEmpty else { return }
        panelGo(to: s.selection &+ d)
        state.message = ""
    }

    /// Brings item `index` (0-based) into view: the time on the one left is saved, the case pane
    /// starts at its top, and the agenda scrolls to show the item.
    func panelGo(to index: Int) {
        guard var s = state.panel, !s.record.agenda.isEmpty else { return }
        let to = max(0, min(s.record.agenda.count - 1, index))
        guard to != s.selection else { return }
        saveItemTime()
        s = state.panel!
        s.selection = to
        s.itemStart = s.now
        s.paneScroll = 0
        state.panel = s
        keepPanelSelectionInView()
    }

    func keepPanelSelectionInView() {
        guard var s = state.panel else { return }
        let h = max(1, state.height - 5)
        s.selection = max(0, min(s.record.agenda.count - 1, s.selection))
        if s.selection < s.scroll { s.scroll = s.selection }
        if s.selection >= s.scroll + h { s.scroll = s.selection - h + 1 }
        state.panel = s
    }

    /// A page of the case pane down (+1) or up (-1), stopping at its ends.
    func scrollPanelPane(_ d: Int) {
        guard var s = state.panel, s.current != nil else { return }
        let page = max(1, PanelView.paneRows(height: state.height) - 2)
        let most = PanelView.paneMaxScroll(state, width: state.width, height: state.height)
        s.paneScroll = max(0, min(most, s.paneScroll + d * page))
        state.panel = s
        state.message = most == 0 ? "The whole case is in view" : ""
    }

    /// Adds the seconds since the item came up to its stored time.
    func saveItemTime() {
        guard var s = state.panel, let item = s.current, let id = item.item.id else { return }
        let secs = s.sitting
        guard secs > 0 else { return }
        do {
            try store.addItemSeconds(user: state.user, itemId: id, seconds: secs)
            s.itemStart = s.now
            state.panel = s
            try reloadPanel()
        } catch {
            state.message = "Timer not saved: \(error)"
        }
    }

    func openPanelForm(decision: Bool) {
        guard let item = state.panel?.current, let id = item.item.id else { return }
        let ref = item.item.caseRef
        if decision {
            state.form = Form(title: Console.formTitle("Panel decision", ref: ref, child: item.childName), purpose: .panelDecision(itemId: id, caseRef: ref), fields: [
                .init("decision", "Decision", .pick(PanelDecisions.common), value: item.item.decision.flatMap { PanelDecisions.common.contains($0) ? $0 : nil } ?? ""),
                .init("note", "Detail", value: item.item.decisionNote ?? ""),
                .init("provider", "AP provider", value: ""),
                .init("share", "Detail in redacted minutes", .pick(["not shared", "shared"]), value: item.item.noteShared ? "shared" : "not shared")])
        } else {
            let agencies = (try? store.agencies()) ?? Agencies.defaults
            state.form = Form(title: Console.formTitle("Panel action", ref: ref, child: item.childName), purpose: .panelAction(itemId: id, caseRef: ref), fields: [
                .init("description", "What", required: true), .init("agency", "Agency", .pick(agencies), required: true),
                .init("owner", "Owner", required: true), .init("due", "Due", .date, required: true, value: state.today.adding(days: 14).iso)])
        }
    }

    func savePanelForm(_ f: Form) throws {
        switch f.purpose {
        case .panelDecision(let id, let ref):
            let decision = try PanelDecision.parse(f["decision"])
            let note: String? = f["note"].isEmpty ? nil : f["note"]
            if decision == .other && note == nil { throw StoreError.invalid("say what the panel decided (Detail)") }
            let saved = try store.recordDecision(user: state.user, itemId: id, decision: decision, note: note,
                                                 noteShared: f["share"] == "shared",
                                                 provider: f["provider"].isEmpty ? nil : f["provider"], today: state.today)
            let text = saved.decision ?? decision.label
            remember(ref, "panel decision “\(text.prefix(30))” recorded", .refuse(UndoRefusal.panelDecision))
            try afterPanelChange(ref)
            let effect: String
            switch decision {
            case .close: effect = " · case closed"
            case .fairAccess: effect = " · fair access referral opened"
            case .apPlace: effect = " · AP place recorded"
            default: effect = ""
            }
            state.message = "\(ref): decision recorded — \(text)\(effect)"
        case .panelAction(let id, let ref):
            let a = try store.addPanelAction(user: state.user, itemId: id, agency: f["agency"], description: f["description"],
                                             owner: f["owner"], due: f["due"].isEmpty ? nil : try SchoolDate.parse(f["due"]),
                                             today: state.today)
            remember(ref, "panel action “\(a.description.prefix(30))” added", .cancelAction(id: a.id ?? 0, version: a.version))
            try afterPanelChange(ref)
            state.message = "\(ref): action \(a.id ?? 0) for \(a.agency) saved"
        default: break
        }
    }

    /// Runs one store change on the item in view, then shows it.
    func panelWrite(_ verb: String, _ body: (Store, Int64) throws -> String) {
        guard let item = state.panel?.current, let id = item.item.id else { return }
        do {
            let what = try body(store, id)
            try afterPanelChange(item.item.caseRef)
            state.message = "\(item.item.caseRef): \(what)"
        } catch {
            state.message = "\(verb) not saved: \(error)"
        }
    }

    func afterPanelChange(_ ref: String) throws {
        try reloadPanel()
        try reloadCase(ref)
        guard state.panel != nil else { return }
        // Read first: an optional-chained assignment holds `state` while its right side runs,
        // so reading `state.today` inside it is an exclusivity violation (a crash at run time).
        let fresh = try store.assessedCase(ref, today: state.today)
        state.panel?.cases[ref] = fresh
    }

    func reloadPanel() throws {
        guard let id = state.panel?.record.panel.id else { return }
        state.panel?.record = try store.panelRecord(id)
        // Edits made elsewhere during the meeting are taken in, not skipped by moving the stamp on.
        try absorbChanges()
    }
}
