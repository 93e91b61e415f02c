import OnRollCore
import OnRollStore
import TerminalKit

/// The caseload: one row per open case, most urgent first. Columns appear as the terminal widens.
enum CaseloadView {
    struct Column {
        let title: String
        let width: Int
        let align: TextWidth.Align
        let value: (CaseRow, AppState) -> String
    }

    static func columns(for width: Int, deadlines: Bool, outOfSchool: Bool = false) -> [Column] {
        // The selection and overdue markers are characters, not only colour: monochrome loses nothing.
        let score = Column(title: "Score", width: 7, align: .left) { c, s in
            (s.selected?.ref == c.ref ? "›" : " ") + (c.isOverdue ? "!" : " ") + TextWidth.pad(fmt(c.score), toWidth: 5, align: .right)
        }
        let ref = Column(title: "Ref", width: 8, align: .left) { c, _ in c.ref }
        let year = Column(title: "Yr", width: 3, align: .left) { c, s in SchoolAge.ncYearLabel(SchoolAge.ncYear(dob: c.summary.dob, in: AcademicYear(containing: s.today))) }
        let kind = Column(title: "Kind", width: 11, align: .left) { c, _ in c.summary.kind.shortLabel }
        let owner = Column(title: "Owner", width: 11, align: .left) { c, _ in c.summary.owner ?? "—" }
        let review = Column(title: "Review", width: 10, align: .left) { c, s in
            guard let r = c.summary.nextReview else { return "—" }
            return r < s.today ? "\(r.iso)" : r.iso
        }
        let flags = Column(title: "Flags", width: 12, align: .left) { c, _ in c.summary.flags.map(\.rawValue).joined(separator: " ") }
        let deadline = Column(title: "Next deadline", width: 26, align: .left) { c, _ in
            guard let due = c.summary.nextDue else { return "—" }
            return "\(due.iso) \(c.summary.nextDueTitle ?? "")"
        }
        // Children out of sight: how long since anyone had contact matters more than the review date.
        let contact = Column(title: "Contact", width: 8, align: .right) { c, s in
            guard let d = c.summary.lastContact, d <= s.today else { return "never" }
            return "\(d.days(to: s.today))d"
        }
        // Fixed columns first; the child's name and school share what is left.
        var fixed = [score, ref, year, kind]
        if outOfSchool { fixed.append(contact) }
        if width >= 100 { fixed.append(owner) }
        if deadlines { fixed.append(deadline) } else { fixed.append(review) }
        if width >= 130 { fixed.append(flags) }
        let used = fixed.reduce(0) { $0 + $1.width + 1 }
        let free = max(16, width - used)
        let nameW = width >= 100 ? min(28, free / 2 + 2) : max(14, free * 3 / 5)
        let schoolW = max(8, free - nameW - 1)
        let name = Column(title: "Child", width: nameW, align: .left) { c, _ in c.summary.childName }
        let school = Column(title: "School", width: schoolW, align: .left) { c, _ in c.summary.schoolName ?? c.summary.schoolURN ?? "—" }
        var cols = [score, ref, name, year, school, kind]
        if outOfSchool { cols.append(contact) }
        if width >= 100 { cols.append(owner) }
        cols.append(deadlines ? deadline : review)
        if width >= 130 { cols.append(flags) }
        return cols
    }

    /// Scores and percentages to one decimal, as the reports print them.
    static func fmt(_ d: Double) -> String { ReportMath.oneDecimal(d) }

    static func render(_ s: AppState, on screen: Screen) {
        let w = screen.width
        // Title: where am I, what am I looking at, how much of it.
        var title = "OnRoll · \(s.view.rawValue)"
        if let k = s.filter.kinds.first { title += " · kind \(k.label)" }
        if let o = s.filter.owner { title += " · owner \(o)" }
        if s.sort != .triage { title += " · by \(s.sort.rawValue)" }
        let count = "\(s.visible.count)/\(s.all.count) cases"
        screen.text(title, x: 0, y: 0, width: w - count.count - 1, style: Theme.title)
        screen.text(count, x: w - count.count, y: 0, width: count.count, style: Theme.title)
        // Search line (always there, so the list does not jump when typing starts).
        let search = s.searchEditor.string
        if s.searching {
            let (shown, cursor) = s.searchEditor.window(width: w - 9)
            screen.text("Search: " + shown, x: 0, y: 1, width: w, style: Theme.accent)
            screen.text("▏", x: min(w - 1, 8 + cursor), y: 1, width: 1, style: Theme.accent)
        } else if !search.isEmpty {
            screen.line("Search: \(search)   (/ to change, Esc to clear)", y: 1, style: Theme.dim)
        } else {
            screen.line("", y: 1)
        }
        let cols = columns(for: w, deadlines: s.view == .deadlinesWeek, outOfSchool: s.view == .outOfSchool)
        var x = 0
        for c in cols {
            let title = c.title == "Score" ? "  Score" : c.title
            screen.text(c.align == .right ? TextWidth.pad(title, toWidth: c.width, align: .right) : title, x: x, y: 2, width: c.width, style: Theme.header)
            x += c.width + 1
        }
        let top = 3
        if s.visible.isEmpty {
            screen.line(s.all.isEmpty ? "No open cases. Import some with `onroll import`." : "No case matches. Esc clears the search and filters.", y: top + 1, style: Theme.dim)
        }
        for row in 0..<s.listHeight {
            let i = s.scroll + row
            guard i < s.visible.count else { break }
            let c = s.all[s.visible[i]]
            let isSel = i == s.selection
            var x = 0
            for col in cols {
                let v = col.value(c, s)
                let text = col.align == .right ? TextWidth.pad(v, toWidth: col.width, align: .right) : v
                var style = isSel ? Theme.selected : Theme.plain
                if !isSel && col.title == "Score" && c.isOverdue { style = Theme.danger }
                screen.text(TextWidth.truncate(text, toWidth: col.width), x: x, y: top + row, width: col.width + 1, style: style)
                x += col.width + 1
            }
            if isSel && x < w { screen.text("", x: x, y: top + row, width: w - x, style: Theme.selected) }
        }
    }
}
