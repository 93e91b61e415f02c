import GRDB
import OnRollCore

/// The only way anything is written: every insert and update made through it appends its audit
/// entry in the same transaction. Handed out by `Store.write`.
final class WriteContext {
    /// Internal: code outside the store writes only through the audited methods below, so nothing can
    /// change a record without its audit entry.
    let db: StoreDB
    let user: String
    let now: String
    private var lastHash: String
    /// What this transaction appended, for the debug log (ops and refs only).
    private(set) var logged: [(op: AuditOp, caseRef: String?)] = []
    /// What this transaction changed, so the caseload summaries of those cases are refreshed before it commits.
    var touched = SummaryTouches()

    init(db: StoreDB, user: String) throws {
        // The officer's name goes into every audit entry and is shown wherever their work is.
        if let problem = NameText.problem(user) { throw StoreError.invalid("officer name: \(problem)") }
        self.db = db
        self.user = user
        // On a server the head row holds the chain's end, and the time is the server's (its audit
        // trigger stamps both again; this is what the records written beside the entry carry).
        // (One round trip on a server: the head and the clock together.)
        let head = try Row.fetchOne(db, sql: db.isServer ? "SELECT hash, at, \(ServerStore.clockExpression) AS clock FROM chain_head()"
                                                         : "SELECT hash, at FROM audit ORDER BY id DESC LIMIT 1")
        lastHash = head?["hash"] ?? AuditEntry.genesis
        // The chain's time never goes backwards: a machine whose clock is behind the last writer's
        // stamps the head's time, so `check` can treat any step back as tampering.
        let clock: String = db.isServer ? head?["clock"] ?? Store.now() : Store.now()
        let headAt: String = head?["at"] ?? ""
        self.now = clock < headAt ? headAt : clock
    }

    /// Appends one audit entry chained to the last.
    func audit(op: AuditOp, entity: String, entityId: String, caseRef: String?, summary: String,
                      before: String? = nil, after: String? = nil) throws {
        let hash = AuditEntry.digest(prevHash: lastHash, at: now, user: user, op: op.rawValue, entity: entity,
                                     entityId: entityId, caseRef: caseRef, summary: summary, before: before, after: after)
        // A cached statement: preparing GRDB's generic insert for every entry was a fifth of an import.
        try db.cachedStatement(sql: """
            INSERT INTO audit (at, user, op, entity, entityId, caseRef, summary, before, after, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [now, user, op.rawValue, entity, entityId, caseRef, summary, before, after, lastHash, hash])
        lastHash = hash
        if op != .view { touched.note(entity: entity, entityId: entityId, caseRef: caseRef) }
        if Store.log.logLevel <= .debug { logged.append((op, caseRef)) }
    }

    func insert<R: AuditedRecord>(_ record: inout R, op: AuditOp, caseRef: String?, summary: String) throws {
        try record.insert(db)
        touched.note(record: record)
        try audit(op: op, entity: R.entity, entityId: record.auditKey, caseRef: caseRef, summary: summary,
                  after: CanonicalJSON.encode(record))
    }

    /// Saves an edited record if nobody else has saved it since it was read (same `version`);
    /// otherwise throws `.conflict` naming who changed it and when.
    func update<R: VersionedRecord>(_ record: inout R, op: AuditOp, caseRef: String?, summary: String) throws {
        guard let current = try R.fetchOne(db, key: primaryKey(of: record)) else {
            throw StoreError.notFound("\(R.entity) \(record.auditKey) does not exist")
        }
        guard current.version == record.version else {
            throw try conflict(entity: R.entity, key: record.auditKey)
        }
        record.version += 1
        try record.update(db)
        touched.note(record: current)
        touched.note(record: record)
        try audit(op: op, entity: R.entity, entityId: record.auditKey, caseRef: caseRef, summary: summary,
                  before: CanonicalJSON.encode(current), after: CanonicalJSON.encode(record))
    }

    /// Updates a record that carries no version (schools, terms), still audited with before/after.
    func replace<R: AuditedRecord>(_ record: R, op: AuditOp, caseRef: String?, summary: String) throws {
        var r = record
        let before = try R.fetchOne(db, key: primaryKey(of: record))
        try r.save(db)
        if let before { touched.note(record: before) }
        touched.note(record: r)
        try audit(op: op, entity: R.entity, entityId: r.auditKey, caseRef: caseRef, summary: summary,
                  before: try before.map(CanonicalJSON.encode), after: CanonicalJSON.encode(r))
    }

    /// Adds a chronology line to a case (itself audited).
    @discardableResult
    func chronicle(_ caseRef: String, date: SchoolDate, kind: ChronologyEntry.Kind, text: String,
                          contactType: String? = nil, outcome: String? = nil, linkId: Int64? = nil,
                          op: AuditOp? = nil) throws -> ChronologyEntry {
        var e = ChronologyEntry(caseRef: caseRef, date: date, recordedAt: now, author: user, kind: kind, text: text,
                                contactType: contactType, outcome: outcome, linkId: linkId)
        try insert(&e, op: op ?? .chronology(kind), caseRef: caseRef,
                   summary: "\(caseRef): \(kind.label) — \(text.prefix(60))")
        return e
    }

    /// Names the last officer who *changed* the record (views are audited too, but change nothing).
    func conflict(entity: String, key: String) throws -> StoreError {
        let who = try lastChange(entity: entity, key: key).map { "\($0.user) at \($0.at)" } ?? "someone else"
        return StoreError.conflict("\(entity) \(key) was changed by \(who) — reload and try again")
    }

    /// The latest audit entry that changed the record (optionally only one with the given op).
    func lastChange(entity: String, key: String, op: AuditOp? = nil) throws -> AuditEntry? {
        if let op {
            return try AuditEntry.fetchOne(db, sql: """
                SELECT * FROM audit WHERE entity = ? AND entityId = ? AND op = ? ORDER BY id DESC LIMIT 1
                """, arguments: [entity, key, op.rawValue])
        }
        return try AuditEntry.fetchOne(db, sql: """
            SELECT * FROM audit WHERE entity = ? AND entityId = ? AND op != 'view' ORDER BY id DESC LIMIT 1
            """, arguments: [entity, key])
    }

    private func primaryKey<R: AuditedRecord>(of record: R) -> DatabaseValueConvertible {
        let c = PersistenceContainerProbe(record)
        return c.key
    }
}

/// Reads a record's primary key the way GRDB would persist it, without knowing its type.
private struct PersistenceContainerProbe {
    let key: DatabaseValueConvertible
    init<R: AuditedRecord>(_ record: R) {
        switch record {
        case let r as School: key = r.urn
        case let r as Child: key = r.ref
        case let r as Case: key = r.ref
        case let r as Reflection: key = r.suspensionId
        case let r as OutOfSchoolRecord: key = r.childRef
        case let r as PupilTransfer: key = r.childRef
        default: key = Int64(record.auditKey) ?? -1
        }
    }
}
