import Foundation
import OnRollCore
import OnRollStore
#if canImport(Glibc)
import Glibc
#endif

// `make bench`: builds stores of 1k, 10k and 100k cases and prints every figure of
// docs/performance.md. ONROLL_BENCH_SIZES=1000,10000 picks other sizes (empty: none, only the server part).

let args = CommandLine.arguments
if args.count >= 3, args[1] == "--probe-write" {
    // 200 notes in process, for a profiler: `perf record onroll-bench --probe-write STORE`.
    let store = try Store(path: args[2], options: StoreOptions(today: Fixture.today))
    let (_, t) = try Clock.measure { for i in 0..<200 { _ = try store.addNote(user: "bench", caseRef: "WM-00002", text: "probe \(i)", date: Fixture.today) } }
    print("200 notes: \(ms(t / 200)) each")
    exit(0)
}
if args.count >= 5, args[1] == "--rss-run" { RSSRun.run(Array(args.dropFirst(2))) }
if args.count >= 4, args[1] == "--server-writer" { ServerBench.writer(url: args[2], count: Int(args[3]) ?? 0) }
if args.count >= 3, args[1] == "--probe-reports" {
    try ReportsProbe.run(store: args[2])
    exit(0)
}
if args.count >= 3, args[1] == "--probe-console" {
    try ConsoleProbe.run(store: args[2], keystrokes: args.count >= 4 ? Int(args[3]) ?? 200 : 200)
    exit(0)
}

let binDir = (selfPath as NSString).deletingLastPathComponent
let onroll = binDir + "/onroll"
guard FileManager.default.isExecutableFile(atPath: onroll) else { fatalError("build the release onroll first: \(onroll) is missing") }
let sqlite3 = which("sqlite3")
let sizes = (ProcessInfo.processInfo.environment["ONROLL_BENCH_SIZES"] ?? "1000,10000,100000")
    .split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
let root = ProcessInfo.processInfo.environment["ONROLL_BENCH_DIR"] ?? (FileManager.default.currentDirectoryPath + "/.build/bench")
let env = ["ONROLL_TODAY": "2026-11-23", "ONROLL_USER": "bench", "COLUMNS": "160"]

print("onroll-bench: \(Machine.describe())")
print("peak RSS of a child is its own (see Spawn.swift); the --rss-run intermediary's floor is \(measuredRSSKB("/bin/true", [], dir: NSTemporaryDirectory()) / 1024) MB")
print("sizes: \(sizes.map(String.init).joined(separator: ", ")) cases; stores in \(root)")

