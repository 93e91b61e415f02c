import OnRollCore
import OnRollStore
import TerminalKit

/// Panel mode: the agenda on the left, the case in discussion on the right on one screen: the
/// child and strengths first, why it is here, why it scores what it does, deadlines, open actions,
/// the last plan review.
enum PanelView {
    static func render(_ s: AppState, on screen: Screen) {
        guard let p = s.panel else { return }
        let w = screen.width, h = screen.height
        let r = p.record
        let present = r.attendees.filter { !$0.apologies }.count, apologies = r.attendees.count - present
        let title = "OnRoll · \(r.title)\(r.panel.status == .closed ? " (ended)" : "") · chair \(r.panel.chair ?? "not set") · \(p.doneCount)/\(r.agenda.count) dealt with"
        // Who is in the room, where there is width for it (the agenda's progress matters more).
        let people = " · \(present) attending\(apologies > 0 ? ", \(apologies) apologies" : "")"
        screen.line(TextWidth.of(title + people) <= w ? title + people : title, y: 0, style: Theme.title)
        let leftW = leftWidth(w)
        let rows = max(1, h - 4)
        screen.text("Agenda", x: 0, y: 1, width: leftW - 1, style: Theme.header)
        if r.agenda.isEmpty { screen.text("No cases on the agenda.", x: 0, y: 2, width: leftW - 1, style: Theme.dim) }
        for (i, item) in r.agenda.enumerated().dropFirst(p.scroll).prefix(rows - 1) {
            let line = "\(i == p.selection ? "▸" : " ")\(mark(item.item.status))\(TextWidth.pad(String(i + 1), toWidth: 3, align: .right)) \(item.item.caseRef) \(item.childName)"
            let style = i == p.selection ? Theme.selected : item.item.status == .pending ? Theme.plain : Theme.dim
            screen.text(line, x: 0, y: 2 + i - p.scroll, width: leftW - 1, style: style)
        }
        for y in 1..<(h - 2) { screen.text("│", x: leftW - 1, y: y, width: 1, style: Theme.dim) }
        let rx = leftW + 1, rw = w - rx
        guard p.current != nil else { return }
        for (i, l) in pane(s, width: w, height: h).enumerated() {
            screen.text(l.text, x: rx, y: 1 + i, width: rw, style: l.style)
        }
    }

    static func leftWidth(_ w: Int) -> Int { w >= 120 ? 44 : 30 }

    /// Rows the case pane has: from under the title to above the status line.
    static func paneRows(height h: Int) -> Int { max(1, h - 3) }

    /// The whole case beside the agenda, every deadline and action included: it scrolls (J/K) rather
    /// than stopping at "+N more".
    static func paneBody(_ s: AppState, width w: Int) -> [StyledLine] {
        guard let p = s.panel, let item = p.current else { return [] }
        return summary(item, p.currentCase, s, width: w - leftWidth(w) - 1, room: 10_000)
    }

    /// How far the pane can scroll: to where its last line sits on its last row, with a row kept
    /// above for "more above".
    static func paneMaxScroll(_ s: AppState, width w: Int, height h: Int) -> Int {
        let body = paneBody(s, width: w).count, rows = paneRows(height: h)
        return body <= rows ? 0 : body - rows + 1
    }

    /// The rows of the pane as they show: scrolled, with a dim line saying what is above or below.
    static func pane(_ s: AppState, width w: Int, height h: Int) -> [StyledLine] {
        let body = paneBody(s, width: w), rows = paneRows(height: h)
        guard body.count > rows else { return body }
        let top = max(0, min(s.panel?.paneScroll ?? 0, paneMaxScroll(s, width: w, height: h)))
        var out: [StyledLine] = []
        if top > 0 { out.append(StyledLine("↑ \(top) more line\(top == 1 ? "" : "s") above · K/PgUp", Theme.dim)) }
        let room = rows - out.count
        let below = body.count - top - room
        if below > 0 {
            out += body[top..<(top + room - 1)]
            out.append(StyledLine("↓ \(below + 1) more lines below · J/PgDn", Theme.dim))
        } else {
            out += body[top...]
        }
        return out
    }

    static func mark(_ st: PanelItem.Status) -> String {
        switch st {
        case .pending: " "
        case .discussed: "✓"
        case .deferred: "→"
        case .removed: "✗"
        }
    }

