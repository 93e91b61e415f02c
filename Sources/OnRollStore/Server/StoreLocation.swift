/// Where a store lives: a file (the embedded default) or a PostgreSQL server shared by a team.
public enum StoreLocation: Equatable, Sendable {
    case file(String)
    /// A libpq connection URL, `postgresql://[user@]host[:port]/db[?sslmode=…]`.
    case server(String)

    public init(_ text: String) {
        let lower = text.lowercased()
        self = lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") ? .server(text) : .file(text)
    }

    /// What to show a person: a server URL without any password in it.
    public var display: String {
        switch self {
        case .file(let p): return p
        case .server(let url): return StoreLocation.redacted(url)
        }
    }

    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":…" + String(url[at...])
    }
}
