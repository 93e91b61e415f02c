import GRDB
import OnRollCore

/// Suspensions, permanent exclusions, their reflections, and attendance records.
extension Store {
    /// Records a suspension or permanent exclusion exactly as it happened: a breach of the 45-day cap
    /// is flagged by the rules, never refused here.
    @discardableResult
    public func addSuspension(user: String, _ s: Suspension, today: SchoolDate) throws -> Suspension {
        try Suspension.validateDays(s.days)
        return try write(user: user) { ctx in
            guard let child = try Child.fetchOne(ctx.db, key: s.childRef) else {
                throw StoreError.notFound("no child with ref \(s.childRef)")
            }
            var rec = s
            if rec.schoolURN == nil { rec.schoolURN = child.schoolURN }
            if let urn = rec.schoolURN, try School.fetchOne(ctx.db, key: urn) == nil {
                throw StoreError.notFound("no school with URN \(urn)")
            }
            try ctx.insert(&rec, op: .suspensionAdd, caseRef: nil,
                           summary: "\(s.childRef): \(rec.type.label.lowercased()) from \(rec.start.iso), \(formatDays(rec.days)) days")
            let text = "\(rec.type.label) from \(rec.start.iso): \(formatDays(rec.days)) school days"
                + (rec.reason.map { ", \($0.rawValue) (\($0.label.lowercased()))" } ?? "")
            for ref in try openCaseRefs(ctx.db, childRef: s.childRef) {
                try ctx.chronicle(ref, date: rec.start, kind: .suspension, text: text, linkId: rec.id)
            }
            return rec
        }
    }

    /// Records a step or notification on a suspension (a date set), version-checked and chronicled.
    @discardableResult
    public func updateSuspension(user: String, id: Int64, date: SchoolDate, describe: String,
                                 _ change: (inout Suspension) throws -> Void) throws -> Suspension {
        try write(user: user) { ctx in
            guard var s = try Suspension.fetchOne(ctx.db, key: id) else { throw StoreError.notFound("no suspension with id \(id)") }
            try change(&s)
            try ctx.update(&s, op: .suspensionUpdate, caseRef: nil, summary: "\(s.childRef): suspension \(id) — \(describe)")
            for ref in try openCaseRefs(ctx.db, childRef: s.childRef) {
                try ctx.chronicle(ref, date: date, kind: .suspension, text: "Suspension \(s.start.iso): \(describe)", linkId: id)
            }
            return s
        }
    }

    /// Adds the reflection after a suspension; its agreed steps become actions on the case.
    public func addReflection(user: String, _ r: Reflection, caseRef: String?, actions: [(agency: String, description: String, owner: String?, due: SchoolDate?)]) throws {
        try write(user: user) { ctx in
            guard let s = try Suspension.fetchOne(ctx.db, key: r.suspensionId) else {
                throw StoreError.notFound("no suspension with id \(r.suspensionId)")
            }
            if try Reflection.fetchOne(ctx.db, key: r.suspensionId) != nil {
                throw StoreError.invalid("suspension \(r.suspensionId) already has a reflection")
            }
            var rec = r
            let target = try caseRef ?? openCaseRefs(ctx.db, childRef: s.childRef).first
            try ctx.insert(&rec, op: .reflectionAdd, caseRef: target, summary: "\(s.childRef): reflection on suspension \(s.start.iso)")
            if let ref = target {
                try ctx.chronicle(ref, date: r.date, kind: .reflection,
                                  text: "Reflection on suspension of \(s.start.iso): \(r.whatHappened)" + (r.whatWillChange.map { " — will change: \($0)" } ?? ""),
                                  linkId: r.suspensionId)
                for a in actions {
                    var act = CaseAction(caseRef: ref, agency: try canonicalAgency(ctx.db, a.agency), owner: a.owner,
                                         description: a.description, due: a.due, created: r.date)
                    try ctx.insert(&act, op: .actionAdd, caseRef: ref, summary: "\(ref): action from reflection — \(a.description.prefix(50))")
                    try ctx.chronicle(ref, date: r.date, kind: .action, text: "Action (\(act.agency)) from reflection: \(a.description)", linkId: act.id)
                }
            }
        }
    }

    @discardableResult
    public func addAttendance(user: String, _ a: AttendanceRecord, today: SchoolDate = Store.clockToday()) throws -> AttendanceRecord {
        try a.validate()
        // Attendance for the coming week once changed a child's score before the week had happened.
        if let p = RecordedDate.problem(a.to, today: today, what: "the attendance period") { throw StoreError.invalid(p) }
        return try write(user: user) { ctx in
            guard try Child.fetchOne(ctx.db, key: a.childRef) != nil else { throw StoreError.notFound("no child with ref \(a.childRef)") }
            var rec = a
            try ctx.insert(&rec, op: .attendanceAdd, caseRef: nil,
                           summary: "\(a.childRef): attendance \(a.from.iso)..\(a.to.iso) \(a.present)/\(a.possible)")
            return rec
        }
    }

    func openCaseRefs(_ db: StoreDB, childRef: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT ref FROM cases WHERE childRef = ? AND status != 'closed' ORDER BY ref", arguments: [childRef])
    }
}
