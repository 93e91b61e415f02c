import Foundation

/// A throwaway loopback PostgreSQL cluster (`scripts/pg-test-server.sh start`), and databases on it.
struct PGCluster {
    let script: String, dir: String, psql: String
    let port: String, admin: String, password: String

    /// Starts one; nil (and says why) when this machine can't.
    static func start() -> PGCluster? {
        let script = FileManager.default.currentDirectoryPath + "/scripts/pg-test-server.sh"
        guard FileManager.default.fileExists(atPath: script), let psql = which("psql") else {
            print("server: skipped (no scripts/pg-test-server.sh or psql here)"); return nil
        }
        let dirFile = NSTemporaryDirectory() + "onroll-bench-pg-dir"
        guard spawn("/bin/bash", [script, "start"], stdout: dirFile).status == 0,
              let dir = try? String(contentsOfFile: dirFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
              let envText = try? String(contentsOfFile: dir + "/env", encoding: .utf8) else {
            print("server: the cluster did not start"); return nil
        }
        var pg: [String: String] = [:]
        for line in envText.split(separator: "\n") {
            let kv = line.replacingOccurrences(of: "export ", with: "").split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { pg[kv[0]] = kv[1] }
        }
        return PGCluster(script: script, dir: dir, psql: psql, port: pg["ONROLL_TEST_PG_PORT"] ?? "",
                         admin: pg["ONROLL_TEST_PG_ADMIN"] ?? "", password: pg["ONROLL_TEST_PG_PASSWORD"] ?? "")
    }

    func stop() { _ = spawn("/bin/bash", [script, "stop", dir]) }

    /// A new database `name` owned by a new login `owner` (password `ownerPassword`), as the admin.
    func createDatabase(_ name: String, owner: String, ownerPassword: String) {
        for sql in ["CREATE ROLE \(owner) LOGIN CREATEROLE PASSWORD '\(ownerPassword)'", "CREATE DATABASE \(name) OWNER \(owner)"] {
            _ = spawn(psql, ["-X", "-q", "-h", "127.0.0.1", "-p", port, "-U", admin, "-d", "postgres", "-c", sql], env: ["PGPASSWORD": password])
        }
    }

    func url(_ user: String, _ pw: String, db: String) -> String { "postgresql://\(user):\(pw)@127.0.0.1:\(port)/\(db)" }
}
