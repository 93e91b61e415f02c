import OnRollCore
import OnRollStore
import TerminalKit

/// One case: a header that says who the child is, then tabs. Summary leads with strengths and voice.
enum CaseView {
    static func render(_ s: AppState, on screen: Screen) {
        guard let c = s.detail else { return }
        let f = c.file, ch = f.child, w = screen.width
        let year = SchoolAge.ncYear(dob: ch.dob, in: AcademicYear(containing: s.today))
        let preferred = ch.preferredName.map { " “\($0)”" } ?? ""
        screen.line("\(f.case.ref) · \(ch.forename)\(preferred) \(ch.surname) · age \(SchoolAge.age(dob: ch.dob, on: s.today)), \(SchoolAge.ncYearLabel(year)) · \(f.school.map { "\($0.name), \($0.trustLabel)" } ?? "no school")", y: 0, style: Theme.title)
        let sen = ch.sen == .none ? "No SEN" : "\(ch.sen.label)\(ch.senNeed.map { " (\($0.rawValue))" } ?? "")"
        let flags = ch.flags.isEmpty ? "no flags" : ch.flags.map(\.rawValue).joined(separator: " ")
        let unreflected = RepeatSuspension.missingReflection(f) ? " · ! repeat, no reflection" : ""
        screen.line("Score \(CaseloadView.fmt(c.score))\(c.isOverdue ? " !" : "")\(unreflected) · \(f.case.kind.label) · \(f.case.status.label) · owner \(f.case.owner ?? "none") · \(sen) · \(flags)", y: 1)
        var x = 0
        for t in AppState.CaseTab.allCases {
            let label = " \(t.rawValue) "
            let tw = TextWidth.of(label)
            if x + tw > w { break }
            screen.text(label, x: x, y: 2, width: tw, style: t == s.tab ? Theme.selected : Theme.header)
            x += tw + 1
        }
        let body = lines(for: s.tab, c, s, width: w)
        let top = 3, h = max(1, screen.height - 5)
        let scroll = min(s.detailScroll, max(0, body.count - h))
        for (i, l) in body.dropFirst(scroll).prefix(h).enumerated() {
            screen.line(l.text, y: top + i, style: l.style)
        }
        let position = "\(scroll + 1)–\(min(body.count, scroll + h))/\(body.count)"
        if body.count > h, x + TextWidth.of(position) < w {
            screen.text(position, x: w - TextWidth.of(position), y: 2, width: TextWidth.of(position), style: Theme.dim)
        }
    }

    static func lines(for tab: AppState.CaseTab, _ c: AssessedCase, _ s: AppState, width: Int) -> [StyledLine] {
        switch tab {
        case .summary: summary(c, width)
        case .why: why(c, width)
        case .chronology: chronology(c, width)
        case .actions: actions(c, s, width)
        case .suspensions: suspensions(c, s, width)
        case .plan: plan(c, s, width)
        }
    }

    static func summary(_ c: AssessedCase, _ w: Int) -> [StyledLine] {
        let ch = c.file.child
        var out: [StyledLine] = [StyledLine("Strengths and voice", Theme.header)]
        out += Wrap.labelled("Strengths", ch.strengths ?? "not recorded yet", width: w, style: Theme.good)
        if let i = ch.interests { out += Wrap.labelled("Interests", i, width: w) }
        out += Wrap.labelled("Pupil voice", ch.pupilVoice ?? "not recorded yet", width: w)
        out += Wrap.labelled("Parent/carer voice", ch.parentVoice ?? "not recorded yet", width: w)
        out.append(StyledLine(""))
        out.append(StyledLine("Team around the child", Theme.header))
        out += TeamPane.lines(c.file.team, width: w)
        out.append(StyledLine(""))
        out.append(StyledLine("The case", Theme.header))
        if let sm = c.file.case.summary { out += Wrap.labelled("Summary", sm, width: w) }
        out.append(StyledLine("Opened \(c.file.case.opened.iso) · next review \(c.file.case.nextReview?.iso ?? "none")"
                              + (c.file.case.flaggedForPanel ? " · flagged for panel (F to unflag)" : "")))
        if let contacts = ch.contacts { out += Wrap.labelled("Contacts", contacts, width: w) }
        out += transferLines(c.file, w)
        if c.file.outOfSchool != nil || c.file.case.kind.isOutOfSchool {
            out += OutOfSchoolPane.lines(c.file, today: c.assessment.today, width: w)
        }
        return out
    }

