import GRDB
import OnRollCore

/// Children out of sight: the Children Not in School record (s436C fields, consent flags), the CME
/// enquiry checklist, and schools' deletions from roll.
extension Store {
    /// Creates or edits a child's out-of-school record. `change` edits it; the change is audited with
    /// its before and after, and each open case of the child gets a chronology line saying what changed.
    @discardableResult
    public func setOutOfSchool(user: String, childRef: String, date: SchoolDate, describe: String, expectedVersion: Int? = nil,
                               _ change: (inout OutOfSchoolRecord) throws -> Void) throws -> OutOfSchoolRecord {
        try write(user: user) { ctx in
            guard try Child.fetchOne(ctx.db, key: childRef) != nil else { throw StoreError.notFound("no child with ref \(childRef)") }
            let refs = try openCaseRefs(ctx.db, childRef: childRef)
            if var rec = try OutOfSchoolRecord.fetchOne(ctx.db, key: childRef) {
                if let v = expectedVersion, v != rec.version { throw try ctx.conflict(entity: OutOfSchoolRecord.entity, key: childRef) }
                try change(&rec)
                try Store.validate(rec)
                try ctx.update(&rec, op: .outOfSchoolSet, caseRef: refs.first, summary: "\(childRef): out-of-school record — \(describe)")
                for ref in refs { try ctx.chronicle(ref, date: date, kind: .enquiry, text: "Out-of-school record: \(describe)") }
                return rec
            }
            var rec = OutOfSchoolRecord(childRef: childRef)
            try change(&rec)
            try Store.validate(rec)
            try ctx.insert(&rec, op: .outOfSchoolNew, caseRef: refs.first, summary: "\(childRef): out-of-school record created — \(describe)")
            for ref in refs { try ctx.chronicle(ref, date: date, kind: .enquiry, text: "Out-of-school record created: \(describe)") }
            return rec
        }
    }

    static func validate(_ r: OutOfSchoolRecord) throws {
        if let h = r.educatorHours, !(0...168).contains(h) { throw StoreError.invalid("--hours \(h): use 0–168 hours a week") }
    }

    /// Records one CME enquiry step as done on a date (a later date does not overwrite an earlier one).
    @discardableResult
    public func recordEnquiry(user: String, childRef: String, step: CMEEnquiry, date: SchoolDate) throws -> OutOfSchoolRecord {
        if let existing = try read({ try OutOfSchoolRecord.fetchOne($0, key: childRef) }), let done = existing[keyPath: step.keyPath] {
            throw StoreError.invalid("the \(step.label) enquiry was already recorded on \(done.iso)")
        }
        return try setOutOfSchool(user: user, childRef: childRef, date: date, describe: "enquiry \(step.label) made \(date.iso)") { r in
            r[keyPath: step.keyPath] = date
        }
    }

    public func outOfSchoolRecord(_ childRef: String) throws -> OutOfSchoolRecord? {
        try read { db in
            guard try Child.fetchOne(db, key: childRef) != nil else { throw StoreError.notFound("no child with ref \(childRef)") }
            return try OutOfSchoolRecord.fetchOne(db, key: childRef)
        }
    }

    /// Records a school's deletion of a pupil from its roll. With no destination nobody knows where the
    /// child is: a CME case opens in the same change unless the child already has an open one.
    /// Returns the deletion and the CME case it opened, if any.
    @discardableResult
    public func addDeletion(user: String, _ d: RollDeletion, today: SchoolDate) throws -> (deletion: RollDeletion, openedCME: Case?) {
        let ground = d.ground.trimmingSpaces
        guard !ground.isEmpty else { throw StoreError.invalid("a deletion needs its --ground") }
        if let n = d.notifiedOn, !d.laNotified { throw StoreError.invalid("--notified-on \(n.iso) needs --la-notified") }
        return try write(user: user) { ctx in
            guard var child = try Child.fetchOne(ctx.db, key: d.childRef) else { throw StoreError.notFound("no child with ref \(d.childRef)") }
            guard try School.fetchOne(ctx.db, key: d.schoolURN) != nil else { throw StoreError.notFound("no school with URN \(d.schoolURN)") }
            var rec = d
            rec.ground = ground
            if let dest = rec.destination {
                if dest.uppercased() == "EHE" { rec.destination = "EHE" }
                else if try School.fetchOne(ctx.db, key: dest) == nil {
                    throw StoreError.notFound("--destination \(dest): no school with that URN (use a URN or EHE)")
                }
            }
            let schoolName = try School.fetchOne(ctx.db, key: d.schoolURN)?.name ?? d.schoolURN
            let whereTo = rec.destination.map { $0 == "EHE" ? "home education" : "school \($0)" } ?? "destination unknown"
            try ctx.insert(&rec, op: .deletionAdd, caseRef: nil,
                           summary: "\(d.childRef): deleted from roll of \(d.schoolURN) on \(d.date.iso) (\(ground)); \(whereTo)")
            // The child is no longer on that school's roll.
            if child.schoolURN == d.schoolURN {
                child.schoolURN = rec.destination == "EHE" ? nil : rec.destination
                try ctx.update(&child, op: .childSchool, caseRef: nil,
                               summary: "\(child.ref): school \(d.schoolURN) → \(child.schoolURN ?? "none")")
            }
            var opened: Case?
            let cases = try Case.filter(Column("childRef") == d.childRef && Column("status") != CaseStatus.closed.rawValue).fetchAll(ctx.db)
            if rec.destination == nil, !cases.contains(where: { $0.kind == .cme }) {
                let ref = try nextCaseRef(ctx.db)
                var c = Case(ref: ref, childRef: d.childRef, kind: .cme, status: .open, opened: today, owner: nil,
                             summary: "Deleted from roll of \(schoolName) (\(ground)); destination unknown",
                             nextReview: today.adding(days: 7))
                try ctx.insert(&c, op: .caseOpen, caseRef: ref, summary: "\(ref): opened CME case (deletion with unknown destination)")
                try ctx.chronicle(ref, date: today, kind: .opened,
                                  text: "CME case opened by itself: \(child.displayName) deleted from roll of \(schoolName) on \(d.date.iso) with no known destination")
                opened = c
            }
            let notified = rec.laNotified ? "LA notified \(rec.notifiedOn?.iso ?? "(date not recorded)")" : "LA not notified"
            let text = "Deleted from roll of \(schoolName) on \(d.date.iso), ground \(ground); \(whereTo); \(notified)"
            for ref in cases.map(\.ref) + (opened.map { [$0.ref] } ?? []) {
                try ctx.chronicle(ref, date: d.date, kind: .deletion, text: text, linkId: rec.id)
            }
            return (rec, opened)
        }
    }

    public func deletions(childRef: String? = nil) throws -> [RollDeletion] {
        try read { db in
            var q = RollDeletion.order(Column("date"), Column("id"))
            if let c = childRef { q = q.filter(Column("childRef") == c) }
            return try q.fetchAll(db)
        }
    }

    /// Every child not in school (open EHE, CME and off-roll cases), longest without contact first.
    public func outOfSchoolRows(today: SchoolDate) throws -> [OutOfSightRow] {
        OutOfSightRow.sorted(try caseFiles().compactMap { OutOfSightRow.from($0, today: today) })
    }
}
