import Foundation
import OnRollCore
import OnRollStore
import TerminalKit

/// The console's update loop: a key becomes a command, a command changes the state, and a change
/// that must be saved goes through the store's one audited write path before the state shows it.
public final class Console {
    public internal(set) var state: AppState
    let store: Store
    var lastStamp: Int64 = 0
    /// Per-case search text and overdue flags, rebuilt whenever `state.all` is replaced (Console+Filter).
    var searchIndex: CaseSearchIndex?
    var searchTrail = SearchTrail()
    /// Where the reports screen's `w` writes (the working directory unless a test or caller sets it).
    public var reportDirectory = "."
    /// Seconds since some epoch; panel timers read it. Tests pin it to make timers deterministic.
    public var clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }

    /// `firstPageOnly` reads just the top of the caseload as its stored summaries rank it, so the first
    /// frame costs the same at 100 cases or 100,000; `finishLoading` then reads and re-ranks the rest.
    public init(store: Store, user: String, today: SchoolDate, width: Int = 80, height: Int = 24,
                firstPageOnly: Bool = false) throws {
        self.store = store
        state = AppState(user: user, today: today, storeName: (store.path as NSString).lastPathComponent)
        state.width = width
        state.height = height
        if firstPageOnly {
            let page = try store.caseRowsFirstPage(today: today, limit: max(2 * height, 50))
            state.all = page.rows
            caseloadChanged()
            applyFilter()
            needsFullLoad = page.rows.count < page.total || page.stale > 0
            state.message = !needsFullLoad ? readyMessage
                : page.stale > 0 ? "Re-ranking \(page.stale) case\(page.stale == 1 ? "" : "s") for today…"
                : "Loading \(page.total) open cases…"
        } else {
            try reloadAll()
            state.message = readyMessage
        }
    }

    /// True after a first-page start until `finishLoading` has read the whole caseload.
    public private(set) var needsFullLoad = false

    /// Reads and ranks the whole caseload after a first-page start (the runtime calls it once the
    /// first frame is on screen; keys typed meanwhile wait in the terminal).
    public func finishLoading() throws {
        guard needsFullLoad else { return }
        try reloadAll()
        state.message = readyMessage
    }

    /// The status line once the whole caseload is in.
    private var readyMessage: String { "\(state.all.count) open cases · ? for help" }

    /// The first page stays on screen, with the reason the rest could not be read.
    public func loadFailed(_ error: Error) {
        state.message = "Only the first \(state.all.count) cases are shown: \(error)"
    }

    // MARK: Loading

    func reloadAll() throws {
        let keepRef = state.selected?.ref
        // One snapshot: what was read and the stamp it reflects, so nothing committed in between is missed.
        (state.all, lastStamp) = try store.caseRowsSnapshot(today: state.today)
        needsFullLoad = false
        caseloadChanged()
        applyFilter(keeping: keepRef)
        if let ref = state.detail?.file.case.ref { try reloadDetail(ref) }
        if state.mode == .plans { try loadPlans() }
        if state.mode == .reports { try loadReport(); state.message = "w writes \(reportPath)" }
    }

    /// Re-reads one case after a change, without re-assessing the whole caseload, and follows
    /// anything else written since the last look (another officer's work in the meantime).
    func reloadCase(_ ref: String) throws {
        let keep = state.selected?.ref
        try refreshCase(ref, keeping: keep)
        _ = try absorbChanges(alreadyRead: [ref], keeping: keep)
    }

    /// Re-reads the cases named in the audit log since `lastStamp`; returns how many were re-read.
    @discardableResult
    func absorbChanges(alreadyRead: Set<String> = [], keeping: String? = nil) throws -> Int {
        // Read before `state.all` changes: afterwards `state.selected` indexes the new list with old positions.
        let keep = keeping ?? state.selected?.ref
        let changes = try store.changes(since: lastStamp)
        if changes.needsFullReload { try reloadAll(); return state.all.count }
        let refs = changes.caseRefs.subtracting(alreadyRead)
        for ref in refs.sorted() { try refreshCase(ref, rank: false) }
        if !refs.isEmpty {
            state.all = CaseRow.ranked(state.all)
            caseloadChanged()
            applyFilter(keeping: keep)
        }
        lastStamp = changes.stamp
        return refs.count
    }

    private func refreshCase(_ ref: String, rank: Bool = true, keeping keep: String? = nil) throws {
        // The caseload holds the case's summary row; only the case on screen is read in full.
        let fresh = try store.caseRow(ref, today: state.today)
        let open = fresh.map { $0.summary.status != .closed } ?? false
        if let i = state.all.firstIndex(where: { $0.ref == ref }) {
            if let fresh, open { state.all[i] = fresh } else { state.all.remove(at: i) }
        } else if let fresh, open {
            state.all.append(fresh)
        }
        if state.detail?.file.case.ref == ref { state.detail = try store.assessedCase(ref, today: state.today) }
        guard rank else { return }
        state.all = CaseRow.ranked(state.all)
        caseloadChanged()
        applyFilter(keeping: keep ?? ref)
    }

    func reloadDetail(_ ref: String) throws {
        state.detail = try store.assessedCase(ref, today: state.today)
    }

    /// Notices other officers' changes (another console or the CLI) and reloads.
    public func pollForChanges() {
        tickPanel()
        if state.retryingSave {
            if state.form == nil { state.retryingSave = false } else { commitForm() }
            if state.retryingSave { return }
        }
        // A server says when a colleague commits (LISTEN); the stamp is read only then, or while the
        // server is away (to notice it is back).
        guard state.serverUnavailable || store.mayHaveChanged() else { return }
        let stamp: Int64
        do { stamp = try store.changeStamp() } catch StoreError.unavailable {
            if !state.serverUnavailable, state.form == nil { state.message = "Server unavailable, retrying…" }
            state.serverUnavailable = true
            return
        } catch { return }
        if state.serverUnavailable {
            state.serverUnavailable = false
            if state.message.hasPrefix("Server unavailable") { state.message = "Server back" }
        }
        guard stamp != lastStamp else { return }
        do {
            let n = try absorbChanges()
            if n > 0 { state.message = "Updated: \(n) case\(n == 1 ? "" : "s") changed elsewhere" }
        } catch {
            if (try? reloadAll()) != nil { state.message = "Reloaded: the caseload was changed elsewhere" }
        }
    }

    /// True once after Ctrl-L: the runtime then has the backend repaint everything.
    func takeRepaintRequest() -> Bool {
        defer { state.repaintRequested = false }
        return state.repaintRequested
    }

    func nextDeadline(_ c: AssessedCase) -> Deadline? {
        c.assessment.deadlines.filter { $0.state.isOpen || $0.state == .breached }.min { $0.due < $1.due }
    }

    func clampScroll() {
        let h = state.listHeight
        if state.selection < state.scroll { state.scroll = state.selection }
        if state.selection >= state.scroll + h { state.scroll = state.selection - h + 1 }
        state.scroll = max(0, min(state.scroll, max(0, state.visible.count - h)))
    }

    // MARK: Keys

    public func resize(width: Int, height: Int) {
        state.width = width
        state.height = height
        clampScroll()
    }

    /// Handles one key. Returns false when the console should exit.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        tickPanel()
        if key == .resize { return true }
        if key == .ctrl("c") { state.quit = true; return false }
        if state.tooSmall {
            if key == .char("q") { state.quit = true }
            return !state.quit
        }
        if state.confirm != nil { answerConfirm(key); return !state.quit }
        if let overlay = state.overlay { handleOverlay(overlay, key); return !state.quit }
        if state.form != nil { handleForm(key); return !state.quit }
        if state.searching { handleSearch(key); return !state.quit }
        if let cmd = KeyMap.command(for: key, in: state.mode) { run(cmd) }
        return !state.quit
    }

    func handleSearch(_ key: Key) {
        switch key {
        case .enter, .down, .up:
            state.searching = false
            state.message = state.visible.isEmpty ? "No case matches “\(state.searchEditor.string)”" : "\(state.visible.count) match"
        case .escape:
            // The case under the cursor stays under it: the next key acts on the child you were looking at.
            let keep = state.selected?.ref
            state.searching = false
            state.searchEditor = LineEditor()
            applyFilter(keeping: keep)
        default:
            if state.searchEditor.handle(key) { state.selection = 0; applyFilter() }
        }
    }

    func handleOverlay(_ overlay: AppState.Overlay, _ key: Key) {
        switch overlay {
        case .help:
            state.overlay = nil
        case .palette(var p):
            switch key {
            case .escape: state.overlay = nil
            case .down, .ctrl("n"): p.selection = min(p.selection + 1, max(0, p.matches.count - 1)); state.overlay = .palette(p)
            case .up, .ctrl("p"): p.selection = max(p.selection - 1, 0); state.overlay = .palette(p)
            case .enter:
                state.overlay = nil
                if p.matches.indices.contains(p.selection) { run(p.matches[p.selection]) }
            default:
                if p.query.handle(key) { p.selection = 0; state.overlay = .palette(p) }
            }
        }
    }

    func answerConfirm(_ key: Key) {
        guard let c = state.confirm else { return }
        switch key {
        case .char("y"), .char("Y"):
            state.confirm = nil
            switch c.action {
            case .discardForm: state.form = nil; state.message = "Discarded"
            case .saveForm: commitForm()
            case .undo(let i): performUndo(i)
            case .endPanel: endPanelMeeting()
            case .reopenPanel(let id): reopenPanel(id)
            }
        case .char("n"), .char("N"), .escape:
            state.confirm = nil
            switch c.action {
            case .discardForm, .saveForm: state.message = "Still editing"
            case .undo: state.message = "Undo cancelled"
            case .endPanel: state.message = "The meeting goes on"
            case .reopenPanel: state.message = "The panel stays ended"
            }
        default: break
        }
    }

    // MARK: Commands

    func run(_ cmd: Command) {
        switch cmd {
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-state.listHeight)
        case .pageDown: move(state.listHeight)
        case .top: move(Int.min / 2)
        case .bottom: move(Int.max / 2)
        case .open: openSelected()
        case .back: goBack()
        case .quit: if state.mode == .caseload { state.quit = true } else { goBack() }
        case .search: state.searching = true; state.searchEditor = LineEditor(state.searchEditor.string); state.message = "Search: type a name, UPN or ref · Enter keeps · Esc clears"
        case .clearFilter:
            // The saved view stays (Esc is pressed on the way out of a case too; losing "Overdue" to it
            // sent officers back to the whole caseload): 0 is the key for all open cases.
            let keep = state.selected?.ref
            state.searchEditor = LineEditor(); state.filter = CaseFilter(); applyFilter(keeping: keep)
            state.message = state.view == .all ? "Filters cleared" : "Filters cleared; view kept: \(state.view.rawValue) (0 for all)"
        case .nextView: setView(AppState.SavedView.allCases[(AppState.SavedView.allCases.firstIndex(of: state.view)! + 1) % AppState.SavedView.allCases.count])
        case .viewAll: setView(.all)
        case .viewMine: setView(.mine)
        case .viewOverdue: setView(.overdue)
        case .viewDueThisWeek: setView(.dueThisWeek)
        case .viewOutOfSchool: setView(.outOfSchool)
        case .viewDeadlinesWeek: setView(.deadlinesWeek)
        case .filterKind: cycleKind()
        case .filterOwner: cycleOwner()
        case .cycleSort:
            let all = AppState.SortKey.allCases
            state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
            applyFilter(keeping: state.selected?.ref)
            state.message = "Sorted by \(state.sort.rawValue)"
        case .nextTab, .prevTab:
            let tabs = AppState.CaseTab.allCases
            let i = tabs.firstIndex(of: state.tab)!
            state.tab = tabs[(i + (cmd == .nextTab ? 1 : tabs.count - 1)) % tabs.count]
            state.detailScroll = 0
        case .newNote, .newAction, .completeAction, .newSuspension, .changeStatus, .changeOwner, .openCaseForChild,
             .recordContact, .reviewPlan, .recordEHC, .reflectSuspension, .addProfessional, .recordEnquiry, .editOutOfSchool,
             .suspensionDates, .recordOffsite,
             .addPlanPhase, .changePlanTarget, .endPlan, .annualContact, .setNextReview, .cancelAction, .rescheduleAction, .recordVoice:
            openForm(cmd)
        case .togglePanelFlag: togglePanelFlag()
        case .overdueActions: openOverdueActions()
        case .frontDoor: openFrontDoor()
        case .planReviews: openPlans()
        case .panelMode, .panelStart, .panelNext, .panelPrev, .panelDecide, .panelAction, .panelDefer, .panelDiscussed,
             .panelEnd, .panelReopen, .panelJump, .panelAddItem, .panelRemoveItem, .panelItemUp, .panelItemDown,
             .panelAttendee, .panelPaneDown, .panelPaneUp:
            runPanel(cmd)
        case .undo: askUndo()
        case .help: state.overlay = .help
        case .palette: state.overlay = .palette(AppState.Palette())
        case .refresh:
            do { try reloadAll(); state.message = "Reloaded" } catch { state.message = "Reload failed: \(error)" }
        case .redraw: state.message = ""; state.repaintRequested = true
        case .openReports, .nextReport, .prevReport, .reportCaseload, .reportSuspensions, .reportReintegration,
             .reportOutOfSchool, .reportActions, .reportYearBack, .reportYearForward, .reportTerm, .reportPublish,
             .reportChartGroup, .reportWrite:
            runReport(cmd)
        }
    }

    func setView(_ v: AppState.SavedView) {
        state.view = v
        state.selection = 0
        state.scroll = 0
        applyFilter()
        state.message = "\(v.rawValue): \(state.visible.count) of \(state.all.count)"
    }

    func cycleKind() {
        let kinds = CaseKind.allCases
        if let current = state.filter.kinds.first, state.filter.kinds.count == 1, let i = kinds.firstIndex(of: current) {
            state.filter.kinds = i + 1 < kinds.count ? [kinds[i + 1]] : []
        } else {
            state.filter.kinds = [kinds[0]]
        }
        applyFilter()
        state.message = state.filter.kinds.first.map { "Kind: \($0.label)" } ?? "Kind: any"
    }

    /// Each owner in turn, then "unassigned" (the empty owner, which the filter matches to cases with
    /// none) when any case has no owner, then any.
    func cycleOwner() {
        var owners = Array(Set(state.all.compactMap { $0.summary.owner }.filter { !$0.isEmpty })).sorted()
        if state.all.contains(where: { ($0.summary.owner ?? "").isEmpty }) { owners.append("") }
        guard !owners.isEmpty else { return }
        if let o = state.filter.owner, let i = owners.firstIndex(of: o) {
            state.filter.owner = i + 1 < owners.count ? owners[i + 1] : nil
        } else {
            state.filter.owner = owners[0]
        }
        applyFilter()
        state.message = "Owner: \(state.filter.owner.map { $0.isEmpty ? "unassigned" : $0 } ?? "any") · \(state.visible.count) cases"
    }

    func move(_ d: Int) {
        switch state.mode {
        case .caseload:
            state.selection = max(0, min(state.visible.count - 1, state.selection &+ d))
            clampScroll()
        case .caseDetail:
            if state.tab == .actions, let n = state.detail?.file.actions.count, n > 0 {
                state.actionSelection = max(0, min(n - 1, state.actionSelection &+ d))
            } else if state.tab == .suspensions, let n = state.detail?.file.suspensions.count, n > 0 {
                state.suspensionSelection = max(0, min(n - 1, state.suspensionSelection &+ d))
            } else {
                state.detailScroll = max(0, state.detailScroll &+ d)
            }
        case .plans:
            state.planSelection = max(0, min(state.planRows.count - 1, state.planSelection &+ d))
        case .overdueActions:
            state.overdueSelection = max(0, min(state.overdueActions.count - 1, state.overdueSelection &+ d))
        case .frontDoor:
            state.frontDoorSelection = max(0, min(state.frontDoorRows.count - 1, state.frontDoorSelection &+ d))
        case .reports:
            scrollReport(d)
        case .panel:
            panelMove(d)
        }
    }

    func openSelected() {
        let ref: String?
        var action: Int64?
        switch state.mode {
        case .plans: ref = state.planRows.indices.contains(state.planSelection) ? state.planRows[state.planSelection].caseRef : nil
        case .overdueActions:
            let row = state.overdueActions.indices.contains(state.overdueSelection) ? state.overdueActions[state.overdueSelection] : nil
            ref = row?.action.caseRef
            action = row?.action.id
        case .panel:
            // The whole file of the item under discussion; q comes back to the meeting, its clock running.
            ref = state.panel?.current?.item.caseRef
        case .frontDoor:
            let rows = state.frontDoorRows
            guard rows.indices.contains(state.frontDoorSelection) else { return }
            guard let r = rows[state.frontDoorSelection].caseRef else {
                state.message = "\(rows[state.frontDoorSelection].childName) has no open case: O on a case of theirs, or `onroll case open`"
                return
            }
            ref = r
        default: ref = state.selected?.ref
        }
        guard let r = ref else { return }
        do {
            try reloadDetail(r)
            try store.logView(user: state.user, caseRef: r, via: "console")
            try absorbChanges()
            state.returnMode = state.mode
            state.mode = .caseDetail
            state.tab = .summary
            state.detailScroll = 0
            state.actionSelection = 0
            state.suspensionSelection = 0
            state.message = ""
            // From the overdue list the case opens on its Actions tab with that action picked.
            if let id = action, let i = state.detail?.file.actions.firstIndex(where: { $0.id == id }) {
                state.tab = .actions
                state.actionSelection = i
            }
        } catch {
            state.message = "Cannot open \(r): \(error)"
        }
    }

    func goBack() {
        switch state.mode {
        case .caseDetail:
            state.mode = state.returnMode
            state.detail = nil
            if state.mode == .plans { try? loadPlans() }
            if state.mode == .overdueActions { try? loadOverdueActions() }
            state.message = state.mode == .caseload ? "\(state.view.rawValue): \(state.visible.count) of \(state.all.count)" : ""
        case .overdueActions, .frontDoor:
            state.mode = .caseload
            state.message = "\(state.visible.count) open cases"
        case .plans:
            state.mode = .caseload
            state.planSetting = nil
        case .reports:
            state.mode = .caseload
            state.message = "\(state.visible.count) open cases"
        case .panel:
            leavePanel()
        case .caseload:
            break
        }
        if state.mode != .caseDetail { state.returnMode = .caseload }
    }
}
