import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Reintegration plans: phases, reviews, endings, and the PRU head's list.",
        subcommands: [New.self, Phase.self, Review.self, Target.self, End.self, Show.self, List.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a reintegration plan on a case; prints the plan id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var caseRef: CaseRefArg
        @Option(help: "The PRU, AP or current school's URN.") var from: String
        @Option(help: "The target school's URN.") var to: String
        @Option(help: "The date the plan starts, YYYY-MM-DD.") var start: String
        @Option(help: "The date the pupil should be full time in the target school, YYYY-MM-DD.") var target: String
        @Option(help: "School days between reviews (default 10).") var reviewEvery: Int = 10
        @Option(help: "What success looks like.") var criteria: String?
        @Option(help: "What each agency commits to.") var support: String?

        func run() throws {
            let store = try global.openStore()
            let p = try store.newPlan(user: global.userName, ReintegrationPlan(
                caseRef: try caseRef.resolved(in: store), fromURN: from, toURN: to, start: try parseDate(start, "--start")!,
                target: try parseDate(target, "--target")!, reviewEvery: reviewEvery, successCriteria: criteria, support: support))
            printOut(String(p.id ?? 0))
        }
    }

    struct Phase: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a phase: planned sessions a week between two dates (10 is full time).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan id (`onroll plan list`).") var plan: Int64
        @Option(help: "The first day of the phase, YYYY-MM-DD.") var from: String
        @Option(help: "The last day of the phase, YYYY-MM-DD.") var to: String
        @Option(help: "Planned sessions a week, 0–10.") var sessions: Int
        @Option(help: "What the pupil does in this phase, e.g. \"mornings at the target school\".") var description: String?

        func run() throws {
            let ph = try global.openStore().addPhase(user: global.userName, PlanPhase(
                planId: plan, from: try parseDate(from, "--from")!, to: try parseDate(to, "--to")!, sessions: sessions, description: description))
            printOut("plan \(plan): phase \(ph.id ?? 0) \(ph.from.iso)..\(ph.to.iso), \(ph.sessions) sessions a week")
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a plan review: sessions attended against planned, RAG, voices and the decision.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan id (`onroll plan list`).") var plan: Int64
        @Option(help: "The date of the review, YYYY-MM-DD.") var date: String
        @Option(help: "Sessions attended since the last review.") var attended: Int
        @Option(help: "Sessions planned since the last review.") var planned: Int
        @Option(help: "red, amber or green.") var rag: String
        @Option(help: "A note on the review (goes in the chronology).") var note: String?
        @Option(help: "What is working.") var working: String?
        @Option(help: "What is not working.") var notWorking: String?
        @Option(help: "What the pupil says.") var pupil: String?
        @Option(help: "What the parent or carer says.") var parent: String?
        @Option(help: "continue, step-up, extend, pause or end. step-up moves to the next phase; extend needs --new-target; end needs --outcome.") var decision: String?
        @Option(help: "With --decision extend: the new full-time target, YYYY-MM-DD, after the current one.") var newTarget: String?
        @Option(help: "With --decision end: completed or broken-down.") var outcome: String?
        @Option(help: "With --outcome broken-down: why it broke down.") var reason: String?

        func run() throws {
            let effect = PlanReview.Effect(newTarget: try parseDate(newTarget, "--new-target"),
                                           outcome: try parseCode(outcome, ReintegrationPlan.Status.self, "--outcome"), reason: reason)
            let r = try global.openStore().addPlanReview(user: global.userName, PlanReview(
                planId: plan, date: try parseDate(date, "--date")!, attended: attended, planned: planned,
                rag: try parseCode(rag, RAG.self, "--rag")!, working: working, notWorking: notWorking, pupilVoice: pupil,
                parentVoice: parent, decision: try parseCode(decision, PlanReview.Decision.self, "--decision"), note: note,
                author: global.userName), effect: effect, today: try global.todayDate())
            printOut("plan \(plan): review \(r.id ?? 0) recorded (\(attended)/\(planned), \(r.rag.rawValue))")
        }
    }

    struct Target: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a plan's full-time target date outside a review.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan id (`onroll plan list`).") var plan: Int64
        @Option(help: "The new target date, YYYY-MM-DD.") var date: String
        @Option(help: "Why the target moved.") var reason: String?

        func run() throws {
            let p = try global.openStore().changePlanTarget(user: global.userName, id: plan, target: try parseDate(date, "--date")!,
                                                            reason: reason, today: try global.todayDate())
            printOut("plan \(plan): full time by \(p.target.iso)")
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a plan: completed, extended, or broken-down (needs --reason).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan id (`onroll plan list`).") var plan: Int64
        @Option(help: "completed, extended or broken-down.") var outcome: String
        @Option(help: "Why it ended (expected with broken-down).") var reason: String?
        @Option(help: "The date it ended, YYYY-MM-DD (default today).") var date: String?

        func run() throws {
            let o = try parseCode(outcome, ReintegrationPlan.Status.self, "--outcome")!
            guard o.isEnded else { throw CLIError.invalid("--outcome: use completed, extended or broken-down") }
            let p = try global.openStore().endPlan(user: global.userName, id: plan, outcome: o, reason: reason,
                                                   date: try parseDate(date, "--date") ?? global.todayDate())
            printOut("plan \(plan): \(p.status.label)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One plan with its phases, reviews and schedule.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan id (`onroll plan list`).") var plan: Int64
        @Option(help: "text or json.") var format: ShowCommand.ShowFormat = .text

        func run() throws {
            let store = try global.openStore()
            let today = try global.todayDate()
            let d = try store.plan(plan)
            let view = PlanView(d, calendar: try store.calendar(), today: today)
            switch format {
            case .json: printOut(try JSONOut.encode(view))
            case .text: printOut(view.text)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Active plans: phase, weeks in, attendance against plan, last RAG and next review; overdue reviews first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only plans from this PRU or AP (URN).") var setting: String?
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() throws {
            let store = try global.openStore()
            let today = try global.todayDate()
            let cal = try store.calendar()
            let rows = try store.planRows(setting: setting).map { r in
                PlanListRow(PlanView(r.detail, calendar: cal, today: today), child: r.child.displayName)
            }.sorted { a, b in
                if a.reviewOverdue != b.reviewOverdue { return a.reviewOverdue }
                return (a.nextReview ?? "9999", a.id) < (b.nextReview ?? "9999", b.id)
            }
            switch format {
            case .json: printOut(try JSONOut.encode(rows))
            case .csv, .table:
                let body = rows.map { r in
                    // The child's name goes last: it is the column a narrow terminal shortens.
                    [String(r.id), r.caseRef, r.from, r.to, r.status, String(r.weeksIn),
                     r.phaseSessions.map { "\($0)/10" } ?? "—",
                     "\(r.attended)/\(r.planned)" + (format == .table ? " " + r.sparkline : ""),
                     r.lastRAG ?? "—", (r.nextReview ?? "—") + (r.reviewOverdue ? (format == .table ? " OVERDUE" : "") : ""), r.child]
                }
                var header = ["plan", "case", "from", "to", "status", "weeks", "phase", "attended", "rag", "next review", "child"]
                var rowsOut = body
                if format == .csv {
                    header.append("overdue")
                    rowsOut = zip(body, rows).map { $0 + [$1.reviewOverdue ? "yes" : "no"] }
                }
                printOut(Tabular.render(header, rowsOut, format: format))
            }
        }
    }
}
