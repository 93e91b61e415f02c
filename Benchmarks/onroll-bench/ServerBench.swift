import Foundation
import OnRollStore

/// The server store's figures (issue 15), against a throwaway loopback cluster started here: one durable
/// write, and 8 officer processes × 500 writes at once (none lost, no errors, the chain verifies).
/// A write here is an audit append through the store (`logRead`): the chain's lock, trigger and commit,
/// which is every server write's floor; casework writes do not run on a server store yet.
enum ServerBench {
    struct Figures {
        var durableWrite = Double.nan
        var concurrentSeconds = Double.nan
        var lost = -1, errors = -1
        var chainVerifies = false
    }

    /// `onroll-bench --server-writer URL N`: N writes as the URL's login; prints the number that failed.
    static func writer(url: String, count: Int) -> Never {
        var failed = 0
        do {
            let s = try ServerStore(url: url)
            for i in 0..<count {
                do { try s.logRead(entity: "bench", entityId: "\(i)", summary: "bench write \(i)") } catch { failed += 1 }
            }
        } catch { failed = count }
        print(failed)
        exit(0)
    }

    static func run() -> Figures? {
        guard let pg = PGCluster.start() else { return nil }
        defer { pg.stop() }
        pg.createDatabase("bench", owner: "bench_owner", ownerPassword: "bench-owner")
        func url(_ user: String, _ pw: String) -> String { pg.url(user, pw, db: "bench") }
        var f = Figures()
        do {
            let s = try ServerStore.initialize(url: url("bench_owner", "bench-owner"))
            let officers = (1...8).map { "bench_officer\($0)" }
            for o in officers { _ = try s.addUser(o, role: .officer, password: "pw-\(o)") }
            var times: [Double] = []
            for i in 0..<200 {
                let (_, t) = try Clock.measure { try s.logRead(entity: "bench", entityId: "\(i)", summary: "durable write \(i)") }
                times.append(t)
            }
            f.durableWrite = times.median
            let before = try s.headPosition()
            let each = 500
            let t0 = Clock.now
            let group = DispatchGroup()
            let failed = Tally()
            let urls = officers.map { url($0, "pw-\($0)") }
            for (i, u) in urls.enumerated() {
                group.enter()
                Thread.detachNewThread {
                    let out = NSTemporaryDirectory() + "onroll-bench-writer-\(i)"
                    let p = spawn(selfPath, ["--server-writer", u, "\(each)"], stdout: out)
                    let n = Int((try? String(contentsOfFile: out, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? each
                    failed.add(p.status == 0 ? n : each)
                    group.leave()
                }
            }
            group.wait()
            f.concurrentSeconds = Clock.since(t0)
            f.errors = failed.value
            f.lost = Int(before) + officers.count * each - failed.value - Int(try s.headPosition())
            f.chainVerifies = try s.check().isEmpty
        } catch {
            print("server: \(error)")
            return nil
        }
        print("server (loopback PostgreSQL): durable write \(ms(f.durableWrite)) (median of 200); 8 processes × 500 writes at once in \(String(format: "%.2f s", f.concurrentSeconds)): \(f.lost) lost, \(f.errors) errors, chain \(f.chainVerifies ? "verifies" : "DOES NOT VERIFY")")
        return f
    }
}

/// A sum several threads add to.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add(_ k: Int) { lock.lock(); n += k; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
