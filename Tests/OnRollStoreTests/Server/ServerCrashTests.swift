import Foundation
import OnRollCore
@testable import OnRollStore
import PostgresClient
import XCTest

/// The server killed mid-writes (`pg_ctl restart -m immediate`, what a crash looks like to clients): every
/// write the store acknowledged is there afterwards and the chain verifies; the store reconnects by itself.
final class ServerCrashTests: XCTestCase {
    func testEveryAcknowledgedWriteSurvivesAnImmediateRestart() throws {
        let env = ProcessInfo.processInfo.environment
        guard let dir = env["ONROLL_TEST_PG_DIR"] else { _ = try TestServer.require(); throw XCTSkip("no cluster directory") }
        let f = try TestServer.fresh()
        let s = try ServerStore.initialize(url: f.ownerURL)
        let writers = 3
        let logins = (1...writers).map { f.login("w\($0)") }
        for l in logins { _ = try s.addUser(l, role: .officer, password: "pw-\(l)") }

        let acknowledged = LockedList()
        let failures = LockedCount()
        let unexpected = LockedList()
        let stop = LockedCount()
        let group = DispatchGroup()
        for w in 0..<writers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard let store = try? ServerStore(url: f.url(as: logins[w], password: "pw-\(logins[w])")) else { failures.add(); return }
                var i = 0
                // Until the restart is over and each writer has been acknowledged at least 30 more times.
                while stop.value == 0 || acknowledged.count(prefix: "w\(w) ") < 60 {
                    let text = "w\(w) note \(i)"
                    i += 1
                    do {
                        try store.write { try store.audit(.noteAdd, entity: "case", entityId: "C\(w)", caseRef: nil, summary: text) }
                        acknowledged.append(text)
                    } catch StoreError.unavailable {
                        failures.add()
                        Thread.sleep(forTimeInterval: 0.05)
                    } catch {
                        unexpected.append("writer \(w): \(error)")
                        Thread.sleep(forTimeInterval: 0.05)
                    }
                    if i > 5000 { return }
                }
            }
        }
        // Let some writes land, then crash the server under them.
        while acknowledged.all.count < 30 { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(TestServer.run("/bin/bash", ["scripts/pg-test-server.sh", "restart", dir]), 0, "the restart failed")
        stop.add()
        group.wait()

        XCTAssertEqual(unexpected.all, [], "a failure other than the server being unavailable")
        XCTAssertGreaterThan(failures.value, 0, "no write saw the restart: the test did not test anything")
        let s2 = try ServerStore(url: f.ownerURL)
        let present = Set(try s2.auditLog().map(\.summary))
        let lost = acknowledged.all.filter { !present.contains($0) }
        XCTAssertEqual(lost, [], "acknowledged writes lost in the crash")
        XCTAssertEqual(try s2.check(), [])
    }
}

final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    func count(prefix: String) -> Int { all.filter { $0.hasPrefix(prefix) }.count }
}
