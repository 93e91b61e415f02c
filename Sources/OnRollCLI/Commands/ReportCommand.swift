import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

/// `onroll report NAME`: the figures of docs/reports.md, from the whole store.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Caseload, suspensions, reintegration, out-of-school and actions reports.",
        discussion: """
            NAME is one of: \(Reports.names.joined(separator: ", ")). The period is the academic year \
            containing --today unless --year (and --term) say otherwise; "open" and "overdue" figures are \
            always as at --today. --publish applies disclosure control (counts of 1–5 become c, with \
            secondary suppression; tables by officer are left out). Definitions: docs/reports.md.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "caseload, suspensions, reintegration, out-of-school or actions.") var name: String
    @Option(help: ArgumentHelp("The academic year, e.g. 2025/26 (default: the year containing --today).", valueName: "YYYY/YY")) var year: String?
    @Option(help: "autumn, spring or summer (default: the whole year).") var term: String?
    @Flag(help: "Publishable: suppress small counts and leave out figures by officer.") var publish = false
    @Flag(help: "Show schools as School 01, School 02… (implies --publish).") var pseudonymiseSchools = false
    @Option(help: "table, csv, md or json.") var format: String = "table"
    @Option(help: ArgumentHelp("With --format csv: which of the report's tables (a CSV file holds one; the first by default).", valueName: "id"))
    var table: String?
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func run() throws {
        guard Reports.names.contains(name) else {
            throw CLIError.usage("unknown report '\(name)' (expected one of: \(Reports.names.joined(separator: ", ")))")
        }
        let width = output == nil ? Tabular.terminalWidth() : 120
        guard let fmt = ReportFormat.parse(format, width: width) else {
            throw CLIError.usage("--format: '\(format)' is not one of table, csv, md, json")
        }
        let today = try global.todayDate()
        let period = try ReportCommand.period(year: year, term: term, today: today)
        let store = try global.openStore()
        let published = publish || pseudonymiseSchools
        guard let bundle = try store.report(name, period: period, today: today,
                                            publish: published, pseudonymiseSchools: pseudonymiseSchools) else {
            throw CLIError.usage("unknown report '\(name)'")
        }
        // An unpublished report keeps counts of one or two per school and officer, which can name a
        // child to anyone who knows the school: a read, logged once. A published one is suppressed.
        let head = published ? try store.head()
            : try store.logRead(user: global.userName, entity: "report", entityId: name,
                                summary: "report \(name) produced without disclosure control (\(bundle.period))")
        var text = HeadFooter.report(bundle.rendered(fmt), format: fmt, head: head)
        if fmt == .csv {
            let ids = bundle.tables.map(\.id)
            if let table, !ids.contains(table) {
                throw CLIError.usage("--table: '\(table)' is not a table of this report (its tables: \(ids.joined(separator: ", ")))")
            }
            text = ReportRender.csv(bundle, table: table)
            if table == nil, ids.count > 1 {
                printErr("note: this CSV holds the \(ids[0]) table; the report's others: \(ids.dropFirst().map { "--table \($0)" }.joined(separator: ", "))")
            }
        } else if table != nil {
            throw CLIError.usage("--table is for --format csv; the other formats hold every table")
        }
        if let output {
            try OutputFile.write(text, to: output, protecting: global.storePath)
            printErr("wrote \(bundle.title.lowercased()) for \(bundle.period) to \(output)")
        } else {
            printOut(text)
        }
    }

    static func period(year: String?, term: String?, today: SchoolDate) throws -> ReportPeriod {
        var y = AcademicYear(containing: today)
        if let year {
            do { y = try AcademicYear.parse(year) } catch { throw CLIError.usage("--year: \(error.message)") }
        }
        var t: Term?
        if let term {
            do { t = try Term.parse(term.lowercased()) } catch { throw CLIError.usage("--term: \(error.message)") }
        }
        return ReportPeriod(year: y, term: t)
    }
}
