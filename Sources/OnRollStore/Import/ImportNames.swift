import GRDB
import OnRollCore

/// Schools' files name a child by UPN and a school by its DfE number (laestab); OnRoll's own files use
/// refs and URNs. Before a file is decoded, each `upn` is turned into the ref it stands for (matched on
/// UPN, then former UPN) and each 7-digit school number into its URN, so every codec reads refs only.
/// A name that finds nothing is a row error naming the line; in a children file an unknown UPN is a new
/// child instead.
struct ImportNames {
    /// The table as the codec reads it: alias columns replaced by the columns they stand for.
    var table: CSVTable
    /// Problems found while resolving, by line, already phrased `FILE:LINE: column: reason`.
    var problems: [Int: [String]] = [:]
    /// The columns the file used in place of a codec column (shown in the header error's expected list).
    static let aliases = ["upn", "laestab", "suspension_start"]

    static func resolve<E>(_ codec: Codec<E>, _ original: CSVTable, file: String, db: StoreDB) throws -> ImportNames {
        var out = ImportNames(table: original)
        let header = original.header
        func col(_ name: String) -> Int? { header.firstIndex(of: name) }
        let isChildren = codec.kind == "children"
        let upnAt = codec.namesChild != nil ? col("upn") : nil
        let laestabAt = !codec.columns.contains("laestab") && codec.schoolColumns.contains("school_urn") ? col("laestab") : nil
        let startAt = { if case .suspension = codec.namesChild { return col("suspension_start") } else { return nil } }()
        let schoolAt = codec.schoolColumns.compactMap { c in col(c).map { (c, $0) } }
        let refAt = isChildren ? col("ref") : nil
        guard upnAt != nil || laestabAt != nil || !schoolAt.isEmpty || (isChildren && col("upn") != nil) else { return out }

        // The new header: aliases dropped, the columns they stand for added at the end where absent.
        let dropped = Set([upnAt, laestabAt, startAt].compactMap { $0 })
        var newHeader = header.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        let target = codec.namesChild?.column
        if upnAt != nil, let t = target, !newHeader.contains(t) { newHeader.append(t) }
        if laestabAt != nil, !newHeader.contains("school_urn") { newHeader.append("school_urn") }
        if isChildren, refAt == nil, col("upn") != nil { newHeader.append("ref") }
        let newIndex = Dictionary(uniqueKeysWithValues: newHeader.enumerated().map { ($1, $0) })

        var childByUPN: [String: Child?] = [:]
        // A children file looks up nearly every row: one read of the UPNs beats a query a row.
        var holders: [String: (ref: String, current: Bool)]?
        if isChildren, col("upn") != nil {
            var h: [String: (ref: String, current: Bool)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT ref, upn, formerUPN FROM children ORDER BY ref") {
                if let f: String = row["formerUPN"], h[f] == nil { h[f] = (row["ref"], false) }
                if let u: String = row["upn"] { h[u] = (row["ref"], true) }
            }
            holders = h
        }
        func child(_ upn: UPN) throws -> Child? {
            if let c = childByUPN[upn.value] { return c }
            let c = try Child.filter(Column("upn") == upn.value).fetchOne(db)
                ?? Child.filter(Column("formerUPN") == upn.value).fetchOne(db)
            childByUPN[upn.value] = c
            return c
        }
        var urnByLAESTAB: [String: String?] = [:]
        func urn(_ laestab: String) throws -> String? {
            if let u = urnByLAESTAB[laestab] { return u }
            let u = try String.fetchOne(db, sql: "SELECT urn FROM schools WHERE laestab = ? ORDER BY urn", arguments: [laestab])
            urnByLAESTAB[laestab] = u
            return u
        }
        var nextChild = try isChildren ? nextChildNumber(db) : 0
        var newRefOfUPN: [String: (ref: String, line: Int)] = [:]

        out.table.header = newHeader
        for (n, record) in original.records.enumerated() {
            var problems: [String] = []
            func fail(_ column: String, _ reason: String) { problems.append("\(file):\(record.line): \(column): \(reason)") }
            func cell(_ i: Int?) -> String {
                guard let i, i < record.fields.count else { return "" }
                return record.fields[i].trimmingSpaces
            }
            var fields = record.fields.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
            // A short row keeps its shape: the added columns go after every header column.
            while fields.count < newHeader.count { fields.append("") }
            func set(_ column: String, _ value: String) { if let i = newIndex[column] { fields[i] = value } }
            func given(_ column: String) -> String { newIndex[column].map { fields[$0].trimmingSpaces } ?? "" }

            // A school named by its DfE number, in a laestab column or in place of the URN.
            if let i = laestabAt, !cell(i).isEmpty {
                let l = cell(i)
                if !School.isLAESTAB(l) { fail("laestab", "'\(l.prefix(20))' is not a 7-digit DfE number (LA code + establishment)") }
                else if let u = try urn(l) {
                    let g = given("school_urn")
                    if !g.isEmpty && g != u && g != l { fail("laestab", "\(l) is school \(u), but school_urn says \(g.prefix(20))") }
                    else { set("school_urn", u) }
                } else { fail("laestab", "no school has DfE number \(l) (import schools with a laestab column first)") }
            }
            for (column, _) in schoolAt {
                let v = given(column)
                guard School.isLAESTAB(v) else { continue }
                if let u = try urn(v) { set(column, u) } else {
                    fail(column, "no school has DfE number \(v) (import schools with a laestab column first)")
                }
            }

            if isChildren, let holders {
                resolveChildRow(col("upn").map { cell($0) } ?? "", given("ref"), line: record.line, fail: fail, set: set,
                                holders: holders, next: &nextChild, inFile: &newRefOfUPN)
            } else if let i = upnAt, !cell(i).isEmpty, let name = codec.namesChild {
                do {
                    let upn = try UPN(cell(i))
                    if let c = try child(upn) {
                        try resolve(name, c, given(name.column), startText: cell(startAt), db: db, fail: fail, set: set)
                    } else {
                        fail("upn", "no child has UPN \(upn.value), now or as a former UPN (import the children file first)")
                    }
                } catch let e as ValidationError { fail("upn", e.message) }
            }
            out.table.records[n].fields = fields
            if !problems.isEmpty { out.problems[record.line] = problems }
        }
        return out
    }

