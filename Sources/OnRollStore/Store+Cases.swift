import GRDB
import OnRollCore

/// Case lifecycle, notes and actions: the writes an officer makes every day.
extension Store {
    /// Opens a case for a child and returns it. The ref is `--ref` or the next `WM-NNNNN`.
    @discardableResult
    public func openCase(user: String, childRef: String, kind: CaseKind, owner: String?, summary: String?,
                         ref: String? = nil, today: SchoolDate, status: CaseStatus = .open,
                         nextReview: SchoolDate? = nil) throws -> Case {
        let owner = try NameInput.clean(owner, "owner")
        if let ref, let problem = NameText.problem(ref) { throw StoreError.invalid("ref: \(problem)") }
        return try write(user: user) { ctx in
            guard try Child.fetchOne(ctx.db, key: childRef) != nil else {
                throw StoreError.notFound("no child with ref \(childRef)")
            }
            let newRef = try ref ?? nextCaseRef(ctx.db)
            if try Case.fetchOne(ctx.db, key: newRef) != nil {
                throw StoreError.invalid("case \(newRef) already exists")
            }
            // Refs are typed in any case (resolveCaseRef), so one differing only in case would be a second name for the first.
            if let same = try String.fetchOne(ctx.db, sql: "SELECT ref FROM cases WHERE lower(ref) = lower(?)", arguments: [newRef]) {
                throw StoreError.invalid("case \(same) already exists (refs ignore case)")
            }
            var c = Case(ref: newRef, childRef: childRef, kind: kind, status: status, opened: today, owner: owner,
                         summary: summary, nextReview: nextReview ?? today.adding(days: 28))
            try ctx.insert(&c, op: .caseOpen, caseRef: newRef, summary: "\(newRef): opened \(kind.label) case")
            try ctx.chronicle(newRef, date: today, kind: .opened,
                              text: "\(kind.label) case opened" + (owner.map { ", owner \($0)" } ?? "") + (summary.map { ": \($0)" } ?? ""))
            return c
        }
    }

    func nextCaseRef(_ db: StoreDB) throws -> String {
        let refs = try String.fetchAll(db, sql: "SELECT ref FROM cases WHERE ref LIKE 'WM-%'")
        let maxN = refs.compactMap { Int($0.dropFirst(3)) }.max() ?? 0
        return "WM-" + String(maxN + 1).leftPadded(5, "0")
    }

    /// Applies an edit to a case, version-checked, with a chronology line describing it.
    @discardableResult
    public func editCase(user: String, ref: String, expectedVersion: Int? = nil, date: SchoolDate,
                         kind: ChronologyEntry.Kind, op: AuditOp, describe: (Case, Case) -> String,
                         _ change: (inout Case) throws -> Void) throws -> Case {
        try write(user: user) { ctx in
            guard var c = try Case.fetchOne(ctx.db, key: ref) else { throw StoreError.notFound("no case with ref \(ref)") }
            if let v = expectedVersion, v != c.version { throw try ctx.conflict(entity: Case.entity, key: ref) }
            let before = c
            try change(&c)
            let text = describe(before, c)
            try ctx.update(&c, op: op, caseRef: ref, summary: "\(ref): \(text)")
            try ctx.chronicle(ref, date: date, kind: kind, text: text)
            return c
        }
    }

    @discardableResult
    public func closeCase(user: String, ref: String, reason: String, today: SchoolDate, expectedVersion: Int? = nil) throws -> Case {
        guard !reason.trimmingSpaces.isEmpty else { throw StoreError.invalid("a closure reason is required") }
        return try editCase(user: user, ref: ref, expectedVersion: expectedVersion, date: today, kind: .closed, op: .caseClose,
                            describe: { b, _ in "status \(b.status.rawValue) → closed (\(reason))" }) { c in
            guard c.status != .closed else { throw StoreError.invalid("case \(ref) is already closed") }
            c.status = .closed
            c.closedOn = today
            c.closureReason = reason
        }
    }

    @discardableResult
    public func setStatus(user: String, ref: String, status: CaseStatus, today: SchoolDate, reason: String? = nil,
                          expectedVersion: Int? = nil) throws -> Case {
        if status == .closed { return try closeCase(user: user, ref: ref, reason: reason ?? "", today: today, expectedVersion: expectedVersion) }
        return try editCase(user: user, ref: ref, expectedVersion: expectedVersion, date: today, kind: .status, op: .caseStatus,
                            describe: { b, a in "status \(b.status.rawValue) → \(a.status.rawValue)" }) { c in
            guard c.status != status else { throw StoreError.invalid("case \(ref) is already \(status.rawValue)") }
            c.status = status
            if status != .closed { c.closedOn = nil; c.closureReason = nil }
        }
    }

