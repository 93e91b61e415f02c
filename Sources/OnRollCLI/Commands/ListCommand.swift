import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore
import TerminalKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Open cases, most urgent first (by triage score).",
        discussion: "The score is explained case by case in `onroll show REF` (\"why\").")

    @OptionGroup var global: GlobalOptions
    @Option(help: "ebsa, suspension, exclusion, ehe, offroll, cme or part-time (repeatable).") var kind: [String] = []
    @Option(help: "referral, open, monitoring or closed.") var status: String?
    @Option(help: "A school URN.") var school: String?
    @Option(help: "Only cases owned by this officer.") var owner: String?
    @Option(help: "LAC, CP, CIN, FSM, YC, EAL or PP.") var flag: String?
    @Flag(help: "Only cases with something overdue or breached.") var overdue = false
    @Option(help: "Name, preferred name, UPN or ref.") var search: String?
    @Flag(help: "Include closed cases.") var all = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        var f = CaseFilter()
        f.kinds = Set(try kind.map { try parseCode($0, CaseKind.self, "--kind")! })
        f.status = try parseCode(status, CaseStatus.self, "--status")
        f.schoolURN = school
        f.owner = owner
        f.flag = try parseCode(flag?.uppercased(), ChildFlag.self, "--flag")
        f.overdueOnly = overdue
        f.search = search
        f.includeClosed = all || f.status == .closed
        let today = try global.todayDate()
        let store = try global.openStore()
        // The read model: filtered and ordered in SQL, no case assessed unless its summary is stale.
        let rows = try store.caseRows(today: today, filter: f)
        switch format {
        case .json: printOut(try JSONOut.encode(rows.map { CaseSummaryJSON($0, today: today) }))
        case .csv, .table:
            // CSV is for scripts: the score is a plain number and "overdue" a column of its own (last, so
            // scripts that read columns by position still find the ref second). The table keeps the `!`.
            let csv = format == .csv
            let header = ["score", "ref", "child", "year", "school", "kind", "status", "owner", "next review", "flags"]
                + (csv ? ["overdue"] : [])
            let year = AcademicYear(containing: today)
            let body = rows.map { r -> [String] in
                let c = r.summary
                let score = ScoreText.oneDecimal(r.score)
                return [csv ? score : (r.isOverdue ? "!" : " ") + TextWidth.pad(score, toWidth: 5, align: .right),
                        c.caseRef, c.childName, SchoolAge.ncYearLabel(SchoolAge.ncYear(dob: c.dob, in: year)),
                        c.schoolName ?? c.schoolURN ?? "—", c.kind.rawValue, c.status.rawValue, c.owner ?? "",
                        c.nextReview?.iso ?? "", c.flags.description] + (csv ? [r.isOverdue ? "yes" : "no"] : [])
            }
            printOut(Tabular.render(header, body, format: format))
            if format == .table { printOut("\(rows.count) case\(rows.count == 1 ? "" : "s")") }
        }
    }
}

/// One row of `list --format json` (contract.md names the required keys).
struct CaseSummaryJSON: Encodable {
    var ref: String
    var kind: String
    var status: String
    var childRef: String
    var childName: String
    var ncYear: Int
    var schoolURN: Nullable<String>
    var schoolName: String?
    var owner: Nullable<String>
    var opened: String
    var nextReview: Nullable<String>
    var flags: [String]
    var triageScore: Double
    var overdue: Bool

    init(_ r: CaseRow, today: SchoolDate) {
        let c = r.summary
        ref = c.caseRef; kind = c.kind.rawValue; status = c.status.rawValue; childRef = c.childRef
        childName = c.childName
        ncYear = SchoolAge.ncYear(dob: c.dob, in: AcademicYear(containing: today))
        schoolURN = Nullable(c.schoolURN); schoolName = c.schoolName; owner = Nullable(c.owner)
        opened = c.opened.iso; nextReview = Nullable(c.nextReview?.iso); flags = c.flags.map(\.rawValue)
        triageScore = r.score; overdue = r.isOverdue
    }
}

/// A score as `list` prints it, one decimal place (what `%.1f` gives, without Foundation's formatter
/// on every row of a 100,000-row listing).
enum ScoreText {
    static func oneDecimal(_ score: Double) -> String {
        let tenths = Int((abs(score) * 10).rounded())
        return (score < 0 && tenths > 0 ? "-" : "") + String(tenths / 10) + "." + String(tenths % 10)
    }
}
