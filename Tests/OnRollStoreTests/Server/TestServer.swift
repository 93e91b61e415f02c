import Foundation
import PostgresClient
import XCTest

/// The throwaway PostgreSQL cluster `make test` starts (scripts/pg-test-server.sh). Each test gets its own
/// database and owner login, so tests never see each other's rows, roles or logins.
enum TestServer {
    struct Config {
        let host: String, port: String, admin: String, password: String
    }

    static var config: Config? {
        let env = ProcessInfo.processInfo.environment
        guard let host = env["ONROLL_TEST_PG_HOST"], let port = env["ONROLL_TEST_PG_PORT"],
              let admin = env["ONROLL_TEST_PG_ADMIN"], let pw = env["ONROLL_TEST_PG_PASSWORD"] else { return nil }
        return Config(host: host, port: port, admin: admin, password: pw)
    }

    /// The cluster's settings, or a skip when run outside `make test` — but under `make test`
    /// (ONROLL_TEST_PG_REQUIRED=1) a missing server is a failure, never a quiet skip.
    static func require() throws -> Config {
        if let c = config { return c }
        if ProcessInfo.processInfo.environment["ONROLL_TEST_PG_REQUIRED"] == "1" {
            XCTFail("ONROLL_TEST_PG_* is not set although the server tests are required")
        }
        throw XCTSkip("no test PostgreSQL server (make test starts one: scripts/pg-test-server.sh)")
    }

    static func conninfo(_ c: Config, user: String, password: String, db: String) -> String {
        "host=\(c.host) port=\(c.port) user=\(user) password=\(password) dbname=\(db) connect_timeout=5"
    }

    static func url(_ c: Config, user: String, password: String, db: String) -> String {
        "postgresql://\(user):\(password)@\(c.host):\(c.port)/\(db)"
    }

    static func admin(_ c: Config) throws -> PGConnection {
        try PGConnection(conninfo(c, user: c.admin, password: c.password, db: "postgres"))
    }

    nonisolated(unsafe) private static var counter = 0

    /// The server refuses `sql` for this login as insufficient privilege (SQLSTATE 42501: a GRANT or a
    /// row-level policy); `byPrivilege` also requires it was the GRANT ("permission denied for …").
    static func assertRefused(_ conn: PGConnection, _ sql: String, byPrivilege: Bool = false,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try conn.exec(sql), sql, file: file, line: line) { e in
            XCTAssertEqual((e as? PGError)?.sqlState, "42501", "\(sql): \(e)", file: file, line: line)
            if byPrivilege {
                XCTAssertTrue((e as? PGError)?.message.hasPrefix("permission denied for") ?? false, "\(sql): \(e)", file: file, line: line)
            }
        }
    }

    /// Runs a program to completion and returns its exit status. posix_spawn and waitpid, not Foundation's
    /// Process, whose waitUntilExit never returned here once pg_ctl had started a daemon.
    static func run(_ path: String, _ args: [String]) -> Int32 {
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xff
    }

    /// A new empty database owned by a new login with CREATEROLE (what a DBA sets up for `onroll init`).
    struct Fresh {
        let config: Config
        let db: String
        let owner: String
        let password: String
        var ownerURL: String { TestServer.url(config, user: owner, password: password, db: db) }
        func url(as user: String, password: String) -> String { TestServer.url(config, user: user, password: password, db: db) }
        func connect(as user: String, password: String) throws -> PGConnection {
            let c = try PGConnection(TestServer.conninfo(config, user: user, password: password, db: db))
            try c.exec("SET search_path = onroll")
            return c
        }
        /// A login name unique to this database (logins are cluster-wide).
        func login(_ base: String) -> String { "\(db)_\(base)" }
    }

    static func fresh(_ name: String = #function) throws -> Fresh {
        let c = try require()
        counter += 1
        let tag = name.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(24)
        let db = "t\(getpid())_\(counter)_\(tag)"
        let owner = "\(db)_owner"
        let pw = "owner-pw-\(counter)"
        let a = try admin(c)
        try a.exec("CREATE ROLE \(PGConnection.quoteIdent(owner)) LOGIN CREATEROLE PASSWORD \(PGConnection.quoteLiteral(pw))")
        try a.exec("CREATE DATABASE \(PGConnection.quoteIdent(db)) OWNER \(PGConnection.quoteIdent(owner))")
        return Fresh(config: c, db: db, owner: owner, password: pw)
    }
}
