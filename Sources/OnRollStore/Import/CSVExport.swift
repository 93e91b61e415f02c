import Foundation
import GRDB
import OnRollCore

/// Records out as CSV in exactly the import formats, so a file can go to Excel and come back.
public enum CSVExport {
    /// The columns of a kind's file, in export order, and those an import requires.
    public static func header(_ kind: ImportKind) -> (columns: [String], required: [String]) {
        switch kind {
        case .schools: (Codecs.schools.columns, Codecs.schools.required)
        case .terms: (Codecs.terms.columns, Codecs.terms.required)
        case .children: (Codecs.children.columns, Codecs.children.required)
        case .cases: (Codecs.cases.columns, Codecs.cases.required)
        case .chronology: (Codecs.chronology.columns, Codecs.chronology.required)
        case .suspensions: (Codecs.suspensions.columns, Codecs.suspensions.required)
        case .reflections: (Codecs.reflections.columns, Codecs.reflections.required)
        case .attendance: (Codecs.attendance.columns, Codecs.attendance.required)
        case .actions: (Codecs.actions.columns, Codecs.actions.required)
        case .team: (Codecs.team.columns, Codecs.team.required)
        case .plans: (Codecs.plans.columns, Codecs.plans.required)
        case .phases: (Codecs.phases.columns, Codecs.phases.required)
        case .reviews: (Codecs.reviews.columns, Codecs.reviews.required)
        case .deletions: (Codecs.deletions.columns, Codecs.deletions.required)
        case .outofschool: (Codecs.outOfSchool.columns, Codecs.outOfSchool.required)
        case .panels: (Codecs.panels.columns, Codecs.panels.required)
        case .attendees: (Codecs.attendees.columns, Codecs.attendees.required)
        case .panelitems: (Codecs.panelItems.columns, Codecs.panelItems.required)
        case .exclusions: (Codecs.exclusions.columns, Codecs.exclusions.required)
        }
    }

    static func text<E>(_ codec: Codec<E>, _ records: [E]) -> String {
        CSVText.write(rows: [codec.columns] + records.map(codec.encode))
    }

    public static func csv(_ r: [School]) -> String { text(Codecs.schools, r) }
    public static func csv(_ r: [TermDates]) -> String { text(Codecs.terms, r) }
    public static func csv(_ r: [Child]) -> String { text(Codecs.children, r) }
    public static func csv(_ r: [Case]) -> String { text(Codecs.cases, r) }
    public static func csv(_ r: [ChronologyEntry]) -> String { text(Codecs.chronology, r) }
    public static func csv(_ r: [Suspension]) -> String { text(Codecs.suspensions, r) }
    public static func csv(_ r: [Reflection]) -> String { text(Codecs.reflections, r) }
    public static func csv(_ r: [AttendanceRecord]) -> String { text(Codecs.attendance, r) }
    public static func csv(_ r: [CaseAction]) -> String { text(Codecs.actions, r) }
    public static func csv(_ r: [Professional]) -> String { text(Codecs.team, r) }
    public static func csv(_ r: [ReintegrationPlan]) -> String { text(Codecs.plans, r) }
    public static func csv(_ r: [PlanPhase]) -> String { text(Codecs.phases, r) }
    public static func csv(_ r: [PlanReview]) -> String { text(Codecs.reviews, r) }
    public static func csv(_ r: [RollDeletion]) -> String { text(Codecs.deletions, r) }
    public static func csv(_ r: [OutOfSchoolRecord]) -> String { text(Codecs.outOfSchool, r) }
    public static func csv(_ r: [Panel]) -> String { text(Codecs.panels, r) }
    public static func csv(_ r: [PanelAttendee]) -> String { text(Codecs.attendees, r) }
    public static func csv(_ r: [PanelItem]) -> String { text(Codecs.panelItems, r) }

    /// Rows of an exclusions return, as a school would send them: `upn` where the child has one.
    public static func exclusionsReturn(_ rows: [(upn: UPN, suspension: Suspension)]) -> String {
        var header = Codecs.exclusions.columns
        header[0] = "upn"
        return CSVText.write(rows: [header] + rows.map { row in
            var fields = Codecs.exclusions.encode(row.suspension)
            fields[0] = row.upn.value
            return fields
        })
    }
}

extension Store {
    /// One kind of record from the store as import-format CSV, in key order.
    public func exportCSV(_ kind: ImportKind) throws -> String {
        try read { db in
            switch kind {
            case .schools: CSVExport.csv(try School.order(Column("urn")).fetchAll(db))
            case .terms: CSVExport.csv(try TermDates.order(Column("start")).fetchAll(db))
            case .children: CSVExport.csv(try Child.order(Column("ref")).fetchAll(db))
            case .cases: CSVExport.csv(try Case.order(Column("ref")).fetchAll(db))
            case .chronology: CSVExport.csv(try ChronologyEntry.order(Column("id")).fetchAll(db))
            case .suspensions: CSVExport.csv(try Suspension.order(Column("id")).fetchAll(db))
            case .reflections: CSVExport.csv(try Reflection.order(Column("suspensionId")).fetchAll(db))
            case .attendance: CSVExport.csv(try AttendanceRecord.order(Column("id")).fetchAll(db))
            case .actions: CSVExport.csv(try CaseAction.order(Column("id")).fetchAll(db))
            case .team: CSVExport.csv(try Professional.order(Column("id")).fetchAll(db))
            case .plans: CSVExport.csv(try ReintegrationPlan.order(Column("id")).fetchAll(db))
            case .phases: CSVExport.csv(try PlanPhase.order(Column("id")).fetchAll(db))
            case .reviews: CSVExport.csv(try PlanReview.order(Column("id")).fetchAll(db))
            case .deletions: CSVExport.csv(try RollDeletion.order(Column("id")).fetchAll(db))
            case .outofschool: CSVExport.csv(try OutOfSchoolRecord.order(Column("childRef")).fetchAll(db))
            case .panels: CSVExport.csv(try Panel.order(Column("id")).fetchAll(db))
            case .attendees: CSVExport.csv(try PanelAttendee.order(Column("id")).fetchAll(db))
            case .panelitems: CSVExport.csv(try PanelItem.order(Column("id")).fetchAll(db))
            // Stored suspensions as a return (refs, not UPNs): what a re-import of them would compare.
            case .exclusions: CSVExport.text(Codecs.exclusions, try Suspension.order(Column("id")).fetchAll(db))
            }
        }
    }
}
