import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

/// `onroll panel …`: the weekly panel, from agenda to minutes.
struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel", abstract: "Weekly panel: agenda, decisions, actions, minutes.",
        discussion: "Items are named by the panel id and the case ref. Every change is audited and lands in the case's chronology.",
        subcommands: [New.self, Attendee.self, Attendees.self, Agenda.self, Item.self, Add.self, Move.self, Remove.self, Decide.self,
                      Minutes.self, Actions.self, ICS.self, List.self, Start.self, End.self, Reopen.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Plan a panel; prints its id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The date the panel meets, YYYY-MM-DD.") var date: String
        @Option(help: "inclusion, fair-access, reintegration or out-of-school.") var type: String
        @Option(help: "Who chairs it (default none).") var chair: String?

        func run() throws {
            let kind = try parseCode(type, Panel.Kind.self, "--type")!
            let p = try global.openStore().newPanel(user: global.userName, date: try parseDate(date, "--date")!, type: kind, chair: chair)
            printOut(String(p.id ?? 0))
        }
    }

    struct Attendee: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record someone attending a panel, or (--apologies) sending apologies.",
            discussion: "The same person (name and organisation, capitals ignored) is listed once: a second entry, in either list, is refused.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Option(help: "The attendee's name.") var name: String
        @Option(help: "The attendee's organisation.") var org: String?
        @Option(help: "Their role at the panel, e.g. chair, minute-taker.") var role: String?
        @ArgumentParser.Flag(help: "They sent apologies (listed under Apologies in the minutes).") var apologies = false
        @Option(help: ArgumentHelp("Their login on a server store: a panel-role login reads only the cases on the agendas of panels it attends.", valueName: "name"))
        var login: String?

        func run() throws {
            let a = try global.openStore().addAttendee(user: global.userName, panelId: id, name: name, organisation: org, role: role,
                                                       apologies: apologies, login: login)
            printOut("panel \(id): \(a.apologies ? "apologies from" : "attendee") \(a.name) added")
        }
    }

    struct Attendees: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who attended a panel and who sent apologies.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() throws {
            let people = try global.openStore().panelRecord(id).attendees
            if format == .json { printOut(try JSONOut.encode(people)); return }
            let rows = people.map { [$0.apologies ? "apologies" : "attended", $0.name, $0.role ?? "", $0.organisation ?? ""] }
            printOut(Tabular.render(["", "name", "role", "organisation"], rows, format: format))
        }
    }

    struct Item: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Item N of the agenda: the case, why it is there, and what was decided.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Argument(help: "The item's number on the agenda, 1 for the first.") var number: Int

        func run() throws {
            let agenda = try global.openStore().panelRecord(id).agenda
            guard agenda.indices.contains(number - 1) else {
                throw CLIError.invalid(agenda.isEmpty ? "panel \(id) has no items on its agenda" : "panel \(id) has items 1–\(agenda.count)")
            }
            let i = agenda[number - 1]
            var out = ["\(number). \(i.item.caseRef) \(i.childName)\(i.schoolName.map { ", \($0)" } ?? "")",
                       "status: \(i.item.status.label)" + (i.item.seconds > 0 ? " (\(PanelMinutes.duration(i.item.seconds)))" : "")]
            out += i.reasons.map { "reason: \($0)" }
            if let d = PanelMinutes.decision(i) { out.append("decision: \(d)") }
            out += i.actions.map { "action: \($0.description) — \($0.agency)\($0.owner.map { ", \($0)" } ?? "")\($0.due.map { ", due \($0.iso)" } ?? "")" }
            printOut(out.joined(separator: "\n"))
        }
    }

    enum AgendaFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json, md }

    struct Agenda: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The agenda: each case with the reasons it is there.",
                                                        discussion: "The first time it is asked for, the agenda is built: the agenda rules fill up to panel.max-items places (default 20) in priority order. --build runs them again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @ArgumentParser.Flag(help: "Run the agenda rules and add missing cases first.") var build = false
        @ArgumentParser.Flag(help: "Include items taken off the agenda.") var all = false
        @Option(help: "table, csv, json or md.") var format: AgendaFormat = .table
        @ArgumentParser.Flag(help: "List the cases that qualify but found no place (with their reasons) instead.") var alsoEligible = false

        func run() throws {
            let store = try global.openStore()
            let today = try global.todayDate()
            // Built the first time it is asked for; --build runs the rules again (filling freed places).
            let added = build ? try store.buildAgenda(user: global.userName, panelId: id, today: today)
                : try store.ensureAgenda(user: global.userName, panelId: id, today: today)
            if let added { printErr("panel \(id): agenda built, \(added.count) case\(added.count == 1 ? "" : "s") added") }
            let r = try store.panelRecord(id)
            // What is left over is worked out again now: a closed panel has none.
            let plan = r.panel.status == .closed ? nil : try store.agendaPlan(panelId: id, today: today)
            if alsoEligible {
                printEligible(plan?.alsoEligible ?? [], format: format)
                return
            }
            let items = all ? r.items : r.agenda
            switch format {
            case .json:
                struct Row: Encodable {
                    var position: Int, caseRef: String, childName: String, school: String?, status: String
                    var reasons: [String], decision: String?, decisionNote: String?, seconds: Int
                }
                printOut(try JSONOut.encode(items.map {
                    Row(position: $0.item.position, caseRef: $0.item.caseRef, childName: $0.childName, school: $0.schoolName,
                        status: $0.item.status.rawValue, reasons: $0.reasons, decision: $0.item.decision,
                        decisionNote: $0.item.decisionNote, seconds: $0.item.seconds)
                }))
            case .md:
                var out = ["# Agenda: \(PanelMinutes.md(r.title))", ""]
                for (n, i) in items.enumerated() {
                    out.append("\(n + 1). **\(PanelMinutes.md(i.item.caseRef))** \(PanelMinutes.md(i.childName))\(i.schoolName.map { ", \(PanelMinutes.md($0))" } ?? "")")
                    for reason in i.reasons { out.append("   - \(PanelMinutes.md(reason))") }
                }
                if let plan, !plan.alsoEligible.isEmpty {
                    out += ["", "## Also eligible (\(plan.alsoEligible.count))", ""]
                    for e in plan.alsoEligible { out.append("- **\(PanelMinutes.md(e.caseRef))**: \(PanelMinutes.md(e.reasons.joined(separator: "; ")))") }
                }
                printOut(out.joined(separator: "\n"))
            case .csv, .table:
                let rows = items.enumerated().map { n, i in
                    [String(n + 1), i.item.caseRef, i.childName, i.item.status.rawValue, i.item.decision ?? "",
                     i.reasons.joined(separator: format == .csv ? "\n" : "; ")]
                }
                printOut(Tabular.render(["#", "case", "child", "status", "decision", "reasons"], rows,
                                        format: format == .csv ? .csv : .table))
            }
            if let plan {
                let held = plan.decidedNothingNew.count
                printErr("\(plan.alsoEligible.count) also eligible (--also-eligible lists them)"
                         + (held > 0 ? "; \(held) decided at an earlier panel with nothing new since" : ""))
            }
        }

        func printEligible(_ entries: [AgendaRules.Entry], format: AgendaFormat) {
            switch format {
            case .json:
                struct Row: Encodable { var caseRef: String, score: Double, reasons: [String] }
                printOut((try? JSONOut.encode(entries.map { Row(caseRef: $0.caseRef, score: $0.score, reasons: $0.reasons) })) ?? "[]")
            case .md:
                printOut((["## Also eligible (\(entries.count))", ""] + entries.map {
                    "- **\(PanelMinutes.md($0.caseRef))**: \(PanelMinutes.md($0.reasons.joined(separator: "; ")))"
                }).joined(separator: "\n"))
            case .csv, .table:
                let rows = entries.map { [$0.caseRef, AgendaRules.format($0.score), $0.reasons.joined(separator: format == .csv ? "\n" : "; ")] }
                printOut(Tabular.render(["case", "score", "reasons"], rows, format: format == .csv ? .csv : .table))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a case on the agenda by hand, at the end (refused if it is already on).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @Option(help: "Why the case is on the agenda (shown with it).") var reason: String

        func run() throws {
            let store = try global.openStore()
            let caseRef = try self.caseRef.resolved(in: store)
            try store.addItem(user: global.userName, panelId: id, caseRef: caseRef, reason: reason, today: try global.todayDate())
            let place = (try store.panelRecord(id).agenda.firstIndex { $0.item.caseRef == caseRef } ?? 0) + 1
            printOut("panel \(id): \(caseRef) is item \(place)")
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a case to position N on the agenda, or one place up or down.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @Option(help: "The new position, 1 for the top.") var to: Int?
        @ArgumentParser.Flag(help: "One place up (earlier).") var up = false
        @ArgumentParser.Flag(help: "One place down (later).") var down = false

        func validate() throws {
            if [to != nil, up, down].filter({ $0 }).count != 1 { throw ArgumentParser.ValidationError("give one of --to N, --up or --down") }
        }

        func run() throws {
            let store = try global.openStore()
            let caseRef = try self.caseRef.resolved(in: store)
            let place: Int
            if let to {
                try store.moveItem(user: global.userName, panelId: id, caseRef: caseRef, to: to)
                place = to
            } else {
                place = try store.moveItem(user: global.userName, panelId: id, caseRef: caseRef, by: up ? -1 : 1)
            }
            printOut("panel \(id): \(caseRef) moved to \(place)")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a case off the agenda, saying why (kept, marked removed; in the case's chronology).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @Option(help: "Why it is taken off (in the minutes, the chronology and the audit log).") var reason: String

        func run() throws {
            let store = try global.openStore()
            let caseRef = try self.caseRef.resolved(in: store)
            try store.removeItem(user: global.userName, panelId: id, caseRef: caseRef, reason: reason, today: try global.todayDate())
            printOut("panel \(id): \(caseRef) taken off the agenda")
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the panel's decision on a case, an action it agreed, or defer it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @Option(help: ArgumentHelp("One of: \(PanelDecision.allCases.map(\.label).joined(separator: ", ")).",
                                   discussion: "\"close\" closes the case; \"refer to fair access\" opens the referral; \"AP place\" records the placement."))
        var decision: String?
        @Option(help: "Free text: more detail on the decision (for \"other\", the decision itself).") var note: String?
        @Option(help: "For \"AP place\": the alternative provision (joins the team as the AP provider).") var provider: String?
        @Option(help: "The agency of an action the panel agreed (with --action-description).") var actionAgency: String?
        @Option(help: "What the agreed action is (with --action-agency).") var actionDescription: String?
        @Option(help: "Who is responsible for the agreed action.") var actionOwner: String?
        @Option(help: "When the agreed action is due, YYYY-MM-DD.") var actionDue: String?
        @ArgumentParser.Flag(help: "Defer the case to the next panel of the same type.") var `defer` = false

        @Flag(help: "The chair marks the note and the actions' wording safe to share: only then do they appear in redacted minutes.")
        var shareNote = false

        func validate() throws {
            if decision == nil && !`defer` && actionDescription == nil {
                throw ArgumentParser.ValidationError("give --decision, an action (--action-agency and --action-description), or --defer")
            }
            if (actionAgency == nil) != (actionDescription == nil) {
                throw ArgumentParser.ValidationError("an action needs both --action-agency and --action-description")
            }
        }

        func run() throws {
            let store = try global.openStore()
            let caseRef = try self.caseRef.resolved(in: store)
            let today = try global.todayDate()
            let due = try parseDate(actionDue, "--action-due")
            // Checked before anything is written: an unknown decision leaves the record as it was.
            let parsed: PanelDecision?
            do { parsed = try decision.map(PanelDecision.parse) } catch { throw CLIError.invalid("--decision: \(error)") }
            if provider != nil && parsed != .apPlace { throw CLIError.usage("--provider goes with --decision \"AP place\"") }
            let item = try store.panelItem(panelId: id, caseRef: caseRef)
            guard let itemId = item.id else { return }
            if let d = parsed {
                try store.recordDecision(user: global.userName, itemId: itemId, decision: d, note: note, noteShared: shareNote,
                                         provider: provider, today: today)
                let effect: String
                switch d {
                case .close: effect = "; case closed"
                case .fairAccess: effect = "; fair access referral opened"
                case .apPlace: effect = "; AP place recorded"
                default: effect = ""
                }
                printOut("panel \(id): \(caseRef) decision recorded\(effect)")
            }
            if let agency = actionAgency, let text = actionDescription {
                let a = try store.addPanelAction(user: global.userName, itemId: itemId, agency: agency, description: text,
                                                 owner: actionOwner, due: due, today: today)
                printOut("panel \(id): \(caseRef) action \(a.id ?? 0) added")
            }
            if `defer` {
                let next = try store.deferItem(user: global.userName, itemId: itemId, today: today)
                printOut("panel \(id): \(caseRef) deferred to panel \(next.id ?? 0) (\(next.date.iso))")
            }
        }
    }

    struct Minutes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The minutes, as Markdown or print-ready HTML.",
                                                        discussion: "--redact names children by initials and case ref only.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Option(help: "md or html.") var format: String = "md"
        @ArgumentParser.Flag(help: "Initials and case refs only.") var redact = false
        @Option(help: "Write to this file (mode 0600) instead of stdout.") var output: String?

        func run() throws {
            let f = try parseCode(format, PanelMinutes.Format.self, "--format")!
            let store = try global.openStore()
            let record = try store.panelRecord(id)
            // Unredacted minutes name every child on the agenda: a read, logged once for the document.
            let head = redact ? try store.head()
                : try store.logRead(user: global.userName, entity: "panel", entityId: String(id),
                                    summary: "panel \(id): minutes produced with children's names (\(f.rawValue))")
            let text = HeadFooter.minutes(PanelMinutes.render(record, format: f, redact: redact), format: f, head: head)
            try emit(text, to: output, protecting: global.storePath)
        }
    }

    struct Actions: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The actions the panel agreed, overall or for one agency.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Option(help: "csv (the default) or table.") var format: OutputFormat = .csv
        @Option(help: "Only this agency's actions (capitals and accents ignored; the start of the name is enough, as in `action list`).")
        var agency: String?
        @Option(help: ArgumentHelp("Write one CSV per agency into this folder (agency-name.csv), for sending each its list.", valueName: "dir"))
        var eachAgency: String?

        func run() throws {
            let r = try global.openStore().panelRecord(id)
            let names = r.allActions.map(\.1.agency)
            if let dir = eachAgency {
                guard agency == nil else { throw CLIError.usage("--each-agency writes every agency's list; leave out --agency") }
                let agencies = Set(names).sorted()
                if agencies.isEmpty { printErr("panel \(id) agreed no actions: nothing written") }
                for a in agencies {
                    let path = (dir as NSString).appendingPathComponent(AgencyMatch.fileStem(a) + ".csv")
                    try OutputFile.write(PanelActionList.csv(r, agency: a), to: path, protecting: global.storePath)
                    let n = names.filter { $0 == a }.count
                    printOut("\(a): \(n) action\(n == 1 ? "" : "s") → \(path)")
                }
                return
            }
            let picked = agency.map { AgencyMatch.filter(names, by: $0) }
            if let a = agency, picked?.isEmpty == true {
                printErr("no actions at panel \(id) for an agency matching '\(a)'"
                         + (names.isEmpty ? "" : " (agencies with actions: \(Set(names).sorted().joined(separator: ", ")))"))
            }
            let chosen = r.allActions.filter { pair in picked?.contains(pair.1.agency) ?? true }
            switch format {
            case .csv: try emit(PanelActionList.csv(r, agency: agency), to: nil, protecting: global.storePath)
            case .json:
                printOut(try JSONOut.encode(chosen.map { $0.1 }))
            case .table:
                let rows: [[String]] = chosen.map { pair in
                    let (i, a) = pair
                    return [i.item.caseRef, i.initials, a.agency, a.owner ?? "", a.due?.iso ?? "", a.description]
                }
                printOut(Tabular.render(["case", "child", "agency", "owner", "due", "action"], rows, format: .table))
            }
        }
    }

    struct ICS: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ics", abstract: "The actions' due dates and the next panel as an iCalendar file.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Option(help: "Write to this file instead of stdout.") var output: String?

        func run() throws {
            try emit(PanelCalendar.ics(try global.openStore().panelRecord(id)), to: output, protecting: global.storePath)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every panel, oldest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() throws {
            let store = try global.openStore()
            let panels = try store.panels()
            if format == .json { printOut(try JSONOut.encode(panels)); return }
            let rows = try panels.map { p -> [String] in
                let r = try store.panelRecord(p.id ?? 0)
                return [String(p.id ?? 0), p.date.iso, p.type.rawValue, p.status.rawValue, p.chair ?? "", String(r.agenda.count),
                        String(r.agenda.filter { $0.item.status != .pending }.count)]
            }
            printOut(Tabular.render(["id", "date", "type", "status", "chair", "items", "done"], rows, format: format))
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the meeting (records the start time).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        func run() throws {
            try global.openStore().startPanel(user: global.userName, id: id)
            printOut("panel \(id): started")
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End the meeting: its record closes.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        func run() throws {
            try global.openStore().endPanel(user: global.userName, id: id)
            printOut("panel \(id): ended")
        }
    }
}

extension PanelCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reopen an ended panel to correct its record (audited; each case on it gets a chronology line).",
            discussion: "Correct it with `panel decide`, then end it again with `panel end`.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel id (`onroll panel list`).") var id: Int64
        @Option(help: "Why it is reopened (kept in the audit log and the chronology).") var reason: String?
        func run() throws {
            try global.openStore().reopenPanel(user: global.userName, id: id, reason: reason, today: try global.todayDate())
            printOut("panel \(id): reopened")
        }
    }
}

/// Writes a document to a file (0600 through OutputFile: panel papers name children) or to stdout.
func emit(_ text: String, to path: String?, protecting store: String) throws {
    guard let p = path else { printOut(text, newline: false); return }
    try OutputFile.write(text, to: p, protecting: store)
    printErr("wrote \(p)")
}
