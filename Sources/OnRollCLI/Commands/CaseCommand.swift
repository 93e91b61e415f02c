import ArgumentParser
import OnRollCore
import OnRollStore

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Open, close, assign or change the status of a case.",
        subcommands: [Open.self, Close.self, Assign.self, Officers.self, Status.self, Review.self, Flag.self, EHC.self, Offsite.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a case for a child; prints the new case ref.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The child's ref, e.g. C00064 (capitals optional).") var child: ChildRefArg
        @Option(help: "ebsa, suspension, exclusion, ehe, offroll, cme or part-time.") var kind: String
        @Option(help: "The officer who owns the case (default none).") var owner: String?
        @Option(help: "One line on why the case is open.") var summary: String?
        @Option(help: "Use this ref instead of the next WM-NNNNN.") var ref: String?
        @Option(help: "referral, open or monitoring (default open).") var status: String?

        func run() throws {
            let k = try parseCode(kind, CaseKind.self, "--kind")!
            let st = try parseCode(status, CaseStatus.self, "--status") ?? .open
            if st == .closed { throw CLIError.invalid("--status: a new case cannot be closed") }
            let store = try global.openStore()
            let c = try store.openCase(user: global.userName, childRef: try child.resolved(in: store), kind: k, owner: owner, summary: summary,
                                       ref: ref, today: try global.todayDate(), status: st)
            printOut(c.ref)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a case with a reason.",
            discussion: "Open actions and pending panel items are left as they are; each is named in a warning on stderr.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
        @Option(help: "Why the case is closed (goes in the chronology).") var reason: String

        func run() throws {
            let store = try global.openStore()
            let ref = try self.ref.resolved(in: store)
            let open = try store.openWork(caseRef: ref)
            let c = try store.closeCase(user: global.userName, ref: ref, reason: reason, today: try global.todayDate())
            if !open.isEmpty { printErr("warning: \(c.ref) closed with \(open.summary) still open") }
            printOut("\(c.ref): closed (\(reason))")
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a case to an officer.",
            discussion: """
                The owner must be an officer the store knows (`onroll case officers`); a near miss such as \
                tom.reed for tom.reid is refused with the name it resembles. --new-owner gives the case to \
                someone new. --handover adds a note for the new owner; --move-lead hands the lead \
                professional role on when the outgoing owner holds it.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
        @Option(help: "The officer to give the case to (see `onroll case officers`).") var owner: String
        @Option(help: "A handover note for the new owner (goes in the chronology).") var handover: String?
        @ArgumentParser.Flag(help: "The outgoing owner is the lead professional: make the new owner the lead.") var moveLead = false
        @ArgumentParser.Flag(help: "The owner is a new officer, not a typo of a known one.") var newOwner = false
        @Option(help: ArgumentHelp("Refuse (exit 1) unless the case is still at this version (see `show --format json`).", valueName: "N"))
        var expectVersion: Int?

        func run() throws {
            let store = try global.openStore()
            let c = try store.reassign(user: global.userName, ref: try ref.resolved(in: store), owner: owner,
                                       handover: Store.Handover(note: handover, moveLead: moveLead, newOwner: newOwner),
                                       today: try global.todayDate(), expectedVersion: expectVersion)
            printOut("\(c.ref): owner \(c.owner ?? "")" + (moveLead ? ", lead professional" : ""))
        }
    }

    struct Officers: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The officers the store knows (case owners and everyone who has written to it).")
        @OptionGroup var global: GlobalOptions

        func run() throws { for o in try global.openStore().officers() { printOut(o) } }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a case between referral, open and monitoring.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
        @Argument(help: "referral, open, monitoring (use `case close` to close).") var status: String
        @Option(help: ArgumentHelp("Refuse (exit 1) unless the case is still at this version (see `show --format json`).", valueName: "N"))
        var expectVersion: Int?

        func run() throws {
            let s = try parseCode(status, CaseStatus.self, "status")!
            if s == .closed { throw CLIError.usage("use `onroll case close REF --reason TEXT` to close a case") }
            let store = try global.openStore()
            let c = try store.setStatus(user: global.userName, ref: try ref.resolved(in: store), status: s, today: try global.todayDate(),
                                                     expectedVersion: expectVersion)
            printOut("\(c.ref): \(c.status.rawValue)")
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a case's next review date.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
        @Option(help: "The next review date, YYYY-MM-DD or DD/MM/YYYY.") var date: String

        func run() throws {
            let d = try parseDate(date, "--date")
            let store = try global.openStore()
            let c = try store.setNextReview(user: global.userName, ref: try ref.resolved(in: store), date: d, today: try global.todayDate())
            printOut("\(c.ref): next review \(c.nextReview?.iso ?? "none")")
        }
    }

    struct EHC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ehc",
            abstract: "Record the steps of an EHC needs assessment (request, decision, no-plan notice, plan issued).",
            discussion: "Each is the date it happened; the 6-, 16- and 20-week clocks and the annual review run from them.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
        @Option(help: "The date the assessment was requested, YYYY-MM-DD.") var requested: String?
        @Option(help: "The date the authority decided whether to assess, YYYY-MM-DD (due by week 6).") var decision: String?
        @Option(help: "The date of notice that no plan will be issued, YYYY-MM-DD (by week 16).") var noPlan: String?
        @Option(help: "The date the final plan was issued, or of its last annual review, YYYY-MM-DD.") var issued: String?

        func run() throws {
            let req = try parseDate(requested, "--requested"), dec = try parseDate(decision, "--decision")
            let none = try parseDate(noPlan, "--no-plan"), iss = try parseDate(issued, "--issued")
            guard req != nil || dec != nil || none != nil || iss != nil else {
                throw CLIError.usage("give at least one of --requested, --decision, --no-plan, --issued")
            }
            var steps: [String] = []
            if let d = req { steps.append("requested \(d.iso)") }
            if let d = dec { steps.append("decision \(d.iso)") }
            if let d = none { steps.append("no-plan notice \(d.iso)") }
            if let d = iss { steps.append("plan issued/reviewed \(d.iso)") }
            let text = "EHC needs assessment: " + steps.joined(separator: ", ")
            let store = try global.openStore()
            let c = try store.editCase(user: global.userName, ref: try ref.resolved(in: store), date: try global.todayDate(), kind: .status,
                                                    op: .caseEhc, describe: { _, _ in text }) { c in
                if let d = req { c.ehcRequest = d }
                if let d = dec { c.ehcDecision = d }
                if let d = none { c.ehcNoPlanNotice = d }
                if let d = iss { c.ehcLastReview = d }
            }
            printOut("\(c.ref): \(text)")
        }
    }

    struct Offsite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "offsite",
            abstract: "Record a direction to off-site provision (s29A): first day, notice, reviews requested and held.",
            discussion: """
                Written notice is due 2 school days before the first day; a review asked for by the parents or
                the LA is due within 10 school days unless one was held in the 10 weeks before the request.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
        @Option(help: "The first day the pupil attends the off-site provision, YYYY-MM-DD.") var firstDay: String?
        @Option(help: "The date written notice was given to the parents (and the LA for an EHC plan), YYYY-MM-DD.") var notice: String?
        @Option(help: "The date the parents or the LA asked for a review, YYYY-MM-DD.") var reviewRequested: String?
        @Option(help: "The date the latest review meeting was held, YYYY-MM-DD.") var reviewHeld: String?

        func run() throws {
            let d = Store.OffsiteDirection(firstDay: try parseDate(firstDay, "--first-day"), notice: try parseDate(notice, "--notice"),
                                           reviewRequested: try parseDate(reviewRequested, "--review-requested"),
                                           reviewHeld: try parseDate(reviewHeld, "--review-held"))
            guard !d.isEmpty else { throw CLIError.usage("give at least one of --first-day, --notice, --review-requested, --review-held") }
            let store = try global.openStore()
            let c = try store.recordOffsite(user: global.userName, ref: try ref.resolved(in: store), d, today: try global.todayDate())
            printOut("\(c.ref): \(Store.describeOffsite(c))")
        }
    }

    struct Flag: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a case on (or take it off) the next panel's agenda.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
        @ArgumentParser.Flag(help: "Remove the flag.") var off = false

        func run() throws {
            let store = try global.openStore()
            let c = try store.flagForPanel(user: global.userName, ref: try ref.resolved(in: store), flagged: !off, today: try global.todayDate())
            printOut("\(c.ref): \(c.flaggedForPanel ? "flagged for panel" : "not flagged")")
        }
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a case's chronology (notes are never edited).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
    @Argument(help: "The note's text (quote it).") var text: String
    @Option(help: "The date the note is about, YYYY-MM-DD (default today).") var date: String?

    func run() throws {
        let d = try parseDate(date, "--date") ?? global.todayDate()
        let store = try global.openStore()
        let ref = try self.ref.resolved(in: store)
        let e = try store.addNote(user: global.userName, caseRef: ref, text: text, date: d, today: try global.todayDate())
        printOut("\(ref): note \(e.id ?? 0) added")
    }
}

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contact", abstract: "Record a contact or enquiry about a child (home visit, phone call, letter…).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case ref, e.g. WM-00001 (wm-00001 works too).") var ref: CaseRefArg
    @Option(help: "One of: \(ContactType.known.joined(separator: ", ")).") var type: String
    @Option(help: "What came of it.") var outcome: String
    @ArgumentParser.Flag(help: "The child was seen (updates the last-seen date).") var seen = false
    @Option(help: "The date of the contact, YYYY-MM-DD (default today).") var date: String?
    @Option(help: "A longer note, added to the chronology line after the type and outcome.") var note: String?

    func run() throws {
        guard let type = ContactType.canonical(self.type) else { throw CLIError.invalid("--type: \(ContactType.refusal(self.type))") }
        let d = try parseDate(date, "--date") ?? global.todayDate()
        let store = try global.openStore()
        let ref = try self.ref.resolved(in: store)
        let e = try store.addContact(user: global.userName, caseRef: ref, date: d, type: type, outcome: outcome, seen: seen,
                                     text: note.map { "\(type): \(outcome) — \($0)" }, today: try global.todayDate())
        printOut("\(ref): contact \(e.id ?? 0) recorded")
        // On an EHE case say whether this was the annual contact, so nobody believes a phone call was.
        if let c = try store.case(ref), c.kind == .ehe {
            switch EHEAnnualContact.verdict(kind: c.kind, contactType: type, childSeen: seen) {
            case .meets:
                let last = try store.outOfSchoolRecord(c.childRef)?.lastAnnualContact ?? d
                printOut("\(ref): EHE annual contact \(last.iso); the next is due by \(EHEAnnualContact.nextDue(after: last).iso)")
            case .doesNotMeet(let why): printErr("note: not the EHE annual contact: \(why)")
            }
        }
    }
}

