import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Open cases, most urgent first (by triage score).",
        discussion: "The score is explained case by case in `onroll show REF` (\"why\").")

    @OptionGroup var global: GlobalOptions
    @Option(help: "ebsa, suspension, exclusion, ehe, offroll, cme or part-time (repeatable).") var kind: [String] = []
    @Option(help: "referral, open, monitoring or closed.") var status: String?
    @Option(help: "A school URN.") var school: String?
    @Option var owner: String?
    @Option(help: "LAC, CP, CIN, FSM, YC, EAL or PP.") var flag: String?
    @Flag(help: "Only cases with something overdue or breached.") var overdue = false
    @Option(help: "Name, preferred name, UPN or ref.") var search: String?
    @Flag(help: "Include closed cases.") var all = false
    @Option var format: OutputFormat = .table

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
        let rows = try store.caseload(today: today, includeClosed: f.includeClosed).filter { f.matches($0.file, overdue: $0.isOverdue) }
        switch format {
        case .json: printOut(try JSONOut.encode(rows.map { CaseSummaryJSON($0, today: today) }))
        case .csv, .table:
            let header = ["score", "ref", "child", "year", "school", "kind", "status", "owner", "next review", "flags"]
            let body = rows.map { r -> [String] in
                let c = r.file.case
                return [(r.isOverdue ? "!" : " ") + String(format: "%5.1f", r.score), c.ref, r.file.child.displayName,
                        SchoolAge.ncYearLabel(SchoolAge.ncYear(dob: r.file.child.dob, in: AcademicYear(containing: today))),
                        r.file.school?.name ?? r.file.child.schoolURN ?? "—", c.kind.rawValue, c.status.rawValue, c.owner ?? "",
                        c.nextReview?.iso ?? "", r.file.child.flags.description]
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
    var schoolURN: String?
    var schoolName: String?
    var owner: String?
    var opened: String
    var nextReview: String?
    var flags: [String]
    var triageScore: Double
    var overdue: Bool

    init(_ r: AssessedCase, today: SchoolDate) {
        let c = r.file.case
        ref = c.ref; kind = c.kind.rawValue; status = c.status.rawValue; childRef = c.childRef
        childName = r.file.child.displayName
        ncYear = SchoolAge.ncYear(dob: r.file.child.dob, in: AcademicYear(containing: today))
        schoolURN = r.file.child.schoolURN; schoolName = r.file.school?.name; owner = c.owner
        opened = c.opened.iso; nextReview = c.nextReview?.iso; flags = r.file.child.flags.map(\.rawValue)
        triageScore = r.score; overdue = r.isOverdue
    }
}
