import Foundation
import GRDB
import Logging
import OnRollCore

/// One caseload: one SQLite file, opened in WAL mode with foreign keys on, or a database on a
/// PostgreSQL server shared by a team (`postgresql://…`).
///
/// Reads go through `read`; every change goes through `write`, which runs in one immediate
/// transaction and appends the audit entries of that change in the same transaction. Both hand the
/// store's code a `StoreDB`, so every rule is written once for both backends.
public final class Store: Sendable {
    /// The file's path, or the server's address with any password removed.
    public let path: String
    let backend: Backend
    enum Backend: Sendable {
        case file(DatabasePool)
        case server(ServerSession)
    }
    /// The file's pool, for what only a file has (its own restore, its integrity checks).
    var pool: DatabasePool {
        get throws {
            guard case .file(let p) = backend else { throw StoreError.invalid("this works on a store file, not a server store") }
            return p
        }
    }
    /// The server side, nil for a file.
    public var server: ServerStore? { if case .server(let s) = backend { return s.server } else { return nil } }
    /// Opened read-only (StoreAccess.isReadOnly): reads work, every write is refused with `.readOnly`,
    /// and reads of personal data are not audited (there is nowhere to write the entry).
    public let isReadOnly: Bool
    /// Whether this store may write its caseload summaries (derived data): not a read-only file, nor a
    /// server login that may only read (an auditor, a panel member), whose reads assess what is stale.
    let canKeepSummaries: Bool
    /// The day a write assesses the summaries it refreshes for: the caller's today when it gave one.
    /// Any day is correct (a read for another day recomputes what is stale for it); the caller's own
    /// today spares that read the work.
    let summaryDay: SchoolDate
    static let log = Logger(label: "onroll.store")

