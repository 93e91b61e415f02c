import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "School-day arithmetic over the stored term dates.",
        discussion: "A school day is a weekday inside a stored term and not a closure; a half-day closure counts 0.5.",
        subcommands: [Add.self, Count.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the date N school days after DATE (DATE itself not counted).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The starting date, YYYY-MM-DD (not itself counted).") var date: String
        @Argument(help: "How many school days after it, in 0.5 steps.") var n: Double

        func run() throws {
            let d = try parseDate(date, "DATE")!
            guard n >= 0, (n * 2).rounded() == n * 2 else { throw CLIError.usage("N must be a number of school days in 0.5 steps") }
            printOut(try global.openStore().calendar().add(n, after: d).iso)
        }
    }

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the number of school days in FROM..TO inclusive.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The first date, YYYY-MM-DD (counted).") var from: String
        @Argument(help: "The last date, YYYY-MM-DD (counted).") var to: String

        func run() throws {
            let a = try parseDate(from, "FROM")!, b = try parseDate(to, "TO")!
            guard a <= b else { throw CLIError.usage("FROM \(a.iso) is after TO \(b.iso)") }
            printOut(formatDays(try global.openStore().calendar().count(from: a, to: b)))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the terms and closures of an academic year (default: the current one).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The academic year, e.g. 2026/27 (default: the one containing --today).", valueName: "YYYY/YY")) var year: String?

        func run() throws {
            let y: AcademicYear
            if let t = year {
                do { y = try AcademicYear.parse(t) } catch { throw CLIError.usage(error.message) }
            } else { y = AcademicYear(containing: try global.todayDate()) }
            let cal = try global.openStore().calendar()
            let rows = cal.rows(for: y)
            guard !rows.isEmpty else { throw SchoolCalendar.Failure.noTerms(y) }
            printOut("Academic year \(y)")
            for r in rows {
                let days = (try? cal.count(from: r.start, to: r.end)) ?? 0
                printOut("  \(r.term.label.padding(toLength: 7, withPad: " ", startingAt: 0)) \(r.start.iso) – \(r.end.iso)  \(formatDays(days)) school days"
                         + (r.closures.isEmpty ? "" : "  closures: \(r.closures.map(\.description).joined(separator: ", "))"))
            }
            var total = 0.0
            for t in Term.allCases { if let s = cal.span(of: t, in: y) { total += (try? cal.count(from: s.lowerBound, to: s.upperBound)) ?? 0 } }
            printOut("  \(formatDays(total)) school days in the year")
        }
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Team-wide settings, stored in the store and audited (e.g. triage coefficients).",
        subcommands: [Get.self, Set.self, Unset.self], defaultSubcommand: Get.self)

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the triage coefficients in force (default or team override).")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let store = try global.openStore()
            let w = try store.triageWeights()
            let stored = try store.config()
            for f in TriageWeights.factors {
                let v = w[f.key] ?? f.defaultValue
                let mark = stored["triage.\(f.key)"] != nil ? " (team setting; default \(f.defaultValue))" : ""
                printOut("triage.\(f.key) = \(v)\(mark)")
            }
            let a = try store.agendaSettings()
            for (key, value, def) in [("panel.threshold", AgendaRules.format(a.threshold), AgendaRules.format(AgendaRules.Settings.defaultThreshold)),
                                      ("panel.overdue-days", String(a.overdueDays), String(AgendaRules.Settings.defaultOverdueDays)),
                                      ("panel.max-items", String(a.maxItems), String(AgendaRules.Settings.defaultMaxItems))] {
                printOut("\(key) = \(value)\(stored[key] != nil ? " (team setting; default \(def))" : "")")
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a value: onroll config set triage.<factor> <value>, panel.threshold N, panel.overdue-days N or panel.max-items N.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "triage.<factor> (see `onroll config get`), panel.threshold or panel.overdue-days.") var key: String
        @Argument(help: "A number: the coefficient, the score threshold, or whole days.") var value: String

        func run() throws {
            if key.hasPrefix("panel.") {
                // Agenda settings: a score threshold and a whole number of days, neither negative.
                switch key {
                case "panel.threshold":
                    guard let v = Double(value), v >= 0, v.isFinite else { throw CLIError.invalid("\(key): '\(value)' is not a score of 0 or more") }
                    try global.openStore().setConfig(user: global.userName, key: key, value: AgendaRules.format(v))
                    printOut("\(key) = \(AgendaRules.format(v))")
                case "panel.overdue-days":
                    guard let v = Int(value), v >= 0 else { throw CLIError.invalid("\(key): '\(value)' is not a whole number of days (0 or more)") }
                    try global.openStore().setConfig(user: global.userName, key: key, value: String(v))
                    printOut("\(key) = \(v)")
                case "panel.max-items":
                    guard let v = Int(value), v >= 1 else { throw CLIError.invalid("\(key): '\(value)' is not a number of agenda places (1 or more)") }
                    try global.openStore().setConfig(user: global.userName, key: key, value: String(v))
                    printOut("\(key) = \(v)")
                default:
                    throw CLIError.usage("'\(key)' is not a setting (panel settings: panel.threshold, panel.overdue-days, panel.max-items)")
                }
                return
            }
            guard key.hasPrefix("triage.") else { throw CLIError.usage("'\(key)' is not a setting (settings: triage.<factor>, panel.threshold, panel.overdue-days, panel.max-items)") }
            guard let v = Double(value) else { throw CLIError.invalid("\(key): '\(value)' is not a number") }
            var w = TriageWeights()
            do { try w.set(key, v) } catch { throw CLIError.invalid(error.message) }
            try global.openStore().setConfig(user: global.userName, key: key, value: String(v))
            printOut("\(key) = \(v)")
        }
    }

    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Return a setting to its default.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting to reset, e.g. triage.kind.cme or panel.threshold.") var key: String
        func run() throws {
            try global.openStore().setConfig(user: global.userName, key: key, value: nil)
            printOut("\(key) back to its default")
        }
    }
}
