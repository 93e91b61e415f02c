import Foundation
import OnRollStore

/// The server store's read figures (issue 15): for each size, the file bench's generated caseload moved
/// onto a fresh database of a throwaway loopback cluster with `onroll export` → `onroll restore` (as the
/// database's owner), an officer login added (`onroll user add`), then, as the officer: the console's first
/// frame (the same child-process probe as the file store's, on `Store(path: url)`), cold (right after the
/// restore, every summary still to assess) and current (after that), and `onroll list --format csv`
/// against psql selecting the same rows and columns from `onroll."caseSummary"`.
/// ONROLL_BENCH_SERVER_SIZES=1000,10000 (the default) picks the sizes.
enum ServerReads {
    /// psql's equivalent of `list --format csv`: the columns the CSV shows (the year label is derived from
    /// `dob`), ranked as `Store.rows` ranks them (SummarySQL.tenths for the day).
    static func psqlList(day: Int) -> String {
        """
        SELECT to_char(t / 10.0, 'FM99990.0') AS score, "caseRef", "childName", date '1970-01-01' + "dob"::int AS dob,
               COALESCE("schoolName", "schoolURN", '—') AS school, kind, status, COALESCE(owner, '') AS owner,
               COALESCE(to_char(date '1970-01-01' + "nextReview"::int, 'YYYY-MM-DD'), '') AS "nextReview", flags,
               CASE WHEN overdue != 0 THEN 'yes' ELSE 'no' END AS overdue
        FROM (SELECT *, ("fixedTenths" + CASE WHEN "contactBase" IS NULL THEN 0 ELSE
                 CAST(ROUND(("contactWeight" * LEAST(GREATEST(0, \(day) - "contactBase" - 10), "contactCap")) * 10) AS INTEGER) END) AS t
              FROM onroll."caseSummary" WHERE status != 'closed') s
        ORDER BY t DESC, opened, "caseRef"
        """
    }

    static func run(onroll: String, root: String, env: [String: String]) {
        let sizes = (ProcessInfo.processInfo.environment["ONROLL_BENCH_SERVER_SIZES"] ?? "1000,10000")
            .split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, let pg = PGCluster.start() else { return }
        defer { pg.stop() }
        for n in sizes {
            print("\n== server store, \(n) cases (loopback PostgreSQL) ==")
            let fixture = Fixture(cases: n, dir: "\(root)/server-\(n)")
            let db = "reads\(n)"
            pg.createDatabase(db, owner: "reads\(n)_owner", ownerPassword: "owner-pw")
            let ownerURL = pg.url("reads\(n)_owner", "owner-pw", db: db)
            let officerURL = pg.url("reads_officer\(n)", "officer-pw", db: db)
            do {
                // ONROLL_BENCH_REUSE=1 restores the export a previous run left (no generate/import/export figures).
                let export = "\(fixture.dir)/export.json"
                let reuse = ProcessInfo.processInfo.environment["ONROLL_BENCH_REUSE"] == "1" && FileManager.default.fileExists(atPath: export)
                var build = Double.nan, exportSeconds = Double.nan
                if !reuse {
                    build = try Clock.measure { try fixture.build() }.1
                    let e = spawn(onroll, ["export", "--store", fixture.store], stdout: export, env: env)
                    guard e.status == 0 else { print("server: onroll export failed (\(e.status))"); continue }
                    exportSeconds = e.seconds
                }
                let r = spawn(onroll, ["restore", export, "--store", ownerURL], stdout: "\(fixture.dir)/restore.txt", env: env)
                guard r.status == 0 else { print("server: onroll restore failed (\(r.status))"); continue }
                let u = spawn("/bin/sh", ["-c", "printf 'officer-pw\\n' | \"$0\" user add reads_officer\(n) --role officer --store \"$1\"", onroll, ownerURL],
                              env: env)
                guard u.status == 0 else { print("server: onroll user add failed (\(u.status))"); continue }
                print(String(format: "load: file store generated and imported %.2f s; onroll export %.2f s; onroll restore onto the server %.2f s",
                             build, exportSeconds, r.seconds))

                // Cold: the first officer read after the restore (every summary still to assess).
                let cold = probe(officerURL, keys: 0, dir: fixture.dir, env: env)
                print("console cold (first read after the restore): first frame \(ms(cold["firstFrame"] ?? .nan)) (\(Int(cold["firstRows"] ?? 0)) rows); whole caseload assessed and ranked after it \(String(format: "%.2f s", cold["fullLoad"] ?? .nan))")

                // `list --format csv` against psql on the same rows; the summaries are current now.
                var lists: [Double] = [], psqls: [Double] = []
                for _ in 0..<5 {
                    let p = spawn(onroll, ["list", "--format", "csv", "--store", officerURL], stdout: "\(fixture.dir)/server-list.csv", env: env)
                    guard p.status == 0 else { print("server: onroll list failed (\(p.status))"); return }
                    lists.append(p.seconds)
                }
                for _ in 0..<5 {
                    let p = spawn(pg.psql, ["-X", "-A", "-F,", "-c", psqlList(day: Fixture.today.dayNumber), officerURL], stdout: "\(fixture.dir)/psql.csv")
                    guard p.status == 0 else { print("server: psql failed (\(p.status))"); return }
                    psqls.append(p.seconds)
                }
                func lines(_ f: String) -> Int { ((try? String(contentsOfFile: "\(fixture.dir)/\(f)", encoding: .utf8)) ?? "").split(separator: "\n").count }
                let listed = lines("server-list.csv") - 1, psqlRows = lines("psql.csv") - 2   // psql: header and "(N rows)"
                print("onroll list --format csv: \(ms(lists.median)) (\(listed) rows, median of 5: \(lists.map(ms).joined(separator: ", "))); psql same rows: \(ms(psqls.median)) (\(psqlRows) rows); ratio \(String(format: "%.2f", lists.median / psqls.median))×")

                // Current: three probes, summaries current.
                var frames: [Double] = [], last: [String: Double] = [:]
                for _ in 0..<3 {
                    last = probe(officerURL, keys: 200, dir: fixture.dir, env: env)
                    frames.append(last["firstFrame"] ?? .nan)
                }
                print("console, summaries current: first frame \(ms(frames.median)) (median of 3: \(frames.map(ms).joined(separator: ", ")); \(Int(last["firstRows"] ?? 0)) rows at 160×48); whole caseload after it \(ms(last["fullLoad"] ?? .nan)); open one case \(ms(last["openCase"] ?? .nan))")
                print("filter keystroke → redrawn grid (200 keys): p50 \(ms(last["p50"] ?? .nan)), p99 \(ms(last["p99"] ?? .nan)); console peak RSS \(String(format: "%.0f", last["rssMB"] ?? .nan)) MB")
            } catch {
                print("server: \(error)")
            }
        }
    }

    /// The file bench's console probe, in a child, on the server store.
    static func probe(_ url: String, keys: Int, dir: String, env: [String: String]) -> [String: Double] {
        let out = "\(dir)/server-probe.txt"
        let p = spawn(selfPath, ["--probe-console", url, "\(keys)"], stdout: out, env: env)
        guard p.status == 0, let line = try? String(contentsOfFile: out, encoding: .utf8) else {
            print("server: console probe failed (\(p.status))"); return [:]
        }
        return ConsoleProbe.parse(line)
    }
}
