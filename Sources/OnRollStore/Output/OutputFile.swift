import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way OnRoll writes a file: minutes, calendars, reports, exports, rejects and the console's
/// report save all come through here.
///
/// An output path is the user's typing, and a typo must not cost them a folder or the caseload: a
/// directory, a symlink, the open store and its `-wal`/`-shm` are refused before anything is
/// written. The text goes to a private (0600) temporary file beside the target and is renamed into
/// place, so a reader never sees half a file and a full disk leaves the old file as it was.
public enum OutputFile {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// The path can't be an output (a directory, the store, a symlink…): nothing was written.
        case refused(path: String, reason: String)
        case diskFull(path: String)
        case failed(path: String, reason: String)

        public var description: String {
            switch self {
            case let .refused(p, r): "\(p): \(r); nothing was written"
            case let .diskFull(p): "\(p): disk full; nothing was written"
            case let .failed(p, r): "\(p): cannot be written (\(r)); nothing was written"
            }
        }
    }

    /// Checks that `path` may be written, without writing it: commands call this before doing work
    /// (an import checks its `--rejects` path before importing anything).
    /// - Parameters:
    ///   - protecting: the open store's path; it and its `-wal`/`-shm` are never an output.
    ///   - overwrite: false refuses a file that already exists (an export is never written over).
    public static func check(_ path: String, protecting store: String?, overwrite: Bool = true) throws {
        guard !path.isEmpty else { throw Failure.refused(path: "(empty)", reason: "no file name was given") }
        var st = stat()
        if lstat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                throw Failure.refused(path: path, reason: "is a directory; give a file name inside it")
            case S_IFLNK:
                throw Failure.refused(path: path, reason: "is a symbolic link; give the real file's path")
            case S_IFREG:
                if !overwrite { throw Failure.refused(path: path, reason: "already exists; refusing to overwrite it") }
            default:
                throw Failure.refused(path: path, reason: "is not a regular file")
            }
        }
        if let store, isStoreFile(path, store: store) {
            throw Failure.refused(path: path, reason: "is the open store (or its -wal/-shm journal); choose another file")
        }
        let dir = directory(of: path)
        var d = stat()
        guard stat(dir, &d) == 0, d.st_mode & S_IFMT == S_IFDIR else {
            throw Failure.refused(path: path, reason: "its directory \(dir) does not exist")
        }
        guard access(dir, W_OK) == 0 else {
            throw Failure.refused(path: path, reason: "its directory \(dir) cannot be written")
        }
    }

    /// Writes `data` to `path` through a 0600 temporary file in the same directory and a rename.
    public static func write(_ data: Data, to path: String, protecting store: String?, overwrite: Bool = true) throws {
        try check(path, protecting: store, overwrite: overwrite)
        let dir = directory(of: path)
        let name = (path as NSString).lastPathComponent
        var template = Array((dir as NSString).appendingPathComponent(".\(name).onroll-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path, errno) }
        let temp = String(cString: template)
        var done = false
        defer { if !done { unlink(temp) } }
        // mkstemp already makes 0600; fchmod makes it so whatever the platform or the umask.
        fchmod(fd, 0o600)
        var wrote = writeAll(data, to: fd)
        if wrote == 0, fsync(fd) != 0 { wrote = errno }
        let closed = close(fd) == 0 ? 0 : errno
        if wrote != 0 { throw failure(path, wrote) }
        if closed != 0 { throw failure(path, closed) }
        // Checked again just before the rename: the path may have become a directory or a link since.
        try check(path, protecting: store, overwrite: overwrite)
        guard rename(temp, path) == 0 else { throw failure(path, errno) }
        done = true
    }

    /// write(2) until all of `data` is written, retrying an interrupted call; 0, or the errno that stopped it.
    /// Also the CLI's stdout and stderr: one loop for every byte OnRoll writes.
    public static func writeAll(_ data: Data, to fd: Int32) -> Int32 {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return errno }
                offset += n
            }
            return 0
        }
    }

    public static func write(_ text: String, to path: String, protecting store: String?, overwrite: Bool = true) throws {
        try write(Data(text.utf8), to: path, protecting: store, overwrite: overwrite)
    }

    /// Makes (or accepts) a private output directory, 0700 when made; refuses a symlink, a file and
    /// the store's own directory entry.
    public static func directory(_ path: String, protecting store: String?) throws {
        var st = stat()
        if lstat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFDIR: return
            case S_IFLNK: throw Failure.refused(path: path, reason: "is a symbolic link; give the real directory's path")
            default: throw Failure.refused(path: path, reason: "is a file, not a directory")
            }
        }
        if let store, isStoreFile(path, store: store) {
            throw Failure.refused(path: path, reason: "is the open store; choose another directory")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            chmod(path, 0o700)
        } catch {
            throw Failure.failed(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// True when `path` names the store file or its journal, by name or by the file itself (a hard
    /// link or another spelling of the same path).
    static func isStoreFile(_ path: String, store: String) -> Bool {
        let candidates = ["", "-wal", "-shm", "-journal"].map { store + $0 }
        let resolved = canonical(path)
        for c in candidates {
            if canonical(c) == resolved { return true }
            var a = stat(), b = stat()
            if stat(path, &a) == 0, stat(c, &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino { return true }
        }
        return false
    }

    /// The absolute path with its directory's symlinks resolved, for a file that may not exist yet.
    static func canonical(_ path: String) -> String {
        let dir = directory(of: path)
        let name = (path as NSString).lastPathComponent
        guard let real = realpath(dir, nil) else { return path }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent(name)
    }

    static func directory(of path: String) -> String {
        let d = (path as NSString).deletingLastPathComponent
        return d.isEmpty ? "." : d
    }

    static func failure(_ path: String, _ code: Int32) -> Failure {
        if code == ENOSPC || code == EDQUOT { return .diskFull(path: path) }
        return .failed(path: path, reason: String(cString: strerror(code)))
    }
}

/// write(2), named apart from `OutputFile.write`.
func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buf, count)
    #else
    Darwin.write(fd, buf, count)
    #endif
}
