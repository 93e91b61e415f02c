import OnRollCore
import TerminalKit

/// Draws the whole state onto the grid: the screen for the mode, then any form or overlay,
/// then the status line. Below the minimum size it draws a notice instead.
public enum RootView {
    public static func render(_ s: AppState, on screen: Screen) {
        screen.clear()
        if s.tooSmall {
            let msg = ["Terminal too small", "OnRoll needs \(AppState.minWidth)×\(AppState.minHeight); this is \(s.width)×\(s.height).", "Enlarge the window, or press q to quit."]
            for (i, m) in msg.enumerated() where i < screen.height {
                screen.text(m, x: 0, y: max(0, screen.height / 2 - 1) + i - (screen.height < 3 ? screen.height / 2 : 0), width: screen.width, style: i == 0 ? Theme.title : Theme.plain)
            }
            return
        }
        switch s.mode {
        case .caseload: CaseloadView.render(s, on: screen)
        case .caseDetail: CaseView.render(s, on: screen)
        case .plans: PlanListView.render(s, on: screen)
        case .reports: ReportView.render(s, on: screen)
        case .panel: PanelView.render(s, on: screen)
        case .overdueActions: OverdueActionsView.render(s, on: screen)
        case .frontDoor: FrontDoorView.render(s, on: screen)
        }
        if let f = s.form { FormView.render(f, on: screen) }
        switch s.overlay {
        case .help: HelpView.render(s, on: screen)
        case .palette(let p): PaletteView.render(p, on: screen)
        case nil: break
        }
        StatusLine.render(s, on: screen)
    }
}

/// The bottom two lines: the message (or a question) and the key hints; store, user and date.
enum StatusLine {
    static func render(_ s: AppState, on screen: Screen) {
        let w = screen.width, y = screen.height - 2
        var right = s.confirm != nil ? "" : s.mode == .panel && s.panel != nil ? PanelView.timers(s.panel!) : " \(s.storeName) · \(s.user) · \(s.today.short) \(s.today.year) "
        let left = s.confirm.map { " " + $0.question } ?? " " + s.message
        // A message must be readable whole (the reports screen's is the path `w` writes to; an
        // undo refusal says what to do instead): it takes the right-hand side when it needs it,
        // except from the panel's clocks, which the chair watches throughout.
        if s.mode != .panel, TextWidth.of(left) + TextWidth.of(right) > w { right = "" }
        screen.text(left, x: 0, y: y, width: max(0, w - TextWidth.of(right)), style: s.confirm != nil ? Theme.warning : Theme.status)
        screen.text(right, x: max(0, w - TextWidth.of(right)), y: y, width: TextWidth.of(right), style: Theme.status)
        screen.line(hints(s), y: y + 1, style: Theme.dim)
    }

    static func hints(_ s: AppState) -> String {
        if s.confirm != nil { return "y yes · n no" }
        if s.form != nil { return "Tab next field · Ctrl-S save · Esc cancel" }
        if s.searching { return "type to filter · Enter keep · Esc clear" }
        // The full hint line when it fits; the essentials otherwise (? lists everything).
        let (full, short): (String, String)
        switch s.mode {
        case .caseload:
            full = "Enter open · / search · v views · n note · a action · s suspension · A overdue actions · P plans · M panel · R reports · ? help · q quit"
            short = "Enter open · / search · v views · n note · a action · ? help · q quit"
        case .caseDetail where s.tab == .suspensions:
            full = "Tab tabs · j/k pick suspension · R reflect · s suspension · n note · a action · u undo · ? help · q back"
            short = "Tab tabs · j/k pick · R reflect · s suspension · ? help · q back"
        case .caseDetail where s.tab == .actions:
            full = "Tab tabs · j/k pick action · d done · x cancel · D reschedule · a action · n note · u undo · ? help · q back"
            short = "Tab tabs · j/k pick · d done · x cancel · D reschedule · ? help · q back"
        case .caseDetail where s.tab == .summary:
            full = "Tab tabs · v voice · V next review · F panel flag · m team · E record · e enquiry · c contact · A EHE annual · ? help · q back"
            short = "Tab tabs · m team · E record · e enquiry · c contact · ? help · q back"
        case .caseDetail where s.tab == .plan:
            full = "Tab tabs · r review · p phase · T target · X end plan · n note · a action · u undo · ? help · q back"
            short = "Tab tabs · r review · p phase · T target · X end · ? help · q back"
        case .caseDetail:
            full = "Tab tabs · j/k scroll · n note · a action · d done · s suspension · t status · w owner · c contact · r review · u undo · q back"
            short = "Tab tabs · n note · a action · d done · t status · u undo · ? help · q back"
        case .frontDoor:
            full = "j/k move · Enter open the child's case · q back · ? help"
            short = "j/k · Enter open · q back"
        case .overdueActions:
            full = "j/k move · Enter open the case (on its Actions tab) · d done · x cancel · D reschedule · q back · ? help"
            short = "j/k · Enter open · d done · x cancel · D reschedule · q back"
        case .plans:
            full = "j/k move · r record review · p phase · T target · X end plan · o open case · ? help · q back"
            short = "j/k · r review · p phase · T target · X end · q back"
        case .reports:
            full = "1-5/←→ report · [ ] year · t term · p publishable · c school/trust · w write · j/k scroll · q back"
            short = "1-5 report · [ ] year · t term · p publish · w write · q back"
        case .panel where s.panel?.record.panel.status == .planned:
            full = "S start the meeting · n/p next/previous · g go to · + add · - take off · < > move · A attendees · ? help · q leave"
            short = "S start the meeting · n/p · g go to · + add · - off · A attendees · q leave"
        case .panel where s.panel?.record.panel.status == .closed:
            full = "O reopen to correct it · n/p next/previous · ? help · q leave"
            short = "O reopen · n/p items · ? help · q leave"
        case .panel:
            full = "n/p next/previous · g go to · d decision · a action · f defer · x discussed · J/K scroll · E end · ? help · q leave"
            short = "n/p g items · d decide · a action · f defer · x done · E end · q leave"
        }
        return TextWidth.of(full) <= s.width ? full : short
    }
}
