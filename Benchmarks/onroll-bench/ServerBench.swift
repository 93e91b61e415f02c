import Foundation
import OnRollCore
import OnRollSample
import OnRollStore

/// The server store's figures (issue 15), against a throwaway loopback cluster started here: one durable
/// write, and 8 officer processes × 500 writes at once (none lost, no errors, the chain verifies).
/// A write is casework: a note added to a case of a 50-case sample through `Store.addNote`, as the
/// console and `onroll note` add one (the writers' lock, the case looked up, the chronology line, its
/// audit entry and the case's summary, one commit). A bare audit append is timed beside it, the floor.
enum ServerBench {
    struct Figures {
        var durableWrite = Double.nan
        var auditAppend = Double.nan
        var concurrentSeconds = Double.nan
        var lost = -1, errors = -1
        var chainVerifies = false
    }

    static let cases = 50
    static func caseRef(_ i: Int) -> String { String(format: "WM-%05d", 1 + i % cases) }

    /// `onroll-bench --server-writer URL N`: N notes as the URL's login; prints the number that failed.
    static func writer(url: String, count: Int) -> Never {
        var failed = 0
        do {
            let store = try Store(path: url)
            for i in 0..<count {
                do {
                    try store.addNote(user: "bench", caseRef: caseRef(i), text: "bench write \(i)", date: Fixture.today, today: Fixture.today)
                } catch { failed += 1 }
            }
        } catch { failed = count }
        print(failed)
        exit(0)
    }

    /// The sample's first files, imported by the owner as `onroll import` would.
    static func load(_ store: Store) throws {
        let sample = SampleGenerator.make(cases: cases, seed: 2026, today: Fixture.today)
        for (kind, text) in [(ImportKind.schools, CSVExport.csv(sample.schools)), (.terms, CSVExport.csv(sample.terms)),
                             (.children, CSVExport.csv(sample.children)), (.cases, CSVExport.csv(sample.cases))] {
            _ = try store.importCSV(kind, data: Data(text.utf8), fileName: "\(kind.rawValue).csv", user: "bench",
                                    options: ImportOptions(chronicle: false))
        }
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
            let owner = try Store(path: url("bench_owner", "bench-owner"))
            try load(owner)
            var times: [Double] = [], appends: [Double] = []
            for i in 0..<200 {
                let (_, t) = try Clock.measure {
                    try owner.addNote(user: "bench", caseRef: caseRef(i), text: "durable write \(i)", date: Fixture.today, today: Fixture.today)
                }
                times.append(t)
                let (_, a) = try Clock.measure { try s.logRead(entity: "bench", entityId: "\(i)", summary: "durable write \(i)") }
                appends.append(a)
            }
            f.durableWrite = times.median
            f.auditAppend = appends.median
            let before = try s.headPosition()
            let notesBefore = try notes(owner)
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
            // Every acknowledged note is in a case's chronology, and each made exactly one audit entry.
            let acknowledged = officers.count * each - failed.value
            f.lost = acknowledged - (try notes(owner) - notesBefore)
            let entries = Int(try s.headPosition() - before)
            if entries != acknowledged { print("server: \(acknowledged) notes acknowledged but the chain grew by \(entries)") }
            f.chainVerifies = try s.check().isEmpty && (try owner.check().isClean)
        } catch {
            print("server: \(error)")
            return nil
        }
        print("server (loopback PostgreSQL): durable write (a note on a case) \(ms(f.durableWrite)) (median of 200; a bare audit append \(ms(f.auditAppend))); 8 processes × 500 notes at once in \(String(format: "%.2f s", f.concurrentSeconds)): \(f.lost) lost, \(f.errors) errors, chain \(f.chainVerifies ? "verifies" : "DOES NOT VERIFY")")
        return f
    }
}

/// Lines in the store's chronology: the writers' notes are the only ones added while they run.
private func notes(_ store: Store) throws -> Int { try store.counts()["chronology"] ?? 0 }

/// A sum several threads add to.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add(_ k: Int) { lock.lock(); n += k; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
