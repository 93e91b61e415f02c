import OnRollCore

/// What the reports screen shows: which report, for which period, raw or publishable, and the
/// figures themselves (read through `Store.report`, as `onroll report` reads them).
public struct ReportScreenState: Sendable {
    public var nameIndex = 0
    public var year: AcademicYear?
    public var term: Term?
    public var publish = false
    /// The chart groups by trust instead of by school.
    public var chartByTrust = false
    public var scroll = 0
    public var bundle: ReportBundle?

    public init() {}

    public var name: String { Reports.names[nameIndex] }

    /// `onroll-report-suspensions-2025-26-autumn-published.md`: the file `w` writes.
    public var fileName: String {
        let y = year.map { $0.description.replacingAll("/", with: "-") } ?? "year"
        return "onroll-report-\(name)-\(y)" + (term.map { "-\($0.rawValue)" } ?? "") + (publish ? "-published" : "") + ".md"
    }

    /// The period as the status line says it: `2025/26` or `2025/26 autumn`.
    public var periodLabel: String {
        (year?.description ?? "") + (term.map { " \($0.rawValue)" } ?? "")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
