import OnRollCore
import TerminalKit

/// The PRU head's review view: each active plan with its phase, weeks in, attendance against
/// plan at each review, last RAG and next review, overdue reviews first.
enum PlanListView {
    static func render(_ s: AppState, on screen: Screen) {
        let w = screen.width
        screen.line("OnRoll · Reintegration plans\(s.planSetting.map { " · setting \($0)" } ?? "") · \(s.planRows.count) active", y: 0, style: Theme.title)
        let header = " \(TextWidth.pad("Case", toWidth: 9))\(TextWidth.pad("Child", toWidth: 20))\(TextWidth.pad("Wk", toWidth: 4))\(TextWidth.pad("Phase", toWidth: 7))\(TextWidth.pad("Attendance", toWidth: 12))\(TextWidth.pad("RAG", toWidth: 6))Next review"
        screen.line(header, y: 2, style: Theme.header)
        if s.planRows.isEmpty { screen.line("No active plans in this setting.", y: 4, style: Theme.dim) }
        for (i, r) in s.planRows.prefix(max(0, screen.height - 6)).enumerated() {
            let phase = r.phaseSessions.map { "\($0)/10" } ?? "—"
            let review = (r.overdue ? "! " : "") + (r.nextReview?.iso ?? "—") + (r.overdue ? " overdue" : "")
            let line = (i == s.planSelection ? "›" : " ") + "\(TextWidth.pad(r.caseRef, toWidth: 9))\(TextWidth.pad(TextWidth.truncate(r.childName, toWidth: 19), toWidth: 20))\(TextWidth.pad(String(r.weeksIn), toWidth: 4))\(TextWidth.pad(phase, toWidth: 7))\(TextWidth.pad(PlanSchedule.sparkline(r.attendance), toWidth: 12))\(TextWidth.pad(r.lastRAG?.rawValue.uppercased() ?? "—", toWidth: 6))\(review)"
            let style = i == s.planSelection ? Theme.selected : r.overdue ? Theme.danger : Theme.plain
            screen.text(line, x: 0, y: 3 + i, width: w, style: style)
        }
    }
}

/// A modal form drawn as a box in the middle of the screen.
enum FormView {
    static func render(_ f: Form, on screen: Screen) {
        let w = min(screen.width - 4, 76)
        let h = f.fields.count + 4
        let x = (screen.width - w) / 2, y = max(1, (screen.height - h) / 2)
        screen.box(x: x, y: y, width: w, height: h, style: Theme.plain)
        screen.text(" \(f.title) ", x: x + 2, y: y, width: min(w - 4, TextWidth.of(f.title) + 2), style: Theme.title)
        let labelW = min(20, (f.fields.map { TextWidth.of($0.label) }.max() ?? 8) + 2)
        for (i, field) in f.fields.enumerated() {
            let row = y + 1 + i
            let focused = i == f.focus
            screen.text(field.label + (field.required ? "*" : ""), x: x + 2, y: row, width: labelW, style: focused ? Theme.title : Theme.plain)
            let fw = w - labelW - 4
            var shown: String
            var cursor = 0
            if case .pick(let options) = field.kind {
                shown = "‹ \(field.value) ›" + (focused ? "  (←/→, or type a letter; \(options.count) choices)" : "")
            } else {
                (shown, cursor) = field.editor.window(width: fw)
            }
            if let e = field.error { shown = TextWidth.truncate(shown, toWidth: max(4, fw - TextWidth.of(e) - 3)) + " ✗ " + e }
            screen.text(shown, x: x + 2 + labelW, y: row, width: fw, style: field.error != nil ? Theme.error : focused ? Theme.accent : Theme.plain)
            if focused, case .pick = field.kind {} else if focused {
                screen.text("▏", x: x + 2 + labelW + min(cursor, fw - 1), y: row, width: 1, style: Theme.accent)
            }
        }
        screen.text("Tab/↑↓ move · Enter on last field or Ctrl-S saves · Esc cancels", x: x + 2, y: y + h - 2, width: w - 4, style: Theme.dim)
    }
}

/// `?`: the keys of this screen, straight from the key table the console dispatches on.
enum HelpView {
    static func render(_ s: AppState, on screen: Screen) {
        let bindings = KeyMap.bindings(for: s.mode)
        // One column when it fits; otherwise two balanced columns.
        let columns = bindings.count + 4 > screen.height - 2 ? 2 : 1
        let rows = columns == 2 ? (bindings.count + 1) / 2 : bindings.count
        let w = min(screen.width - 2, columns == 2 ? 100 : 64)
        let h = min(screen.height - 2, rows + 4)
        let x = (screen.width - w) / 2, y = max(0, (screen.height - h) / 2)
        screen.box(x: x, y: y, width: w, height: h, style: Theme.plain)
        let title = " Keys: \(modeName(s.mode)) "
        screen.text(title, x: x + 2, y: y, width: TextWidth.of(title), style: Theme.title)
        let colW = (w - 4) / columns
        for (i, b) in bindings.enumerated() {
            let col = i / rows, row = i % rows
            guard col < columns else { break }
            screen.text(TextWidth.pad(b.label, toWidth: columns == 1 ? 16 : 12) + b.command.title,
                        x: x + 2 + col * colW, y: y + 1 + row, width: colW - 1)
        }
        screen.text("any key closes · : opens the command palette", x: x + 2, y: y + h - 2, width: w - 4, style: Theme.dim)
    }

    static func modeName(_ m: ScreenMode) -> String {
        switch m { case .caseload: "caseload"; case .caseDetail: "case"; case .plans: "plan reviews"; case .reports: "reports"; case .panel: "panel meeting"; case .overdueActions: "overdue actions"; case .frontDoor: "front door" }
    }
}

/// `:`: fuzzy search over every command by name.
enum PaletteView {
    static func render(_ p: AppState.Palette, on screen: Screen) {
        let w = min(screen.width - 4, 60), h = min(screen.height - 2, 14)
        let x = (screen.width - w) / 2, y = 1
        screen.box(x: x, y: y, width: w, height: h, style: Theme.plain)
        let (q, cur) = p.query.window(width: w - 8)
        screen.text(": " + q, x: x + 2, y: y + 1, width: w - 4, style: Theme.accent)
        screen.text("▏", x: x + 4 + cur, y: y + 1, width: 1, style: Theme.accent)
        for (i, c) in p.matches.prefix(h - 3).enumerated() {
            let keys = (KeyMap.caseload + KeyMap.caseScreen + KeyMap.panel + KeyMap.reports + KeyMap.global).first { $0.command == c }?.label ?? ""
            screen.text(TextWidth.pad(c.title, toWidth: w - 16) + keys, x: x + 2, y: y + 2 + i, width: w - 4, style: i == p.selection ? Theme.selected : Theme.plain)
        }
    }
}
