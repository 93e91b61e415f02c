import GRDB

/// Writes to a store file behind OnRoll's back, as a hostile copy or a hand edit could: the store's
/// own write context can't (it has no way around the audit), so tests that need damage open the file.
func forge(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws {
    let q = try DatabaseQueue(path: path)
    try q.write { db in try db.execute(sql: sql, arguments: arguments) }
    try q.close()
}
