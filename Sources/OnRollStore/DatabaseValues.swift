import GRDB
import OnRollCore

// Core value types are stored as the same text they are written in files, so the sqlite3 CLI
// shows `2026-11-23`, `H801200001001` and `LAC;CP`, never JSON.

extension SchoolDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> SchoolDate? {
        String.fromDatabaseValue(dbValue).flatMap { try? SchoolDate.parse($0) }
    }
}

extension AcademicYear: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> AcademicYear? {
        String.fromDatabaseValue(dbValue).flatMap { try? AcademicYear.parse($0) }
    }
}

extension UPN: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { value.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> UPN? {
        String.fromDatabaseValue(dbValue).flatMap { try? UPN($0) }
    }
}

extension FlagSet: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> FlagSet? {
        String.fromDatabaseValue(dbValue).flatMap { try? FlagSet.parse($0) }
    }
}

extension ReportedReasons: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> ReportedReasons? {
        String.fromDatabaseValue(dbValue).map { ReportedReasons.parse($0) }
    }
}

extension CaseKind: DatabaseValueConvertible {}
extension CaseStatus: DatabaseValueConvertible {}
extension SENStatus: DatabaseValueConvertible {}
extension SENNeed: DatabaseValueConvertible {}
extension Sex: DatabaseValueConvertible {}
extension SchoolPhase: DatabaseValueConvertible {}
extension SchoolType: DatabaseValueConvertible {}
extension ActionStatus: DatabaseValueConvertible {}
extension SuspensionType: DatabaseValueConvertible {}
extension ReasonCode: DatabaseValueConvertible {}
extension Term: DatabaseValueConvertible {}
extension RAG: DatabaseValueConvertible {}
extension ChronologyEntry.Kind: DatabaseValueConvertible {}
extension ReintegrationPlan.Status: DatabaseValueConvertible {}
extension PlanReview.Decision: DatabaseValueConvertible {}
extension Panel.Kind: DatabaseValueConvertible {}
extension Panel.Status: DatabaseValueConvertible {}
extension PanelItem.Status: DatabaseValueConvertible {}
