/// What a restore refuses before it writes anything, the same for a file and a server.
extension ExportDocument {
    /// A pseudonymised export is not the caseload it came from; one with no head can't show a cut-off end.
    func checkRestorable(acceptNoHead: Bool) throws {
        guard !pseudonymised else {
            throw StoreError.invalid("this export is pseudonymised: it cannot be restored as a caseload (names, UPNs, addresses and the audit log were removed)")
        }
        if head == nil && !acceptNoHead {
            throw StoreError.invalid("this export records no audit head (it was made by an older OnRoll), so a cut-off audit log could not be told from a whole one; nothing was restored. If it is your own backup, restore it with --accept-no-head")
        }
    }

    /// The export's schema and tables are ones this OnRoll keeps: not a newer schema, and no table it
    /// does not make (a smuggled table would pass the insert but is no part of a caseload).
    func checkFits(migrations known: [String], tables own: Set<String>) throws {
        let unknown = migrations.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError.invalid("the export was made by a newer OnRoll (schema \(unknown.joined(separator: ", "))); restore it with that version")
        }
        if let extra = tables.map(\.name).first(where: { !own.contains($0) }) {
            throw StoreError.invalid("the export has a table \(extra) that OnRoll does not keep; nothing was restored")
        }
    }
}
