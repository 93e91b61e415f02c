import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

struct SuspensionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspension", abstract: "Suspensions and permanent exclusions, their steps and reflections.",
        subcommands: [Add.self, Step.self, Reflect.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a suspension or permanent exclusion as it happened; prints its id.",
            discussion: "A suspension that takes the year over 45 school days is recorded and flagged as a breach, never refused.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The child's ref.") var child: String
        @Option var start: String
        @Option(help: "School days, in 0.5 steps (a lunchtime is 0.5).") var days: Double
        @Option(help: "Census reason code (e.g. PA, VA, DB).") var reason: String?
        @Option(help: "The school's URN (default the child's school).") var school: String?
        @ArgumentParser.Flag(help: "A permanent exclusion.") var permanent = false
        @Option(help: "Date notice was given to parents (the governors' clock runs from it).") var notice: String?
        @Option(help: "Date the local authority was told.") var notifiedLa: String?
        @ArgumentParser.Flag(help: "A public exam or national test is missed.") var examMissed = false

        func run() throws {
            let s = Suspension(childRef: child, start: try parseDate(start, "--start")!, days: days,
                               reason: try parseCode(reason, ReasonCode.self, "--reason"), schoolURN: school,
                               type: permanent ? .permanent : .suspension, noticeDate: try parseDate(notice, "--notice"),
                               examMissed: examMissed, notifiedLA: try parseDate(notifiedLa, "--notified-la"))
            do { try Suspension.validateDays(days) } catch { throw CLIError.invalid("--days: \(error.message)") }
            let rec = try global.openStore().addSuspension(user: global.userName, s, today: try global.todayDate())
            printOut(String(rec.id ?? 0))
        }
    }

    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a notification or exclusion step on a suspension.",
            discussion: """
                STEP is one of: notified-la, notified-social-worker, notified-virtual-school, notified-home-la,
                provision-from, governors-met, decision-letter, review-requested, review-panel, reconsidered,
                reinstated, off-roll.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument var id: Int64
        @Argument var step: String
        @Option(help: "When it happened (default today).") var date: String?

        func run() throws {
            let d = try parseDate(date, "--date") ?? global.todayDate()
            let path: WritableKeyPath<Suspension, SchoolDate?>?
            switch step {
            case "notified-la": path = \.notifiedLA
            case "notified-social-worker": path = \.notifiedSocialWorker
            case "notified-virtual-school": path = \.notifiedVirtualSchool
            case "notified-home-la": path = \.notifiedHomeLA
            case "provision-from": path = \.provisionFrom
            case "governors-met": path = \.governorsMet
            case "decision-letter": path = \.decisionLetter
            case "review-requested": path = \.reviewRequested
            case "review-panel": path = \.reviewPanel
            case "reconsidered": path = \.reconsidered
            case "reinstated", "off-roll": path = nil
            default: throw CLIError.usage("'\(step)' is not a step (see onroll suspension step --help)")
            }
            let s = try global.openStore().updateSuspension(user: global.userName, id: id, date: d, describe: "\(step) \(d.iso)") { s in
                if let p = path { s[keyPath: p] = d } else {
                    guard s.type == .permanent else { throw StoreError.invalid("suspension \(id) is not a permanent exclusion") }
                    s.pexOutcome = step
                }
            }
            printOut("suspension \(s.id ?? 0): \(step) \(d.iso)")
        }
    }

    struct Reflect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the reflection after a suspension; each --action becomes an action on the case.",
            discussion: "--action takes AGENCY|DESCRIPTION|OWNER|DUE (owner and due may be empty).")
        @OptionGroup var global: GlobalOptions
        @Argument var id: Int64
        @Option var what: String
        @Option var triggers: String?
        @Option(help: "What the pupil says.") var pupil: String?
        @Option(help: "What will change.") var change: String?
        @Option(help: "AGENCY|DESCRIPTION|OWNER|DUE") var action: [String] = []
        @Option(help: "The case the actions go on (default the child's open case).") var `case`: String?

        func run() throws {
            let today = try global.todayDate()
            let acts = try action.map { spec -> (agency: String, description: String, owner: String?, due: SchoolDate?) in
                let p = spec.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                guard p.count >= 2, !p[0].isEmpty, !p[1].isEmpty else { throw CLIError.usage("--action '\(spec)': use AGENCY|DESCRIPTION|OWNER|DUE") }
                return (p[0], p[1], p.count > 2 && !p[2].isEmpty ? p[2] : nil, p.count > 3 && !p[3].isEmpty ? try parseDate(p[3], "--action due") : nil)
            }
            try global.openStore().addReflection(user: global.userName,
                                                 Reflection(suspensionId: id, date: today, whatHappened: what, triggers: triggers,
                                                            pupilView: pupil, whatWillChange: change, author: global.userName),
                                                 caseRef: `case`, actions: acts)
            printOut("suspension \(id): reflection recorded" + (acts.isEmpty ? "" : ", \(acts.count) action(s) added"))
        }
    }
}

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attendance", abstract: "Attendance records.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an attendance record (sessions) for a child.")
        @OptionGroup var global: GlobalOptions
        @Argument var child: String
        @Option var from: String
        @Option var to: String
        @Option var possible: Int
        @Option var present: Int
        @Option var authorised: Int?
        @Option var unauthorised: Int?

        func run() throws {
            let a = AttendanceRecord(childRef: child, from: try parseDate(from, "--from")!, to: try parseDate(to, "--to")!,
                                     possible: possible, present: present, authorised: authorised, unauthorised: unauthorised)
            let r = try global.openStore().addAttendance(user: global.userName, a, today: try global.todayDate())
            printOut("attendance \(r.id ?? 0) added: \(r.missed) of \(r.possible) sessions missed")
        }
    }
}
