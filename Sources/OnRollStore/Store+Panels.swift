import GRDB
import OnRollCore

/// The weekly panel: its agenda, and what it decides as it decides it. Each decision, action,
/// deferral and timer lands in the chronology and the audit log in its own transaction, so a
/// crash mid-meeting loses nothing already typed.
extension Store {
    // MARK: Panels and attendees

    @discardableResult
    public func newPanel(user: String, date: SchoolDate, type: Panel.Kind, chair: String?) throws -> Panel {
        let chair = try NameInput.clean(chair, "chair")
        return try write(user: user) { ctx in try insertPanel(ctx, date: date, type: type, chair: chair) }
    }

    func insertPanel(_ ctx: WriteContext, date: SchoolDate, type: Panel.Kind, chair: String?) throws -> Panel {
        var p = Panel(date: date, type: type, chair: chair?.trimmingSpaces.isEmpty == false ? chair : nil)
        try ctx.insert(&p, op: .panelNew, caseRef: nil, summary: "panel \(p.id ?? 0): \(type.label) \(date.iso)")
        return p
    }

    /// Records someone at the panel, or (`apologies`) someone who sent apologies. The same person
    /// (name and organisation, capitals and spacing ignored) is never listed twice, nor in both lists:
    /// a second entry is refused, saying where they already are.
    @discardableResult
    public func addAttendee(user: String, panelId: Int64, name: String, organisation: String?, role: String? = nil,
                            apologies: Bool = false, login: String? = nil) throws -> PanelAttendee {
        let login = login?.trimmingSpaces.lowercased()
        if let login, let problem = Officer.loginProblem(login) { throw StoreError.invalid("login '\(login)' \(problem)") }
        let n = try NameInput.clean(name, "name")?.trimmingSpaces ?? ""
        guard !n.isEmpty else { throw StoreError.invalid("an attendee needs a name (--name)") }
        let organisation = try NameInput.clean(organisation, "organisation").flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
        let role = try NameInput.clean(role, "role").flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
        return try write(user: user) { ctx in
            guard try panel(ctx.db, panelId).status != .closed else {
                throw StoreError.invalid("panel \(panelId) has ended; its record is closed (reopen it to correct it)")
            }
            var a = PanelAttendee(panelId: panelId, name: n, organisation: organisation, role: role, apologies: apologies,
                                  login: login?.isEmpty == false ? login : nil)
            let listed = try PanelAttendee.filter(Column("panelId") == panelId).fetchAll(ctx.db)
            if let same = listed.first(where: { $0.identity == a.identity }) {
                let who = same.name + (same.organisation.map { " (\($0))" } ?? "")
                throw StoreError.invalid("\(who) is already listed \(same.apologies ? "as sending apologies" : "as attending") panel \(panelId)")
            }
            if let l = a.login, let same = listed.first(where: { $0.login == l }) {
                throw StoreError.invalid("login \(l) is already \(same.name)'s on panel \(panelId)")
            }
            try ctx.insert(&a, op: apologies ? .panelApologies : .panelAttendee, caseRef: nil,
                           summary: "panel \(panelId): \(apologies ? "apologies from" : "attendee") \(n)\(organisation.map { " (\($0))" } ?? "")")
            return a
        }
    }

    public func panels() throws -> [Panel] {
        try read { try Panel.order(Column("date"), Column("id")).fetchAll($0) }
    }

    public func panel(_ id: Int64) throws -> Panel { try read { try panel($0, id) } }

    func panel(_ db: StoreDB, _ id: Int64) throws -> Panel {
        guard let p = try Panel.fetchOne(db, key: id) else { throw StoreError.notFound("no panel with id \(id)") }
        return p
    }

    /// The panel to open for a meeting: the first not yet closed on or after `today`, else the
    /// latest not closed.
    public func upcomingPanel(today: SchoolDate) throws -> Panel? {
        let open = try panels().filter { $0.status != .closed }
        return open.first { $0.date >= today } ?? open.last
    }

