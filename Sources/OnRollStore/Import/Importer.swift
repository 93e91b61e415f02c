import Foundation
import GRDB
import OnRollCore

/// The kinds `onroll import KIND FILE` accepts, in the order a whole caseload must be loaded.
public enum ImportKind: String, CaseIterable, Sendable {
    case schools, terms, children, cases, chronology, suspensions, reflections, attendance, actions, team
    case plans, phases, reviews, deletions, outofschool, panels, attendees, panelitems
    /// A schools' exclusions return: suspensions and exclusions as schools report them (not a record
    /// kind of its own, so `onroll export` writes none).
    case exclusions

    /// The kinds `onroll export --format csv` writes, one file each: every kind but the returns.
    public static let recordKinds: [ImportKind] = allCases.filter { $0 != .exclusions }

    /// The seven kinds of contract.md; the rest are OnRoll's own (docs/file-formats.md).
    public static let contractKinds: [ImportKind] = [.schools, .children, .cases, .suspensions, .attendance, .actions, .terms]
}

public struct ImportOptions: Sendable {
    /// Import the good rows and write the rejected ones (with a `reason` column) to `rejectsPath`.
    public var skipInvalid = false
    public var rejectsPath: String?
    /// Add chronology lines for new cases, actions and suspensions. Off when the chronology itself
    /// is imported too (a whole-caseload load), so nothing appears twice.
    public var chronicle = true
    /// Let a row without a version change the record it names. Off by default: such a row may come
    /// from a file older than the store, and would silently undo a colleague's newer change.
    public var updateExisting = false
    /// Keep the chronology's authors and times as the file gives them. Only for OnRoll's own synthetic
    /// sample, whose authors are part of the story it tells; every file an officer imports is theirs.
    public var keepFileAuthors = false
    /// Records of what happened (attendance, chronology) dated after this are refused; nil for the
    /// synthetic sample, whose dates are its own.
    public var today: SchoolDate?
    public init(skipInvalid: Bool = false, rejectsPath: String? = nil, chronicle: Bool = true, updateExisting: Bool = false,
                keepFileAuthors: Bool = false, today: SchoolDate? = nil) {
        self.skipInvalid = skipInvalid; self.rejectsPath = rejectsPath; self.chronicle = chronicle
        self.updateExisting = updateExisting; self.keepFileAuthors = keepFileAuthors; self.today = today
    }
}

public struct ImportResult: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    public var rejectsPath: String?
    public var problems: [String] = []
    /// Rows imported as they are but worth a look, `FILE:LINE: column: reason` (an unknown reason code).
    public var warnings: [String] = []
    public var summary: String {
        "\(inserted) added, \(updated) updated, \(unchanged) unchanged" + (rejected > 0 ? ", \(rejected) rejected" : "")
    }
}

extension Store {
    /// Imports one CSV file. All-or-nothing unless `skipInvalid`: one bad row and nothing is written,
    /// with every bad row named as `FILE:LINE: column: reason`.
    public func importCSV(_ kind: ImportKind, data: Data, fileName: String, user: String,
                          options: ImportOptions = ImportOptions()) throws -> ImportResult {
        switch kind {
        case .schools: try run(Codecs.schools, data, fileName, user, options)
        case .terms: try run(Codecs.terms, data, fileName, user, options)
        case .children: try run(Codecs.children, data, fileName, user, options)
        case .cases: try run(Codecs.cases, data, fileName, user, options)
        case .chronology: try run(Codecs.chronology, data, fileName, user, options)
        case .suspensions: try run(Codecs.suspensions, data, fileName, user, options)
        case .reflections: try run(Codecs.reflections, data, fileName, user, options)
        case .attendance: try run(Codecs.attendance, data, fileName, user, options)
        case .actions: try run(Codecs.actions, data, fileName, user, options)
        case .team: try run(Codecs.team, data, fileName, user, options)
        case .plans: try run(Codecs.plans, data, fileName, user, options)
        case .phases: try run(Codecs.phases, data, fileName, user, options)
        case .reviews: try run(Codecs.reviews, data, fileName, user, options)
        case .deletions: try run(Codecs.deletions, data, fileName, user, options)
        case .outofschool: try run(Codecs.outOfSchool, data, fileName, user, options)
        case .panels: try run(Codecs.panels, data, fileName, user, options)
        case .attendees: try run(Codecs.attendees, data, fileName, user, options)
        case .panelitems: try run(Codecs.panelItems, data, fileName, user, options)
        case .exclusions: try run(Codecs.exclusions, data, fileName, user, options)
        }
    }