    @discardableResult
    public func assign(user: String, ref: String, owner: String, today: SchoolDate, expectedVersion: Int? = nil) throws -> Case {
        guard !owner.trimmingSpaces.isEmpty else { throw StoreError.invalid("an owner is required") }
        let owner = try NameInput.clean(owner, "owner")
        return try editCase(user: user, ref: ref, expectedVersion: expectedVersion, date: today, kind: .owner, op: .caseAssign,
                            describe: { b, a in "owner \(b.owner ?? "none") → \(a.owner ?? "none")" }) { c in
            c.owner = owner
        }
    }

    @discardableResult
    public func setNextReview(user: String, ref: String, date: SchoolDate?, today: SchoolDate) throws -> Case {
        try editCase(user: user, ref: ref, date: today, kind: .status, op: .caseReview,
                     describe: { b, a in "next review \(b.nextReview?.iso ?? "none") → \(a.nextReview?.iso ?? "none")" }) { c in
            c.nextReview = date
        }
    }

    @discardableResult
    public func flagForPanel(user: String, ref: String, flagged: Bool, today: SchoolDate) throws -> Case {
        try editCase(user: user, ref: ref, date: today, kind: .status, op: .casePanelFlag,
                     describe: { _, a in a.flaggedForPanel ? "flagged for panel" : "panel flag removed" }) { c in
            c.flaggedForPanel = flagged
        }
    }

    /// Adds a note to a case's chronology. Notes are never edited: a correction is a new note.
    @discardableResult
    public func addNote(user: String, caseRef: String, text: String, date: SchoolDate,
                        today: SchoolDate = Store.clockToday()) throws -> ChronologyEntry {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { throw StoreError.invalid("a note needs some text") }
        if let p = RecordedDate.problem(date, today: today, what: "the note") { throw StoreError.invalid(p) }
        return try write(user: user) { ctx in
            guard try Case.fetchOne(ctx.db, key: caseRef) != nil else { throw StoreError.notFound("no case with ref \(caseRef)") }
            return try ctx.chronicle(caseRef, date: date, kind: .note, text: t, op: .noteAdd)
        }
    }

    /// Withdraws a note (undo): a line saying so joins the chronology and the note stays in the record.
    /// Refused if someone already withdrew it, checked in the same transaction so two undos can't both land.
    public func withdrawNote(user: String, caseRef: String, noteId: Int64, date: SchoolDate) throws {
        try write(user: user) { ctx in
            guard let note = try ChronologyEntry.fetchOne(ctx.db, key: noteId), note.caseRef == caseRef, note.kind == .note else {
                throw StoreError.notFound("no note \(noteId) on case \(caseRef)")
            }
            if let w = try ChronologyEntry.filter(Column("kind") == ChronologyEntry.Kind.undo.rawValue && Column("linkId") == noteId)
                .fetchOne(ctx.db) {
                throw StoreError.conflict("note \(noteId) was already withdrawn by \(w.author) at \(w.recordedAt)")
            }
            _ = try ctx.chronicle(caseRef, date: date, kind: .undo, text: "Note \(noteId) withdrawn (undo): it stays in the record",
                                  linkId: noteId, op: .noteWithdraw)
        }
    }

    /// Records a contact or enquiry about a child out of sight (a chronology line with type and outcome).
    @discardableResult
    public func addContact(user: String, caseRef: String, date: SchoolDate, type: String, outcome: String,
                           seen: Bool, text: String?, today: SchoolDate = Store.clockToday()) throws -> ChronologyEntry {
        if let p = RecordedDate.problem(date, today: today, what: "the contact") { throw StoreError.invalid(p) }
        guard let type = ContactType.canonical(type) else { throw StoreError.invalid(ContactType.refusal(type)) }
        return try write(user: user) { ctx in
            guard let c = try Case.fetchOne(ctx.db, key: caseRef) else { throw StoreError.notFound("no case with ref \(caseRef)") }
            let e = try ctx.chronicle(caseRef, date: date, kind: seen ? .seen : .contact,
                                      text: text ?? "\(type): \(outcome)", contactType: type, outcome: outcome, op: .contactAdd)
            if seen, var oos = try OutOfSchoolRecord.fetchOne(ctx.db, key: c.childRef), (oos.lastSeen ?? date.adding(days: -1)) < date {
                oos.lastSeen = date
                try ctx.update(&oos, op: .outOfSchoolSeen, caseRef: caseRef, summary: "\(caseRef): last seen \(date.iso)")
            }
            if c.isOpen, EHEAnnualContact.verdict(kind: c.kind, contactType: type, childSeen: seen).meets {
                try recordAnnualContact(ctx, c, date: date)
            }
            return e
        }
    }

