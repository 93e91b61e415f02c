import Foundation
@testable import OnRollStore
import XCTest

/// Issue 12.11: a save blocked by a colleague's long import says whose import it is waiting for.
final class BusyImportTests: XCTestCase {
    func testASaveThatTimesOutNamesTheImport() throws {
        try StoreFixture.fileOnly("SQLite\'s write lock and the import note beside the file")
        let f = try StoreFixture()
        // The note an import leaves before its transaction (this process is "the importer").
        ImportNote.write(ImportNote(user: "asha.patel", file: "/home/asha/children.csv", started: Store.now(), rows: 200_000), store: f.path)
        defer { ImportNote.clear(store: f.path) }
        let waited = Box()
        let colleague = try Store(path: f.path, options: StoreOptions(busyTimeout: 0.2, importWait: 0.6, onWaiting: { waited.set($0) }))

        // The "import": a write transaction held open on the first Store while the colleague saves.
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? f.store.write(user: "asha.patel") { _ in holding.signal(); release.wait() }
            done.signal()
        }
        holding.wait()
        let start = Date()
        XCTAssertThrowsError(try colleague.addNote(user: "tom.reid", caseRef: "WM-00001", text: "Rang school", date: f.today, today: f.today)) { error in
            guard case StoreError.busy(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("waiting for asha.patel's import of children.csv (started "), message)
            XCTAssertTrue(message.contains(", 200,000 rows)"), message)
        }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(elapsed, 0.5, "waited on past the busy timeout while the import ran")
        XCTAssertLessThan(elapsed, 5)
        XCTAssertEqual(waited.value?.hasPrefix("waiting for asha.patel's import"), true)
        release.signal(); done.wait()

        // Once the import is over the same save goes through.
        XCTAssertNoThrow(try colleague.addNote(user: "tom.reid", caseRef: "WM-00001", text: "Rang school", date: f.today, today: f.today))
    }

    func testWithoutANoteTheBusyMessageSaysAnotherSave() throws {
        try StoreFixture.fileOnly("SQLite\'s write lock and the import note beside the file")
        let f = try StoreFixture()
        let colleague = try Store(path: f.path, options: StoreOptions(busyTimeout: 0.2, importWait: 5))
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? f.store.write(user: "asha.patel") { _ in holding.signal(); release.wait() }
            done.signal()
        }
        holding.wait()
        let start = Date()
        XCTAssertThrowsError(try colleague.write(user: "tom.reid") { _ in }) { error in
            XCTAssertTrue("\(error)".contains("is busy (another officer's save is still running)"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "no note: only the busy timeout is waited")
        release.signal(); done.wait()
    }

    func testAnImportLeavesNoNoteBehind() throws {
        try StoreFixture.fileOnly("SQLite\'s write lock and the import note beside the file")
        let f = try StoreFixture()
        XCTAssertFalse(FileManager.default.fileExists(atPath: ImportNote.path(for: f.path)))
        XCTAssertNil(ImportNote.read(store: f.path))
    }
}

private final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ s: String) { lock.lock(); text = s; lock.unlock() }
    var value: String? { lock.lock(); defer { lock.unlock() }; return text }
}
