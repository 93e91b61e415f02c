import GRDB
import OnRollCore

/// Everyday casework beyond notes and actions: cancelling and rescheduling actions with a reason,
/// the child's and parents' voice, handing a case to another officer, and what closing would leave
/// behind. Each write is one audited transaction with its chronology line.
extension Store {
    /// Cancels an open action. A reason is required: a cancelled action with no reason reads, at a
    /// review or an inspection, like work that was dropped.
    @discardableResult
    public func cancelAction(user: String, id: Int64, reason: String, date: SchoolDate, expectedVersion: Int? = nil) throws -> CaseAction {
        let r = reason.trimmingSpaces
        guard !r.isEmpty else { throw StoreError.invalid("--reason: cancelling an action needs a reason") }
        return try completeAction(user: user, id: id, outcome: r, date: date, cancel: true, expectedVersion: expectedVersion)
    }

    /// Moves an open action's due date, saying why; the old date stays in the chronology and the audit.
    @discardableResult
    public func rescheduleAction(user: String, id: Int64, due: SchoolDate, reason: String?, today: SchoolDate,
                                 expectedVersion: Int? = nil) throws -> CaseAction {
        let why = reason?.trimmingSpaces ?? ""
        return try write(user: user) { ctx in
            guard var a = try CaseAction.fetchOne(ctx.db, key: id) else { throw StoreError.notFound("no action with id \(id)") }
            if let v = expectedVersion, v != a.version { throw try ctx.conflict(entity: CaseAction.entity, key: String(id)) }
            guard a.status == .open else { throw StoreError.invalid("action \(id) is \(a.status.rawValue); only an open action can be rescheduled") }
            guard a.due != due else { throw StoreError.invalid("--due: action \(id) is already due \(due.iso)") }
            let was = a.due
            a.due = due
            let move = "due \(was?.iso ?? "none") → \(due.iso)" + (why.isEmpty ? "" : " (\(why))")
            try ctx.update(&a, op: .actionReschedule, caseRef: a.caseRef, summary: "\(a.caseRef): action \(id) \(move)")
            try ctx.chronicle(a.caseRef, date: today, kind: .action,
                              text: "Action rescheduled (\(a.agency)): \(a.description) — \(move)", linkId: id)
            return a
        }
    }

    /// Records what the child and the parents or carers say. Either may be given; an empty one is
    /// left as it was. The child's record holds the latest; each open case's chronology keeps every one.
    @discardableResult
    public func setVoice(user: String, childRef: String, pupil: String?, parent: String?, date: SchoolDate) throws -> Child {
        let p = pupil?.trimmingSpaces ?? "", q = parent?.trimmingSpaces ?? ""
        guard !p.isEmpty || !q.isEmpty else { throw StoreError.invalid("give the pupil's voice, the parent's, or both") }
        return try write(user: user) { ctx in
            guard var ch = try Child.fetchOne(ctx.db, key: childRef) else { throw StoreError.notFound("no child with ref \(childRef)") }
            if !p.isEmpty { ch.pupilVoice = p }
            if !q.isEmpty { ch.parentVoice = q }
            let refs = try openCaseRefs(ctx.db, childRef: childRef)
            let said = [p.isEmpty ? nil : "pupil", q.isEmpty ? nil : "parent/carer"].compactMap { $0 }.joined(separator: " and ")
            try ctx.update(&ch, op: .childVoice, caseRef: refs.first, summary: "\(childRef): \(said) voice recorded")
            for ref in refs {
                if !p.isEmpty { try ctx.chronicle(ref, date: date, kind: .note, text: "Pupil voice: \(p)") }
                if !q.isEmpty { try ctx.chronicle(ref, date: date, kind: .note, text: "Parent/carer voice: \(q)") }
            }
            return ch
        }
    }

    /// The officers the store knows: everyone who owns a case (open or closed) and everyone who has
    /// written to it. Sorted, each spelled as first seen.
    public func officers() throws -> [String] {
        try read { try officers($0) }
    }

    func officers(_ db: StoreDB) throws -> [String] {
        let names = try String.fetchAll(db, sql: """
            SELECT owner FROM cases WHERE owner IS NOT NULL AND owner != ''
            UNION SELECT DISTINCT user FROM audit
            """)
        var seen: [String: String] = [:]
        for n in names where seen[n.lowercased()] == nil { seen[n.lowercased()] = n }
        return seen.values.sorted { $0.lowercased() < $1.lowercased() }
    }

