import Foundation

/// Taskwarrior 2.6 as a yardstick: `task list` over as many pending tasks as the store has open cases.
/// Its data file is written directly in Taskwarrior's own line format (one `[name:"value" …]` per task),
/// far quicker than `task import` and the same file Taskwarrior would have written.
enum Taskwarrior {
    /// The `task` binary, installed from Debian if it is missing and the bench may install (root).
    static func binary() -> String? {
        if let t = which("task") { return t }
        guard getuid() == 0, ProcessInfo.processInfo.environment["ONROLL_BENCH_NO_INSTALL"] == nil else { return nil }
        print("installing taskwarrior from Debian for the comparison…")
        let p = spawn("/usr/bin/apt-get", ["install", "-y", "-qq", "taskwarrior"], env: ["DEBIAN_FRONTEND": "noninteractive"])
        return p.status == 0 ? which("task") : nil
    }

    /// A task database of `count` pending tasks under `dir`; returns the rc file to pass as `rc:FILE`.
    static func makeData(count: Int, dir: String) throws -> String {
        let data = dir + "/task"
        try? FileManager.default.removeItem(atPath: data)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        var text = ""
        text.reserveCapacity(count * 150)
        let entry = 1_795_424_400
        for i in 0..<count {
            // A fixed, valid UUID per task (version 4 layout), so runs are comparable.
            let uuid = String(format: "%08x-0000-4000-8000-%012x", i, i)
            text += "[description:\"Review case WM-\(String(format: "%05d", i + 1))\" entry:\"\(entry + i)\" "
                + "modified:\"\(entry + i)\" project:\"inclusion\" status:\"pending\" uuid:\"\(uuid)\"]\n"
        }
        try text.write(toFile: data + "/pending.data", atomically: false, encoding: .utf8)
        for f in ["completed.data", "undo.data", "backlog.data"] { FileManager.default.createFile(atPath: data + "/" + f, contents: nil) }
        let rc = dir + "/taskrc"
        try "data.location=\(data)\nconfirmation=off\ngc=off\nverbose=nothing\ncolor=off\nhooks=off\nnews.version=2.6.0\n"
            .write(toFile: rc, atomically: false, encoding: .utf8)
        return rc
    }
}