    private func run<E: AuditedRecord & Equatable>(_ codec: Codec<E>, _ data: Data, _ file: String, _ user: String,
                                                   _ options: ImportOptions) throws -> ImportResult {
        // Refused before a row is read, and before a note is left beside a store that can't be changed.
        if isReadOnly { throw StoreError.readOnly(path) }
        // A rejects file that can't be written is found now, before a row is read, not after the import.
        if let rejects = options.rejectsPath { try OutputFile.check(rejects, protecting: path) }
        let original: CSVTable
        do { original = try CSVTable.parse(data) } catch {
            throw StoreError.importRejected(["\(file):\(error.line): \(error.reason)"])
        }
        var headerProblems: [String] = []
        var seenHeader = Set<String>()
        for col in original.header where !seenHeader.insert(col).inserted {
            headerProblems.append("\(file):1: \(col): column appears twice")
        }
        if !headerProblems.isEmpty { throw StoreError.importRejected(headerProblems) }
        // UPNs and DfE numbers become the refs and URNs they stand for (ImportNames); rejects are
        // written from the rows as the file gave them.
        let names = try read { db in try ImportNames.resolve(codec, original, file: file, db: db) }
        let table = names.table
        let originalRow = Dictionary(original.records.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        for col in codec.required where !table.header.contains(col) {
            let alias = codec.namesChild?.column == col ? " (or upn)" : col == "school_urn" ? " (or laestab)" : ""
            headerProblems.append("\(file):1: \(col): required column is missing\(alias)")
        }
        for col in table.header where !codec.columns.contains(col) {
            headerProblems.append("\(file):1: \(col.isEmpty ? "(blank)" : String(col.prefix(30))): unknown column for \(codec.kind) (expected: \(expectedColumns(codec).joined(separator: ", ")))")
        }
        if !headerProblems.isEmpty { throw StoreError.importRejected(headerProblems) }
        let index = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })

