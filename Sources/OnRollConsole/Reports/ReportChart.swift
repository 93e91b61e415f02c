import OnRollCore

/// The bar chart under a report: its headline count per school or per trust (per agency for actions).
/// Suppressed (`c`) rows are not drawn as bars: a bar would give the figure away. They are counted
/// in a note instead.
enum ReportChart {
    struct Chart: Equatable {
        var title: String
        var rows: [(label: String, value: Double)]
        var hidden: Int
        static func == (a: Chart, b: Chart) -> Bool {
            a.title == b.title && a.hidden == b.hidden && a.rows.map(\.label) == b.rows.map(\.label) && a.rows.map(\.value) == b.rows.map(\.value)
        }
    }

    /// Which table and column each report charts.
    static func source(_ name: String, byTrust: Bool) -> (tables: [String], column: String) {
        switch name {
        case "caseload": (byTrust ? ["byTrust"] : ["bySchool"], "open")
        case "suspensions": (byTrust ? ["byTrust"] : ["bySchool"], "suspensions")
        case "reintegration": (["bySchool"], "started")
        case "out-of-school": (byTrust ? ["deletionsByTrust"] : ["deletionsBySchool"], "deletions")
        default: (["byAgency"], "open")
        }
    }

    static func chart(_ bundle: ReportBundle, byTrust: Bool) -> Chart? {
        let src = source(bundle.name, byTrust: byTrust)
        guard let t = src.tables.lazy.compactMap(bundle.table).first, let c = t.columnIndex(src.column) else { return nil }
        // The row label: the school name where there is one (pseudonymised or not), else the first column.
        let labelIndex = t.columns.firstIndex { $0.role == .schoolName } ?? 0
        var rows: [(String, Double)] = []
        var hidden = 0
        for r in t.rows {
            guard let v = r[c].numericValue else { hidden += 1; continue }
            rows.append((r[labelIndex].display, v))
        }
        let per = t.id.lowercased().contains("trust") ? "trust" : t.id == "byAgency" ? "agency" : bundle.name == "reintegration" ? "setting" : "school"
        return Chart(title: "\(t.columns[c].header) by \(per)", rows: rows, hidden: hidden)
    }
}