    /// What a handover can do besides changing the owner.
    public struct Handover: Sendable, Equatable {
        /// What the new owner needs to know; a chronology note of its own.
        public var note: String?
        /// The outgoing owner is the lead professional: the new owner takes the lead over.
        public var moveLead: Bool
        /// The owner is not an officer the store knows, and that is meant.
        public var newOwner: Bool

        public init(note: String? = nil, moveLead: Bool = false, newOwner: Bool = false) {
            self.note = note; self.moveLead = moveLead; self.newOwner = newOwner
        }
    }

    /// The lead professional who is the case's owner (by name), who a handover would move.
    public func leadHeldByOwner(caseRef: String) throws -> Professional? {
        try read { db in
            guard let c = try Case.fetchOne(db, key: caseRef) else { throw StoreError.notFound("no case with ref \(caseRef)") }
            return try leadHeldByOwner(db, c)
        }
    }

    func leadHeldByOwner(_ db: StoreDB, _ c: Case) throws -> Professional? {
        guard let owner = c.owner?.lowercased(), !owner.isEmpty else { return nil }
        return try Professional.filter(Column("caseRef") == c.ref && Column("isLead") == true).fetchAll(db)
            .first { $0.left == nil && $0.name.lowercased() == owner }
    }

    /// Gives a case to another officer, in one change: the owner, the handover note, and (when asked
    /// and the outgoing owner leads the team) the lead professional. An owner the store does not know
    /// is refused, naming the near miss, unless `handover.newOwner` says it is meant.
    @discardableResult
    public func reassign(user: String, ref: String, owner typed: String, handover: Handover, today: SchoolDate,
                         expectedVersion: Int? = nil) throws -> Case {
        guard !typed.trimmingSpaces.isEmpty else { throw StoreError.invalid("--owner: an owner is required") }
        let cleaned = try NameInput.clean(typed, "owner")
        let note = handover.note?.trimmingSpaces ?? ""
        return try write(user: user) { ctx in
            guard var c = try Case.fetchOne(ctx.db, key: ref) else { throw StoreError.notFound("no case with ref \(ref)") }
            if let v = expectedVersion, v != c.version { throw try ctx.conflict(entity: Case.entity, key: ref) }
            let owner: String
            switch OfficerName.match(cleaned, among: try officers(ctx.db) + [ctx.user]) {
            case .known(let k): owner = k
            case .nearMiss(let t, let k) where !handover.newOwner:
                throw StoreError.invalid("--owner: '\(t)' is not an officer the store knows; did you mean \(k)? (--new-owner if '\(t)' is a new officer)")
            case .new(let t) where !handover.newOwner:
                throw StoreError.invalid("--owner: '\(t)' is not an officer the store knows (see `onroll case officers`; --new-owner if they are new)")
            case .nearMiss(let t, _), .new(let t): owner = t
            }
            // Assigning the owner a case already has is written like any other (a script that re-sends
            // its assign must not see a refusal where `case assign` always succeeded).
            let before = c.owner
            let lead = handover.moveLead ? try leadHeldByOwner(ctx.db, c) : nil
            if handover.moveLead, lead == nil {
                throw StoreError.invalid("\(before ?? "nobody") is not the lead professional on \(ref): there is no lead to move")
            }
            c.owner = owner
            let text = "owner \(before ?? "none") → \(owner)"
            try ctx.update(&c, op: .caseAssign, caseRef: ref, summary: "\(ref): \(text)")
            try ctx.chronicle(ref, date: today, kind: .owner, text: text)
            if !note.isEmpty { try ctx.chronicle(ref, date: today, kind: .note, text: "Handover to \(owner): \(note)", op: .noteAdd) }
            if var old = lead {
                old.isLead = false
                old.left = today
                try ctx.update(&old, op: .teamLeave, caseRef: ref, summary: "\(ref): \(old.name) (\(old.agency)) handed the lead to \(owner)")
                var new = Professional(caseRef: ref, agency: old.agency, role: old.role, name: owner, contact: nil, since: today, isLead: true)
                try ctx.insert(&new, op: .teamAdd, caseRef: ref, summary: "\(ref): \(owner) (\(old.agency)) joined the team as lead")
                try ctx.chronicle(ref, date: today, kind: .team,
                                  text: "Lead professional \(old.name) → \(owner) (\(old.agency)) on handover", linkId: new.id)
            }
            return c
        }
    }

    /// What closing a case would leave open: its open actions and its items on panels not yet held.
    public struct OpenWork: Sendable, Equatable {
        public var actions: [CaseAction]
        public var panelItems: [(panelId: Int64, date: SchoolDate)]

        public var isEmpty: Bool { actions.isEmpty && panelItems.isEmpty }

