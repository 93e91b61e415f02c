import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct BenchResult: Sendable {
    var cases: Int
    var importRows = 0, importSeconds = 0.0, casesImportSeconds = 0.0, chronologyPerCase = 0.0
    var firstFrame = 0.0, firstRows = 0, fullLoad = 0.0, openCase = 0.0, keyP50 = 0.0, keyP99 = 0.0
    /// A new day with every summary out of date: first frame, then the full re-rank.
    var staleFirstFrame = Double.nan, staleReRank = Double.nan
    /// Taskwarrior's `task list` of the same number of pending tasks, and `onroll list` (table) beside it.
    var taskList = Double.nan, taskRSSMB = Double.nan, listTable = 0.0
    var list = 0.0, sqlite = Double.nan, show = 0.0
    var note = 0.0, fsync = 0.0
    var consoleRSSMB = 0.0, listRSSMB = 0.0, staleRSSMB = Double.nan
}

/// The same rows `onroll list --format csv` prints, off the same read model (the case summaries), as
/// plain SQL: the score for the day computed in the query and ordered by it, as onroll does. The
/// floor for reading these rows off this file.
enum SQLEquivalent {
    static let list = """
        SELECT printf('%5.1f', (fixedTenths + CASE WHEN contactBase IS NULL THEN 0 ELSE \
        CAST(ROUND((contactWeight * MIN(MAX(0, \(Fixture.today.dayNumber) - contactBase - 10), contactCap)) * 10) AS INTEGER) END) / 10.0) AS score,
               caseRef, childName, COALESCE(schoolName, schoolURN, '—') AS school, kind, status, COALESCE(owner, '') AS owner,
               COALESCE(date(nextReview * 86400, 'unixepoch'), '') AS nextReview, flags
        FROM caseSummary WHERE status != 'closed' ORDER BY score DESC, opened, caseRef;
        """
}

enum Durability {
    /// One small write and fsync of a fresh file: what a durable commit cannot beat on this disk.
    static func rawFsync(dir: String) -> Double {
        let path = dir + "/fsync.probe"
        let bytes = [UInt8](repeating: 0x61, count: 512)
        let t0 = Clock.now
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        return Clock.since(t0)
    }
}

enum Machine {
    static func describe() -> String {
        let cpu = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let mem = ((try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? "")
            .split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .map { String($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) } ?? "?"
        return "\(ProcessInfo.processInfo.activeProcessorCount) CPUs (\(cpu)), \(mem) RAM"
    }
}

enum Report {
    struct Target: Sendable { var name: String; var limit: String; var value: @Sendable (BenchResult) -> Double; var max: Double; var unit: @Sendable (Double) -> String }

    static let targets: [Target] = [
        Target(name: "first frame", limit: "≤ 100 ms", value: \.firstFrame, max: 0.100, unit: ms),
        Target(name: "first frame, every summary stale", limit: "≤ 100 ms", value: \.staleFirstFrame, max: 0.100, unit: ms),
        Target(name: "full re-rank, every summary stale", limit: "≤ 3 s", value: \.staleReRank, max: 3, unit: { String(format: "%.2f s", $0) }),
        Target(name: "open one case", limit: "≤ 50 ms", value: \.openCase, max: 0.050, unit: ms),
        Target(name: "keystroke p99", limit: "≤ 5 ms", value: \.keyP99, max: 0.005, unit: ms),
        Target(name: "list ÷ sqlite3", limit: "≤ 1.5×", value: { $0.list / $0.sqlite }, max: 1.5, unit: { String(format: "%.2f×", $0) }),
        Target(name: "durable write ÷ fsync", limit: "≤ 2×", value: { $0.note / $0.fsync }, max: 2, unit: { String(format: "%.2f×", $0) }),
        Target(name: "import 100k rows", limit: "≤ 3 s", value: { 100_000 / (Double($0.importRows) / $0.importSeconds) }, max: 3, unit: { String(format: "%.2f s", $0) }),
        Target(name: "peak RSS (console)", limit: "≤ 150 MB", value: \.consoleRSSMB, max: 150, unit: { String(format: "%.0f MB", $0) }),
        Target(name: "peak RSS (list)", limit: "≤ 150 MB", value: \.listRSSMB, max: 150, unit: { String(format: "%.0f MB", $0) }),
        Target(name: "list ÷ Taskwarrior task list", limit: "≤ 0.1×", value: { $0.listTable / $0.taskList }, max: 0.1, unit: { String(format: "%.3f×", $0) }),
    ]

    static func show(_ results: [BenchResult]) {
        print("\n== summary ==")
        let head = "| figure | " + results.map { "\($0.cases) cases" }.joined(separator: " | ") + " |"
        print(head)
        print("|" + String(repeating: " --- |", count: results.count + 1))
        func row(_ name: String, _ f: (BenchResult) -> String) { print("| \(name) | " + results.map(f).joined(separator: " | ") + " |") }
        row("chronology entries per case") { String(format: "%.1f", $0.chronologyPerCase) }
        row("import rows/s (all files)") { String(format: "%.0f (%d rows, %.1f s)", Double($0.importRows) / $0.importSeconds, $0.importRows, $0.importSeconds) }
        row("import of the cases file") { String(format: "%.2f s", $0.casesImportSeconds) }
        row("first frame (first page)") { "\(ms($0.firstFrame)) (\($0.firstRows) rows)" }
        row("whole caseload ranked after it") { ms($0.fullLoad) }
        row("new day, every summary stale: first frame / re-rank") { "\(ms($0.staleFirstFrame)) / \(ms($0.staleReRank))" }
        row("open one case (Enter → drawn)") { ms($0.openCase) }
        row("keystroke p50 / p99") { "\(ms($0.keyP50)) / \(ms($0.keyP99))" }
        row("list --format csv") { ms($0.list) }
        row("sqlite3 same join") { ms($0.sqlite) }
        row("list ÷ sqlite3") { String(format: "%.2f×", $0.list / $0.sqlite) }
        row("show REF") { ms($0.show) }
        row("list (table) / Taskwarrior task list") { "\(ms($0.listTable)) / \(ms($0.taskList)) (\(String(format: "%.0f", $0.taskRSSMB)) MB)" }
        row("durable write / raw fsync") { "\(ms($0.note)) / \(ms($0.fsync))" }
        row("peak RSS console / list / console on a stale day") { String(format: "%.0f / %.0f / %.0f MB", $0.consoleRSSMB, $0.listRSSMB, $0.staleRSSMB) }
        guard let big = results.last else { return }
        print("\n== targets at \(big.cases) cases ==")
        for t in targets {
            let v = t.value(big)
            guard !v.isNaN else { print("n/a  \(t.name): not measured (target \(t.limit))"); continue }
            let ok = v <= t.max
            print("\(ok ? "met " : "MISS") \(t.name): \(t.unit(v)) (target \(t.limit))" + (ok ? "" : String(format: ", %.1f× over", v / t.max)))
        }
    }
}