    /// What schools' transfer files said: the school's NC year and ranked needs, the address, the contacts
    /// with parental responsibility and the schools the child has been on the roll of.
    static func transferLines(_ f: CaseFile, _ w: Int) -> [StyledLine] {
        guard f.transfer != nil || !f.schoolHistory.isEmpty else { return [] }
        var out = [StyledLine(""), StyledLine("From transfer files (CTF)", Theme.header)]
        if let t = f.transfer {
            let parts = [t.ncYear.map { "NC year (school's) \($0)" }, t.senNeeds.map { "SEN needs \($0.replacingOccurrences(of: ";", with: ", "))" }]
                .compactMap { $0 }
            if !parts.isEmpty { out.append(StyledLine(parts.joined(separator: " · "))) }
            if let a = t.address { out += Wrap.labelled("Address", a, width: w) }
            for line in (t.contacts ?? "").split(separator: "\n") { out += Wrap.labelled("Parental responsibility", String(line), width: w) }
        }
        for h in f.schoolHistory {
            out.append(StyledLine("  \(h.entry.iso)..\(h.leaving?.iso ?? "          ")  \(h.schoolName ?? "school") (\(h.laestab))\(h.leavingReason.map { " — \($0)" } ?? "")"))
        }
        return out
    }

    static func stateTag(_ st: DeadlineState) -> (String, Style) {
        switch st {
        case .breached: ("BREACHED", Theme.danger)
        case .overdue: ("OVERDUE", Theme.danger)
        case .dueToday: ("DUE TODAY", Theme.warning)
        case .upcoming: ("upcoming", Theme.plain)
        case .met: ("met", Theme.good)
        case .noCalendar: ("NO TERMS", Theme.warning)
        }
    }

    static func why(_ c: AssessedCase, _ w: Int) -> [StyledLine] {
        var out = [StyledLine("Why this case scores \(CaseloadView.fmt(c.score))", Theme.header)]
        if c.assessment.triage.reasons.isEmpty { out.append(StyledLine("  no risk factors recorded", Theme.dim)) }
        for r in c.assessment.triage.reasons {
            let pts = TextWidth.pad((r.points >= 0 ? "+" : "") + CaseloadView.fmt(r.points), toWidth: 6, align: .right)
            out.append(StyledLine("\(pts)  \(r.detail)"))
        }
        out.append(StyledLine(""))
        out.append(StyledLine("Deadlines", Theme.header))
        if c.assessment.deadlines.isEmpty { out.append(StyledLine("  none", Theme.dim)) }
        for d in c.assessment.deadlines {
            let (tag, style) = stateTag(d.state)
            out.append(StyledLine("\(d.due.iso)  \(TextWidth.pad(tag, toWidth: 9))  \(d.title)\(d.detail.map { " — \($0)" } ?? "")", style))
            out += Wrap.lines(d.rule, width: w - 4, indent: "             ").map { StyledLine($0, Theme.dim) }
        }
        return out
    }

    static func chronology(_ c: AssessedCase, _ w: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for e in c.file.chronology {
            let head = "\(e.date.iso)  \(TextWidth.pad(e.kind.label, toWidth: 12)) "
            let body = Wrap.lines(e.text + " — " + e.byline, width: w - TextWidth.of(head))
            for (i, l) in body.enumerated() {
                out.append(StyledLine((i == 0 ? head : String(repeating: " ", count: TextWidth.of(head))) + l, e.kind == .undo ? Theme.dim : Theme.plain))
            }
        }
        return out.isEmpty ? [StyledLine("Nothing recorded yet. n adds a note.", Theme.dim)] : out
    }

    static func actions(_ c: AssessedCase, _ s: AppState, _ w: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for (i, a) in c.file.actions.enumerated() {
            let overdue = a.isOverdue(on: s.today)
            let state = overdue ? "OVERDUE" : a.status.rawValue
            let line = "\(i == s.actionSelection ? "›" : " ") #\(a.id ?? 0) \(TextWidth.pad(state, toWidth: 9)) \(a.due?.iso ?? "no date   ")  \(a.agency)\(a.owner.map { " (\($0))" } ?? ""): \(a.description)\(a.outcome.map { " — \($0)" } ?? "")"
            out.append(StyledLine(line, i == s.actionSelection ? Theme.selected : overdue ? Theme.danger : a.status == .open ? Theme.plain : Theme.dim))
        }
        return out.isEmpty ? [StyledLine("No actions. a adds one.", Theme.dim)] : out
    }