        /// "2 open actions (3, 7) and an item on panel 4 (2026-12-02)".
        public var summary: String {
            var parts: [String] = []
            if !actions.isEmpty {
                let ids = actions.compactMap(\.id).map(String.init).joined(separator: ", ")
                parts.append(actions.count == 1 ? "an open action (\(ids))" : "\(actions.count) open actions (\(ids))")
            }
            if !panelItems.isEmpty {
                let ps = panelItems.map { "panel \($0.panelId) (\($0.date.iso))" }.joined(separator: ", ")
                parts.append(panelItems.count == 1 ? "an item on \(ps)" : "items on \(ps)")
            }
            return parts.joined(separator: " and ")
        }

        public static func == (a: OpenWork, b: OpenWork) -> Bool {
            a.actions == b.actions && a.panelItems.map(\.panelId) == b.panelItems.map(\.panelId)
                && a.panelItems.map(\.date) == b.panelItems.map(\.date)
        }
    }

    public func openWork(caseRef: String) throws -> OpenWork {
        try read { db in
            guard try Case.fetchOne(db, key: caseRef) != nil else { throw StoreError.notFound("no case with ref \(caseRef)") }
            let actions = try CaseAction.filter(Column("caseRef") == caseRef && Column("status") == ActionStatus.open.rawValue)
                .order(Column("id")).fetchAll(db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id AS id, p.date AS date FROM panelItems i JOIN panels p ON p.id = i.panelId
                WHERE i.caseRef = ? AND i.status = ? AND p.status != ? ORDER BY p.date, p.id
                """, arguments: [caseRef, PanelItem.Status.pending.rawValue, Panel.Status.closed.rawValue])
            let items: [(panelId: Int64, date: SchoolDate)] = rows.compactMap { r in
                guard let id: Int64 = r["id"], let d: SchoolDate = r["date"] else { return nil }
                return (id, d)
            }
            return OpenWork(actions: actions, panelItems: items)
        }
    }
}

extension Store {
    /// A contact that meets the EHE annual contact (`EHEAnnualContact`) moves the family's annual date
    /// forward, creating their out-of-school record if there is none, and says when the next is due.
    func recordAnnualContact(_ ctx: WriteContext, _ c: Case, date: SchoolDate) throws {
        let existing = try OutOfSchoolRecord.fetchOne(ctx.db, key: c.childRef)
        let was = existing?.lastAnnualContact
        let annual = EHEAnnualContact.advanced(was, by: date)
        guard annual != was else { return }
        let next = EHEAnnualContact.nextDue(after: annual)
        let summary = "\(c.ref): EHE annual contact \(annual.iso) (was \(was?.iso ?? "none"))"
        if var oos = existing {
            oos.lastAnnualContact = annual
            oos.lastSeen = max(oos.lastSeen ?? annual, annual)
            try ctx.update(&oos, op: .outOfSchoolAnnual, caseRef: c.ref, summary: summary)
        } else {
            var oos = OutOfSchoolRecord(childRef: c.childRef, lastSeen: date, lastAnnualContact: annual)
            try ctx.insert(&oos, op: .outOfSchoolAnnual, caseRef: c.ref, summary: summary)
        }
        try ctx.chronicle(c.ref, date: date, kind: .seen,
                          text: "EHE annual contact made (home visit, child seen); the next is due by \(next.iso)")
    }

    /// The overdue open actions of open cases, most overdue first, with the child each is for.
    public func overdueActions(today: SchoolDate) throws -> [OverdueAction] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.id AS id, s.childName AS childName, s.owner AS caseOwner FROM actions a
                JOIN cases c ON c.ref = a.caseRef
                LEFT JOIN caseSummary s ON s.caseRef = a.caseRef
                WHERE a.status = ? AND c.status != ? AND a.due IS NOT NULL AND a.due < ?
                """, arguments: [ActionStatus.open.rawValue, CaseStatus.closed.rawValue, today.iso])
            var out: [OverdueAction] = []
            for r in rows {
                guard let id: Int64 = r["id"], let a = try CaseAction.fetchOne(db, key: id), let due = a.due else { continue }
                out.append(OverdueAction(action: a, childName: r["childName"] ?? "", caseOwner: r["caseOwner"],
                                         daysOverdue: today.dayNumber - due.dayNumber))
            }
            return out.sorted { ($0.action.due!, $0.action.id ?? 0) < ($1.action.due!, $1.action.id ?? 0) }
        }
    }
}

/// One row of the overdue-actions list across the caseload.
public struct OverdueAction: Sendable, Equatable {
    public var action: CaseAction
    public var childName: String
    public var caseOwner: String?
    /// Calendar days past due (what a chaser says: "twelve days late").
    public var daysOverdue: Int
}
