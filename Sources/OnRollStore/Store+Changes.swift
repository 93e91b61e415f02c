import GRDB
import OnRollCore

/// What changed in the store since an audit entry: the cases to re-read, so a console can follow
/// other officers' work without re-assessing a whole authority's caseload.
public struct StoreChanges: Sendable, Equatable {
    /// The newest audit entry read.
    public var stamp: Int64
    public var caseRefs: Set<String>
    /// Something every case may depend on changed (terms, schools, settings), or too much to follow.
    public var needsFullReload: Bool

    public var isEmpty: Bool { caseRefs.isEmpty && !needsFullReload }
}

extension Store {
    /// Above this many touched cases, one full reload is cheaper than many single ones.
    static let followLimit = 300

    public func changes(since stamp: Int64) throws -> StoreChanges {
        try read { db in
            var out = StoreChanges(stamp: stamp, caseRefs: [], needsFullReload: false)
            var childRefs = Set<String>()
            let rows = try Row.fetchCursor(db, sql: "SELECT id, op, entity, entityId, caseRef FROM audit WHERE id > ? ORDER BY id",
                                           arguments: [stamp])
            while let r = try rows.next() {
                out.stamp = r["id"]
                let op: String = r["op"], entity: String = r["entity"], key: String = r["entityId"]
                if op == AuditOp.view.rawValue { continue }
                if let ref: String = r["caseRef"] { out.caseRefs.insert(ref); continue }
                switch entity {
                case "child", "outOfSchool", PupilTransfer.entity:
                    childRefs.insert(key)
                case SchoolSpell.entity:
                    if let c = try String.fetchOne(db, sql: "SELECT childRef FROM schoolHistory WHERE id = ?", arguments: [Int64(key) ?? -1]) {
                        childRefs.insert(c)
                    }
                case "suspension", "attendance", "deletion":
                    let table = entity == "suspension" ? "suspensions" : entity == "attendance" ? "attendance" : "deletions"
                    if let c = try String.fetchOne(db, sql: "SELECT childRef FROM \(table) WHERE id = ?", arguments: [Int64(key) ?? -1]) {
                        childRefs.insert(c)
                    }
                case PanelRecordEntity.panel, PanelRecordEntity.attendee:
                    // A panel's own dates, status and attendees: no case's file or summary reads them
                    // (the panel screen re-reads its panel itself).
                    continue
                case "reflection":
                    if let c = try String.fetchOne(db, sql: "SELECT childRef FROM suspensions WHERE id = ?", arguments: [Int64(key) ?? -1]) {
                        childRefs.insert(c)
                    }
                default:
                    // Terms, schools, settings, agencies: every case may read them.
                    out.needsFullReload = true
                }
                if out.caseRefs.count + childRefs.count > Store.followLimit { out.needsFullReload = true }
            }
            if !out.needsFullReload, !childRefs.isEmpty {
                for ref in try String.fetchAll(db, sql: "SELECT ref FROM cases WHERE childRef IN (SELECT value FROM json_each(?))",
                                               arguments: [CanonicalJSON.encodeArray(Array(childRefs))]) {
                    out.caseRefs.insert(ref)
                }
            }
            if out.caseRefs.count > Store.followLimit { out.needsFullReload = true }
            return out
        }
    }
}

extension CanonicalJSON {
    static func encodeArray(_ values: [String]) throws -> String { try encode(values) }
}

/// The audit entities of a panel that name no case.
enum PanelRecordEntity {
    static let panel = Panel.entity, attendee = PanelAttendee.entity
}
