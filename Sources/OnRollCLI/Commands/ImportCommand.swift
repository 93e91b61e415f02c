import ArgumentParser
import Foundation
import OnRollStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file (all-or-nothing unless --skip-invalid).",
        discussion: """
            KIND is one of: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", ")).
            FILE may be - for standard input. Re-importing the same refs updates rather than duplicates.
            Every bad row is reported as FILE:LINE: column: reason, and nothing is written (exit 65).
            A row changes a stored record only if it carries the record's current version (the version
            column of `onroll export --format csv`), or with --update-existing; a row older than the
            store, or one that would reopen a closed case, is refused.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What the file holds.") var kind: String
    @Argument(help: "The CSV file, or - for stdin.") var file: String
    @Flag(help: "Import the good rows; write the rejected ones, with a reason column, to --rejects.") var skipInvalid = false
    @Option(help: "Where --skip-invalid writes rejected rows (default FILE.rejects.csv).") var rejects: String?
    @Flag(inversion: .prefixedNo, help: "Add chronology lines for new cases, actions and suspensions (--no-chronicle when the chronology is imported too, e.g. from `onroll export --format csv`).")
    var chronicle = true
    @Flag(help: "Let rows without a version column change the records they name (they may undo a colleague's newer change).")
    var updateExisting = false

    func run() throws {
        guard let k = ImportKind(rawValue: kind.lowercased()) else {
            throw CLIError.usage("'\(kind)' is not an import kind (one of: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let (data, name) = try readInput(file)
        let store = try global.openStore()
        let rejectsPath = skipInvalid ? (rejects ?? (file == "-" ? "rejects.csv" : file + ".rejects.csv")) : nil
        let r = try store.importCSV(k, data: data, fileName: name, user: global.userName,
                                    options: ImportOptions(skipInvalid: skipInvalid, rejectsPath: rejectsPath, chronicle: chronicle,
                                                           updateExisting: updateExisting, today: try global.todayDate()))
        for p in r.problems { printErr("warning: \(p)") }
        printOut("\(k.rawValue): \(r.summary)" + (r.rejectsPath.map { "; rejected rows written to \($0)" } ?? ""))
    }
}
