import GRDB
import OnRollCore

/// A panel decision and what it sets in motion, in one transaction: the decision on the item, its
/// chronology line dated the panel's day, the panel flag cleared, and the decision's effect (the case
/// closed, the fair-access referral opened, the AP placement recorded). Either all of it is saved or none.
extension Store {
    /// Records the panel's decision on an item. For `.other` the note is the decision's text.
    /// `provider` names the alternative provision for `.apPlace` (optional: "to be named" until it is).
    @discardableResult
    public func recordDecision(user: String, itemId: Int64, decision: PanelDecision, note: String?, noteShared: Bool = false,
                               provider: String? = nil, today: SchoolDate) throws -> PanelItem {
        var n = note?.trimmingSpaces.isEmpty == false ? note!.trimmingSpaces : nil
        var text = decision.label
        if decision == .other {
            // "Other" means the detail is the decision.
            guard let detail = n else { throw StoreError.invalid("say what the panel decided (--note) for the decision \"other\"") }
            text = detail; n = nil
        }
        let provider = try NameInput.clean(provider, "provider").flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
        return try write(user: user) { ctx in
            var it = try openItem(ctx, itemId)
            let p = try panel(ctx.db, it.panelId)
            let on = Store.decisionDate(p, today: today)
            it.decision = text
            it.decisionNote = n
            it.noteShared = noteShared
            it.status = .discussed
            try ctx.update(&it, op: .panelDecision, caseRef: it.caseRef, summary: "\(it.caseRef): panel \(it.panelId) decision — \(text)")
            try ctx.chronicle(it.caseRef, date: on, kind: .decision,
                              text: "\(p.type.label) panel \(p.date.long): \(text)" + (n.map { " — \($0)" } ?? ""), linkId: it.id)
            try clearPanelFlag(ctx, caseRef: it.caseRef, panel: p, on: on)
            switch decision {
            case .close: try closeByPanel(ctx, caseRef: it.caseRef, panel: p, note: n, on: on)
            case .fairAccess: try referToFairAccess(ctx, item: it, panel: p, on: on)
            case .apPlace: try recordAPPlace(ctx, caseRef: it.caseRef, panel: p, provider: provider, on: on)
            case .continuePlan, .reintegrationPlan, .ehcRequest, .other: break
            }
            return it
        }
    }

    /// A panel's record is dated the day it met; typed in before that day (which only a test or a
    /// mistaken clock does), it is dated today rather than in the future.
    static func decisionDate(_ p: Panel, today: SchoolDate) -> SchoolDate { min(p.date, today) }

    /// Once a panel has discussed the case, the officer's flag has done its work.
    func clearPanelFlag(_ ctx: WriteContext, caseRef: String, panel p: Panel, on: SchoolDate) throws {
        guard var c = try Case.fetchOne(ctx.db, key: caseRef), c.flaggedForPanel else { return }
        c.flaggedForPanel = false
        try ctx.update(&c, op: .panelFlagCleared, caseRef: caseRef, summary: "\(caseRef): panel flag cleared (discussed at panel \(p.id ?? 0))")
        try ctx.chronicle(caseRef, date: on, kind: .status, text: "panel flag cleared: discussed at the \(p.type.label) panel of \(p.date.long)",
                          op: .panelFlagCleared)
    }

    /// "close": the case closes with the panel's decision as its reason.
    func closeByPanel(_ ctx: WriteContext, caseRef: String, panel p: Panel, note: String?, on: SchoolDate) throws {
        guard var c = try Case.fetchOne(ctx.db, key: caseRef) else { throw StoreError.notFound("no case with ref \(caseRef)") }
        guard c.status != .closed else { throw StoreError.invalid("case \(caseRef) is already closed") }
        let reason = "Panel \(p.date.iso): close" + (note.map { " — \($0)" } ?? "")
        let was = c.status
        c.status = .closed
        c.closedOn = on
        c.closureReason = reason
        try ctx.update(&c, op: .panelClose, caseRef: caseRef, summary: "\(caseRef): closed by panel \(p.id ?? 0)")
        try ctx.chronicle(caseRef, date: on, kind: .closed, text: "status \(was.rawValue) → closed (\(reason))", op: .panelClose)
    }

    /// "refer to fair access": the referral is an action for the LA's inclusion team (the case has no
    /// referral field: `fairAccessAccepted` is the fair access panel's own acceptance, not ours to
    /// set). At a fair access panel it changes nothing. With a fair access panel planned, the case also goes on its agenda and the action is due by it.
    func referToFairAccess(_ ctx: WriteContext, item it: PanelItem, panel p: Panel, on: SchoolDate) throws {
        // At the fair access panel itself the decision is a record of where the case already is.
        guard p.type != .fairAccess else { return }
        let next = try Panel.filter(Column("type") == Panel.Kind.fairAccess.rawValue && Column("date") > p.date.iso
                               && Column("status") != Panel.Status.closed.rawValue)
                .order(Column("date"), Column("id")).fetchOne(ctx.db)
        let agency = try canonicalAgency(ctx.db, "LA inclusion")
        let what = "Refer to the fair access panel (decided at the \(p.type.label) panel of \(p.date.long))"
        var a = CaseAction(caseRef: it.caseRef, agency: agency, description: what, due: next?.date, created: on, panelId: it.panelId)
        try ctx.insert(&a, op: .panelFairAccess, caseRef: it.caseRef, summary: "\(it.caseRef): referred to fair access by panel \(it.panelId)")
        try ctx.chronicle(it.caseRef, date: on, kind: .action,
                          text: "Fair access referral opened (\(agency)): \(what)" + (next.map { "; on the fair access panel of \($0.date.long)" } ?? ""),
                          linkId: a.id, op: .panelFairAccess)
        if let next, let nid = next.id {
            _ = try addItem(ctx, panelId: nid, caseRef: it.caseRef, reasons: ["referred by the \(p.type.label) panel of \(p.date.iso)"])
        }
    }

    /// "AP place": the placement joins the team around the child as its AP provider.
    func recordAPPlace(_ ctx: WriteContext, caseRef: String, panel p: Panel, provider: String?, on: SchoolDate) throws {
        let agency = try canonicalAgency(ctx.db, "AP provider")
        let name = provider ?? "AP provider to be named"
        var rec = Professional(caseRef: caseRef, agency: agency, role: "AP place agreed at the panel of \(p.date.iso)", name: name, since: on)
        try ctx.insert(&rec, op: .panelAPPlace, caseRef: caseRef, summary: "\(caseRef): AP place (\(name)) agreed at panel \(p.id ?? 0)")
        try ctx.chronicle(caseRef, date: on, kind: .team,
                          text: "AP place agreed at the \(p.type.label) panel of \(p.date.long): \(name) joined the team around the child",
                          linkId: rec.id, op: .panelAPPlace)
    }
}
