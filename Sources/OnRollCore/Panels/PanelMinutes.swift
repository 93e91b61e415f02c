/// The minutes of a panel as Markdown or print-ready HTML. Both open with a summary (the decisions
/// counted by kind, every action with its agency, owner and due date), then the attendees and
/// apologies and, for each item the panel reached, the case ref, the child (initials only when
/// redacted), school, reasons, decision and the actions agreed; the items not reached are listed
/// briefly at the end, by ref. Every stored text is escaped for its format.
public enum PanelMinutes {
    public enum Format: String, CodeList {
        case md, html
        public static let listName = "minutes format"
        public var label: String { rawValue }
    }

    public static func render(_ r: PanelRecord, format: Format, redact: Bool) -> String {
        switch format {
        case .md: markdown(r, redact: redact)
        case .html: html(r, redact: redact)
        }
    }

    // MARK: Shared wording

    static func child(_ i: PanelRecord.Item, redact: Bool) -> String { redact ? i.initials : i.childName }

    /// The item's heading after its number: the ref and the child; redacted, the ref and initials only
    /// (a school beside initials narrows a child down to a few).
    static func heading(_ i: PanelRecord.Item, redact: Bool, _ escape: (String) -> String) -> String {
        escape(i.item.caseRef) + " — " + escape(child(i, redact: redact)) + (redact ? "" : i.schoolName.map { ", " + escape($0) } ?? "")
    }

    /// Reasons are the agenda rules' own wording, but can quote a name; redacted, names come out.
    static func reason(_ text: String, _ i: PanelRecord.Item, redact: Bool) -> String {
        redact ? i.redaction.scrub(text) : text
    }

    /// The decision line. Redacted minutes show a decision from the panel's list as it is; free text
    /// (a note, or an "other" decision that is all text) only when the chair marked it safe to share,
    /// and then with every name the store knows taken out.
    static func decisionLine(_ i: PanelRecord.Item, redact: Bool) -> String {
        guard redact else { return decision(i) ?? "none recorded" }
        guard let d = i.item.decision else { return "none recorded" }
        let note = i.item.decisionNote.flatMap { $0.isEmpty ? nil : $0 }
        if i.item.noteShared { return i.redaction.scrub(d + (note.map { " — \($0)" } ?? "")) }
        if !PanelDecisions.common.contains(d) { return "recorded (the detail is not shared in redacted minutes)" }
        return d + (note == nil ? "" : " (the detail is not shared in redacted minutes)")
    }

    static func actionText(_ a: CaseAction, _ i: PanelRecord.Item, redact: Bool) -> String {
        guard redact else { return a.description }
        return i.item.noteShared ? i.redaction.scrub(a.description) : "agreed (the detail is not shared in redacted minutes)"
    }

    /// An owner is a professional's name: redacted minutes give the agency only.
    static func owner(_ a: CaseAction, redact: Bool) -> String { redact ? "" : a.owner ?? "" }

    public static func decision(_ i: PanelRecord.Item) -> String? {
        guard let d = i.item.decision else { return nil }
        return d + (i.item.decisionNote.map { $0.isEmpty ? "" : " — \($0)" } ?? "")
    }

    static func statusLine(_ i: PanelRecord.Item) -> String {
        let s = i.item.status == .pending ? (i.reached ? "pending (no decision recorded)" : "not reached") : i.item.status.label
        return i.item.seconds > 0 ? "\(s) (\(duration(i.item.seconds)))" : s
    }