    @discardableResult
    public func addAction(user: String, caseRef: String, agency: String, description: String, owner: String?,
                          due: SchoolDate?, today: SchoolDate, panelId: Int64? = nil) throws -> CaseAction {
        let d = description.trimmingSpaces
        guard !d.isEmpty else { throw StoreError.invalid("an action needs a description") }
        let owner = try NameInput.clean(owner, "owner"), agency = try NameInput.clean(agency, "agency")
        return try write(user: user) { ctx in
            guard try Case.fetchOne(ctx.db, key: caseRef) != nil else { throw StoreError.notFound("no case with ref \(caseRef)") }
            let agencyName = try canonicalAgency(ctx.db, agency)
            var a = CaseAction(caseRef: caseRef, agency: agencyName, owner: owner, description: d, due: due, created: today, panelId: panelId)
            try ctx.insert(&a, op: .actionAdd, caseRef: caseRef, summary: "\(caseRef): action for \(agencyName) — \(d.prefix(50))")
            try ctx.chronicle(caseRef, date: today, kind: .action,
                              text: "Action (\(agencyName)\(owner.map { ", \($0)" } ?? "")): \(d)" + (due.map { ", due \($0.iso)" } ?? ""),
                              linkId: a.id)
            return a
        }
    }

    @discardableResult
    public func completeAction(user: String, id: Int64, outcome: String?, date: SchoolDate, cancel: Bool = false,
                               expectedVersion: Int? = nil) throws -> CaseAction {
        try write(user: user) { ctx in
            guard var a = try CaseAction.fetchOne(ctx.db, key: id) else { throw StoreError.notFound("no action with id \(id)") }
            if let v = expectedVersion, v != a.version { throw try ctx.conflict(entity: CaseAction.entity, key: String(id)) }
            guard a.status == .open else { throw StoreError.invalid("action \(id) is already \(a.status.rawValue)") }
            a.status = cancel ? .cancelled : .done
            a.completed = date
            a.outcome = outcome
            let verb = cancel ? "cancelled" : "done"
            try ctx.update(&a, op: cancel ? .actionCancel : .actionDone, caseRef: a.caseRef,
                           summary: "\(a.caseRef): action \(id) open → \(verb)")
            try ctx.chronicle(a.caseRef, date: date, kind: cancel ? .actionCancelled : .actionDone,
                              text: "Action \(verb) (\(a.agency)): \(a.description)" + (outcome.map { " — \($0)" } ?? ""), linkId: id)
            return a
        }
    }

    /// The stored agency list (defaults plus the authority's own), matched case-insensitively.
    func canonicalAgency(_ db: StoreDB, _ name: String) throws -> String {
        let n = name.trimmingSpaces
        guard !n.isEmpty else { throw StoreError.invalid("an agency is required") }
        let known = try agencies(db)
        if let k = known.first(where: { $0.lowercased() == n.lowercased() }) { return k }
        throw StoreError.invalid("'\(n)' is not a known agency (one of: \(known.joined(separator: ", "))); add it with `onroll agency add`")
    }

    func agencies(_ db: StoreDB) throws -> [String] {
        let extra = try String.fetchAll(db, sql: "SELECT name FROM agencies ORDER BY name")
        return Agencies.defaults + extra.filter { e in !Agencies.defaults.contains { $0.lowercased() == e.lowercased() } }
    }

    public func agencies() throws -> [String] { try read { try agencies($0) } }

    public func addAgency(user: String, name: String) throws {
        let n = try NameInput.clean(name, "agency")
        guard !n.isEmpty, n.count <= 60 else { throw StoreError.invalid("an agency name is 1–60 characters") }
        try write(user: user) { ctx in
            if try agencies(ctx.db).contains(where: { $0.lowercased() == n.lowercased() }) {
                throw StoreError.invalid("agency '\(n)' already exists")
            }
            try ctx.db.execute(sql: "INSERT INTO agencies(name) VALUES (?)", arguments: [n])
            try ctx.audit(op: .agencyAdd, entity: "agency", entityId: n, caseRef: nil, summary: "agency added: \(n)", after: "\"\(n)\"")
        }
    }
}

extension Store {
    /// Reopens an action marked done or cancelled by mistake (the console's undo).
    @discardableResult
    public func reopenAction(user: String, id: Int64, date: SchoolDate, expectedVersion: Int? = nil) throws -> CaseAction {
        try write(user: user) { ctx in
            guard var a = try CaseAction.fetchOne(ctx.db, key: id) else { throw StoreError.notFound("no action with id \(id)") }
            if let v = expectedVersion, v != a.version { throw try ctx.conflict(entity: CaseAction.entity, key: String(id)) }
            guard a.status != .open else { throw StoreError.invalid("action \(id) is already open") }
            let was = a.status
            a.status = .open
            a.completed = nil
            a.outcome = nil
            try ctx.update(&a, op: .actionReopen, caseRef: a.caseRef, summary: "\(a.caseRef): action \(id) \(was.rawValue) → open")
            try ctx.chronicle(a.caseRef, date: date, kind: .action, text: "Action reopened (\(a.agency)): \(a.description)", linkId: id)
            return a
        }
    }
}