        var result = ImportResult()
        var rejects: [(CSVTable.Record, String)] = []
        func reject(_ record: CSVTable.Record, _ problems: [String]) {
            result.problems += problems
            rejects.append((originalRow[record.line] ?? record, problems.map { $0.split(separator: ":", maxSplits: 2).last.map { String($0).trimmingSpaces } ?? $0 }.joined(separator: "; ")))
        }
        // 1. Decode every row and check what it refers to, before writing anything: a bad file is
        //    refused without opening a write transaction. (Nothing is ever deleted, so a reference
        //    that exists now still exists when the write below runs.)
        var decoded: [(CSVTable.Record, E, version: Int?, isNew: Bool)] = []
        decoded.reserveCapacity(table.records.count)
        // One record twice in one file: the later row would silently replace the earlier (a CP flag on
        // the first row was lost that way), so both lines are named and the file is refused.
        var firstLine: [String: Int] = [:]
        let keyColumn = codec.keyColumn ?? ["ref", "urn", "id"].first { codec.columns.contains($0) } ?? codec.required.first ?? "(row)"
        try read { db in
            var known: [String: Bool] = [:]
            for record in table.records {
                var reader = RowReader(file: file, line: record.line, index: index, fields: record.fields)
                let given = originalRow[record.line]?.fields.count ?? record.fields.count
                if given > original.header.count {
                    reader.fail("(row)", "has \(given) fields but the header has \(original.header.count)")
                }
                let entity = codec.decode(&reader)
                // Read beside the record, not into it: a new record is inserted at insert's version.
                let version = codec.versioned ? reader.int("version") : nil
                // A name that found nothing is the row's problem; the codec's complaint that the column
                // it stood for is empty would only repeat it.
                let named = names.problems[record.line] ?? []
                let target = codec.namesChild?.column
                var problems = named + reader.errors.filter { e in named.isEmpty || target.map { !e.contains(": \($0): ") } ?? true }
                if problems.isEmpty, let today = options.today, let h = codec.happened?(entity),
                   let p = RecordedDate.problem(h.date, today: today, what: h.what) {
                    problems.append("\(file):\(record.line): \(h.column): \(p)")
                }
                if problems.isEmpty, entity.auditKey != "?" {
                    if let first = firstLine[entity.auditKey] {
                        problems.append("\(file):\(record.line): \(keyColumn): '\(entity.auditKey.prefix(30))' is also on line \(first); one row per record")
                    } else {
                        firstLine[entity.auditKey] = record.line
                    }
                }
                if problems.isEmpty {
                    for ref in codec.references(entity) {
                        let cacheKey = "\(ref.table)#\(ref.key)"
                        if known[cacheKey] == nil { known[cacheKey] = try exists(db, table: ref.table, key: ref.key) }
                        if known[cacheKey] == false {
                            problems.append("\(file):\(record.line): \(ref.column): '\(ref.key.prefix(30))' is not in the store (import \(ref.table) first)")
                        }
                    }
                }
                // Whether the record is already stored is looked up here, outside the write lock: a big
                // import of new records then holds the lock only for its inserts. A row without a key
                // ("?") is looked up again in the write (an earlier row of this file may match it), and
                // a record another officer adds meanwhile fails the insert as a duplicate, never merges.
                let isNew = try problems.isEmpty && entity.auditKey != "?" && codec.existing(db, entity) == nil
                if problems.isEmpty {
                    decoded.append((record, entity, version, isNew))
                    result.warnings += reader.warnings
                } else { reject(record, problems) }
            }
        }
        if !rejects.isEmpty && !options.skipInvalid { throw StoreError.importRejected(result.problems) }

