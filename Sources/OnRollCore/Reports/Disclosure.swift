// Publishable mode (domain.md "OnRoll's choices" — Publishing; §9 Transparency).
//
// 1. Tables keyed by officer are dropped; columns holding a person (child, case ref) are removed.
// 2. Primary suppression: counts of 1–5 become `c` (0 stays 0); a rate whose numerator or denominator
//    is 1–5, and a median or day figure based on 1–5 records, become `c`; tally items of 1–5 print `c`.
// 3. Secondary suppression: wherever published figures add up (a column and its total row, a row total
//    such as started = completed + …, trust rows = their schools' rows), a group with exactly one `c`
//    gets a second one — the smallest non-zero figure left, else the total — until nothing changes.
// 4. A rate whose numerator cell in the same row ended up `c` becomes `c` too; so does a rate computed
//    over only part of its row (schools without a roll), whose gap would be a count by subtraction.
// 5. Optionally, schools become `School 01…` numbered in URN order, URN, trust and roll columns go, and rows
//    are re-sorted by the new label so alphabetical order gives nothing away.

public enum Disclosure {
    /// Counts in this range are suppressed; 0 is a true zero and is published.
    public static let suppressed: ClosedRange<Int> = 1...5

    public static let legend = "c = confidential: a count of 1 to 5, a rate or median based on one, or a figure hidden so that a c cannot be worked out from a total (secondary suppression). z = not applicable (e.g. no roll recorded). 0 is a true zero. GSS shorthand."

    struct Coord: Hashable { var table: Int; var row: Int; var col: Int }

    public static func publish(_ bundle: ReportBundle, pseudonymiseSchools: Bool) -> ReportBundle {
        var tables = bundle.tables

        // Primary suppression.
        for t in tables.indices {
            let cols = tables[t].columns
            func primary(_ cells: [ReportCell]) -> [ReportCell] {
                zip(cols, cells).map { col, cell in
                    if case .denominator = col.role { return cell }
                    // A rate over part of its row (schools with no roll left out) would give the left-out
                    // count by subtraction from the row's count: not published.
                    if case .rate(let num?) = col.role, case .rate(_, let n, _) = cell,
                       let j = cols.firstIndex(where: { $0.key == num }), case .count(let whole) = cells[j], whole != n {
                        return .suppressed
                    }
                    return primarySuppressed(cell)
                }
            }
            tables[t].rows = tables[t].rows.map(primary)
            tables[t].totalRow = tables[t].totalRow.map(primary)
        }

        // Secondary suppression over every published sum.
        let constraints = sums(tables, links: bundle.links)
        func get(_ c: Coord) -> ReportCell {
            c.row < tables[c.table].rows.count ? tables[c.table].rows[c.row][c.col] : tables[c.table].totalRow![c.col]
        }
        func suppress(_ c: Coord) {
            if c.row < tables[c.table].rows.count { tables[c.table].rows[c.row][c.col] = .suppressed }
            else { tables[c.table].totalRow![c.col] = .suppressed }
        }
        var changed = true
        while changed {
            changed = false
            for (parts, total) in constraints {
                let hidden = (parts + [total]).filter { get($0).isSuppressed }.count
                guard hidden == 1 else { continue }
                let candidates = parts.filter { !get($0).isSuppressed && (get($0).numericValue ?? 0) > 0 }
                if let pick = candidates.min(by: { (get($0).numericValue ?? 0) < (get($1).numericValue ?? 0) }) {
                    suppress(pick); changed = true
                } else if !get(total).isSuppressed {
                    suppress(total); changed = true
                }
            }
        }

        // Rates computed from a hidden count are hidden.
        for t in tables.indices {
            let cols = tables[t].columns
            func rates(_ cells: [ReportCell]) -> [ReportCell] {
                var out = cells
                for (i, c) in cols.enumerated() {
                    guard case .rate(let num?) = c.role, let j = cols.firstIndex(where: { $0.key == num }) else { continue }
                    if cells[j].isSuppressed, out[i] != .notApplicable { out[i] = .suppressed }
                }
                return out
            }
            tables[t].rows = tables[t].rows.map(rates)
            tables[t].totalRow = tables[t].totalRow.map(rates)
        }

        // School pseudonyms.
        if pseudonymiseSchools {
            var all = Set(bundle.schoolURNs)
            for t in tables {
                guard let u = t.columns.firstIndex(where: { $0.role == .schoolURN }) else { continue }
                for r in t.rows { if case .text(let s) = r[u], !s.isEmpty { all.insert(s) } }
            }
            let ordered = all.sorted()
            let digits = max(2, String(ordered.count).count)
            var names: [String: String] = [:]
            for (i, u) in ordered.enumerated() { names[u] = "School " + String(i + 1).leftPadded(digits, "0") }
            for t in tables.indices {
                guard let u = tables[t].columns.firstIndex(where: { $0.role == .schoolURN }) else { continue }
                let n = tables[t].columns.firstIndex { $0.role == .schoolName }
                var keyed: [(key: String, row: [ReportCell])] = []
                for var r in tables[t].rows {
                    guard case .text(let urn) = r[u], let name = names[urn] else { keyed.append(("\u{10FFFF}", r)); continue }
                    if let n { r[n] = .text(name) }
                    keyed.append((name, r))
                }
                tables[t].rows = keyed.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element.row)
                // A school's roll is public (census), so it would name the school as surely as its URN.
                tables[t] = removing(tables[t]) { $0.role == .schoolURN || $0.role == .trust || $0.role == .denominator }
                tables[t].notes.append("Schools are shown as School 01, School 02… numbered in URN order; URNs, trusts and rolls are not published with them.")
            }
        }

