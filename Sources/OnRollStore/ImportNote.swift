import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The note a running import leaves next to the store (`STORE.importing`, mode 0600), so that a
/// colleague whose save has to wait is told whose import it is waiting for, instead of a bare
/// "database is locked".
///
/// A side file rather than a row in the store: it is written and removed outside any transaction
/// (a row would need its own commit while the import's transaction waits to start), it is never
/// exported, restored or audited, and a store made by an older OnRoll needs no migration for it.
/// A note left by a crashed import names a process that no longer runs on this machine and is
/// ignored; one from another machine is believed for `staleAfter` from its start.
public struct ImportNote: Codable, Equatable, Sendable {
    public var user: String
    /// The file's name only: the path may say more about the officer's machine than is needed.
    public var file: String
    /// ISO 8601, UTC.
    public var started: String
    public var rows: Int
    public var host: String
    public var pid: Int32

    /// An import of a whole authority's caseload takes well under this; a note older is a leftover.
    static let staleAfter: TimeInterval = 6 * 3600

    public static func path(for store: String) -> String { store + ".importing" }

    public init(user: String, file: String, started: String, rows: Int,
                host: String = ProcessInfo.processInfo.hostName, pid: Int32 = getpid()) {
        self.user = user; self.file = (file as NSString).lastPathComponent; self.started = started
        self.rows = rows; self.host = host; self.pid = pid
    }

    /// "asha.patel's import of children.csv (started 10:04, 200,000 rows)"
    public var description: String {
        "\(user)'s import of \(file) (started \(ImportNote.clock(started)), \(ImportNote.grouped(rows)) rows)"
    }

    /// Written before the import's transaction begins; never fails the import (the note only helps others).
    static func write(_ note: ImportNote, store: String) {
        guard let data = try? JSONEncoder().encode(note) else { return }
        let path = path(for: store)
        let tmp = path + ".\(getpid()).tmp"
        let fd = open(tmp, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        guard fd >= 0 else { return }
        let ok = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) == $0.count }
        close(fd)
        if !ok || rename(tmp, path) != 0 { unlink(tmp) }
    }

    /// Removes the note, but only if it is still this process's (a later import may have replaced it).
    static func clear(store: String) {
        if let n = read(store: store, ignoringStale: false), n.pid == getpid(), n.host == ProcessInfo.processInfo.hostName {
            unlink(path(for: store))
        }
    }

    /// The running import's note, if there is one that is believable.
    public static func read(store: String, ignoringStale: Bool = true) -> ImportNote? {
        guard let data = FileManager.default.contents(atPath: path(for: store)),
              let note = try? JSONDecoder().decode(ImportNote.self, from: data) else { return nil }
        guard ignoringStale else { return note }
        if note.host == ProcessInfo.processInfo.hostName, kill(note.pid, 0) != 0, errno == ESRCH { return nil }
        // The same clock the note was stamped with (Store.now, pinned in test builds), so age is comparable.
        let now = ISO8601DateFormatter().date(from: Store.now()) ?? Date()
        if let t = ISO8601DateFormatter().date(from: note.started), now.timeIntervalSince(t) > staleAfter { return nil }
        return note
    }

    /// The local time of day of an ISO time ("10:04"), or the text itself if it does not parse.
    static func clock(_ iso: String) -> String {
        guard let t = ISO8601DateFormatter().date(from: iso) else { return iso }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_GB_POSIX")
        f.dateFormat = Calendar.current.isDateInToday(t) ? "HH:mm" : "d MMM HH:mm"
        return f.string(from: t)
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