    /// The panel with its attendees, items (in order) and the actions it agreed, for minutes and screens.
    public func panelRecord(_ id: Int64) throws -> PanelRecord {
        try read { db in
            let p = try panel(db, id)
            let attendees = try PanelAttendee.filter(Column("panelId") == id).order(Column("id")).fetchAll(db)
            let items = try PanelItem.filter(Column("panelId") == id).order(Column("position"), Column("id")).fetchAll(db)
            let actions = Dictionary(grouping: try CaseAction.filter(Column("panelId") == id).order(Column("id")).fetchAll(db), by: \.caseRef)
            let out = try items.map { it -> PanelRecord.Item in
                let c = try Case.fetchOne(db, key: it.caseRef)
                let ch = try c.flatMap { try Child.fetchOne(db, key: $0.childRef) }
                let school = try ch?.schoolURN.flatMap { try School.fetchOne(db, key: $0) }
                return PanelRecord.Item(item: it, childName: ch?.displayName ?? "unknown child", initials: ch?.initials ?? "?",
                                        schoolName: school?.name, actions: actions[it.caseRef] ?? [],
                                        redaction: try redaction(db, child: ch, caseRef: it.caseRef))
            }
            let next = try Panel.filter(Column("type") == p.type.rawValue && Column("date") > p.date.iso)
                .order(Column("date"), Column("id")).fetchOne(db)
            return PanelRecord(panel: p, attendees: attendees, items: out, nextPanel: next)
        }
    }

    /// Every name the store holds around a child: theirs, their contacts' and parents', and their team's.
    func redaction(_ db: StoreDB, child: Child?, caseRef: String) throws -> Redaction {
        guard let child else { return Redaction(childNames: [], initials: "?", otherNames: []) }
        var others = Redaction.contactNames(child.contacts)
        if let oos = try OutOfSchoolRecord.fetchOne(db, key: child.ref) {
            others += [oos.parent1Name, oos.parent2Name, oos.educator].compactMap { $0 }
        }
        others += try Professional.filter(Column("caseRef") == caseRef).fetchAll(db).map(\.name)
        let own = [child.forename, child.surname, child.preferredName].compactMap { $0 }.filter { !$0.isEmpty }
        return Redaction(childNames: own, initials: child.initials, otherNames: others.filter { !$0.isEmpty })
    }

    public func panelItem(_ id: Int64) throws -> PanelItem {
        try read { db in
            guard let i = try PanelItem.fetchOne(db, key: id) else { throw StoreError.notFound("no panel item with id \(id)") }
            return i
        }
    }

    /// The item for a case on a panel (the CLI names items by case ref).
    public func panelItem(panelId: Int64, caseRef: String) throws -> PanelItem {
        try read { db in
            _ = try panel(db, panelId)
            guard let i = try PanelItem.filter(Column("panelId") == panelId && Column("caseRef") == caseRef).fetchOne(db) else {
                throw StoreError.notFound("case \(caseRef) is not on panel \(panelId)'s agenda")
            }
            return i
        }
    }

    // MARK: Agenda

    /// The team's agenda settings: defaults with the stored `panel.threshold`, `panel.overdue-days` and `panel.max-items`.
    public func agendaSettings() throws -> AgendaRules.Settings {
        let c = try config()
        var s = AgendaRules.Settings()
        if let t = c["panel.threshold"].flatMap(Double.init) { s.threshold = t }
        if let d = c["panel.overdue-days"].flatMap(Int.init) { s.overdueDays = d }
        if let m = c["panel.max-items"].flatMap(Int.init) { s.maxItems = m }
        return s
    }

