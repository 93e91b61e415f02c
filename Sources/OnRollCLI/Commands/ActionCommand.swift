import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Multi-agency actions on cases.",
        subcommands: [Add.self, Done.self, Cancel.self, Reschedule.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an action to a case; prints the new action id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @Option(help: "The agency that does it (`onroll agency list`).") var agency: String
        @Option(help: "What is to be done.") var description: String
        @Option(help: "The person responsible (default none).") var owner: String?
        @Option(help: "The due date, YYYY-MM-DD (default none).") var due: String?

        func run() throws {
            let today = try global.todayDate()
            let dueDate = try parseDate(due, "--due")
            let store = try global.openStore()
            let a = try store.addAction(user: global.userName, caseRef: try caseRef.resolved(in: store), agency: agency, description: description,
                                                     owner: owner, due: dueDate, today: today)
            // Saved as asked (an action agreed late is still agreed), but it starts life overdue.
            if let d = dueDate, d < today {
                printErr("warning: action \(a.id ?? 0) is already overdue (due \(d.iso), today \(today.iso))")
            }
            printOut(String(a.id ?? 0))
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark an action done, with its outcome.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The action id (`onroll action list`).") var id: Int64
        @Option(help: "What came of it (goes in the chronology).") var outcome: String?
        @Option(help: "The date it was done, YYYY-MM-DD (default today).") var date: String?

        func run() throws {
            let a = try global.openStore().completeAction(user: global.userName, id: id, outcome: outcome,
                                                          date: try parseDate(date, "--date") ?? global.todayDate())
            printOut("action \(a.id ?? 0): done")
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel an action that is no longer needed, saying why.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The action id (`onroll action list`).") var id: Int64
        @Option(help: "Why it is no longer needed (required: it goes in the chronology).") var reason: String

        func run() throws {
            let a = try global.openStore().cancelAction(user: global.userName, id: id, reason: reason, date: try global.todayDate())
            printOut("action \(a.id ?? 0): cancelled (\(a.outcome ?? reason))")
        }
    }

    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move an open action's due date (the old date stays in the chronology).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The action id (`onroll action list`).") var id: Int64
        @Option(help: "The new due date, YYYY-MM-DD.") var due: String
        @Option(help: "Why it moved.") var reason: String?

        func run() throws {
            let today = try global.todayDate()
            let d = try parseDate(due, "--due")!
            let a = try global.openStore().rescheduleAction(user: global.userName, id: id, due: d, reason: reason, today: today)
            if d < today { printErr("warning: action \(a.id ?? 0) is still overdue (due \(d.iso), today \(today.iso))") }
            printOut("action \(a.id ?? 0): due \(d.iso)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Actions across the caseload (open ones unless --all).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this agency's actions.") var agency: String?
        @Option(help: "Only this case's actions (its ref; capitals optional).") var `case`: CaseRefArg?
        @Option(help: "Only actions owned by this person (capitals ignored).") var owner: String?
        @ArgumentParser.Flag(help: "Only overdue actions.") var overdue = false
        @ArgumentParser.Flag(help: "Include done and cancelled actions.") var all = false
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() throws {
            let store = try global.openStore()
            let today = try global.todayDate()
            var actions = try store.actions(caseRef: try `case`?.resolved(in: store), includeClosed: all)
            if let a = agency {
                let picked = AgencyMatch.filter(Array(Set(actions.map(\.agency))), by: a)
                if picked.isEmpty { printErr("no actions for an agency matching '\(a)'") }
                actions = actions.filter { picked.contains($0.agency) }
            }
            if let o = owner { actions = actions.filter { ($0.owner ?? "").lowercased() == o.lowercased() } }
            if overdue { actions = actions.filter { $0.isOverdue(on: today) } }
            actions.sort { ($0.due ?? SchoolDate(dayNumber: Int.max), $0.id ?? 0) < ($1.due ?? SchoolDate(dayNumber: Int.max), $1.id ?? 0) }
            switch format {
            case .json: printOut(try JSONOut.encode(actions))
            case .csv, .table:
                let rows = actions.map { a in
                    [String(a.id ?? 0), a.caseRef, a.agency, a.owner ?? "", a.due?.iso ?? "", a.isOverdue(on: today) ? "overdue" : a.status.rawValue, a.description]
                }
                printOut(Tabular.render(["id", "case", "agency", "owner", "due", "status", "description"], rows, format: format))
            }
        }
    }
}
