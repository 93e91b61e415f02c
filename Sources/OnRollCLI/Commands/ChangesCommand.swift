import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

/// `onroll changes --since-last`: the morning's front door from the command line.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What arrived since you last looked (suspensions, exclusions, deletions, attendance, referrals, pupil records from files), by school.",
        discussion: "Looking is recorded (an audit view entry), so the next `changes --since-last` starts after it; --peek looks without moving it.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Since your last look (the default, and the only window: your looks are kept in the audit log).") var sinceLast = false
    @Flag(help: "Show without recording the look, so the same arrivals show again next time.") var peek = false
    @Option(help: "At most this many arrivals, newest kept (default 1000).") var limit: Int = 1000
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        guard limit > 0 else { throw CLIError.usage("--limit must be at least 1") }
        let store = try global.openStore()
        let door = try store.frontDoor(user: global.userName, limit: limit)
        switch format {
        case .json:
            printOut(try JSONOut.encode(FrontDoorJSON(door)))
        case .csv:
            let rows = door.bySchool.flatMap { g in g.arrivals.map { a in
                [g.school, a.kind.rawValue, a.caseRef ?? "", a.childRef, a.childName, a.detail, a.at, a.by] } }
            printOut(Tabular.render(["school", "kind", "case", "child ref", "child", "detail", "at", "by"], rows, format: .csv))
        case .table:
            let when = door.sinceAt.map { "since your last look at \($0)" } ?? "everything (your first look)"
            printOut("\(door.arrivals.count + door.more) arrived, \(when)")
            for g in door.bySchool {
                printOut("\n\(g.school) — \(FrontDoor.counts(g.arrivals))")
                printOut(Tabular.render(["kind", "case", "child", "detail", "by"], g.arrivals.map { a in
                    [a.kind.label, a.caseRef ?? "(no case)", a.childName, a.detail, a.by] }, format: .table))
            }
            if door.more > 0 { printOut("\n… and \(door.more) older (raise --limit, or see `onroll log`)") }
            if door.arrivals.contains(where: { $0.caseRef != nil }) { printOut("\nOpen one with `onroll show CASE`.") }
        }
        if !peek { try store.markFrontDoorLooked(user: global.userName, door) }
    }
}

/// `changes --format json`: the window and every arrival, grouped by school.
struct FrontDoorJSON: Encodable {
    struct Item: Encodable {
        var kind, childRef, childName, detail, at, by: String
        var caseRef: String?
        var auditId: Int64
    }
    struct School: Encodable {
        var school: String
        var schoolURN: String?
        var arrivals: [Item]
    }
    var sinceAuditId: Int64
    var sinceAt: String?
    var total: Int
    var schools: [School]

    init(_ d: FrontDoor) {
        sinceAuditId = d.since; sinceAt = d.sinceAt; total = d.arrivals.count + d.more
        schools = d.bySchool.map { g in
            School(school: g.school, schoolURN: g.arrivals.first?.schoolURN, arrivals: g.arrivals.map {
                Item(kind: $0.kind.rawValue, childRef: $0.childRef, childName: $0.childName, detail: $0.detail, at: $0.at,
                     by: $0.by, caseRef: $0.caseRef, auditId: $0.auditId)
            })
        }
    }
}
