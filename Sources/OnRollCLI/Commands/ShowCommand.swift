import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore
import TerminalKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One case: child, school, flags, why it scores as it does, deadlines, chronology, actions, suspensions, attendance, plans.",
        discussion: "Viewing a case is itself recorded in the audit log.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
    @Option(help: "text or json.") var format: ShowFormat = .text

    enum ShowFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let store = try global.openStore()
        let today = try global.todayDate()
        let ref = try self.ref.resolved(in: store)
        let r = try store.assessedCase(ref, today: today)
        try store.logView(user: global.userName, caseRef: ref, via: "show")
        switch format {
        case .json: printOut(try JSONOut.encode(CaseDetailJSON(r, today: today)))
        case .text: printOut(CaseText.render(r, today: today))
        }
    }
}

/// `show --format json` (contract.md names the required keys).
struct CaseDetailJSON: Encodable {
    struct ChildJSON: Encodable {
        var ref: String, upn: Nullable<String>, forename: String, surname: String, preferredName: String?, dob: String
        var age: Int, ncYear: Int, sex: String?, sen: String, senNeed: String?, flags: [String]
        var strengths: String?, interests: String?, pupilVoice: String?, parentVoice: String?, contacts: String?
    }
    struct TriageJSON: Encodable {
        struct Reason: Encodable { var factor: String, points: Double, detail: String }
        var score: Double
        var reasons: [Reason]
    }
    var ref: String, kind: String, status: String, opened: String, owner: String?, summary: String?
    var nextReview: String?, closedOn: String?, closureReason: String?, flaggedForPanel: Bool
    /// The case's edit count: what `case assign/status --expect-version` compares against.
    var version: Int
    var child: ChildJSON
    var school: Nullable<School>
    var triage: TriageJSON
    var deadlines: [Deadline]
    var chronology: [ChronologyEntry]
    var actions: [CaseAction]
    var suspensions: [Suspension]
    var reflections: [Reflection]
    var attendance: [AttendanceRecord]
    var plans: [PlanDetail]
    var team: [Professional]
    var outOfSchool: OutOfSchoolRecord?
    var deletions: [RollDeletion]
    /// From schools' CTFs; left out when none arrived.
    var transfer: PupilTransfer?
    var schoolHistory: [SchoolSpell]?

    init(_ r: AssessedCase, today: SchoolDate) {
        let f = r.file, c = f.case, ch = f.child
        ref = c.ref; kind = c.kind.rawValue; status = c.status.rawValue; opened = c.opened.iso; owner = c.owner
        summary = c.summary; nextReview = c.nextReview?.iso; closedOn = c.closedOn?.iso; closureReason = c.closureReason
        flaggedForPanel = c.flaggedForPanel
        version = c.version
        child = ChildJSON(ref: ch.ref, upn: Nullable(ch.upn?.value), forename: ch.forename, surname: ch.surname, preferredName: ch.preferredName,
                          dob: ch.dob.iso, age: SchoolAge.age(dob: ch.dob, on: today),
                          ncYear: SchoolAge.ncYear(dob: ch.dob, in: AcademicYear(containing: today)), sex: ch.sex?.rawValue,
                          sen: ch.sen.rawValue, senNeed: ch.senNeed?.rawValue, flags: ch.flags.map(\.rawValue),
                          strengths: ch.strengths, interests: ch.interests, pupilVoice: ch.pupilVoice, parentVoice: ch.parentVoice,
                          contacts: ch.contacts)
        school = Nullable(f.school)
        triage = TriageJSON(score: r.score, reasons: r.assessment.triage.reasons.map { .init(factor: $0.factor, points: $0.points, detail: $0.detail) })
        deadlines = r.assessment.deadlines
        chronology = f.chronology; actions = f.actions; suspensions = f.suspensions
        reflections = f.reflections.values.sorted { $0.suspensionId < $1.suspensionId }
        attendance = f.attendance; plans = f.plans; team = f.team; outOfSchool = f.outOfSchool; deletions = f.deletions
        transfer = f.transfer; schoolHistory = f.schoolHistory.isEmpty ? nil : f.schoolHistory
    }
}

