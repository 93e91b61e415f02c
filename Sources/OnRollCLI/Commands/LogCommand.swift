import ArgumentParser
import Foundation
import OnRollStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The audit trail (who changed or viewed what, when), newest first.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only this case's entries.") var ref: String?
    @Option(help: "At most this many entries.") var limit: Int?
    @Option var format: OutputFormat = .table

    func run() throws {
        let entries = try global.openStore().auditLog(caseRef: ref, limit: limit)
        switch format {
        case .json: printOut(try JSONOut.encode(entries))
        default:
            printOut(Tabular.render(["#", "at", "user", "op", "summary"],
                                    entries.map { [String($0.id ?? 0), $0.at, $0.user, $0.op, $0.summary] }, format: format))
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Integrity check and audit-chain verification; exit 65 on any problem.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = try global.openStore().check()
        if report.isClean {
            printOut("ok: \(report.entriesVerified) audit entries chained, \(report.rowsVerified) records match their audit trail")
            return
        }
        for p in report.problems { printErr("error: \(p)") }
        throw ExitCode(65)
    }
}
