import GRDB
import OnRollCore

/// A record the store writes through the audited path. `auditKey` names the row in the audit log.
protocol AuditedRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    /// The audit log's name for this kind of record ("case", "child", "action"…).
    static var entity: String { get }
    var auditKey: String { get }
}

/// Records whose edits are checked against a version so two officers cannot overwrite each other.
protocol VersionedRecord: AuditedRecord {
    var version: Int { get set }
}

extension School: AuditedRecord {
    public static let databaseTableName = "schools"
    public static let entity = "school"
    public var auditKey: String { urn }
}

extension Child: VersionedRecord {
    public static let databaseTableName = "children"
    public static let entity = "child"
    public var auditKey: String { ref }
}

extension Case: VersionedRecord {
    public static let databaseTableName = "cases"
    public static let entity = "case"
    public var auditKey: String { ref }
}

extension ChronologyEntry: AuditedRecord {
    public static let databaseTableName = "chronology"
    public static let entity = "chronology"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CaseAction: VersionedRecord {
    public static let databaseTableName = "actions"
    public static let entity = "action"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Suspension: VersionedRecord {
    public static let databaseTableName = "suspensions"
    public static let entity = "suspension"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Reflection: AuditedRecord {
    public static let databaseTableName = "reflections"
    public static let entity = "reflection"
    public var auditKey: String { String(suspensionId) }
}

extension AttendanceRecord: AuditedRecord {
    public static let databaseTableName = "attendance"
    public static let entity = "attendance"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension TermDates: AuditedRecord {
    public static let databaseTableName = "terms"
    public static let entity = "term"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public init(row: Row) throws {
        let closures: String = row["closures"]
        self.init(id: row["id"], academicYear: row["academicYear"], term: row["term"], start: row["start"],
                  end: row["end"], closures: (try? Closure.parseList(closures)) ?? [])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["academicYear"] = academicYear
        container["term"] = term
        container["start"] = start
        container["end"] = end
        container["closures"] = closures.map(\.description).joined(separator: ";")
    }
}

extension ReintegrationPlan: VersionedRecord {
    public static let databaseTableName = "plans"
    public static let entity = "plan"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PlanPhase: AuditedRecord {
    public static let databaseTableName = "planPhases"
    public static let entity = "planPhase"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PlanReview: AuditedRecord {
    public static let databaseTableName = "planReviews"
    public static let entity = "planReview"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Professional: VersionedRecord {
    public static let databaseTableName = "professionals"
    public static let entity = "professional"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension RollDeletion: AuditedRecord {
    public static let databaseTableName = "deletions"
    public static let entity = "deletion"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension OutOfSchoolRecord: VersionedRecord {
    public static let databaseTableName = "outOfSchool"
    public static let entity = "outOfSchool"
    public var auditKey: String { childRef }
}

extension Panel: VersionedRecord {
    public static let databaseTableName = "panels"
    public static let entity = "panel"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PanelAttendee: AuditedRecord {
    public static let databaseTableName = "panelAttendees"
    public static let entity = "panelAttendee"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PanelItem: VersionedRecord {
    public static let databaseTableName = "panelItems"
    public static let entity = "panelItem"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PupilTransfer: AuditedRecord {
    public static let databaseTableName = "pupilTransfers"
    public static let entity = "transfer"
    public var auditKey: String { childRef }
}

extension SchoolSpell: AuditedRecord {
    public static let databaseTableName = "schoolHistory"
    public static let entity = "schoolSpell"
    public var auditKey: String { id.map(String.init) ?? "?" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Every audited table, in the order a restore must insert them (parents before children).
enum AuditedTables {
    static let all: [any AuditedRecord.Type] = [
        School.self, Child.self, Case.self, ChronologyEntry.self, CaseAction.self, Suspension.self,
        Reflection.self, AttendanceRecord.self, TermDates.self, ReintegrationPlan.self, PlanPhase.self,
        PlanReview.self, Professional.self, RollDeletion.self, OutOfSchoolRecord.self, Panel.self,
        PanelAttendee.self, PanelItem.self, PupilTransfer.self, SchoolSpell.self,
    ]
}