    public static func duration(_ seconds: Int) -> String {
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    static func times(_ p: Panel) -> String? {
        guard let s = p.startedAt else { return nil }
        // In UK time, as the people at the meeting read a clock; the stored stamps are UTC.
        func local(_ t: String) -> String { UKTime.local(t).map { "\($0.clock) \($0.zone)" } ?? t }
        return "started \(local(s))" + (p.endedAt.map { ", ended \(local($0))" } ?? "")
    }

    // MARK: Markdown

    /// Escapes Markdown's inline specials so stored text reads as text.
    public static func md(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!": out += "\\\(ch)"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    static func markdown(_ r: PanelRecord, redact: Bool) -> String {
        var o: [String] = []
        o.append("# \(md(r.title))")
        o.append("")
        o.append("- Chair: \(md(r.panel.chair ?? "not recorded"))")
        o.append("- Status: \(r.panel.status.label)")
        if let t = times(r.panel) { o.append("- Meeting: \(md(t))") }
        if redact { o.append("- Redacted: children are named by initials and case reference only; free text appears only where the chair marked it safe to share") }
        o.append("")
        let sum = PanelSummary(r)
        o.append("## Summary")
        o.append("")
        o.append("- Items: \(md(sum.itemsLine))")
        o.append("- Decisions: \(md(sum.decisionsLine))")
        o.append("- Actions: \(sum.actions.isEmpty ? "none agreed" : "\(sum.actions.count) agreed")")
        if !sum.actions.isEmpty {
            o.append("")
            o.append("| Case | Action | Agency | Owner | Due |")
            o.append("| --- | --- | --- | --- | --- |")
            for (i, a) in sum.actions {
                o.append("| \(md(i.item.caseRef)) | \(md(actionText(a, i, redact: redact))) | \(md(a.agency)) | \(md(owner(a, redact: redact))) | \(a.due?.iso ?? "") |")
            }
        }
        o.append("")
        o.append("## Attendees")
        o.append("")
        let present = r.attendees.filter { !$0.apologies }, apologies = r.attendees.filter(\.apologies)
        if present.isEmpty { o.append("None recorded.") } else {
            o.append("| Name | Role | Organisation |")
            o.append("| --- | --- | --- |")
            for a in present { o.append("| \(md(a.name)) | \(md(a.role ?? "")) | \(md(a.organisation ?? "")) |") }
        }
        if !apologies.isEmpty {
            o.append("")
            o.append("## Apologies")
            o.append("")
            for a in apologies { o.append("- \(md(person(a)))") }
        }
        o.append("")
        o.append("## Items")
        for (n, i) in r.agenda.enumerated() where i.reached {
            o.append("")
            o.append("### \(n + 1). \(heading(i, redact: redact, md))")
            o.append("")
            o.append("Why on the agenda:")
            for r in i.reasons { o.append("- \(md(reason(r, i, redact: redact)))") }
            o.append("")
            o.append("- Decision: \(md(decisionLine(i, redact: redact)))")
            o.append("- Status: \(md(statusLine(i)))")
            if !i.actions.isEmpty {
                o.append("")
                o.append("| Action | Agency | Owner | Due |")
                o.append("| --- | --- | --- | --- |")
                for a in i.actions {
                    o.append("| \(md(actionText(a, i, redact: redact))) | \(md(a.agency)) | \(md(owner(a, redact: redact))) | \(a.due?.iso ?? "") |")
                }
            }
        }
        if sum.onAgenda == sum.notReached.count { o.append(""); o.append("None reached.") }
        if let line = sum.notReachedLine {
            o.append("")
            o.append("## Not reached")
            o.append("")
            o.append(md(line.prefix(1).uppercased() + line.dropFirst()))
        }
        let removed = r.items.filter { $0.item.status == .removed }
        if !removed.isEmpty {
            o.append("")
            o.append("## Taken off the agenda")
            o.append("")
            for i in removed { o.append("- \(md(removedLine(i, redact: redact)))") }
        }
        o.append("")
        return o.joined(separator: "\n")
    }

    /// "J. Amadi, PRU headteacher, Westmarch PRU".
    static func person(_ a: PanelAttendee) -> String {
        ([a.name] + [a.role, a.organisation].compactMap { $0 }.filter { !$0.isEmpty }).joined(separator: ", ")
    }

    /// A removed item: the ref, the child, and why it came off (the reason is free text: redacted, names come out).
    static func removedLine(_ i: PanelRecord.Item, redact: Bool) -> String {
        "\(i.item.caseRef) — \(child(i, redact: redact))" + (i.item.removalReason.map { " (\(reason($0, i, redact: redact)))" } ?? "")
    }

    // MARK: HTML

    public static func html(_ s: String) -> String { MarkupEscape.text(s) }

    static let css = """
        body { font-family: system-ui, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 50em; margin: 2em auto; color: #000; }
        h1 { font-size: 16pt; margin-bottom: 0.2em; }
        h2 { font-size: 13pt; border-bottom: 1px solid #000; margin-top: 1.5em; }
        h3 { font-size: 11.5pt; margin-bottom: 0.3em; }
        table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
        th, td { border: 1px solid #666; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
        .item { page-break-inside: avoid; break-inside: avoid; }
        .meta { color: #333; }
        @media print { body { margin: 0; max-width: none; } a { color: #000; text-decoration: none; } @page { margin: 2cm; } }
        """

    static func html(_ r: PanelRecord, redact: Bool) -> String {
        var o: [String] = []
        o.append("<!DOCTYPE html>")
        o.append("<html lang=\"en-GB\">")
        o.append("<head>")
        o.append("<meta charset=\"utf-8\">")
        o.append("<title>\(html(r.title))</title>")
        o.append("<style>")
        o.append(css)
        o.append("</style>")
        o.append("</head>")
        o.append("<body>")
        o.append("<h1>\(html(r.title))</h1>")
        o.append("<p class=\"meta\">Chair: \(html(r.panel.chair ?? "not recorded")) · Status: \(html(r.panel.status.label))\(times(r.panel).map { " · Meeting: \(html($0))" } ?? "")</p>")
        if redact { o.append("<p class=\"meta\">Redacted: children are named by initials and case reference only; free text appears only where the chair marked it safe to share.</p>") }
        let sum = PanelSummary(r)
        o.append("<h2>Summary</h2>")
        o.append("<p><strong>Items:</strong> \(html(sum.itemsLine))<br>")
        o.append("<strong>Decisions:</strong> \(html(sum.decisionsLine))<br>")
        o.append("<strong>Actions:</strong> \(sum.actions.isEmpty ? "none agreed" : "\(sum.actions.count) agreed")</p>")
        if !sum.actions.isEmpty {
            o.append("<table>")
            o.append("<tr><th>Case</th><th>Action</th><th>Agency</th><th>Owner</th><th>Due</th></tr>")
            for (i, a) in sum.actions {
                o.append("<tr><td>\(html(i.item.caseRef))</td><td>\(html(actionText(a, i, redact: redact)))</td><td>\(html(a.agency))</td><td>\(html(owner(a, redact: redact)))</td><td>\(a.due?.iso ?? "")</td></tr>")
            }
            o.append("</table>")
        }
        o.append("<h2>Attendees</h2>")
        let present = r.attendees.filter { !$0.apologies }, apologies = r.attendees.filter(\.apologies)
        if present.isEmpty { o.append("<p>None recorded.</p>") } else {
            o.append("<table>")
            o.append("<tr><th>Name</th><th>Role</th><th>Organisation</th></tr>")
            for a in present {
                o.append("<tr><td>\(html(a.name))</td><td>\(html(a.role ?? ""))</td><td>\(html(a.organisation ?? ""))</td></tr>")
            }
            o.append("</table>")
        }
        if !apologies.isEmpty {
            o.append("<h2>Apologies</h2>")
            o.append("<ul>")
            for a in apologies { o.append("<li>\(html(person(a)))</li>") }
            o.append("</ul>")
        }
        o.append("<h2>Items</h2>")
        for (n, i) in r.agenda.enumerated() where i.reached {
            o.append("<section class=\"item\">")
            o.append("<h3>\(n + 1). \(heading(i, redact: redact, html))</h3>")
            o.append("<p>Why on the agenda:</p>")
            o.append("<ul>")
            for r in i.reasons { o.append("<li>\(html(reason(r, i, redact: redact)))</li>") }
            o.append("</ul>")
            o.append("<p><strong>Decision:</strong> \(html(decisionLine(i, redact: redact)))<br>")
            o.append("<strong>Status:</strong> \(html(statusLine(i)))</p>")
            if !i.actions.isEmpty {
                o.append("<table>")
                o.append("<tr><th>Action</th><th>Agency</th><th>Owner</th><th>Due</th></tr>")
                for a in i.actions {
                    o.append("<tr><td>\(html(actionText(a, i, redact: redact)))</td><td>\(html(a.agency))</td><td>\(html(owner(a, redact: redact)))</td><td>\(a.due?.iso ?? "")</td></tr>")
                }
                o.append("</table>")
            }
            o.append("</section>")
        }
        if sum.onAgenda == sum.notReached.count { o.append("<p>None reached.</p>") }
        if let line = sum.notReachedLine {
            o.append("<h2>Not reached</h2>")
            o.append("<p>\(html(line.prefix(1).uppercased() + line.dropFirst()))</p>")
        }
        let removed = r.items.filter { $0.item.status == .removed }
        if !removed.isEmpty {
            o.append("<h2>Taken off the agenda</h2>")
            o.append("<ul>")
            for i in removed { o.append("<li>\(html(removedLine(i, redact: redact)))</li>") }
            o.append("</ul>")
        }
        o.append("</body>")
        o.append("</html>")
        o.append("")
        return o.joined(separator: "\n")
    }
}
