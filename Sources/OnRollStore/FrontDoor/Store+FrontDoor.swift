import GRDB
import OnRollCore

/// The front door (issue 16.4): what arrived since this officer last looked. "Last looked" is the
/// officer's own audit entry of the look (a view, like every read), so it needs no table of its own
/// and no one can move it without it showing in the log.
extension Store {
    static let frontDoorEntity = "frontDoor"

    /// Arrivals after the officer's last look (on a first look, everything in the log), newest `limit`.
    public func frontDoor(user: String, limit: Int = 1000) throws -> FrontDoor {
        try read { db in
            let last = try Row.fetchOne(db, sql: """
                SELECT id, at FROM audit WHERE entity = ? AND entityId = ? AND op = ? ORDER BY id DESC LIMIT 1
                """, arguments: [Store.frontDoorEntity, user, AuditOp.view.rawValue])
            let since: Int64 = last?["id"] ?? 0
            var found: [Arrival] = []
            var total = 0
            let entries = try Row.fetchCursor(db, sql: """
                SELECT id, at, user, op, entity, entityId, summary FROM audit
                WHERE id > ? AND op IN (\(FrontDoorOps.sqlList)) AND entity IN (\(FrontDoorOps.entityList))
                ORDER BY id DESC
                """, arguments: [since])
            while let e = try entries.next() {
                guard let a = try arrival(db, e) else { continue }
                total += 1
                if found.count < limit { found.append(a) }
            }
            return FrontDoor(since: since, sinceAt: last?["at"], arrivals: found.reversed(), more: total - found.count)
        }
    }

    /// Records the look: the next `frontDoor` starts after it. Nothing is recorded on a read-only copy.
    public func markFrontDoorLooked(user: String, _ door: FrontDoor) throws {
        _ = try logRead(user: user, entity: Store.frontDoorEntity, entityId: user,
                        summary: "front door looked at: \(door.arrivals.count + door.more) arrivals since #\(door.since)")
    }

    private func arrival(_ db: StoreDB, _ e: Row) throws -> Arrival? {
        let entity: String = e["entity"], key: String = e["entityId"], op: String = e["op"]
        var kind: Arrival.Kind, childRef: String, school: String?, detail: String
        switch entity {
        case Suspension.entity:
            guard let s = try Suspension.cached(db, where: "id = ?", [Int64(key) ?? -1]) else { return nil }
            kind = s.type == .permanent ? .exclusion : .suspension
            childRef = s.childRef; school = s.schoolURN
            detail = (s.type == .permanent ? "from \(s.start.iso)" : "\(formatDays(s.days)) day\(s.days == 1 ? "" : "s") from \(s.start.iso)")
                + (s.reason.map { " (\($0.rawValue))" } ?? "")
        case RollDeletion.entity:
            guard let d = try RollDeletion.cached(db, where: "id = ?", [Int64(key) ?? -1]) else { return nil }
            kind = .deletion; childRef = d.childRef; school = d.schoolURN
            detail = "\(d.date.iso), ground \(d.ground)" + (d.destination.map { ", to \($0)" } ?? "")
        case AttendanceRecord.entity:
            guard let r = try AttendanceRecord.cached(db, where: "id = ?", [Int64(key) ?? -1]) else { return nil }
            kind = .attendance; childRef = r.childRef; school = nil
            detail = "\(r.present) of \(r.possible) sessions, \(r.from.iso) to \(r.to.iso)"
        case Case.entity:
            // Only a case that arrived as a referral (opened, by hand or from a file, and still one).
            guard op == AuditOp.caseOpen.rawValue || op == AuditOp.importAdd.rawValue,
                  let c = try Case.cached(db, where: "ref = ?", [key]), c.status == .referral else { return nil }
            kind = .referral; childRef = c.childRef; school = nil
            detail = "\(c.kind.label)" + (c.summary.map { ": \($0.prefix(60))" } ?? "")
        case Child.entity:
            // A pupil's record changed by a file (a school's or a CTF); a hand edit is not news from a school.
            guard op == AuditOp.importUpdate.rawValue else { return nil }
            kind = .pupil; childRef = key; school = nil
            detail = e["summary"]
        default:
            return nil
        }
        guard let child = try Child.cached(db, where: "ref = ?", [childRef]) else { return nil }
        let urn = school ?? child.schoolURN
        let caseRef = try String.fetchOne(db.cachedStatement(sql: """
            SELECT ref FROM cases WHERE childRef = ? AND status != 'closed' ORDER BY ref LIMIT 1
            """), arguments: [childRef])
        let schoolName = try urn.flatMap { try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM schools WHERE urn = ?"), arguments: [$0]) }
        return Arrival(auditId: e["id"], kind: kind, at: e["at"], by: e["user"], childRef: childRef,
                       childName: child.displayName, caseRef: caseRef, schoolURN: urn, schoolName: schoolName, detail: detail)
    }
}

/// The operations by which something arrives (recorded by hand or imported from a school's file).
enum FrontDoorOps {
    static let ops: [AuditOp] = [.suspensionAdd, .deletionAdd, .attendanceAdd, .caseOpen, .importAdd, .importUpdate]
    static let sqlList = ops.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    /// The records whose arrival the front door lists (`arrival` reads each).
    static let entityList = [Suspension.entity, RollDeletion.entity, AttendanceRecord.entity, Case.entity, Child.entity]
        .map { "'\($0)'" }.joined(separator: ", ")
}