/// `show` as text: strengths first, then the why, then the record.
enum CaseText {
    static func render(_ r: AssessedCase, today: SchoolDate) -> String {
        let f = r.file, c = f.case, ch = f.child
        let s = Sanitise.forTerminal
        var out: [String] = []
        let year = SchoolAge.ncYear(dob: ch.dob, in: AcademicYear(containing: today))
        out.append("\(c.ref)  \(s(ch.displayName))  (\(ch.ref)\(ch.upn.map { ", UPN \($0.value)" } ?? ""))")
        out.append("  \(c.kind.label) · \(c.status.label) · owner \(s(c.owner ?? "none")) · opened \(c.opened.iso) · next review \(c.nextReview?.iso ?? "none")")
        out.append("  Age \(SchoolAge.age(dob: ch.dob, on: today)), \(SchoolAge.ncYearLabel(year)) · born \(ch.dob.iso)\(ch.sex.map { " · \($0.label)" } ?? "")")
        out.append("  School: \(s(f.school.map { "\($0.name) (\($0.urn)), \($0.trustLabel)" } ?? ch.schoolURN ?? "none"))")
        out.append("  SEN: \(ch.sen.label)\(ch.senNeed.map { " — \($0.label)" } ?? "") · Flags: \(ch.flags.isEmpty ? "none" : ch.flags.map(\.rawValue).joined(separator: " "))")
        if let sm = c.summary { out.append("  Summary: \(s(sm))") }
        out.append("")
        out.append("Strengths and voice")
        out.append("  Strengths: \(s(ch.strengths ?? "not recorded"))")
        if let i = ch.interests { out.append("  Interests: \(s(i))") }
        out.append("  Pupil voice: \(s(ch.pupilVoice ?? "not recorded"))")
        out.append("  Parent/carer voice: \(s(ch.parentVoice ?? "not recorded"))")
        if !f.team.isEmpty {
            out.append("")
            out.append("Team around the child")
            for p in f.team where p.left == nil {
                out.append("  \(p.isLead ? "★" : " ") \(s(p.name)) — \(s(p.agency))\(p.role.map { ", \(s($0))" } ?? "")\(p.contact.map { " · \(s($0))" } ?? "")")
            }
        }
        out.append("")
        out.append("Why: triage score \(String(format: "%.1f", r.score))")
        for reason in r.assessment.triage.reasons {
            out.append("  \(String(format: "%+6.1f", reason.points))  \(reason.factor)  \(s(reason.detail))")
        }
        out.append("")
        out.append("Deadlines")
        if r.assessment.deadlines.isEmpty { out.append("  none") }
        for d in r.assessment.deadlines {
            out.append("  \(d.due.iso)  \(d.state.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(d.title)\(d.detail.map { " — \(s($0))" } ?? "")")
        }
        out.append("")
        out.append("Actions")
        if f.actions.isEmpty { out.append("  none") }
        for a in f.actions {
            let state = a.isOverdue(on: today) ? "OVERDUE" : a.status.rawValue
            out.append("  #\(a.id ?? 0) [\(state)] \(s(a.agency))\(a.owner.map { " (\(s($0)))" } ?? ""): \(s(a.description))\(a.due.map { " — due \($0.iso)" } ?? "")\(a.outcome.map { " — \(s($0))" } ?? "")")
        }
        out.append("")
        out.append("Suspensions")
        if f.suspensions.isEmpty { out.append("  none") }
        for x in f.suspensions {
            let refl = x.id.flatMap { f.reflections[$0] } != nil ? "reflection recorded" : "no reflection"
            out.append("  #\(x.id ?? 0) \(x.start.iso)  \(formatDays(x.days)) days  \(x.lunchtime ? "Lunchtime" : x.type.label)\(x.reasonCodes.isEmpty ? "" : ", " + x.reasonCodes.joined(separator: "/"))  · \(refl)\(x.factsText)")
        }
        out.append("")
        out.append("Attendance")
        if f.attendance.isEmpty { out.append("  none") }
        for a in f.attendance {
            let pct = a.possible > 0 ? 100.0 * Double(a.missed) / Double(a.possible) : 0
            out.append("  \(a.from.iso)..\(a.to.iso)  present \(a.present)/\(a.possible) sessions  missed \(String(format: "%.1f", pct))%\(a.laestab.map { "  at \($0)" } ?? "")")
        }
        if f.transfer != nil || !f.schoolHistory.isEmpty {
            out.append("")
            out.append("From transfer files (CTF)")
            if let t = f.transfer {
                let parts = [t.ncYear.map { "NC year (school's) \($0)" }, t.senNeeds.map { "SEN needs \($0.replacingOccurrences(of: ";", with: ", "))" }].compactMap { $0 }
                if !parts.isEmpty { out.append("  " + parts.joined(separator: " · ")) }
                if let a = t.address { out.append("  Address: \(s(a))") }
                for line in (t.contacts ?? "").split(separator: "\n") { out.append("  Contact: \(s(String(line)))") }
            }
            for h in f.schoolHistory {
                out.append("  \(h.entry.iso)..\(h.leaving?.iso ?? "")  \(s(h.schoolName ?? "school")) (\(h.laestab))\(h.leavingReason.map { " — \(s($0))" } ?? "")")
            }
        }
        if !f.plans.isEmpty {
            out.append("")
            out.append("Reintegration plans")
            for p in f.plans {
                out.append("  plan \(p.plan.id ?? 0): \(p.plan.fromURN) → \(p.plan.toURN), \(p.plan.start.iso) to \(p.plan.target.iso), \(p.plan.status.label)")
                if let last = p.reviews.last { out.append("    last review \(last.date.iso): \(last.attended)/\(last.planned) sessions, \(last.rag.label)") }
            }
        }
        out.append("")
        out.append("Chronology (newest first)")
        for e in f.chronology {
            out.append("  \(e.date.iso)  \(e.kind.label.padding(toLength: 12, withPad: " ", startingAt: 0)) \(s(e.text))  — \(s(e.byline))")
        }
        return out.joined(separator: "\n")
    }
}
