import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

struct OutOfSchoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oos", abstract: "Children not in school: the CNIS record, CME enquiries, and the out-of-school list.",
        subcommands: [SetRecord.self, Enquiry.self, Show.self, List.self])

    struct SetRecord: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Create or edit a child's out-of-school record (the Children Not in School fields and consent flags).",
            discussion: "Only the options given change. --no-s47, --no-cp-plan and --no-special-school clear a flag.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The child's ref, or a case ref standing for its child (capitals optional).") var child: ChildRefArg
        @Option(help: "The child's home address.") var address: String?
        @Option(help: "The first parent's or carer's name.") var parent1: String?
        @Option(help: "The first parent's address, if not the child's.") var parent1Address: String?
        @Option(help: "The second parent's or carer's name.") var parent2: String?
        @Option(help: "The second parent's address, if not the child's.") var parent2Address: String?
        @Option(help: "Who educates the child.") var educator: String?
        @Option(help: "Hours a week the educator provides.") var hours: Double?
        @Option(help: "Other providers: name, address, type, hours, hours unsupervised.") var providers: String?
        @Option(help: "The date the child was last seen, YYYY-MM-DD.") var lastSeen: String?
        @Option(help: "EHE: the date of the last annual contact, YYYY-MM-DD.") var annualContact: String?
        @ArgumentParser.Flag(inversion: .prefixedNo, help: "Under a s47 enquiry.") var s47: Bool?
        @ArgumentParser.Flag(inversion: .prefixedNo, help: "On a child protection plan.") var cpPlan: Bool?
        @ArgumentParser.Flag(inversion: .prefixedNo, help: "On the roll of a special school.") var specialSchool: Bool?

        func run() throws {
            let store = try global.openStore()
            let child = try self.child.resolvedAllowingCase(in: store)
            if hours != nil, educator == nil, try store.outOfSchoolRecord(child)?.educator == nil {
                throw CLIError.usage("--hours needs --educator (who provides those hours)")
            }
            let seen = try parseDate(lastSeen, "--last-seen"), annual = try parseDate(annualContact, "--annual-contact")
            var changed: [String] = []
            func note(_ label: String, _ v: Any?) { if v != nil { changed.append(label) } }
            note("address", address); note("parent 1", parent1 ?? parent1Address); note("parent 2", parent2 ?? parent2Address)
            note("educator", educator ?? hours.map { String($0) }); note("providers", providers)
            note("last seen", seen); note("annual contact", annual)
            if let v = s47 { changed.append(v ? "s47 enquiry" : "no s47 enquiry") }
            if let v = cpPlan { changed.append(v ? "CP plan" : "no CP plan") }
            if let v = specialSchool { changed.append(v ? "special school" : "not special school") }
            guard !changed.isEmpty else { throw CLIError.usage("nothing to set: give at least one option (see onroll oos set --help)") }
            let r = try store.setOutOfSchool(user: global.userName, childRef: child, date: try global.todayDate(),
                                                          describe: changed.joined(separator: ", ")) { r in
                if let v = address { r.childAddress = v }
                if let v = parent1 { r.parent1Name = v }
                if let v = parent1Address { r.parent1Address = v }
                if let v = parent2 { r.parent2Name = v }
                if let v = parent2Address { r.parent2Address = v }
                if let v = educator { r.educator = v }
                if let v = hours { r.educatorHours = v }
                if let v = providers { r.otherProviders = v }
                if let v = seen { r.lastSeen = v }
                if let v = annual { r.lastAnnualContact = v }
                if let v = s47 { r.s47Enquiry = v }
                if let v = cpPlan { r.cpPlan = v }
                if let v = specialSchool { r.specialSchool = v }
            }
            printOut("\(child): out-of-school record saved (\(changed.joined(separator: ", ")))"
                     + (r.needsConsentToWithdraw ? "; withdrawal to home education needs the authority's consent" : ""))
        }
    }

    struct Enquiry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a CME enquiry step as done.",
            discussion: "STEP is one of: \(CMEEnquiry.allCases.map(\.rawValue).joined(separator: ", ")).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The child's ref, or a case ref standing for its child (capitals optional).") var child: ChildRefArg
        @Argument(help: "The enquiry made: \(CMEEnquiry.allCases.map(\.rawValue).joined(separator: ", ")).") var step: String
        @Option(help: "When it was done, YYYY-MM-DD (default today).") var date: String?

        func run() throws {
            let s = try parseCode(step, CMEEnquiry.self, "STEP")!
            let d = try parseDate(date, "--date") ?? global.todayDate()
            let store = try global.openStore()
            let child = try self.child.resolvedAllowingCase(in: store)
            let r = try store.recordEnquiry(user: global.userName, childRef: child, step: s, date: d)
            let left = r.enquiriesOutstanding
            printOut("\(child): \(s.label) enquiry recorded \(d.iso); " + (left.isEmpty ? "all enquiries made" : "outstanding: \(left.map(\.rawValue).joined(separator: ", "))"))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A child's out-of-school record, enquiries and deletions from roll.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The child's ref, or a case ref standing for its child (capitals optional).") var child: ChildRefArg
        @Option(help: "text or json.") var format: ShowCommand.ShowFormat = .text

        func run() throws {
            let store = try global.openStore()
            let child = try self.child.resolvedAllowingCase(in: store)
            let rec = try store.outOfSchoolRecord(child)
            let dels = try store.deletions(childRef: child)
            // Addresses and parents' names: a read of the child's record, logged like `show`.
            try store.logChildView(user: global.userName, childRef: child, via: "oos show")
            switch format {
            case .json:
                struct Out: Encodable { var childRef: String; var record: OutOfSchoolRecord?; var needsConsentToWithdraw: Bool; var deletions: [RollDeletion] }
                printOut(try JSONOut.encode(Out(childRef: child, record: rec, needsConsentToWithdraw: rec?.needsConsentToWithdraw ?? false, deletions: dels)))
            case .text:
                printOut(OutOfSchoolText.render(child: child, rec, dels))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every child not in school (open EHE, CME and off-roll cases), longest without contact first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() throws {
            let rows = try global.openStore().outOfSchoolRows(today: try global.todayDate())
            switch format {
            case .json: printOut(try JSONOut.encode(rows))
            case .csv, .table:
                let body = rows.map { r in
                    [r.caseRef, r.kind.label, r.childRef, r.childName, r.daysSinceContact.map(String.init) ?? "never",
                     r.lastContact?.iso ?? "", r.lastSeen?.iso ?? "", r.consentGrounds.isEmpty ? "" : r.consentGrounds.joined(separator: "; "),
                     r.kind == .cme ? "\(r.enquiriesDone)/\(CMEEnquiry.allCases.count)" : ""]
                }
                printOut(Tabular.render(["case", "kind", "child", "name", "days since contact", "last contact", "last seen", "consent needed", "enquiries"],
                                        body, format: format))
            }
        }
    }
}

enum OutOfSchoolText {
    static func render(child: String, _ r: OutOfSchoolRecord?, _ dels: [RollDeletion]) -> String {
        var out: [String] = []
        guard let r else {
            out.append("\(child): no out-of-school record (create one with `onroll oos set \(child) …`)")
            return (out + deletions(dels)).joined(separator: "\n")
        }
        func v(_ s: String?) -> String { s ?? "not recorded" }
        out.append("Out-of-school record for \(child)")
        out.append("  Address            \(v(r.childAddress))")
        out.append("  Parent 1           \(v(r.parent1Name))\(r.parent1Address.map { ", \($0)" } ?? "")")
        out.append("  Parent 2           \(v(r.parent2Name))\(r.parent2Address.map { ", \($0)" } ?? "")")
        out.append("  Educator           \(v(r.educator))\(r.educatorHours.map { ", \(formatDays($0)) hours a week" } ?? "")")
        out.append("  Other providers    \(v(r.otherProviders))")
        out.append("  Last seen          \(r.lastSeen?.iso ?? "never recorded")")
        out.append("  Annual contact     \(r.lastAnnualContact?.iso ?? "none recorded")")
        out.append("  Consent to withdraw " + (r.needsConsentToWithdraw ? "NEEDED (\(r.consentGrounds.joined(separator: ", ")))" : "not needed"))
        out.append("")
        out.append("CME enquiries (\(r.enquiriesDone.count) of \(CMEEnquiry.allCases.count))")
        for s in CMEEnquiry.allCases {
            out.append("  [\(r[keyPath: s.keyPath] == nil ? " " : "x")] \(TextPad.pad(s.label, 20)) \(r[keyPath: s.keyPath]?.iso ?? "")")
        }
        return (out + deletions(dels)).joined(separator: "\n")
    }

    static func deletions(_ dels: [RollDeletion]) -> [String] {
        guard !dels.isEmpty else { return [] }
        return ["", "Deletions from roll"] + dels.map { d in
            "  \(d.date.iso)  school \(d.schoolURN)  ground \(d.ground)  → \(d.destination ?? "unknown")  "
                + (d.laNotified ? "LA notified \(d.notifiedOn?.iso ?? "")" : "LA NOT notified")
        }
    }
}

enum TextPad {
    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}

struct DeletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deletion", abstract: "Deletions from a school's roll.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a school's deletion of a pupil from its roll; prints its id.",
            discussion: "With no --destination nobody knows where the child is: a CME case opens by itself (unless one is open already).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The child's ref, e.g. C00064 (capitals optional).") var child: ChildRefArg
        @Option(help: "The URN of the school that deleted the pupil.") var school: String
        @Option(help: "The date of the deletion, YYYY-MM-DD.") var date: String
        @Option(help: "The regulation 9 ground, e.g. \"A registered elsewhere\", EHE, \"I 20-day absence\".") var ground: String
        @ArgumentParser.Flag(help: "The school told the authority.") var laNotified = false
        @Option(help: "When the school told the authority, YYYY-MM-DD (with --la-notified).") var notifiedOn: String?
        @Option(help: "The new school's URN, or EHE.") var destination: String?

        func run() throws {
            if notifiedOn != nil && !laNotified { throw CLIError.usage("--notified-on needs --la-notified") }
            let store = try global.openStore()
            let r = try store.addDeletion(user: global.userName, RollDeletion(
                childRef: try child.resolved(in: store), schoolURN: school, date: try parseDate(date, "--date")!, ground: ground, laNotified: laNotified,
                notifiedOn: try parseDate(notifiedOn, "--notified-on"), destination: destination), today: try global.todayDate())
            printOut(String(r.deletion.id ?? 0))
            if let c = r.openedCME {
                printErr("destination unknown: CME case \(c.ref) opened")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deletions from roll, oldest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this child's deletions (the child's ref; capitals optional).") var child: ChildRefArg?
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() throws {
            let store = try global.openStore()
            let dels = try store.deletions(childRef: try child?.resolved(in: store))
            switch format {
            case .json: printOut(try JSONOut.encode(dels))
            case .csv, .table:
                printOut(Tabular.render(["id", "child", "school", "date", "ground", "destination", "la notified"], dels.map { d in
                    [String(d.id ?? 0), d.childRef, d.schoolURN, d.date.iso, d.ground, d.destination ?? "unknown",
                     d.laNotified ? (d.notifiedOn?.iso ?? "yes") : "no"]
                }, format: format))
            }
        }
    }
}
