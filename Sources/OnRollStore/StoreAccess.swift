import Foundation
import GRDB
import OnRollCore
#if canImport(Glibc)
import Glibc
#endif

/// How long a write waits for the store, and what it is told while it waits.
public struct StoreOptions: Sendable {
    /// How long a write waits for another officer's save before giving up (seconds).
    public var busyTimeout: Double = 15
    /// How long a write keeps waiting while a colleague's import holds the store, as its note says
    /// (seconds). A whole authority's import takes a minute or two; a save should outlast it.
    public var importWait: Double = 600
    /// Told once, when a write starts waiting for a colleague's import (the CLI prints it on stderr).
    public var onWaiting: (@Sendable (String) -> Void)?
    /// The caller's today, the day writes assess the caseload summaries they refresh for.
    public var today: SchoolDate?

    public init(busyTimeout: Double = 15, importWait: Double = 600, onWaiting: (@Sendable (String) -> Void)? = nil,
                today: SchoolDate? = nil) {
        self.busyTimeout = busyTimeout; self.importWait = importWait; self.onWaiting = onWaiting; self.today = today
    }
}

/// Whether the store can be written, and how to open one that cannot.
enum StoreAccess {
    /// True when neither the file nor its directory can be written by this process: an auditor's copy
    /// on read-only media or with mode 0444 in a 0555 directory. SQLite needs to create the -wal and
    /// -shm files beside the store, so an unwritable directory is enough to make it read-only.
    ///
    /// `ONROLL_FORCE_READONLY=1` makes any store read-only, in debug (test) builds only: the tests run
    /// as root, for whom access(W_OK) always succeeds and read-only mounts are not available.
    static func isReadOnly(_ path: String) -> Bool {
        #if DEBUG
        if ProcessInfo.processInfo.environment["ONROLL_FORCE_READONLY"] == "1" { return true }
        #endif
        let dir = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) != 0 || access(dir.isEmpty ? "." : dir, W_OK) != 0
    }

    /// The filename to open a read-only store with. A store closed cleanly is a single file whose header
    /// says WAL; SQLite can only read it without creating -shm if told the file cannot change
    /// (`immutable=1`, a URI filename: the system SQLite is built with SQLITE_USE_URI, and GRDB 7 passes
    /// the path to sqlite3_open_v2 as given). Where -wal or -shm already exist (a copy taken while the
    /// store was open) they hold committed changes, so the store is opened normally, read-only.
    static func readOnlyFilename(_ path: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: path + "-wal") || fm.fileExists(atPath: path + "-shm") { return path }
        let absolute = path.hasPrefix("/") ? path : fm.currentDirectoryPath + "/" + path
        // In a URI, '%', '?' and '#' would end or change the path; spaces are fine as %20 too.
        var escaped = ""
        for c in absolute.unicodeScalars {
            switch c {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            case " ": escaped += "%20"
            default: escaped.unicodeScalars.append(c)
            }
        }
        return "file:\(escaped)?immutable=1"
    }
}

/// The writer's busy handler: waits `busyTimeout`, then keeps waiting while an import note says a
/// colleague's import holds the store, up to `importWait`. SQLite calls it again and again while the
/// lock is held (retry 0 starts a new wait); it sleeps between calls.
final class BusyWait: @unchecked Sendable {
    private let options: StoreOptions
    private let store: String
    private let lock = NSLock()
    private var started = Date()
    private var told = false

    init(options: StoreOptions, store: String) { self.options = options; self.store = store }

    func shouldRetry(_ tries: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        if tries == 0 { started = Date(); told = false }
        let waited = Date().timeIntervalSince(started)
        if waited >= options.busyTimeout {
            guard waited < options.importWait, let note = ImportNote.read(store: store) else { return false }
            if !told { told = true; options.onWaiting?("waiting for \(note.description)") }
        }
        usleep(tries < 10 ? 2_000 : 20_000)
        return true
    }
}