    /// `room`: how many deadlines, actions and score reasons fit (more on a taller screen).
    static func summary(_ item: PanelRecord.Item, _ c: AssessedCase?, _ s: AppState, width w: Int, room: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        guard let c else { return [StyledLine("\(item.item.caseRef): case not found", Theme.danger)] }
        let f = c.file, ch = f.child
        let year = SchoolAge.ncYear(dob: ch.dob, in: AcademicYear(containing: s.today))
        out.append(StyledLine("\(f.case.ref) · \(ch.displayName) · \(SchoolAge.ncYearLabel(year)) · \(f.school?.name ?? "no school")", Theme.title))
        out.append(StyledLine("Score \(CaseloadView.fmt(c.score)) · \(f.case.kind.label) · \(f.case.status.label) · owner \(f.case.owner ?? "none") · item \(item.item.status.label)"))
        out += Wrap.labelled("Strengths", ch.strengths ?? "not recorded yet", width: w, style: Theme.good)
        if let d = item.item.decision {
            out += Wrap.labelled("Decision", d + (item.item.decisionNote.map { " — \($0)" } ?? ""), width: w, style: Theme.accent)
        }
        if !item.actions.isEmpty {
            out += Wrap.labelled("Agreed", item.actions.map { "\($0.agency) (\($0.owner ?? "no owner"), \($0.due?.iso ?? "no date")): \($0.description)" }.joined(separator: "; "), width: w, style: Theme.accent)
        }
        out.append(StyledLine("On the agenda because", Theme.header))
        for r in item.reasons { out += Wrap.lines("• " + r, width: w, indent: "").map { StyledLine($0) } }
        out.append(StyledLine("Why it scores \(CaseloadView.fmt(c.score))", Theme.header))
        for r in c.assessment.triage.reasons.prefix(room + 1) {
            out.append(StyledLine("\(TextWidth.pad("+" + CaseloadView.fmt(r.points), toWidth: 6, align: .right))  \(r.detail)"))
        }
        let deadlines = c.assessment.deadlines.filter { $0.state.isOpen || $0.state == .breached }.filter { !$0.informational }
        out.append(StyledLine("Deadlines", Theme.header))
        if deadlines.isEmpty { out.append(StyledLine("  none open", Theme.dim)) }
        for d in deadlines.prefix(room) {
            let (tag, style) = CaseView.stateTag(d.state)
            out.append(StyledLine("\(d.due.iso)  \(TextWidth.pad(tag, toWidth: 9))  \(d.title)", style))
        }
        if deadlines.count > room { out.append(StyledLine("  +\(deadlines.count - room) more", Theme.dim)) }
        let open = f.actions.filter { $0.status == .open }
        out.append(StyledLine("Open actions", Theme.header))
        if open.isEmpty { out.append(StyledLine("  none", Theme.dim)) }
        for a in open.prefix(room) {
            let late = a.isOverdue(on: s.today)
            out.append(StyledLine("\(late ? "!" : " ") \(a.due?.iso ?? "no date  ")  \(a.agency) · \(a.owner ?? "no owner") · \(a.description)", late ? Theme.danger : Theme.plain))
        }
        if open.count > room { out.append(StyledLine("  +\(open.count - room) more", Theme.dim)) }
        if let plan = f.plans.last, let rev = plan.reviews.last {
            out.append(StyledLine("Last plan review: \(rev.date.iso) · \(rev.attended)/\(rev.planned) sessions · \(rev.rag.label)\(rev.decision.map { " · \($0.label)" } ?? "")"))
        } else if !f.plans.isEmpty {
            out.append(StyledLine("Last plan review: none yet", Theme.dim))
        }
        return out
    }

    /// ` item 2:15 · meeting 0:14:30 `: the status line's right-hand side in panel mode.
    static func timers(_ p: PanelSession) -> String {
        switch p.record.panel.status {
        case .planned: " not started · S starts the meeting "
        case .running: " item \(PanelMinutes.duration(p.itemSeconds)) · meeting \(clock(p.meetingSeconds ?? 0)) "
        case .closed: " ended · meeting \(clock(p.meetingSeconds ?? 0)) "
        }
    }

    static func clock(_ seconds: Int) -> String {
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(h):\(two(m)):\(two(s))"
    }
}