    /// Opens an existing store. Throws `.missing` when there is none.
    public init(path: String, options: StoreOptions = StoreOptions()) throws {
        if case .server(let url) = StoreLocation(path) {
            let server = try ServerStore(url: url)
            self.path = server.location.display
            summaryDay = options.today ?? Store.clockToday()
            isReadOnly = false
            backend = .server(try ServerSession(server: server, busyTimeout: options.busyTimeout))
            canKeepSummaries = try server.role().map { $0 == .officer || $0 == .manager } ?? false
            return
        }
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path) }
        try Store.checkIsStore(path)
        self.path = path
        summaryDay = options.today ?? Store.clockToday()
        isReadOnly = StoreAccess.isReadOnly(path)
        canKeepSummaries = !isReadOnly
        let pool: DatabasePool
        do { pool = try Store.openPool(path, options, readOnly: isReadOnly) } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY {
            // GRDB writes a little on opening a store whose -wal is empty: that waits for the lock too.
            throw StoreError.busy(Store.busyMessage(path))
        }
        backend = .file(pool)
        // Checked in a read first: `migrate` takes the write lock even when there is nothing to do, so a
        // store held by a colleague's import could not even be opened to be read.
        let current = try pool.read { try Schema.migrator.hasCompletedMigrations($0) }
        if !current {
            // A migration is a write: an older store on read-only media can't be brought up to date here.
            if isReadOnly { throw StoreError.needsUpgrade(path) }
            do { try Schema.migrator.migrate(pool) } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY {
                throw StoreError.busy(Store.busyMessage(path))
            }
        }
        Store.log.debug("store opened", metadata: ["path": "\(path)", "readOnly": "\(isReadOnly)"])
    }

    private init(creating path: String, today: SchoolDate?) throws {
        self.path = path
        summaryDay = today ?? Store.clockToday()
        isReadOnly = false
        canKeepSummaries = true
        let pool = try Store.openPool(path, StoreOptions(), readOnly: false)
        try Schema.migrator.migrate(pool)
        backend = .file(pool)
    }

    /// Creates a new store with mode 0600, refusing to overwrite one that exists.
    public static func create(path: String, today: SchoolDate? = nil) throws -> Store {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { throw StoreError.exists(path) }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
        // Create the file ourselves so it is 0600 from its first byte; SQLite gives -wal/-shm the same mode.
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else { throw StoreError.invalid("cannot create \(path): \(String(cString: strerror(errno)))") }
        close(fd)
        return try Store(creating: path, today: today)
    }

    /// SQLite would quietly turn an empty file (or a typo'd path to one) into a new store, 0644; only
    /// `init` creates a store, so anything that is not already one is refused.
    static func checkIsStore(_ path: String) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { return }   // unreadable: SQLite says why
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        if head.isEmpty {
            throw StoreError.notAStore("\(path) is an empty file, not an OnRoll store (create one with `onroll init --store \(path)` after removing it)")
        }
        if head != Data("SQLite format 3\0".utf8) {
            throw StoreError.notAStore("\(path) is not an OnRoll store (it is not an SQLite database)")
        }
    }

    static func openPool(_ path: String, _ options: StoreOptions, readOnly: Bool) throws -> DatabasePool {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        // Another officer's write waits its turn instead of failing with "database is locked", and
        // waits longer for a colleague's import, which says who it is in its note.
        let wait = BusyWait(options: options, store: path)
        config.busyMode = .callback { wait.shouldRetry($0) }
        config.prepareDatabase { db in
            if !readOnly { try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        return try DatabasePool(path: readOnly ? StoreAccess.readOnlyFilename(path) : path, configuration: config)
    }

    /// True when the file can be read by group or others: worth a warning, as it holds children's records.
    public var isReadableByOthers: Bool {
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = attrs[.posixPermissions] as? NSNumber else { return false }
        return mode.intValue & 0o077 != 0
    }

    func read<T>(_ body: (StoreDB) throws -> T) throws -> T {
        switch backend {
        case .file(let pool): return try pool.read { try body(StoreDB(file: $0)) }
        case .server(let s): return try s.read { try body(StoreDB(server: s)) }
        }
    }

    /// Writes derived data only (the caseload summaries, the search index): no audit entry, as nothing
    /// of a child's record changes.
    func writeDerived<T>(_ body: (StoreDB) throws -> T) throws -> T {
        switch backend {
        case .file(let pool): return try pool.write { try body(StoreDB(file: $0)) }
        case .server(let s): return try s.write { try body(StoreDB(server: s)) }
        }
    }

    /// Runs one change as one transaction, with its audit entries. Nothing of a failed change remains.
    @discardableResult
    func write<T>(user: String, _ body: (WriteContext) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path) }
        do { return try writeTransaction(user: user, body) } catch let e as DatabaseError {
            switch e.resultCode {
            case .SQLITE_FULL: throw StoreError.diskFull("saved")
            case .SQLITE_READONLY: throw StoreError.readOnly(path)
            case .SQLITE_BUSY: throw StoreError.busy(Store.busyMessage(path))
            default: throw e
            }
        }
    }

    private func writeTransaction<T>(user: String, _ body: (WriteContext) throws -> T) throws -> T {
        let pool: DatabasePool
        switch backend {
        case .file(let p): pool = p
        case .server(let s):
            // On a server the officer is the login, whatever name the caller passed.
            var ctx: WriteContext?
            let result = try s.write {
                let c = try WriteContext(db: StoreDB(server: s), user: s.server.login)
                ctx = c
                let r = try body(c)
                try SummaryWriter.refresh(self, c, today: summaryDay)
                return r
            }
            if let c = ctx { Store.logCommit(c) }
            Store.noteCommit()
            return result
        }
        return try pool.writeWithoutTransaction { db in
            var result: T?
            var ctx: WriteContext?
            try db.inTransaction(.immediate) {
                ctx = try WriteContext(db: StoreDB(file: db), user: user)
                result = try body(ctx!)
                try SummaryWriter.refresh(self, ctx!, today: summaryDay)
                return .commit
            }
            if let c = ctx { Store.logCommit(c) }
            Store.noteCommit()
            return result!
        }
    }

    /// Who holds the store, as far as is known: a running import leaves a note saying so.
    static func busyMessage(_ path: String) -> String {
        if let note = ImportNote.read(store: path) {
            return "waiting for \(note.description) timed out; nothing was saved: try again when it has finished"
        }
        return "\(path) is busy (another officer's save is still running); nothing was saved: try again"
    }

    nonisolated(unsafe) private static var committed = false
    private static let committedLock = NSLock()
    static func noteCommit() { committedLock.lock(); committed = true; committedLock.unlock() }
    /// True once any write of this process has committed: a CLI that then can't print its
    /// confirmation must say the change was saved, not that it failed.
    public static var committedInThisProcess: Bool { committedLock.lock(); defer { committedLock.unlock() }; return committed }

    /// Refs and operations only: the log must never carry a child's name or a record's text.
    static func logCommit(_ ctx: WriteContext) {
        guard log.logLevel <= .debug, !ctx.logged.isEmpty else { return }
        let ops = Dictionary(grouping: ctx.logged, by: \.op).map { "\($0.key)×\($0.value.count)" }.sorted().joined(separator: " ")
        let cases = Set(ctx.logged.compactMap(\.caseRef)).sorted()
        log.debug("committed", metadata: ["user": "\(ctx.user)", "entries": "\(ctx.logged.count)", "ops": "\(ops)",
                                          "cases": "\(cases.prefix(5).joined(separator: ","))\(cases.count > 5 ? ",…(\(cases.count))" : "")"])
    }

    /// The time the store writes into audit entries (UTC, seconds). `ONROLL_NOW` pins it, but only in
    /// debug (test) builds: in a release build the audit time can't be set from the environment.
    static func now() -> String {
        #if DEBUG
        if let pinned = ProcessInfo.processInfo.environment["ONROLL_NOW"], !pinned.isEmpty { return pinned }
        #endif
        return utcStamp(time(nil))
    }

    /// `2026-11-23T09:00:00Z`, what ISO8601DateFormatter's internet date-time gives in UTC, without
    /// building an ICU formatter on every write (that was a tenth of a durable write's time).
    static func utcStamp(_ t: time_t) -> String {
        var t = t, tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
    }

    /// The date of `now()`: what "today" is for a caller that has no --today of its own.
    public static func clockToday() -> SchoolDate {
        (try? SchoolDate.parse(String(now().prefix(10)))) ?? SchoolDate(dayNumber: Int.max / 2)
    }

    /// A stamp that changes whenever anyone commits to the store; the console polls it to notice
    /// other officers' changes.
    /// False only when it is known nobody has committed since the last call (a server's NOTIFY heard);
    /// a file can't tell, so the caller reads the stamp.
    public func mayHaveChanged() -> Bool {
        if case .server(let s) = backend { return s.mayHaveChanged() }
        return true
    }

    public func changeStamp() throws -> Int64 {
        try read { db in try Store.changeStamp(db) }
    }

    /// The chain's head position: on a server the head row the writers serialise on, moved at commit
    /// (never `MAX(id)`, which a reader's snapshot could see past a gap), on a file the last entry's id.
    static func changeStamp(_ db: StoreDB) throws -> Int64 {
        try head(db).position
    }
}
