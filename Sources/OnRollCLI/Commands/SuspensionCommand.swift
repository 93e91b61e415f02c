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
        @Argument(help: "The child's ref, e.g. C00064 (capitals optional).") var child: ChildRefArg
        @Option(help: "The first day of the suspension, YYYY-MM-DD.") var start: String
        @Option(help: "School days, in 0.5 steps (a lunchtime is 0.5).") var days: Double
        @Option(help: "Census reason code (e.g. PA, VA, DB).") var reason: String?
        @Option(help: "The school's URN (default the child's school).") var school: String?
        @ArgumentParser.Flag(help: "A permanent exclusion.") var permanent = false
        @Option(help: "The date notice was given to parents, YYYY-MM-DD (the governors' clock runs from it).") var notice: String?
        @Option(help: "The date the local authority was told, YYYY-MM-DD.") var notifiedLa: String?
        @ArgumentParser.Flag(help: "A public exam or national test is missed.") var examMissed = false
        @Option(help: "The date of the exam or test missed, YYYY-MM-DD (governors meet before it if that is sooner; implies --exam-missed).") var examDate: String?

        func run() throws {
            do { try Suspension.validateDays(days) } catch { throw CLIError.invalid("--days: \(error.message)") }
            let store = try global.openStore()
            var s = Suspension(childRef: try child.resolved(in: store), start: try parseDate(start, "--start")!, days: days,
                               reason: try parseCode(reason, ReasonCode.self, "--reason"), schoolURN: school,
                               type: permanent ? .permanent : .suspension, noticeDate: try parseDate(notice, "--notice"),
                               examMissed: examMissed, notifiedLA: try parseDate(notifiedLa, "--notified-la"))
            if let e = try parseDate(examDate, "--exam-date") { s.examDate = e; s.examMissed = true }
            let rec = try store.addSuspension(user: global.userName, s, today: try global.todayDate())
            printOut(String(rec.id ?? 0))
        }
    }

    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a notification or exclusion step on a suspension.",
            discussion: """
                STEP is one of: notified-la, notified-social-worker, notified-virtual-school, notified-home-la,
                provision-from, governors-met, decision-letter, review-requested, review-panel, reconsidered,
                reinstated, off-roll; and the dates the clocks read:
                  exam                    the date of the exam the suspension makes the pupil miss (may be ahead)
                  provision-notice        the parents were told of the day-6 provision (due 48 hours before it)
                  notice-waived           the parents waived that notice (--date is when)
                  panel-decision-posted   the panel's decision was posted first class (deemed given 2 working days later)
                  panel-decision-by-hand  the panel's decision was delivered by hand (given that day)
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The suspension id (printed by `suspension add`, shown by `show`).") var id: Int64
        @Argument(help: "The step taken (see the list above).") var step: String
        @Option(help: "When it happened, YYYY-MM-DD (default today).") var date: String?

        func run() throws {
            let d = try parseDate(date, "--date") ?? global.todayDate()
            let facts: Store.SuspensionFacts?
            switch step {
            case "exam": facts = .init(examDate: d)
            case "provision-notice": facts = .init(provisionNotice: d)
            case "notice-waived": facts = .init(noticeWaived: true)
            case "panel-decision-posted": facts = .init(panelDecisionSent: d, panelDecisionByHand: false)
            case "panel-decision-by-hand": facts = .init(panelDecisionSent: d, panelDecisionByHand: true)
            default: facts = nil
            }
            if let facts {
                let store = try global.openStore()
                let s = try store.recordSuspensionFacts(user: global.userName, id: id, facts, today: try global.todayDate())
                printOut("suspension \(s.id ?? 0): \(facts.describe ?? step)")
                return
            }
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
        @Argument(help: "The suspension id (printed by `suspension add`, shown by `show`).") var id: Int64
        @Option(help: "What happened, in the school's and the family's words.") var what: String
        @Option(help: "What led up to it.") var triggers: String?
        @Option(help: "What the pupil says.") var pupil: String?
        @Option(help: "What will change.") var change: String?
        @Option(help: "An action agreed, as AGENCY|DESCRIPTION|OWNER|DUE (repeatable; DUE is YYYY-MM-DD).") var action: [String] = []
        @Option(help: "The case the actions go on (default the child's open case; capitals optional).") var `case`: CaseRefArg?

        func run() throws {
            let today = try global.todayDate()
            let acts = try action.map { spec -> (agency: String, description: String, owner: String?, due: SchoolDate?) in
                let p = spec.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                guard p.count >= 2, !p[0].isEmpty, !p[1].isEmpty else { throw CLIError.usage("--action '\(spec)': use AGENCY|DESCRIPTION|OWNER|DUE") }
                return (p[0], p[1], p.count > 2 && !p[2].isEmpty ? p[2] : nil, p.count > 3 && !p[3].isEmpty ? try parseDate(p[3], "--action due") : nil)
            }
            let store = try global.openStore()
            try store.addReflection(user: global.userName,
                                                 Reflection(suspensionId: id, date: today, whatHappened: what, triggers: triggers,
                                                            pupilView: pupil, whatWillChange: change, author: global.userName),
                                                 caseRef: try `case`?.resolved(in: store), actions: acts)
            printOut("suspension \(id): reflection recorded" + (acts.isEmpty ? "" : ", \(acts.count) action(s) added"))
        }
    }
}

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attendance", abstract: "Attendance records.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an attendance record (sessions) for a child.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The child's ref, e.g. C00064 (capitals optional).") var child: ChildRefArg
        @Option(help: "The first day the record covers, YYYY-MM-DD.") var from: String
        @Option(help: "The last day the record covers, YYYY-MM-DD.") var to: String
        @Option(help: "Possible sessions (two a school day).") var possible: Int
        @Option(help: "Sessions present (at most --possible).") var present: Int
        @Option(help: "Sessions of authorised absence.") var authorised: Int?
        @Option(help: "Sessions of unauthorised absence.") var unauthorised: Int?

        func run() throws {
            let store = try global.openStore()
            let a = AttendanceRecord(childRef: try child.resolved(in: store), from: try parseDate(from, "--from")!, to: try parseDate(to, "--to")!,
                                     possible: possible, present: present, authorised: authorised, unauthorised: unauthorised)
            let r = try store.addAttendance(user: global.userName, a, today: try global.todayDate())
            printOut("attendance \(r.id ?? 0) added: \(r.missed) of \(r.possible) sessions missed")
        }
    }
}