        // 2. The writes, in one transaction. The note beside the store tells a colleague whose save has
        //    to wait whose import holds it (ImportNote); it goes when the import ends, however it ends.
        ImportNote.write(ImportNote(user: user, file: file, started: Store.now(), rows: decoded.count), store: path)
        defer { ImportNote.clear(store: path) }
        // How long colleagues were locked out: the figure docs/performance.md is after (ONROLL_LOG=debug).
        let lockStart = Date()
        defer { Store.log.debug("import write lock released", metadata: ["rows": "\(decoded.count)", "file": "\(codec.kind)",
                                                                      "seconds": "\(Date().timeIntervalSince(lockStart))"]) }
        do { try write(user: user) { ctx in
            for (record, entity, version, isNew) in decoded {
                var problems: [String] = []
                let origin = RowOrigin(file: file, line: record.line, version: version)
                do { try upsert(codec, entity, isNew, origin, keyColumn, ctx, options, &result) } catch let e as ImportRefusal {
                    problems.append(e.message)
                } catch let e as DatabaseError where e.resultCode == .SQLITE_FULL {
                    // The disk, not the file: one line, not one error per remaining row.
                    throw StoreError.diskFull("imported")
                } catch let e as DatabaseError {
                    problems.append("\(file):\(record.line): (row): \(e.message ?? "rejected by the store")")
                } catch let e as StoreError {
                    problems.append("\(file):\(record.line): (row): \(e.description)")
                }
                if !problems.isEmpty { reject(record, problems) }
            }
            if !rejects.isEmpty && !options.skipInvalid {
                throw StoreError.importRejected(result.problems)
            }
        } } catch StoreError.diskFull { throw StoreError.diskFull("imported") }
        rejects.sort { $0.0.line < $1.0.line }
        result.rejected = rejects.count
        if !rejects.isEmpty, let path = options.rejectsPath {
            try writeRejects(path: path, header: table.header, rejects: rejects)
            result.rejectsPath = path
        }
        return result
    }

    private func upsert<E: AuditedRecord & Equatable>(_ codec: Codec<E>, _ entity: E, _ isNew: Bool, _ origin: RowOrigin,
                                                      _ keyColumn: String, _ ctx: WriteContext, _ options: ImportOptions,
                                                      _ result: inout ImportResult) throws {
        if !isNew, let old = try codec.existing(ctx.db, entity) {
            let merged = codec.merge(old, entity)
            if merged == old { result.unchanged += 1; return }
            let changes = try ctx.reimportChanges(codec, old: old, merged: merged, from: origin, keyColumn: keyColumn,
                                                  updateExisting: options.updateExisting)
            // Differs only in what the file does not show: nothing the officer could have meant to change.
            if changes.isEmpty { result.unchanged += 1; return }
            let summary = "import: \(codec.describe(merged)) updated (\(changes.map(\.column).joined(separator: ", ")))"
            if let versioned = merged as? any VersionedRecord {
                try updateVersioned(ctx, versioned, caseRef: codec.caseRef(merged), summary: summary)
            } else {
                try ctx.replace(merged, op: .importUpdate, caseRef: codec.caseRef(merged), summary: summary)
            }
            if codec.chroniclesChanges, let ref = codec.caseRef(merged) {
                try ctx.chronicleImport(caseRef: ref, changes, file: origin.file)
            }
            result.updated += 1
        } else {
            var e = entity
            codec.stamp?(&e, ctx, options)
            try ctx.insert(&e, op: .importAdd, caseRef: codec.caseRef(e), summary: "import: \(codec.describe(e))")
            if options.chronicle, let hook = codec.chronicle { try hook(ctx, e, origin.file) }
            result.inserted += 1
        }
    }

    /// The columns a kind's file may have: the codec's, and the names schools use for its children and schools.
    private func expectedColumns<E>(_ codec: Codec<E>) -> [String] {
        var cols = codec.columns
        if codec.namesChild != nil { cols.append("upn") }
        if case .suspension = codec.namesChild { cols.append("suspension_start") }
        if codec.schoolColumns.contains("school_urn") && !cols.contains("laestab") { cols.append("laestab") }
        return cols
    }

    private func updateVersioned<V: VersionedRecord>(_ ctx: WriteContext, _ v: V, caseRef: String?, summary: String) throws {
        var x = v
        try ctx.update(&x, op: .importUpdate, caseRef: caseRef, summary: summary)
    }

    private func exists(_ db: StoreDB, table: String, key: String) throws -> Bool {
        let column: String
        switch table {
        case "schools": column = "urn"
        case "children", "cases": column = "ref"
        default: column = "id"
        }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM \(table) WHERE \(column) = ?)", arguments: [column == "id" ? (Int64(key) ?? -1) as DatabaseValueConvertible : key]) ?? false
    }

    private func writeRejects(path: String, header: [String], rejects: [(CSVTable.Record, String)]) throws {
        var rows = [header + ["reason"]]
        for (r, reason) in rejects {
            var fields = r.fields
            while fields.count < header.count { fields.append("") }
            rows.append(Array(fields.prefix(header.count)) + [reason])
        }
        try OutputFile.write(CSVText.write(rows: rows), to: path, protecting: self.path)
    }
}

/// Writes RFC 4180 CSV. Quoting only where needed keeps files diff-able and Excel-friendly.
public enum CSVText {
    public static func field(_ s: String) -> String { CSVQuote.field(s) }

    public static func write(rows: [[String]]) -> String {
        var out = ""
        for r in rows { out += r.map(field).joined(separator: ",") + "\n" }
        return out
    }
}
