import ArgumentParser
import Foundation
import OnRollStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The audit trail (who changed or viewed what, when), newest first.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only this case's entries (its ref; capitals optional).") var ref: CaseRefArg?
    @Option(help: "At most this many entries.") var limit: Int?
    @Option(help: "table, csv or json (json adds each record's before and after).") var format: OutputFormat = .table

    func run() throws {
        let store = try global.openStore()
        let ref = try self.ref?.resolved(in: store)
        let entries = try store.auditLog(caseRef: ref, limit: limit)
        // The before/after snapshots are whole records (names, addresses, notes): reading them is a view.
        let records = entries.filter { $0.before != nil || $0.after != nil }.count
        if format == .json, records > 0 {
            try store.logRead(user: global.userName, entity: "audit", entityId: ref ?? "all", caseRef: ref,
                              summary: "\(ref.map { "\($0): " } ?? "")audit log read with \(records) record snapshots (log --format json)")
        }
        try render(entries)
    }

    func render(_ entries: [AuditEntry]) throws {
        switch format {
        case .json:
            printOut(try JSONOut.encode(entries.map(AuditEntryJSON.init)))
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
    @Flag(help: "First assess every case again and rewrite the case summaries (the read model the caseload is ordered by).")
    var rebuildSummaries = false

    func run() throws {
        let store = try global.openUnwitnessed()
        if rebuildSummaries {
            try store.rebuildSummaries()
            printOut("rebuilt the case summaries")
        }
        var report = try store.check()
        // A file can only prove it agrees with itself; the witness says whether it is shorter than, or
        // diverges from, what this machine has already seen. A server keeps its own chain (its head row).
        let witnessed = store.server == nil
        if witnessed, let w = StoreWitness.compare(store, advance: false) { report.problems.append(w) }
        let head = try store.head()
        if report.isClean {
            if witnessed { StoreWitness.record(store) }
            printOut("ok: \(report.entriesVerified) audit entries chained, \(report.rowsVerified) records match their audit trail")
            printOut("ok: \(report.summariesVerified) case summaries match a fresh assessment")
            printOut(head.line)
            return
        }
        printOut(head.line)
        for p in report.problems { printErr("error: \(p)") }
        throw ExitCode(65)
    }
}

/// One entry of `log --format json`: the entry's fields, with `before` and `after` as JSON objects.
struct AuditEntryJSON: Encodable {
    var id: Int64?
    var at, user, op, entity, entityId, summary, prevHash, hash: String
    var caseRef: String?
    var before, after: JSONValue?

    init(_ e: AuditEntry) {
        id = e.id; at = e.at; user = e.user; op = e.op; entity = e.entity; entityId = e.entityId
        summary = e.summary; prevHash = e.prevHash; hash = e.hash; caseRef = e.caseRef
        before = JSONValue.parse(e.before); after = JSONValue.parse(e.after)
    }
}
