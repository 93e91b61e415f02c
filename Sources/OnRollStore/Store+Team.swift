import GRDB
import OnRollCore

/// The team around the child: professionals on a case, one of them the lead.
extension Store {
    /// Adds a professional. `lead` makes them the lead and unsets any other (both audited).
    @discardableResult
    public func addProfessional(user: String, _ p: Professional, date: SchoolDate) throws -> Professional {
        let name = try NameInput.clean(p.name, "name")
        guard !name.isEmpty else { throw StoreError.invalid("a professional needs a --name") }
        return try write(user: user) { ctx in
            guard try Case.fetchOne(ctx.db, key: p.caseRef) != nil else { throw StoreError.notFound("no case with ref \(p.caseRef)") }
            var rec = p
            rec.name = name
            rec.agency = try canonicalAgency(ctx.db, p.agency)
            rec.left = nil
            if rec.isLead { try unsetLead(ctx, caseRef: p.caseRef, except: nil) }
            try ctx.insert(&rec, op: .teamAdd, caseRef: p.caseRef,
                           summary: "\(p.caseRef): \(name) (\(rec.agency)) joined the team\(rec.isLead ? " as lead" : "")")
            try ctx.chronicle(p.caseRef, date: p.since ?? date, kind: .team,
                              text: "\(name) (\(rec.agency)\(rec.role.map { ", \($0)" } ?? "")) joined the team around the child\(rec.isLead ? " as lead professional" : "")",
                              linkId: rec.id)
            return rec
        }
    }

    /// Makes one professional the case's lead; whoever led before stops being lead.
    @discardableResult
    public func setLead(user: String, caseRef: String, id: Int64, date: SchoolDate) throws -> Professional {
        try write(user: user) { ctx in
            guard var p = try Professional.fetchOne(ctx.db, key: id), p.caseRef == caseRef else {
                throw StoreError.notFound("no professional \(id) on case \(caseRef)")
            }
            guard p.left == nil else { throw StoreError.invalid("\(p.name) left the team on \(p.left!.iso)") }
            guard !p.isLead else { throw StoreError.invalid("\(p.name) is already the lead") }
            try unsetLead(ctx, caseRef: caseRef, except: id)
            p.isLead = true
            try ctx.update(&p, op: .teamLead, caseRef: caseRef, summary: "\(caseRef): \(p.name) (\(p.agency)) is now lead professional")
            try ctx.chronicle(caseRef, date: date, kind: .team, text: "\(p.name) (\(p.agency)) is now the lead professional", linkId: id)
            return p
        }
    }

    /// Records a professional leaving the team (they stay in the record, with the date).
    @discardableResult
    public func professionalLeft(user: String, caseRef: String, id: Int64, date: SchoolDate) throws -> Professional {
        try write(user: user) { ctx in
            guard var p = try Professional.fetchOne(ctx.db, key: id), p.caseRef == caseRef else {
                throw StoreError.notFound("no professional \(id) on case \(caseRef)")
            }
            guard p.left == nil else { throw StoreError.invalid("\(p.name) already left on \(p.left!.iso)") }
            let wasLead = p.isLead
            p.left = date
            p.isLead = false
            try ctx.update(&p, op: .teamLeave, caseRef: caseRef, summary: "\(caseRef): \(p.name) (\(p.agency)) left the team \(date.iso)")
            try ctx.chronicle(caseRef, date: date, kind: .team,
                              text: "\(p.name) (\(p.agency)) left the team" + (wasLead ? "; the case has no lead professional now" : ""), linkId: id)
            return p
        }
    }

    /// The team, lead first, then by who joined first; leavers last.
    public func team(caseRef: String, includeLeft: Bool = true) throws -> [Professional] {
        try read { db in
            guard try Case.fetchOne(db, key: caseRef) != nil else { throw StoreError.notFound("no case with ref \(caseRef)") }
            let all = try Professional.filter(Column("caseRef") == caseRef).order(Column("isLead").desc, Column("id")).fetchAll(db)
            let current = all.filter { $0.left == nil }, left = all.filter { $0.left != nil }
            return includeLeft ? current + left : current
        }
    }

    private func unsetLead(_ ctx: WriteContext, caseRef: String, except: Int64?) throws {
        for var other in try Professional.filter(Column("caseRef") == caseRef && Column("isLead") == true).fetchAll(ctx.db) where other.id != except {
            other.isLead = false
            try ctx.update(&other, op: .teamLead, caseRef: caseRef, summary: "\(caseRef): \(other.name) (\(other.agency)) is no longer lead professional")
        }
    }
}