    /// A children row found by UPN when it has no ref: the child holding that UPN (or holding it
    /// before), else a new child with the next free ref. A UPN already another child's is refused, and so
    /// is one UPN given to two children in the same file.
    private static func resolveChildRow(_ upnText: String, _ ref: String, line: Int, fail: (String, String) -> Void,
                                        set: (String, String) -> Void, holders: [String: (ref: String, current: Bool)],
                                        next: inout Int, inFile: inout [String: (ref: String, line: Int)]) {
        guard !upnText.isEmpty, let upn = try? UPN(upnText) else { return }  // the codec reports a bad UPN
        let holder = holders[upn.value]
        var r = ref
        if r.isEmpty {
            if let h = holder { r = h.ref }
            else if let earlier = inFile[upn.value] { r = earlier.ref }  // the same new child twice: one row per record
            else {
                r = "C" + String(repeating: "0", count: max(0, 5 - String(next).count)) + String(next)
                next += 1
            }
            set("ref", r)
        } else if let h = holder, h.ref != ref, h.current {
            fail("upn", "\(upn.value) is already child \(h.ref)'s UPN")
            return
        }
        if let earlier = inFile[upn.value], earlier.ref != r {
            fail("upn", "\(upn.value) is also child \(earlier.ref)'s UPN on line \(earlier.line)")
        } else if inFile[upn.value] == nil {
            inFile[upn.value] = (r, line)
        }
    }

    private static func resolve(_ name: ChildName, _ c: Child, _ given: String, startText: String, db: StoreDB,
                                fail: (String, String) -> Void, set: (String, String) -> Void) throws {
        switch name {
        case .child(let column):
            if !given.isEmpty && given != c.ref { fail("upn", "is child \(c.ref)'s UPN, but \(column) says \(given.prefix(30))"); return }
            set(column, c.ref)
        case .openCase(let column):
            if !given.isEmpty {
                let owner = try String.fetchOne(db, sql: "SELECT childRef FROM cases WHERE ref = ?", arguments: [given])
                if let o = owner, o != c.ref { fail("upn", "is child \(c.ref)'s UPN, but case \(given.prefix(30)) is child \(o)'s") }
                return
            }
            let open = try String.fetchAll(db, sql: "SELECT ref FROM cases WHERE childRef = ? AND status != 'closed' ORDER BY ref", arguments: [c.ref])
            switch open.count {
            case 1: set(column, open[0])
            case 0: fail("upn", "child \(c.ref) has no open case; give \(column)")
            default: fail("upn", "child \(c.ref) has \(open.count) open cases (\(open.prefix(4).joined(separator: ", "))); give \(column)")
            }
        case .suspension(let column):
            if !given.isEmpty { return }
            guard !startText.isEmpty else { fail("suspension_start", "is required with upn (the suspension's start date)"); return }
            let start: SchoolDate
            do { start = try SchoolDate.parse(startText) } catch { fail("suspension_start", error.message); return }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM suspensions WHERE childRef = ? AND start = ? ORDER BY id",
                                         arguments: [c.ref, start])
            switch ids.count {
            case 1: set(column, String(ids[0]))
            case 0: fail("suspension_start", "child \(c.ref) has no suspension starting \(start.iso)")
            default: fail("suspension_start", "child \(c.ref) has \(ids.count) suspensions starting \(start.iso); give \(column)")
            }
        }
    }

    /// One more than the highest `C<digits>` ref stored: new children from a school's file get refs in
    /// the same series as the sample's and the console's.
    static func nextChildNumber(_ db: StoreDB) throws -> Int {
        let refs = try String.fetchAll(db, sql: "SELECT ref FROM children WHERE ref " + (db.isServer ? "~ '^C[0-9]'" : "GLOB 'C[0-9]*'"))
        return (refs.compactMap { Int($0.dropFirst()) }.max() ?? 0) + 1
    }
}