struct VoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voice", abstract: "Record what the child and the parents or carers say (shown first on the case).",
        discussion: "The child's record keeps the latest of each; every open case of the child gets a chronology line.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A case ref, or the child's ref (capitals optional).") var ref: ChildRefArg
    @Option(help: "The pupil's voice.") var pupil: String?
    @Option(help: "The parent's or carer's voice.") var parent: String?
    @Option(help: "The date it was said, YYYY-MM-DD (default today).") var date: String?

    func run() throws {
        guard pupil != nil || parent != nil else { throw CLIError.usage("give --pupil, --parent or both") }
        let store = try global.openStore()
        let childRef = try ref.resolvedAllowingCase(in: store)
        guard try store.child(childRef) != nil else { throw StoreError.notFound("no case or child with ref \(ref.typed)") }
        let d = try parseDate(date, "--date") ?? global.todayDate()
        let ch = try store.setVoice(user: global.userName, childRef: childRef, pupil: pupil, parent: parent, date: d)
        printOut("\(ch.ref): voice recorded" + (pupil != nil ? " (pupil)" : "") + (parent != nil ? " (parent/carer)" : ""))
    }
}

struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agency", abstract: "List the agencies, or add the authority's own.",
                                                    subcommands: [List.self, Add.self], defaultSubcommand: List.self)
    struct List: ParsableCommand {
        @OptionGroup var global: GlobalOptions
        func run() throws { for a in try global.openStore().agencies() { printOut(a) } }
    }
    struct Add: ParsableCommand {
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The agency's name as it should appear in pick lists, e.g. \"Youth Offending Team\".") var name: String
        func run() throws {
            try global.openStore().addAgency(user: global.userName, name: name)
            printOut("agency added: \(name)")
        }
    }
}
