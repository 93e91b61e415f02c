/// What went wrong talking to a PostgreSQL server, in the server's own words.
public struct PGError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached, or the connection dropped: the caller may retry later.
        case unavailable
        /// The server refused the statement (its SQLSTATE says why).
        case refused
    }

    public let kind: Kind
    /// Five-character SQLSTATE, e.g. `42501` (insufficient privilege), `23505` (unique violation).
    public let sqlState: String?
    public let message: String
    /// Where in the statement the server was (for a COPY: "COPY children, line 3, column born: …").
    public let context: String?

    public init(kind: Kind, sqlState: String? = nil, message: String, context: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.context = context
    }

    /// For an error in a COPY, the 1-based line of the stream the server was reading.
    public var copyLine: Int? {
        guard let context, let r = context.range(of: #"COPY [^,]+, line \d+"#, options: .regularExpression) else { return nil }
        return Int(context[r].split(separator: " ").last ?? "")
    }

    public var description: String { message }

    /// The server said the role lacks the privilege (GRANT or row-level security).
    public var isPermissionDenied: Bool { sqlState == "42501" || isLoginRefused }
    /// The server is up but would not let this login in (wrong password, no such role, NOLOGIN).
    /// libpq gives no SQLSTATE for a failed connection, only the server's words.
    public var isLoginRefused: Bool {
        kind == .unavailable && (["password authentication failed", "no password supplied", "is not permitted to log in",
                                  "pg_hba.conf rejects"].contains { message.contains($0) }
                                 || (message.contains("role \"") && message.contains("does not exist")))
    }
    /// A unique or primary-key constraint refused the row.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// Two transactions collided (serialization failure or deadlock): the transaction may be retried.
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" || kind == .unavailable }
}
