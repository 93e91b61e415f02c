import CLibPQ
import Foundation

/// One connection to a PostgreSQL server, synchronous like the file store, through libpq.
/// Parameters are always sent separately from the SQL (PQexecParams), never spliced into it.
public final class PGConnection: @unchecked Sendable {
    private var conn: OpaquePointer?
    /// The connection string it was opened with (a `postgresql://` URL or `key=value` pairs), kept to reconnect.
    public let conninfo: String

    /// Connects. Password, TLS and host come from the URL and libpq's environment (`PGPASSWORD`,
    /// `~/.pgpass`, `PGSSLMODE`…), exactly as for psql.
    public init(_ conninfo: String) throws {
        self.conninfo = conninfo
        try connect()
    }

    deinit { if let conn { PQfinish(conn) } }

    private func connect() throws {
        if let conn { PQfinish(conn) }
        prepared = [:]
        conn = PQconnectdb(conninfo)
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let msg = conn.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            throw PGError(kind: .unavailable, message: PGConnection.tidy(msg))
        }
        // The server's notices (e.g. "terminating connection due to immediate shutdown") are not for the
        // officer's terminal: libpq's default prints them to stderr. What matters arrives as an error.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
        _ = try? exec("SET client_min_messages = warning")
    }

    /// Connects again after the server went away; throws `.unavailable` while it is still down.
    public func reconnect() throws { try connect() }

    /// True while the socket is up (libpq's own view: it notices a drop on the next call).
    public var isConnected: Bool { conn.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// The login the server authenticated (what `session_user` says).
    public var user: String { conn.map { String(cString: PQuser($0)) } ?? "" }
    public var database: String { conn.map { String(cString: PQdb($0)) } ?? "" }

    /// Runs one statement with `$1…$n` parameters sent as text; returns its rows.
    @discardableResult
    public func exec(_ sql: String, _ params: [String?] = []) throws -> PGRows {
        PGRows(try execResult(sql, params))
    }

    func execResult(_ sql: String, _ params: [String?]) throws -> PGResult {
        guard let conn else { throw PGError(kind: .unavailable, message: "not connected") }
        let res: OpaquePointer? = withCStrings(params) { ptrs in
            PQexecParams(conn, sql, Int32(params.count), nil, ptrs, nil, nil, 0)
        }
        guard let res else {
            throw lost(conn)
        }
        let result = PGResult(taking: res)
        try check(res, conn)
        return result
    }

    /// Statements this connection has prepared, by their text (a server forgets them with the connection).
    private var prepared: [String: String] = [:]
    private var preparedCount = 0
    /// Past this many, a statement is sent unprepared: the store's own statements are far fewer, and a
    /// text built from its data (a list of keys) must not grow the server's memory without end.
    private static let preparedLimit = 512

    /// `exec` for a statement run many times: prepared on the server the first time, then only bound and
    /// run, so an import's ten-thousandth insert is not parsed and planned again.
    @discardableResult
    public func execPrepared(_ sql: String, _ params: [String?] = []) throws -> PGRows {
        PGRows(try execPreparedResult(sql, params))
    }

    /// `execPrepared`, its result left in libpq's buffer to be read in place (`PGResult`).
    public func execPreparedResult(_ sql: String, _ params: [String?] = []) throws -> PGResult {
        guard let conn else { throw PGError(kind: .unavailable, message: "not connected") }
        var name = prepared[sql]
        if name == nil {
            guard prepared.count < PGConnection.preparedLimit else { return try execResult(sql, params) }
            preparedCount += 1
            let n = "onroll_\(preparedCount)"
            guard let res = PQprepare(conn, n, sql, Int32(params.count), nil) else {
                throw lost(conn)
            }
            defer { PQclear(res) }
            try check(res, conn)
            prepared[sql] = n
            name = n
        }
        let res: OpaquePointer? = withCStrings(params) { ptrs in
            PQexecPrepared(conn, name!, Int32(params.count), ptrs, nil, nil, 0)
        }
        guard let res else {
            throw lost(conn)
        }
        let result = PGResult(taking: res)
        do { try check(res, conn) } catch let e as PGError where e.sqlState == "0A000" {
            // A table's columns changed under a prepared `SELECT *` (a newer OnRoll migrated the store
            // while this one was open): this transaction fails, and the next prepares the text afresh.
            prepared[sql] = nil
            throw e
        }
        return result
    }

    /// The connection failed (or a call on it did), in libpq's own words.
    func lost(_ conn: OpaquePointer) -> PGError {
        PGError(kind: .unavailable, message: PGConnection.tidy(String(cString: PQerrorMessage(conn))))
    }

    /// The libpq handle, for this module's extensions (COPY, pipelines).
    var handle: OpaquePointer? { conn }

    /// `check` for a result of this connection.
    func checkResult(_ res: OpaquePointer) throws {
        guard let conn else { throw PGError(kind: .unavailable, message: "not connected") }
        try check(res, conn)
    }

    /// Throws the server's error for a result that is not a success.
    private func check(_ res: OpaquePointer, _ conn: OpaquePointer) throws {
        switch PQresultStatus(res) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            let state = PQresultErrorField(res, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let primary = PQresultErrorField(res, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            let message = primary ?? String(cString: PQerrorMessage(conn))
            let context = PQresultErrorField(res, Int32(UInt8(ascii: "W"))).map { String(cString: $0) }
            // A dropped connection surfaces here too (no SQLSTATE, status no longer OK).
            let down = PQstatus(conn) != CONNECTION_OK || (state?.hasPrefix("08") ?? false)
                || state == "57P01" || state == "57P02" || state == "57P03"
            throw PGError(kind: down ? .unavailable : .refused, sqlState: state, message: PGConnection.tidy(message), context: context)
        }
    }

    /// Starts a `COPY … FROM STDIN`; the connection then takes only `send` until `end(copy:)`.
    func begin(copy sql: String) throws {
        guard let conn else { throw PGError(kind: .unavailable, message: "not connected") }
        guard let res = PQexec(conn, sql) else {
            throw lost(conn)
        }
        defer { PQclear(res) }
        if PQresultStatus(res) != PGRES_COPY_IN { try check(res, conn) }
    }

    /// Sends a chunk of COPY data; an error here means the connection failed.
    func send(_ bytes: [UInt8]) -> PGError? {
        guard let conn else { return PGError(kind: .unavailable, message: "not connected") }
        let ok = bytes.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { PQputCopyData(conn, $0, Int32(b.count)) }
        }
        return ok == 1 ? nil : lost(conn)
    }

    /// Ends the COPY (abandoning it when `failure` is set) and throws the server's verdict on the rows.
    func end(copy failure: PGError?) throws {
        guard let conn else { throw PGError(kind: .unavailable, message: "not connected") }
        _ = PQputCopyEnd(conn, failure == nil ? nil : "the client stopped sending")
        var verdict: PGError? = failure
        while let res = PQgetResult(conn) {
            defer { PQclear(res) }
            do { try check(res, conn) } catch let e as PGError { if verdict == nil { verdict = e } }
        }
        if let verdict { throw verdict }
    }

    /// Runs several statements with no parameters (a schema script). libpq's simple protocol.
    public func script(_ sql: String) throws {
        guard let conn else { throw PGError(kind: .unavailable, message: "not connected") }
        guard let res = PQexec(conn, sql) else {
            throw lost(conn)
        }
        defer { PQclear(res) }
        try check(res, conn)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN")
        do {
            let value = try body()
            try exec("COMMIT")
            return value
        } catch {
            if isConnected { _ = try? exec("ROLLBACK") }
            throw error
        }
    }

    /// A password as the SCRAM verifier the server stores, computed here so the password itself is
    /// never sent in a statement (and never lands in a server log).
    public func scramVerifier(password: String, user: String) throws -> String {
        guard let conn, let p = PQencryptPasswordConn(conn, password, user, "scram-sha-256") else {
            throw PGError(kind: .refused, message: conn.map { PGConnection.tidy(String(cString: PQerrorMessage($0))) } ?? "not connected")
        }
        defer { PQfreemem(p) }
        return String(cString: p)
    }

    /// Waits up to `timeout` seconds for a NOTIFY on a channel this connection LISTENs to.
    /// Returns the channels that fired (empty on timeout).
    public func waitForNotifications(timeout: Double) throws -> [String] {
        guard let conn else { throw PGError(kind: .unavailable, message: "not connected") }
        var fired = drain(conn)
        if !fired.isEmpty { return fired }
        var pfd = pollfd(fd: PQsocket(conn), events: Int16(POLLIN), revents: 0)
        let r = poll(&pfd, 1, Int32(timeout * 1000))
        if r > 0 {
            guard PQconsumeInput(conn) == 1 else {
                throw lost(conn)
            }
            fired = drain(conn)
        }
        return fired
    }

    private func drain(_ conn: OpaquePointer) -> [String] {
        var out: [String] = []
        while let n = PQnotifies(conn) {
            out.append(String(cString: n.pointee.relname))
            PQfreemem(n)
        }
        return out
    }

    /// Quotes an identifier for SQL text (where a parameter cannot go: role names in GRANT).
    public static func quoteIdent(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    /// Quotes a literal for SQL text, only for statements that take no parameters (CREATE ROLE … PASSWORD).
    public static func quoteLiteral(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    /// libpq's messages end with a newline and sometimes repeat "FATAL:"; one clean line.
    static func tidy(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }
}

/// Passes Swift strings to C as a `const char *const *`, NULL for SQL NULL, alive for the call.
func withCStrings<R>(_ params: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    if params.isEmpty { return body(nil) }
    var owned: [UnsafeMutablePointer<CChar>?] = params.map { $0.map { strdup($0) } ?? nil }
    defer { owned.forEach { free($0) } }
    return owned.withUnsafeMutableBufferPointer { buf in
        buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buf.count, 1)) { body($0) }
    }
}
