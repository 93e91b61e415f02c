import OnRollCore
import OnRollStore
import TerminalKit

/// Overdue actions across the caseload, most overdue first: what to chase today, and for whom.
enum OverdueActionsView {
    static func render(_ s: AppState, on screen: Screen) {
        let w = screen.width
        screen.line("OnRoll · Overdue actions · \(s.overdueActions.count) across the caseload", y: 0, style: Theme.title)
        let header = " \(TextWidth.pad("Due", toWidth: 11))\(TextWidth.pad("Late", toWidth: 5))\(TextWidth.pad("Case", toWidth: 10))\(TextWidth.pad("Child", toWidth: 17))\(TextWidth.pad("Agency", toWidth: 14))\(TextWidth.pad("Owner", toWidth: 12))What"
        screen.line(header, y: 2, style: Theme.header)
        if s.overdueActions.isEmpty { screen.line("No overdue actions. Well done.", y: 4, style: Theme.dim) }
        let h = max(1, screen.height - 6)
        let top = max(0, s.overdueSelection - h + 1)
        for (i, r) in s.overdueActions.enumerated().dropFirst(top).prefix(h) {
            let a = r.action
            let owner = a.owner ?? r.caseOwner ?? "—"
            let line = (i == s.overdueSelection ? "›" : " ")
                + TextWidth.pad(a.due?.iso ?? "", toWidth: 11) + TextWidth.pad("\(r.daysOverdue)d", toWidth: 5)
                + TextWidth.pad(a.caseRef, toWidth: 10) + TextWidth.pad(TextWidth.truncate(r.childName, toWidth: 16), toWidth: 17)
                + TextWidth.pad(TextWidth.truncate(a.agency, toWidth: 13), toWidth: 14) + TextWidth.pad(TextWidth.truncate(owner, toWidth: 11), toWidth: 12)
                + a.description
            screen.text(line, x: 0, y: 3 + i - top, width: w, style: i == s.overdueSelection ? Theme.selected : Theme.danger)
        }
    }
}
