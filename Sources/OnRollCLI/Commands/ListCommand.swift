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
        let year = AcademicYear(containing: today)
        // The read model: filtered and ordered in SQL, no case assessed unless its summary is stale.
        switch format {
        case .json:
            var rows: [CaseSummaryJSON] = []
            try store.listCases(today: today, filter: f) { rows.append(CaseSummaryJSON($0, year: year)) }
            printOut(try JSONOut.encode(rows))
        case .csv:
            // CSV is for scripts: the score is a plain number and "overdue" a column of its own (last, so
            // scripts that read columns by position still find the ref second). Each line is written as it
            // is read, so a caseload of any size is never held whole.
            var out = LineOutput()
            out.line(ListCommand.header.map(CSVQuote.field).joined(separator: ",") + ",overdue")
            try store.listCases(today: today, filter: f) { c in
                out.line((ListCommand.cells(c, year: year, score: c.scoreText) + [c.isOverdue ? "yes" : "no"])
                    .map(CSVQuote.field).joined(separator: ","))
            }
            out.flush()
        case .table:
            // The table is fitted to the widest cell of each column, so it needs every row first; it keeps
            // the `!` of an overdue case in front of the score.
            var body: [[String]] = []
            try store.listCases(today: today, filter: f) { c in
                body.append(ListCommand.cells(c, year: year,
                                              score: (c.isOverdue ? "!" : " ") + TextWidth.pad(c.scoreText, toWidth: 5, align: .right)))
            }
            printOut(Tabular.render(ListCommand.header, body, format: .table))
            printOut("\(body.count) case\(body.count == 1 ? "" : "s")")
        }
    }

    static let header = ["score", "ref", "child", "year", "school", "kind", "status", "owner", "next review", "flags"]

    /// A listing's cells under `header`, the score already written as the format wants it.
    static func cells(_ c: CaseListing, year: AcademicYear, score: String) -> [String] {
        [score, c.ref, c.childName, SchoolAge.ncYearLabel(SchoolAge.ncYear(dob: c.dob, in: year)),
         c.schoolName ?? c.schoolURN ?? "—", c.kind.rawValue, c.status.rawValue, c.owner ?? "",
         c.nextReview?.iso ?? "", c.flags.description]
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

    init(_ c: CaseListing, year: AcademicYear) {
        ref = c.ref; kind = c.kind.rawValue; status = c.status.rawValue; childRef = c.childRef
        childName = c.childName
        ncYear = SchoolAge.ncYear(dob: c.dob, in: year)
        schoolURN = Nullable(c.schoolURN); schoolName = c.schoolName; owner = Nullable(c.owner)
        opened = c.opened.iso; nextReview = Nullable(c.nextReview?.iso); flags = c.flags.map(\.rawValue)
        triageScore = c.score; overdue = c.isOverdue
    }
}