        // People: officer tables go, person columns go.
        var dropped: [String] = []
        tables = tables.filter { t in
            if t.columns.contains(where: { $0.role == .officer }) { dropped.append(t.title); return false }
            return true
        }
        tables = tables.map { removing($0) { $0.role == .personal } }
        for t in tables.indices { tables[t].notes.append(legend) }
        if !dropped.isEmpty, !tables.isEmpty {
            tables[0].notes.append("Not published (figures by named officer): " + dropped.joined(separator: "; ") + ".")
        }
        return ReportBundle(name: bundle.name, title: bundle.title, period: bundle.period, tables: tables,
                            links: [], schoolURNs: [], published: true)
    }

    static func primarySuppressed(_ cell: ReportCell) -> ReportCell {
        switch cell {
        case .count(let n) where suppressed.contains(n): .suppressed
        case .rate(_, let n, let d) where suppressed.contains(n) || suppressed.contains(d): .suppressed
        case .measure(_, let b) where suppressed.contains(b): .suppressed
        case .tally(let items):
            .tally(items.map { i in i.count.map { suppressed.contains($0) } == true ? TallyItem(label: i.label, count: nil) : i })
        default: cell
        }
    }

    /// Every group of published cells where `total` = sum of `parts`.
    static func sums(_ tables: [ReportTable], links: [ReportLink]) -> [(parts: [Coord], total: Coord)] {
        var out: [(parts: [Coord], total: Coord)] = []
        for (ti, t) in tables.enumerated() {
            let totalIndex = t.rows.count
            let rowRange = 0..<(t.rows.count + (t.totalRow == nil ? 0 : 1))
            if t.totalRow != nil {
                for (ci, c) in t.columns.enumerated() where c.isSummed {
                    out.append(((0..<t.rows.count).map { Coord(table: ti, row: $0, col: ci) }, Coord(table: ti, row: totalIndex, col: ci)))
                }
            }
            for s in t.rowSums {
                guard let tc = t.columnIndex(s.total) else { continue }
                let pcs = s.parts.compactMap(t.columnIndex)
                for r in rowRange {
                    out.append((pcs.map { Coord(table: ti, row: r, col: $0) }, Coord(table: ti, row: r, col: tc)))
                }
            }
        }
        for l in links {
            guard let ti = tables.firstIndex(where: { $0.id == l.totalTable }),
                  let pi = tables.firstIndex(where: { $0.id == l.partsTable }) else { continue }
            for c in tables[ti].columns where c.isSummed {
                guard let tc = tables[ti].columnIndex(c.key), let pc = tables[pi].columnIndex(c.key),
                      tables[pi].columns[pc].isSummed else { continue }
                out.append((l.partRows.map { Coord(table: pi, row: $0, col: pc) }, Coord(table: ti, row: l.totalRow, col: tc)))
            }
        }
        return out
    }

    static func removing(_ t: ReportTable, where drop: (ReportColumn) -> Bool) -> ReportTable {
        let keep = t.columns.indices.filter { !drop(t.columns[$0]) }
        guard keep.count != t.columns.count else { return t }
        var out = t
        out.columns = keep.map { t.columns[$0] }
        out.rows = t.rows.map { r in keep.map { r[$0] } }
        out.totalRow = t.totalRow.map { r in keep.map { r[$0] } }
        let keys = Set(out.columns.map(\.key))
        out.rowSums = t.rowSums.filter { keys.contains($0.total) && $0.parts.allSatisfy(keys.contains) }
        return out
    }
}
