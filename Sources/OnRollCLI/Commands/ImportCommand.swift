import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file (all-or-nothing unless --skip-invalid), or a CTF (ctf FILE.xml, all or nothing).",
        discussion: """
            KIND is one of: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", ")), ctf.
            FILE may be - for standard input. Re-importing the same refs updates rather than duplicates.
            Every bad row is reported as FILE:LINE: column: reason, and nothing is written (exit 65).
            A row changes a stored record only if it carries the record's current version (the version
            column of `onroll export --format csv`), or with --update-existing; a row older than the
            store, or one that would reopen a closed case, is refused.

            Files from schools may name a child by upn instead of child_ref (matched on UPN, then former
            UPN; an unknown UPN is an error naming the line, except in a children file, where it is a new
            child) and a school by its 7-digit DfE number (laestab) instead of its URN.

            `onroll import exclusions FILE` reads a schools' exclusions return, one row per suspension or
            exclusion: upn,start_date,category,reason_1,reason_2,reason_3,sessions,school_urn. category is
            SUSP, PERM or LNCH; sessions are half days (4 sessions are 2 school days; a lunchtime is half a
            day). An unknown reason code is imported as it is, with a warning naming it. Each row becomes a
            suspension or permanent exclusion with a chronology line naming the file and the school; a
            row already stored (same child, start date and category) is left as it is.

            `onroll import ctf FILE.xml` reads a DfE Common Transfer File (CTF 24 and later; older files
            are tolerated): pupils matched by UPN, then former UPN, are added or updated with their SEN,
            flags, contacts and address; each year's attendance at each school and the school history are
            stored. A file whose destination is the lost-pupil code (XXX/XXXX) opens a CME case for each
            pupil, or adds a line to the one open. DTDs, entities and files over 50 MB are refused. The
            whole file or nothing; importing it again changes nothing.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What the file holds: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", ")), or ctf.") var kind: String
    @Argument(help: "The CSV file (a CTF's XML file for ctf), or - for stdin.") var file: String
    @Flag(help: "Import the good rows; write the rejected ones, with a reason column, to --rejects.") var skipInvalid = false
    @Option(help: "Where --skip-invalid writes rejected rows (default FILE.rejects.csv).") var rejects: String?
    @Flag(inversion: .prefixedNo, help: "Add chronology lines for new cases, actions and suspensions (--no-chronicle when the chronology is imported too, e.g. from `onroll export --format csv`).")
    var chronicle = true
    @Flag(help: "Let rows without a version column change the records they name (they may undo a colleague's newer change).")
    var updateExisting = false

    func run() throws {
        if kind.lowercased() == "ctf" { return try runCTF() }
        guard let k = ImportKind(rawValue: kind.lowercased()) else {
            throw CLIError.usage("'\(kind)' is not an import kind (one of: \((ImportKind.allCases.map(\.rawValue) + ["ctf"]).joined(separator: ", ")))")
        }
        let (data, name) = try readInput(file)
        let store = try global.openStore()
        let rejectsPath = skipInvalid ? (rejects ?? (file == "-" ? "rejects.csv" : file + ".rejects.csv")) : nil
        let r = try store.importCSV(k, data: data, fileName: name, user: global.userName,
                                    options: ImportOptions(skipInvalid: skipInvalid, rejectsPath: rejectsPath, chronicle: chronicle,
                                                           updateExisting: updateExisting, today: try global.todayDate()))
        for p in r.problems { printErr("warning: \(p)") }
        for w in r.warnings { printErr("warning: \(w)") }
        printOut("\(k.rawValue): \(r.summary)" + (r.rejectsPath.map { "; rejected rows written to \($0)" } ?? ""))
    }

    /// A CTF is XML, not a CSV kind: its own path, all or nothing, with no rejects file.
    private func runCTF() throws {
        if skipInvalid { throw CLIError.usage("--skip-invalid does not apply to a CTF: the whole file is imported or none of it") }
        if file != "-", let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber,
           size.intValue > CTFRules.maxBytes {
            throw CLIError.invalid("\(file): is \(size.intValue / (1024 * 1024)) MB; the limit for a CTF is \(CTFRules.maxBytes / (1024 * 1024)) MB (no transfer file is that big)")
        }
        let (data, name) = try readInput(file)
        let store = try global.openStore()
        let r = try store.importCTF(data: data, fileName: name, user: global.userName, today: try global.todayDate())
        for w in r.warnings { printErr("warning: \(w)") }
        printOut("ctf: \(r.summary)" + (r.changedNothing ? " (nothing changed)" : ""))
    }
}
