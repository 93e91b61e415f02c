import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

/// `onroll export`: the whole store as one JSON document, or as import-format CSVs. docs/export.md.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the whole store as one JSON document (or one CSV per record kind).",
        discussion: """
            --format json (the default) writes every table, the team settings and the whole audit log; \
            `onroll restore` rebuilds the store from it exactly. The same store state always exports to the same bytes; \
            each export is itself logged as a view, so the next export holds one entry more. \
            --format csv DIR writes one file per record kind in the import formats (schools.csv, children.csv…), \
            to be imported back in that order. --pseudonymise replaces children's names and UPNs with \
            consistent pseudonyms, keeps only the month and year of a date of birth, and removes addresses, contacts, \
            parents' and professionals' names, free text (unless --keep-text) and the audit log; such an export cannot be restored.
            """)

    enum Format: String, ExpressibleByArgument { case json, csv }

    @OptionGroup var global: GlobalOptions
    @Option(help: "json or csv.") var format: Format = .json
    @Argument(help: ArgumentHelp("With --format csv: the directory to write the CSV files into.", valueName: "dir")) var directory: String?
    @Option(help: ArgumentHelp("With --format json: write to this file instead of standard output.", valueName: "file")) var output: String?
    @Flag(help: "Pseudonymise: children's names and UPNs replaced, dates of birth to month and year, addresses, contacts, professionals' names, free text and the audit log removed.") var pseudonymise = false
    @Flag(help: "With --pseudonymise: keep free text, with known names, UPNs, postcodes, phones, emails and street addresses replaced (it may still identify someone).")
    var keepText = false
    @Option(help: ArgumentHelp("Key for the pseudonyms (else ONROLL_PSEUDONYM_KEY, else a random key: pseudonyms then differ between exports).", valueName: "text"))
    var pseudonymKey: String?

    func run() throws {
        let server = try global.openServer()
        let store = server == nil ? try global.openStore() : nil
        if keepText && !pseudonymise { throw CLIError.usage("--keep-text is for --pseudonymise") }
        if keepText {
            printErr("warning: --keep-text keeps what officers typed; names OnRoll does not hold, nicknames and descriptions can still identify a child. Read it before it leaves the authority.")
        }
        let p = pseudonymise ? Pseudonymiser(key: pseudonymKey ?? GlobalOptions.env["ONROLL_PSEUDONYM_KEY"], keepText: keepText) : nil
        if let server { return try runOnServer(server, pseudonymiser: p) }
        guard let store else { return }
        switch format {
        case .json:
            if directory != nil { throw CLIError.usage("a directory is only taken with --format csv (use --output FILE for json)") }
            let text = try store.exportDocument(pseudonymiser: p).json
            try logExport(store, "json", pseudonymised: p != nil)
            try emit(text, protecting: store.path)
        case .csv:
            guard let directory else { throw CLIError.usage("--format csv needs a directory: onroll export --format csv DIR") }
            if output != nil { throw CLIError.usage("--output is for --format json; --format csv writes into DIR") }
            let files = try store.exportCSV(to: directory, pseudonymiser: p)
            try logExport(store, "csv", pseudonymised: p != nil)
            printOut("wrote \(files.count) files to \(directory)\(p == nil ? "" : " (pseudonymised)"); import them with --no-chronicle in this order: "
                     + files.map { $0.replacingOccurrences(of: ".csv", with: "") }.joined(separator: ", "))
        }
    }
}

extension ExportCommand {
    /// The same document from a server store (JSON only: the CSVs are made through a file store's import
    /// codecs, so export JSON, restore it into a file, and export CSV from that).
    func runOnServer(_ server: ServerStore, pseudonymiser p: Pseudonymiser?) throws {
        guard format == .json else { throw CLIError.usage("a server store exports --format json; restore it into a file store for CSV") }
        if directory != nil { throw CLIError.usage("a directory is only taken with --format csv (use --output FILE for json)") }
        let text = try server.exportDocument(pseudonymiser: p).json
        try server.logRead(entity: "store", entityId: "export", summary: ExportCommand.exported("json", pseudonymised: p != nil))
        try emit(text, protecting: nil)
    }

    /// The JSON document to `--output FILE` (never over an existing file or the store), else standard output.
    func emit(_ text: String, protecting store: String?) throws {
        if let output {
            try OutputFile.write(text, to: output, protecting: store, overwrite: false)
            printErr("wrote \(output)\(pseudonymise ? " (pseudonymised)" : "")")
        } else {
            printOut(text, newline: false)
        }
    }

    static func exported(_ format: String, pseudonymised: Bool) -> String {
        "whole store exported (\(format)\(pseudonymised ? ", pseudonymised" : ""))"
    }

    /// An export carries every child's record out of the store, so it is audited as one read. It is
    /// logged after the snapshot is taken: the export's head is the state it holds, and the next export
    /// records this one.
    func logExport(_ store: Store, _ format: String, pseudonymised: Bool) throws {
        try store.logRead(user: global.userName, entity: "store", entityId: "export",
                          summary: ExportCommand.exported(format, pseudonymised: pseudonymised))
    }
}

/// `onroll restore FILE --store NEW`: rebuild a store from a JSON export.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Rebuild a store from `onroll export` JSON (into a new store file only).",
        discussion: "Every row and audit entry is inserted as exported, in one transaction; the restored store must pass `onroll check` and its audit log must end exactly at the head the export records, or nothing is left behind. Refuses an existing store, a pseudonymised export and tables OnRoll does not keep.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The export file (`-` for standard input).", valueName: "file")) var file: String
    @Flag(help: "Restore an export made by an older OnRoll, which records no audit head (its chain is still verified; a cut-off end can't be detected).")
    var acceptNoHead = false

    func run() throws {
        let (data, name) = try readInput(file)
        let doc = try ExportDocument.parse(data, fileName: name)
        if case .server(let url) = global.location {
            let s = try ServerStore.restore(doc, url: url, acceptNoHead: acceptNoHead)
            let head = try s.headPosition()
            printOut("restored \(s.location.display): \(doc.tables.first { $0.name == "cases" }?.rows.count ?? 0) cases, \(head) audit entries (chain verified by the server)")
            return
        }
        let path = global.storePath
        // Store.restore verifies the chain and its head before keeping anything: a failure leaves no file.
        if acceptNoHead && doc.head == nil {
            printErr("warning: this export records no audit head: the chain is verified, but entries cut from its end could not be detected")
        }
        let store = try Store.restore(doc, to: path, acceptNoHead: acceptNoHead)
        let counts = try store.counts()
        printOut("restored \(path): \(counts["children"] ?? 0) children, \(counts["cases"] ?? 0) cases, \(counts["audit"] ?? 0) audit entries (chain verified)")
        printOut(try store.head().line)
    }
}