    static func suspensions(_ c: AssessedCase, _ s: AppState, _ w: Int) -> [StyledLine] {
        let l = c.assessment.ledger
        var out = [StyledLine("Suspensions in \(AcademicYear(containing: s.today)): \(formatDays(l.total)) of 45 school days", l.total > 45 ? Theme.danger : l.total >= 35 ? Theme.warning : Theme.header)]
        for (i, x) in c.file.suspensions.reversed().enumerated() {
            let reflected = x.id.flatMap { c.file.reflections[$0] } != nil
            // The reflection state comes before the reason so a narrow terminal still shows it.
            let refl = reflected ? "reflection ✓   " : "! no reflection"
            let mark = i == s.suspensionSelection ? "›" : " "
            out.append(StyledLine("\(mark) \(x.start.iso)  \(TextWidth.pad(formatDays(x.days), toWidth: 4, align: .right)) days  \(x.lunchtime ? "Lunchtime" : x.type.label) · \(refl)\(Self.reasons(x))\(x.factsText)", i == s.suspensionSelection ? Theme.selected : reflected ? Theme.plain : Theme.warning))
        }
        if !c.file.suspensions.isEmpty { out.append(StyledLine("  j/k picks a suspension · R records the reflection", Theme.dim)) }
        if c.file.suspensions.isEmpty { out.append(StyledLine("  none", Theme.dim)) }
        out.append(StyledLine(""))
        out.append(StyledLine("Attendance", Theme.header))
        for a in c.file.attendance.reversed() {
            let pct = a.possible > 0 ? 100 * Double(a.missed) / Double(a.possible) : 0
            let band = pct >= 50 ? "severe" : pct >= 10 ? "persistent" : "—"
            out.append(StyledLine("  \(a.from.iso)..\(a.to.iso)  \(a.present)/\(a.possible) sessions  missed \(CaseloadView.fmt(pct))%  \(band)\(a.laestab.map { "  at \($0)" } ?? "")", pct >= 50 ? Theme.danger : pct >= 10 ? Theme.warning : Theme.plain))
        }
        if c.file.attendance.isEmpty { out.append(StyledLine("  no records", Theme.dim)) }
        return out
    }

    static func plan(_ c: AssessedCase, _ s: AppState, _ w: Int) -> [StyledLine] {
        guard !c.file.plans.isEmpty else {
            return [StyledLine("No reintegration plan for this case.", Theme.dim),
                    StyledLine("Plans are made with `onroll plan new \(c.file.case.ref) --from URN --to URN --start DATE --target DATE`.", Theme.dim)]
        }
        var out: [StyledLine] = []
        for p in c.file.plans.reversed() {
            out.append(StyledLine("Plan \(p.plan.id ?? 0): \(p.plan.fromURN) → \(p.plan.toURN) · \(p.plan.status.label) · \(p.plan.start.iso) to full time by \(p.plan.target.iso)", Theme.header))
            if let sc = p.plan.successCriteria { out += Wrap.labelled("Success looks like", sc, width: w) }
            if let sup = p.plan.support { out += Wrap.labelled("Support", sup, width: w) }
            for ph in p.phases {
                let now = ph.from <= s.today && s.today <= ph.to ? " ← now" : ""
                out.append(StyledLine("  phase \(ph.from.iso)..\(ph.to.iso)  \(ph.sessions)/10 sessions a week\(ph.description.map { " (\($0))" } ?? "")\(now)"))
            }
            if !p.reviews.isEmpty {
                out.append(StyledLine("  attendance at reviews \(PlanSchedule.sparkline(PlanSchedule.attendanceSeries(p)))"))
            }
            for r in p.reviews.reversed() {
                out.append(StyledLine("  \(r.date.iso)  \(r.attended)/\(r.planned)  \(r.rag.rawValue.uppercased())\(r.decision.map { " · \($0.label)" } ?? "")\(r.working.map { " · working: \($0)" } ?? "")", Theme.rag(r.rag.rawValue)))
            }
            if let e = p.plan.endReason { out.append(StyledLine("  ended: \(e)", Theme.dim)) }
            out.append(StyledLine(""))
        }
        return out
    }
}

extension CaseView {
    /// " · PA physical assault against an adult", or a return's several codes as the school gave them.
    static func reasons(_ x: Suspension) -> String {
        if let r = x.reason, x.reasonCodes == [r.rawValue] {
            return " · \(r.rawValue) \(r.label.lowercased())"
        }
        return x.reasonCodes.isEmpty ? "" : " · " + x.reasonCodes.joined(separator: "/")
    }
}
