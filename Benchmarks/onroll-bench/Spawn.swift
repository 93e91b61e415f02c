import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process run to completion: wall time, exit status and its own peak RSS (from wait4),
/// so the bench's own memory never counts against `onroll`.
struct Spawned {
    var seconds: Double
    var status: Int32
    var maxRSSKB: Int
}

func spawn(_ path: String, _ args: [String], stdout outPath: String = "/dev/null", env: [String: String] = [:]) -> Spawned {
    var fa = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fa)
    defer { posix_spawn_file_actions_destroy(&fa) }
    posix_spawn_file_actions_addopen(&fa, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
    var pid: pid_t = 0
    let t0 = Clock.now
    guard posix_spawn(&pid, path, &fa, nil, argv, envp) == 0 else {
        fatalError("cannot run \(path): \(String(cString: strerror(errno)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = Clock.since(t0)
    let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Spawned(seconds: seconds, status: exited, maxRSSKB: usage.ru_maxrss)
}

/// Finds a program on PATH.
func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let p = "\(dir)/\(name)"
        if access(p, X_OK) == 0 { return p }
    }
    return nil
}

/// A child's own peak RSS. `wait4`'s figure is not it: glibc's posix_spawn starts the child in the
/// parent's address space (CLONE_VM), and Linux carries that space's high-water mark across exec into
/// the child's `ru_maxrss`, so every child "peaked" at the bench's own size (the generator holds the
/// whole caseload). The bench runs itself, small, as `--rss-run`, which spawns the program from its
/// own few megabytes and reports the program's figure; that floor (printed) is the most it can add.
func measuredRSSKB(_ path: String, _ args: [String], stdout outPath: String = "/dev/null", env: [String: String] = [:], dir: String) -> Int {
    let rssFile = dir + "/rss.txt"
    let p = spawn(selfPath, ["--rss-run", rssFile, outPath, path] + args, env: env)
    precondition(p.status == 0, "\(path) failed under --rss-run (\(p.status))")
    return Int(((try? String(contentsOfFile: rssFile, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
}

/// `onroll-bench --rss-run RSSFILE OUT PROG ARGS…`: the small intermediary of `measuredRSSKB`.
enum RSSRun {
    static func run(_ args: [String]) -> Never {
        let p = spawn(args[2], Array(args.dropFirst(3)), stdout: args[1])
        try? "\(p.maxRSSKB)\n".write(toFile: args[0], atomically: false, encoding: .utf8)
        exit(p.status)
    }
}