let taskBinary = Taskwarrior.binary()
var results: [BenchResult] = []
for n in sizes {
    let fixture = Fixture(cases: n, dir: "\(root)/\(n)")
    print("\n== \(n) cases ==")
    var r = BenchResult(cases: n)

    // ONROLL_BENCH_REUSE=1 measures the stores a previous run built (no import figures): quick to re-run
    // the read and write figures on a quieter machine.
    let reuse = ProcessInfo.processInfo.environment["ONROLL_BENCH_REUSE"] == "1" && FileManager.default.fileExists(atPath: fixture.store)
    let (imp, gen, chronPerCase) = reuse ? (Fixture.ImportFigures(rows: 0, seconds: .nan), 0, .nan) : try fixture.build()
    if reuse { print("reusing \(fixture.store): no import figures") }
    r.importRows = imp.rows; r.importSeconds = imp.seconds
    r.casesImportSeconds = imp.perKind.first { $0.kind == .cases }?.seconds ?? 0
    r.chronologyPerCase = chronPerCase
    print(String(format: "generate: %.2f s (%.1f chronology entries per case)", gen, chronPerCase))
    for k in imp.perKind where k.rows >= n / 2 {
        print(String(format: "import %@: %d rows in %.2f s (%.0f rows/s)", k.kind.rawValue, k.rows, k.seconds, Double(k.rows) / k.seconds))
    }
    print(String(format: "read model built after the import (every touched case assessed once): %.2f s", imp.summaries))
    print(String(format: "import total, files and read model: %d rows in %.2f s = %.0f rows/s", imp.rows, imp.seconds, imp.rate))

    // The console: first frame and keystrokes, in a child process (3 runs; median first frame).
    var frames: [Double] = [], probe: [String: Double] = [:]
    for i in 0..<3 {
        let out = "\(fixture.dir)/probe.txt"
        let p = spawn(selfPath, ["--probe-console", fixture.store, "200"], stdout: out, env: env)
        guard p.status == 0, let line = try? String(contentsOfFile: out, encoding: .utf8) else { fatalError("console probe failed (\(p.status))") }
        let v = ConsoleProbe.parse(line)
        frames.append(v["firstFrame"] ?? .nan)
        if i == 2 { probe = v }
        r.consoleRSSMB = max(r.consoleRSSMB, v["rssMB"] ?? .nan)
    }
    r.firstFrame = frames.median
    r.keyP50 = probe["p50"] ?? .nan; r.keyP99 = probe["p99"] ?? .nan
    r.firstRows = Int(probe["firstRows"] ?? 0); r.fullLoad = probe["fullLoad"] ?? .nan; r.openCase = probe["openCase"] ?? .nan
    print("first frame (open store → first page of \(r.firstRows) rows drawn at 160×48): \(ms(r.firstFrame)) (median of 3: \(frames.map(ms).joined(separator: ", ")))")
    print("whole caseload read and ranked after the first frame: \(ms(r.fullLoad)); open one case (Enter → drawn): \(ms(r.openCase))")
    print("filter keystroke → redrawn grid (200 keys): p50 \(ms(r.keyP50)), p99 \(ms(r.keyP99)), max \(ms(probe["max"] ?? .nan)); \(Int(probe["cases"] ?? 0)) open cases, narrowest \(Int(probe["narrowest"] ?? 0))")
    print(String(format: "console peak RSS: %.0f MB", r.consoleRSSMB))

    // `onroll list --format csv` against sqlite3 running the same join on the same file.
    // Fewer repeats at 100k keep `make bench` under ten minutes; the spread is small there.
    let repeats = n >= 50_000 ? 3 : 5
    var lists: [Double] = []
    for _ in 0..<repeats {
        let p = spawn(onroll, ["list", "--format", "csv", "--store", fixture.store], stdout: "\(fixture.dir)/list.csv", env: env)
        precondition(p.status == 0, "onroll list failed")
        lists.append(p.seconds)
    }
    r.listRSSMB = Double(measuredRSSKB(onroll, ["list", "--format", "csv", "--store", fixture.store], env: env, dir: fixture.dir)) / 1024
    r.list = lists.median
    let listed = ((try? String(contentsOfFile: "\(fixture.dir)/list.csv", encoding: .utf8)) ?? "").split(separator: "\n").count - 1
    if let sq = sqlite3 {
        var sqls: [Double] = []
        for _ in 0..<repeats {
            let p = spawn(sq, ["-csv", "-header", "-readonly", fixture.store, SQLEquivalent.list], stdout: "\(fixture.dir)/sqlite.csv")
            precondition(p.status == 0, "sqlite3 failed")
            sqls.append(p.seconds)
        }
        r.sqlite = sqls.median
        let sqRows = ((try? String(contentsOfFile: "\(fixture.dir)/sqlite.csv", encoding: .utf8)) ?? "").split(separator: "\n").count - 1
        print("onroll list --format csv: \(ms(r.list)) (\(listed) rows, peak RSS \(String(format: "%.0f", r.listRSSMB)) MB); sqlite3 same join: \(ms(r.sqlite)) (\(sqRows) rows); ratio \(String(format: "%.2f", r.list / r.sqlite))×")
    } else {
        print("onroll list --format csv: \(ms(r.list)) (\(listed) rows); sqlite3 not installed, no ratio")
    }

    // `onroll show REF` (text; it also records the view, a durable write).
    var shows: [Double] = []
    for _ in 0..<repeats {
        let p = spawn(onroll, ["show", "WM-00001", "--store", fixture.store], stdout: "\(fixture.dir)/show.txt", env: env)
        precondition(p.status == 0, "onroll show failed")
        shows.append(p.seconds)
    }
    r.show = shows.median
    print("onroll show WM-00001: \(ms(r.show))")

    // `onroll list` (the table a person reads) against Taskwarrior's `task list` of as many pending tasks.
    var tables: [Double] = []
    for _ in 0..<repeats {
        let p = spawn(onroll, ["list", "--store", fixture.store], stdout: "\(fixture.dir)/list.txt", env: env)
        precondition(p.status == 0, "onroll list failed")
        tables.append(p.seconds)
    }
    r.listTable = tables.median
    if let task = taskBinary {
        let rc = try Taskwarrior.makeData(count: listed, dir: fixture.dir)
        var runs: [Double] = []
        for _ in 0..<repeats {
            let p = spawn(task, ["rc:\(rc)", "list"], stdout: "\(fixture.dir)/task.txt", env: ["TZ": "UTC"])
            precondition(p.status == 0, "task list failed (\(p.status))")
            runs.append(p.seconds)
        }
        r.taskRSSMB = Double(measuredRSSKB(task, ["rc:\(rc)", "list"], env: ["TZ": "UTC"], dir: fixture.dir)) / 1024
        r.taskList = runs.median
        let tasks = ((try? String(contentsOfFile: "\(fixture.dir)/task.txt", encoding: .utf8)) ?? "").split(separator: "\n").count
        print("onroll list (table): \(ms(r.listTable)); Taskwarrior task list of \(listed) pending tasks: \(ms(r.taskList)) (\(tasks) lines, peak RSS \(String(format: "%.0f", r.taskRSSMB)) MB); \(String(format: "%.1f", r.taskList / r.listTable))× faster")
    } else {
        print("onroll list (table): \(ms(r.listTable)); Taskwarrior not installed, no comparison")
    }

    // A durable write (synchronous=FULL) against the disk's own write+fsync, same run, same directory.
    let store = try Store(path: fixture.store, options: StoreOptions(today: Fixture.today))
    var notes: [Double] = [], syncs: [Double] = []
    for i in 0..<40 {
        let (_, t) = try Clock.measure { try store.addNote(user: "bench", caseRef: "WM-00002", text: "bench note \(i)", date: Fixture.today) }
        notes.append(t)
        syncs.append(Durability.rawFsync(dir: fixture.dir))
    }
    r.note = notes.median; r.fsync = syncs.median
    print("durable write (Store.addNote, median of 40): \(ms(r.note)); raw write+fsync: \(ms(r.fsync)); ratio \(String(format: "%.2f", r.note / r.fsync))×")

    // A new day on which every summary is out of date (as after a change of term dates or weights):
    // the first frame from the stored ranking, then the full re-rank. Last, since it rewrites the summaries.
    if let sq = sqlite3 {
        let p0 = spawn(sq, [fixture.store, "UPDATE caseSummary SET validUntil = asOf;"])
        precondition(p0.status == 0, "sqlite3 could not mark the summaries stale")
        let out = "\(fixture.dir)/probe-stale.txt"
        let p = spawn(selfPath, ["--probe-console", fixture.store, "0"], stdout: out, env: env)
        guard p.status == 0, let line = try? String(contentsOfFile: out, encoding: .utf8) else { fatalError("stale console probe failed (\(p.status))") }
        let v = ConsoleProbe.parse(line)
        r.staleFirstFrame = v["firstFrame"] ?? .nan; r.staleReRank = v["fullLoad"] ?? .nan
        r.staleRSSMB = v["rssMB"] ?? .nan
        print("new day, every summary stale: first frame \(ms(r.staleFirstFrame)), whole caseload re-ranked \(String(format: "%.2f s", r.staleReRank)) (peak RSS \(String(format: "%.0f", r.staleRSSMB)) MB)")
    }
    results.append(r)
}

Report.show(results)
// ONROLL_BENCH_SERVER=0 leaves the server out (it needs PostgreSQL from Debian, which `make test` installs).
// ONROLL_BENCH_SERVER_SIZES=1000,10000 (the default) are the server's read sizes (ServerReads.swift).
if ProcessInfo.processInfo.environment["ONROLL_BENCH_SERVER"] != "0" {
    _ = ServerBench.run()
    ServerReads.run(onroll: onroll, root: root, env: env)
}
