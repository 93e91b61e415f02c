import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "The team around the child: professionals on a case and the lead.",
        subcommands: [Add.self, Lead.self, Leave.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a professional to a case's team; prints their id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @Option(help: "One of the agencies (`onroll agency list`).") var agency: String
        @Option(help: "The professional's name.") var name: String
        @Option(help: "Their role, e.g. social worker, SENCO.") var role: String?
        @Option(help: "Phone or email.") var contact: String?
        @Option(help: "Joined the team on, YYYY-MM-DD (default today).") var since: String?
        @ArgumentParser.Flag(help: "Make them the lead professional (unsets the current lead).") var lead = false

        func run() throws {
            let today = try global.todayDate()
            let store = try global.openStore()
            let p = try store.addProfessional(user: global.userName, Professional(
                caseRef: try caseRef.resolved(in: store), agency: agency, role: role, name: name, contact: contact,
                since: try parseDate(since, "--since") ?? today, isLead: lead), date: today)
            printOut(String(p.id ?? 0))
        }
    }

    struct Lead: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a professional the case's lead (the previous lead is unset).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @Argument(help: "The professional's id (`onroll team list CASE`).") var id: Int64

        func run() throws {
            let store = try global.openStore()
            let caseRef = try self.caseRef.resolved(in: store)
            let p = try store.setLead(user: global.userName, caseRef: caseRef, id: id, date: try global.todayDate())
            printOut("\(caseRef): \(p.name) (\(p.agency)) is the lead professional")
        }
    }

    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a professional leaving the team.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @Argument(help: "The professional's id (`onroll team list CASE`).") var id: Int64
        @Option(help: "The date they left, YYYY-MM-DD (default today).") var date: String?

        func run() throws {
            let store = try global.openStore()
            let caseRef = try self.caseRef.resolved(in: store)
            let p = try store.professionalLeft(user: global.userName, caseRef: caseRef, id: id,
                                                            date: try parseDate(date, "--date") ?? global.todayDate())
            printOut("\(caseRef): \(p.name) (\(p.agency)) left the team \(p.left?.iso ?? "")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The team on a case, lead first; leavers last.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @ArgumentParser.Flag(help: "Leave out those who have left.") var current = false
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() throws {
            let store = try global.openStore()
            let team = try store.team(caseRef: try caseRef.resolved(in: store), includeLeft: !current)
            switch format {
            case .json: printOut(try JSONOut.encode(team))
            case .csv, .table:
                let rows = team.map { p in
                    [String(p.id ?? 0), p.isLead ? "lead" : "", p.name, p.agency, p.role ?? "", p.contact ?? "",
                     p.since?.iso ?? "", p.left?.iso ?? ""]
                }
                printOut(Tabular.render(["id", "lead", "name", "agency", "role", "contact", "since", "left"], rows, format: format))
            }
        }
    }
}
