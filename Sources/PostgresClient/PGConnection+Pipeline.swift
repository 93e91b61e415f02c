import CLibPQ

/// Several statements in one round trip (libpq's pipeline mode): sent together, answered together.
/// For reads that do not depend on each other's results, as the records around a case are: a write's
/// refresh of its case summary read thirteen tables one round trip at a time.
extension PGConnection {
    /// Above this many bytes of statements and parameters the batch is run one statement at a time:
    /// pipeline mode on a blocking socket is safe only while everything sent fits the socket's buffer
    /// (the server stops reading while it writes results nobody reads yet).
    static let pipelineBytes = 32 * 1024

    /// Runs each statement (`$n` parameters, sent as text) and returns their rows in order. Inside a
    /// transaction the batch is part of it; the first statement the server refuses is thrown, after the
    /// rest (skipped by the server) are drained.
    public func pipeline(_ statements: [(sql: String, params: [String?])]) throws -> [PGRows] {
        let bytes = statements.reduce(0) { $0 + $1.sql.utf8.count + $1.params.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 4 } }
        guard statements.count > 1, bytes <= PGConnection.pipelineBytes, let conn = handle, PQenterPipelineMode(conn) == 1 else {
            return try statements.map { try execPrepared($0.sql, $0.params) }
        }
        defer { _ = PQexitPipelineMode(conn) }
        for s in statements {
            let sent = withCStrings(s.params) { ptrs in PQsendQueryParams(conn, s.sql, Int32(s.params.count), nil, ptrs, nil, nil, 0) }
            guard sent == 1 else { throw lost(conn) }
        }
        guard PQpipelineSync(conn) == 1 else { throw lost(conn) }
        var out: [PGRows] = [], failure: PGError?
        for _ in statements {
            guard let res = PQgetResult(conn) else { throw lost(conn) }
            if PQresultStatus(res) == PGRES_PIPELINE_ABORTED {
                PQclear(res)
            } else {
                let result = PGResult(taking: res)
                do { try checkResult(res); out.append(PGRows(result)) } catch let e as PGError { if failure == nil { failure = e } }
            }
            // Each statement's results end with a NULL.
            while let extra = PQgetResult(conn) { PQclear(extra) }
        }
        // The sync point's own result closes the batch.
        while let res = PQgetResult(conn) {
            let status = PQresultStatus(res)
            PQclear(res)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        if let failure { throw failure }
        return out
    }
}