    /// The last panel of the same type before this one and the next after it (a week on if none is planned).
    public func agendaWindow(for p: Panel) throws -> AgendaRules.Window {
        let same = try panels().filter { $0.type == p.type && $0.id != p.id }
        return AgendaRules.Window(date: p.date, previous: same.filter { $0.date < p.date }.map(\.date).max(),
                                  next: same.filter { $0.date > p.date }.map(\.date).min() ?? p.date.adding(days: 7))
    }

    /// For each case, the date of the latest panel before this one's date that discussed it.
    func discussedBefore(_ db: StoreDB, _ p: Panel) throws -> [String: SchoolDate] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.caseRef AS ref, MAX(p.date) AS date FROM panelItems i JOIN panels p ON p.id = i.panelId
            WHERE i.status = ? AND p.date < ? AND p.id != ? GROUP BY i.caseRef
            """, arguments: [PanelItem.Status.discussed.rawValue, p.date.iso, p.id ?? 0])
        var out: [String: SchoolDate] = [:]
        for r in rows {
            if let ref: String = r["ref"], let d: String = r["date"], let date = try? SchoolDate.parse(d) { out[ref] = date }
        }
        return out
    }

    /// Each case's latest chronology date other than the panels' own lines (suspensions, status
    /// changes, notes, contacts all land in the chronology).
    func lastNews(_ db: StoreDB) throws -> [String: SchoolDate] {
        let rows = try Row.fetchAll(db, sql: "SELECT caseRef AS ref, MAX(date) AS date FROM chronology WHERE kind != ? GROUP BY caseRef",
                                    arguments: [ChronologyEntry.Kind.decision.rawValue])
        var out: [String: SchoolDate] = [:]
        for r in rows {
            if let ref: String = r["ref"], let d: String = r["date"], let date = try? SchoolDate.parse(d) { out[ref] = date }
        }
        return out
    }

    /// What the agenda rules propose for a panel now, against what is already on it: the cases
    /// they would add and those left over. Reads only.
    public func agendaPlan(panelId: Int64, today: SchoolDate) throws -> AgendaRules.Agenda {
        let p = try panel(panelId)
        let window = try agendaWindow(for: p)
        let (discussed, news, items) = try read { db in
            (try discussedBefore(db, p), try lastNews(db), try PanelItem.filter(Column("panelId") == panelId).fetchAll(db))
        }
        let caseload = try caseload(today: today)
        return AgendaRules.plan(caseload: caseload.map { ($0.file, $0.assessment) }, window: window, today: today,
                                calendar: try calendar(), settings: try agendaSettings(), discussed: discussed,
                                lastNews: news, onAgenda: Set(items.filter { $0.status != .removed }.map(\.caseRef)),
                                takenOff: Set(items.filter { $0.status == .removed }.map(\.caseRef)))
    }

    /// Whether the agenda rules have run for this panel (a deferred or hand-added item does not count).
    public func agendaBuilt(panelId: Int64) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit WHERE entity = ? AND entityId = ? AND op = ?)",
                              arguments: [Panel.entity, String(panelId), AuditOp.panelAgendaBuild.rawValue]) ?? false
        }
    }

    /// Builds the agenda the first time it is asked for (nil when it was built before or the panel has ended).
    public func ensureAgenda(user: String, panelId: Int64, today: SchoolDate) throws -> [PanelItem]? {
        guard try panel(panelId).status != .closed, try !agendaBuilt(panelId: panelId) else { return nil }
        return try buildAgenda(user: user, panelId: panelId, today: today)
    }

    /// Runs the agenda rules and adds the cases they give places to, after any already on it (a case
    /// the chair took off stays off). Returns the items added; the run itself is audited, so the
    /// console and `panel agenda` know not to build again on their own.
    @discardableResult
    public func buildAgenda(user: String, panelId: Int64, today: SchoolDate) throws -> [PanelItem] {
        let p = try panel(panelId)
        guard p.status != .closed else { throw StoreError.invalid("panel \(panelId) is closed") }
        let plan = try agendaPlan(panelId: panelId, today: today)
        return try write(user: user) { ctx in
            let existing = Set(try String.fetchAll(ctx.db, sql: "SELECT caseRef FROM panelItems WHERE panelId = ?", arguments: [panelId]))
            var pos = try nextPosition(ctx.db, panelId)
            var added: [PanelItem] = []
            for e in plan.items where !existing.contains(e.caseRef) {
                var it = PanelItem(panelId: panelId, caseRef: e.caseRef, position: pos, reasons: e.reasons.joined(separator: "\n"))
                try ctx.insert(&it, op: .panelAgenda, caseRef: e.caseRef,
                               summary: "\(e.caseRef): on panel \(panelId) agenda — \(e.reasons.first ?? "")")
                pos += 1
                added.append(it)
            }
            try ctx.audit(op: .panelAgendaBuild, entity: Panel.entity, entityId: String(panelId), caseRef: nil,
                          summary: "panel \(panelId): agenda built — \(added.count) added, \(plan.alsoEligible.count) also eligible, "
                              + "\(plan.decidedNothingNew.count) decided before with nothing new")
            return added
        }
    }

    func nextPosition(_ db: StoreDB, _ panelId: Int64) throws -> Int {
        (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM panelItems WHERE panelId = ?", arguments: [panelId]) ?? 0) + 1
    }

    /// Puts a case on the agenda by hand, at the end (or back on, if it was taken off). A case already
    /// on the agenda is refused: the chair sees it there rather than a second copy. The case's
    /// chronology says who put it on and why.
    @discardableResult
    public func addItem(user: String, panelId: Int64, caseRef: String, reason: String, today: SchoolDate) throws -> PanelItem {
        let r = reason.trimmingSpaces
        guard !r.isEmpty else { throw StoreError.invalid("say why the case is on the agenda (--reason)") }
        return try write(user: user) { ctx in
            let p = try panel(ctx.db, panelId)
            if let on = try PanelItem.filter(Column("panelId") == panelId && Column("caseRef") == caseRef).fetchOne(ctx.db),
               on.status != .removed {
                let place = try PanelItem.filter(Column("panelId") == panelId && Column("status") != PanelItem.Status.removed.rawValue
                                                 && Column("position") <= on.position).fetchCount(ctx.db)
                throw StoreError.invalid("case \(caseRef) is already on panel \(panelId)'s agenda (item \(place))")
            }
            let it = try addItem(ctx, panelId: panelId, caseRef: caseRef, reasons: [r], op: .panelAddByHand)
            try ctx.chronicle(caseRef, date: Store.decisionDate(p, today: today), kind: .decision,
                              text: "put on the agenda of the \(p.type.label) panel of \(p.date.long) by \(user): \(r)",
                              linkId: it.id, op: .panelAddByHand)
            return it
        }
    }

    func addItem(_ ctx: WriteContext, panelId: Int64, caseRef: String, reasons: [String], op: AuditOp = .panelAgenda) throws -> PanelItem {
        let p = try panel(ctx.db, panelId)
        guard p.status != .closed else { throw StoreError.invalid("panel \(panelId) is closed") }
        guard try Case.fetchOne(ctx.db, key: caseRef) != nil else { throw StoreError.notFound("no case with ref \(caseRef)") }
        if var it = try PanelItem.filter(Column("panelId") == panelId && Column("caseRef") == caseRef).fetchOne(ctx.db) {
            let had = Set(it.reasons.split(separator: "\n").map(String.init))
            let new = reasons.filter { !had.contains($0) }
            it.reasons = ([it.reasons] + new).filter { !$0.isEmpty }.joined(separator: "\n")
            let restored = it.status == .removed
            if restored { it.status = .pending; it.position = try nextPosition(ctx.db, panelId); it.removalReason = nil }
            try ctx.update(&it, op: op, caseRef: caseRef,
                           summary: "\(caseRef): panel \(panelId) agenda \(restored ? "restored" : "reason added") — \(reasons.first ?? "")")
            return it
        }
        var it = PanelItem(panelId: panelId, caseRef: caseRef, position: try nextPosition(ctx.db, panelId),
                           reasons: reasons.joined(separator: "\n"))
        try ctx.insert(&it, op: op, caseRef: caseRef, summary: "\(caseRef): on panel \(panelId) agenda — \(reasons.first ?? "")")
        return it
    }

    /// Moves a case to position `to` (1-based) among the items still on the agenda.
    public func moveItem(user: String, panelId: Int64, caseRef: String, to: Int) throws {
        try write(user: user) { ctx in
            guard try panel(ctx.db, panelId).status != .closed else { throw StoreError.invalid("panel \(panelId) has ended; its record is closed") }
            var items = try PanelItem.filter(Column("panelId") == panelId && Column("status") != PanelItem.Status.removed.rawValue)
                .order(Column("position"), Column("id")).fetchAll(ctx.db)
            guard let from = items.firstIndex(where: { $0.caseRef == caseRef }) else {
                throw StoreError.notFound("case \(caseRef) is not on panel \(panelId)'s agenda")
            }
            guard (1...items.count).contains(to) else { throw StoreError.invalid("--to must be 1–\(items.count)") }
            let moved = items.remove(at: from)
            items.insert(moved, at: to - 1)
            for (i, var it) in items.enumerated() where it.position != i + 1 {
                let was = it.position
                it.position = i + 1
                try ctx.update(&it, op: .panelMove, caseRef: it.caseRef, summary: "\(it.caseRef): panel \(panelId) item \(was) → \(i + 1)")
            }
        }
    }

    /// Moves a case one place up (`by` -1) or down (+1); returns its new place (1-based), which is
    /// where it was when it is already at that end.
    @discardableResult
    public func moveItem(user: String, panelId: Int64, caseRef: String, by step: Int) throws -> Int {
        let refs = try panelRecord(panelId).agenda.map(\.item.caseRef)
        guard let at = refs.firstIndex(of: caseRef) else { throw StoreError.notFound("case \(caseRef) is not on panel \(panelId)'s agenda") }
        let to = max(1, min(refs.count, at + 1 + step))
        if to != at + 1 { try moveItem(user: user, panelId: panelId, caseRef: caseRef, to: to) }
        return to
    }

    /// Takes a case off the agenda, saying why. The item stays, marked removed with its reason (the
    /// minutes list it under "Taken off the agenda"): nothing is deleted, and the case's chronology
    /// says who took it off and why. Once the panel has ended its record is closed.
    public func removeItem(user: String, panelId: Int64, caseRef: String, reason: String, today: SchoolDate) throws {
        let why = reason.trimmingSpaces
        guard !why.isEmpty else { throw StoreError.invalid("say why the case is taken off the agenda (--reason)") }
        try write(user: user) { ctx in
            let p = try panel(ctx.db, panelId)
            guard p.status != .closed else { throw StoreError.invalid("panel \(panelId) has ended; its record is closed") }
            guard var it = try PanelItem.filter(Column("panelId") == panelId && Column("caseRef") == caseRef).fetchOne(ctx.db) else {
                throw StoreError.notFound("case \(caseRef) is not on panel \(panelId)'s agenda")
            }
            guard it.status != .removed else { throw StoreError.invalid("case \(caseRef) is already off the agenda") }
            guard it.status == .pending else {
                throw StoreError.invalid("case \(caseRef) was already \(it.status.label) at this panel: its record stays on the agenda")
            }
            it.status = .removed
            it.removalReason = why
            try ctx.update(&it, op: .panelRemove, caseRef: caseRef, summary: "\(caseRef): taken off panel \(panelId) agenda — \(why)")
            try ctx.chronicle(caseRef, date: Store.decisionDate(p, today: today), kind: .decision,
                              text: "taken off the agenda of the \(p.type.label) panel of \(p.date.long) by \(user): \(why)",
                              linkId: it.id, op: .panelRemove)
        }
    }

    // MARK: In the meeting

    public func startPanel(user: String, id: Int64) throws {
        try write(user: user) { ctx in
            var p = try panel(ctx.db, id)
            guard p.status == .planned else { return }
            p.status = .running
            p.startedAt = ctx.now
            try ctx.update(&p, op: .panelStart, caseRef: nil, summary: "panel \(id): started")
        }
    }

    public func endPanel(user: String, id: Int64) throws {
        try write(user: user) { ctx in
            var p = try panel(ctx.db, id)
            guard p.status != .closed else { throw StoreError.invalid("panel \(id) has already ended") }
            if p.startedAt == nil { p.startedAt = ctx.now }
            p.status = .closed
            p.endedAt = ctx.now
            try ctx.update(&p, op: .panelEnd, caseRef: nil, summary: "panel \(id): ended")
        }
    }

    /// Reopens an ended panel so the chair can correct its record (a decision, an action, a
    /// deferral). The reopening is audited with who and why, and each case on the agenda gets a
    /// chronology line, so a corrected decision there never appears without its reason.
    @discardableResult
    public func reopenPanel(user: String, id: Int64, reason: String?, today: SchoolDate) throws -> Panel {
        let why = reason?.trimmingSpaces.isEmpty == false ? reason!.trimmingSpaces : nil
        return try write(user: user) { ctx in
            var p = try panel(ctx.db, id)
            guard p.status == .closed else { throw StoreError.invalid("panel \(id) has not ended: there is nothing to reopen") }
            let ended = p.endedAt
            p.status = .running
            p.endedAt = nil
            try ctx.update(&p, op: .panelReopen, caseRef: nil,
                           summary: "panel \(id): reopened to correct its record (ended \(ended ?? "—"))" + (why.map { " — \($0)" } ?? ""))
            let refs = try String.fetchAll(ctx.db, sql: "SELECT caseRef FROM panelItems WHERE panelId = ? AND status != ? ORDER BY position, id",
                                           arguments: [id, PanelItem.Status.removed.rawValue])
            for ref in refs {
                try ctx.chronicle(ref, date: today, kind: .decision,
                                  text: "\(p.type.label) panel \(p.date.long) reopened by \(user) to correct its record" + (why.map { ": \($0)" } ?? ""),
                                  op: .panelReopen)
            }
            return p
        }
    }

    /// An action the panel agreed: a case action carrying the panel's id, with its chronology line.
    @discardableResult
    public func addPanelAction(user: String, itemId: Int64, agency: String, description: String, owner: String?,
                               due: SchoolDate?, today: SchoolDate) throws -> CaseAction {
        let d = description.trimmingSpaces
        guard !d.isEmpty else { throw StoreError.invalid("an action needs a description") }
        let owner = try NameInput.clean(owner, "owner"), agency = try NameInput.clean(agency, "agency")
        return try write(user: user) { ctx in
            let it = try openItem(ctx, itemId)
            let p = try panel(ctx.db, it.panelId)
            let agencyName = try canonicalAgency(ctx.db, agency)
            let o = owner?.trimmingSpaces.isEmpty == false ? owner : nil
            var a = CaseAction(caseRef: it.caseRef, agency: agencyName, owner: o, description: d, due: due, created: today, panelId: it.panelId)
            try ctx.insert(&a, op: .panelAction, caseRef: it.caseRef,
                           summary: "\(it.caseRef): panel \(it.panelId) action for \(agencyName) — \(d.prefix(50))")
            try ctx.chronicle(it.caseRef, date: today, kind: .action,
                              text: "Panel action (\(p.type.label) panel \(p.date.long); \(agencyName)\(o.map { ", \($0)" } ?? "")): \(d)" + (due.map { ", due \($0.iso)" } ?? ""),
                              linkId: a.id)
            return a
        }
    }

    /// Defers an item: marked deferred here, and the case goes on the next panel of the same type
    /// (created a week later if none is planned). Returns that panel.
    @discardableResult
    public func deferItem(user: String, itemId: Int64, today: SchoolDate) throws -> Panel {
        try write(user: user) { ctx in
            var it = try openItem(ctx, itemId)
            let p = try panel(ctx.db, it.panelId)
            it.status = .deferred
            try ctx.update(&it, op: .panelDefer, caseRef: it.caseRef, summary: "\(it.caseRef): deferred from panel \(it.panelId)")
            let next = try Panel.filter(Column("type") == p.type.rawValue && Column("date") > p.date.iso && Column("status") != Panel.Status.closed.rawValue)
                .order(Column("date"), Column("id")).fetchOne(ctx.db)
                ?? insertPanel(ctx, date: p.date.adding(days: 7), type: p.type, chair: p.chair)
            let reasons = ["deferred from the panel of \(p.date.iso)"] + it.reasons.split(separator: "\n").map(String.init)
            _ = try addItem(ctx, panelId: next.id ?? 0, caseRef: it.caseRef, reasons: reasons)
            try ctx.chronicle(it.caseRef, date: Store.decisionDate(p, today: today), kind: .decision,
                              text: "\(p.type.label) panel \(p.date.long): deferred to the panel of \(next.date.long)", linkId: it.id)
            return next
        }
    }

    /// Marks an item discussed with no decision to record (noted in the chronology).
    public func markDiscussed(user: String, itemId: Int64, today: SchoolDate) throws {
        try write(user: user) { ctx in
            var it = try openItem(ctx, itemId)
            let p = try panel(ctx.db, it.panelId)
            guard it.status != .discussed else { return }
            it.status = .discussed
            try ctx.update(&it, op: .panelDiscussed, caseRef: it.caseRef, summary: "\(it.caseRef): discussed at panel \(it.panelId)")
            let on = Store.decisionDate(p, today: today)
            try ctx.chronicle(it.caseRef, date: on, kind: .decision,
                              text: "\(p.type.label) panel \(p.date.long): discussed, no new decision", linkId: it.id)
            try clearPanelFlag(ctx, caseRef: it.caseRef, panel: p, on: on)
        }
    }

    /// Adds the seconds the panel spent on an item (the per-item timer), saved as each item is left.
    public func addItemSeconds(user: String, itemId: Int64, seconds: Int) throws {
        guard seconds > 0 else { return }
        try changeItem(user: user, itemId, op: .panelTimer, describe: { "\($0.caseRef): panel \($0.panelId) item time \(PanelMinutes.duration($0.seconds))" }) { i in
            i.seconds += seconds
        }
    }

    // MARK: Helpers

    func openItem(_ ctx: WriteContext, _ id: Int64) throws -> PanelItem {
        guard let it = try PanelItem.fetchOne(ctx.db, key: id) else { throw StoreError.notFound("no panel item with id \(id)") }
        guard it.status != .removed else { throw StoreError.invalid("case \(it.caseRef) was taken off panel \(it.panelId)'s agenda") }
        let p = try panel(ctx.db, it.panelId)
        guard p.status != .closed else { throw StoreError.invalid("panel \(p.id ?? 0) has ended; its record is closed") }
        return it
    }

    func changeItem(user: String, _ id: Int64, op: AuditOp, describe: (PanelItem) -> String, _ change: (inout PanelItem) throws -> Void) throws {
        try write(user: user) { ctx in
            guard var it = try PanelItem.fetchOne(ctx.db, key: id) else { throw StoreError.notFound("no panel item with id \(id)") }
            try change(&it)
            try ctx.update(&it, op: op, caseRef: it.caseRef, summary: describe(it))
        }
    }
}
