// The shape every report takes: tables of typed cells that the renderers print and the
// publishing rules (Disclosure) can reason about. A cell knows what it is built from — a rate
// carries its numerator and denominator, a median the number of cases behind it — so
// suppression never has to guess.

public enum ReportAlign: String, Sendable, Codable, Hashable {
    case left, right
}

/// What a column holds; the publishing rules act on this, never on header text.
public enum ColumnRole: Hashable, Sendable, Codable {
    /// A row label that identifies no person (kind, status, agency, reason, ground, trust).
    case label
    /// A school's URN: dropped when schools are pseudonymised.
    case schoolURN
    /// A school's name: replaced by `School 01…` when schools are pseudonymised.
    case schoolName
    /// A trust name alongside a school: dropped with pseudonymised schools (it would name the school).
    case trust
    /// An officer's name. A table with an officer column is dropped from publishable output.
    case officer
    /// A child, case ref or any other person: always removed from publishable output.
    case personal
    /// A denominator (roll) published as is; never suppressed itself.
    case denominator
    /// A count of children, cases or events. `summed`: the total row is the sum of the column.
    case count(summed: Bool)
    /// A rate; `numerator` names the count column in the same row it was computed from.
    case rate(numerator: String?)
    /// A figure (median, days) computed from `basis` records. `summed`: the total row is the column sum.
    case measure(summed: Bool)
    /// Free text built from counts (e.g. the top reasons tally).
    case detail
}

public struct ReportColumn: Hashable, Sendable, Codable {
    /// camelCase key, used as the JSON object key.
    public var key: String
    public var header: String
    public var align: ReportAlign
    public var role: ColumnRole

    public init(key: String, header: String, align: ReportAlign? = nil, role: ColumnRole = .label) {
        self.key = key; self.header = header; self.role = role
        if let align { self.align = align } else {
            switch role {
            case .label, .schoolURN, .schoolName, .trust, .officer, .personal, .detail: self.align = .left
            case .denominator, .count, .rate, .measure: self.align = .right
            }
        }
    }

    public var isSummed: Bool {
        switch role {
        case .count(let s), .measure(let s): s
        default: false
        }
    }
}

/// One item of a tally cell: `DB 3`.
public struct TallyItem: Hashable, Sendable, Codable {
    public var label: String
    /// nil once suppressed (printed `c`).
    public var count: Int?
    public init(label: String, count: Int?) { self.label = label; self.count = count }
}

public enum ReportCell: Hashable, Sendable, Codable {
    case text(String)
    case count(Int)
    /// A rate per 100 (or any ratio) to 1 d.p.; nil value prints `z` (no denominator).
    case rate(Double?, numerator: Int, denominator: Int)
    /// A median or a number of days to 1 d.p., computed from `basis` records; nil prints `z`.
    case measure(Double?, basis: Int)
    /// Ranked labels with their counts, printed `DB 3, VA 2`.
    case tally([TallyItem])
    /// GSS `c`: confidential (suppressed for disclosure control).
    case suppressed
    /// GSS `z`: not applicable.
    case notApplicable

    /// Rate per 100 of `numerator` over `denominator`, rounded to 1 d.p. half away from zero in
    /// integer arithmetic (no binary-fraction surprises); `z` when the denominator is missing or 0.
    public static func per100(_ numerator: Int, of denominator: Int?) -> ReportCell {
        guard let d = denominator, d > 0 else { return .notApplicable }
        return .rate(Double(roundedDivision(numerator * 1000, d)) / 10, numerator: numerator, denominator: d)
    }

    /// Median of values to 1 d.p., basis = number of values; `z` for none.
    public static func median(_ values: [Double]) -> ReportCell {
        guard let m = ReportMath.median(values) else { return .notApplicable }
        return .measure(m, basis: values.count)
    }

    /// The number a cell holds, for totals and suppression (nil for text, `c` and `z`).
    public var numericValue: Double? {
        switch self {
        case .count(let n): Double(n)
        case .rate(let v, _, _): v
        case .measure(let v, _): v
        default: nil
        }
    }

    public var isSuppressed: Bool { self == .suppressed }

    /// The cell as printed in a table, CSV or markdown.
    public var display: String {
        switch self {
        case .text(let s): s
        case .count(let n): String(n)
        case .rate(let v, _, _): v.map(ReportMath.oneDecimal) ?? "z"
        case .measure(let v, _): v.map(ReportMath.oneDecimal) ?? "z"
        case .tally(let items):
            items.isEmpty ? "" : items.map { "\($0.label) \($0.count.map(String.init) ?? "c")" }.joined(separator: ", ")
        case .suppressed: "c"
        case .notApplicable: "z"
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .text, .tally: false
        default: true
        }
    }
}

/// `a ÷ b` rounded to the nearest integer, half away from zero (b > 0).
func roundedDivision(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? (2 * a + b) / (2 * b) : -((2 * -a + b) / (2 * b))
}

public enum ReportMath {
    /// One decimal place, half away from zero: 0.25 → "0.3", -0.25 → "-0.3", 2 → "2.0".
    public static func oneDecimal(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let a = tenths < 0 ? -tenths : tenths
        return "\(sign)\(a / 10).\(a % 10)"
    }

    /// Median; of an even count, the mean of the middle two. nil for no values.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }
}

/// A sum published in a table that is not a column total: `total` equals the sum of `parts`
/// in every row (e.g. plans started = completed + broken down + extended + still active).
public struct RowSum: Hashable, Sendable, Codable {
    public var total: String
    public var parts: [String]
    public init(total: String, parts: [String]) { self.total = total; self.parts = parts }
}

public struct ReportTable: Hashable, Sendable, Codable {
    /// Stable identifier inside its bundle (`bySchool`), used by cross-table links.
    public var id: String
    public var title: String
    /// The period the figures cover.
    public var subtitle: String
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    public var totalRow: [ReportCell]?
    /// Definitions and sources, then the suppression legend when published.
    public var notes: [String]
    public var rowSums: [RowSum]

    public init(id: String, title: String, subtitle: String, columns: [ReportColumn], rows: [[ReportCell]] = [],
                totalRow: [ReportCell]? = nil, notes: [String] = [], rowSums: [RowSum] = []) {
        self.id = id; self.title = title; self.subtitle = subtitle; self.columns = columns; self.rows = rows
        self.totalRow = totalRow; self.notes = notes; self.rowSums = rowSums
    }

    public func columnIndex(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

    /// The cell in a row (nil index = the total row).
    public func cell(row: Int?, key: String) -> ReportCell? {
        guard let c = columnIndex(key) else { return nil }
        if let r = row { return rows.indices.contains(r) ? rows[r][c] : nil }
        return totalRow?[c]
    }

    /// All rows, the total row last.
    public var allRows: [[ReportCell]] { rows + (totalRow.map { [$0] } ?? []) }
}

/// Rows of one table that add up to a row of another (schools of a trust add up to the trust).
/// Every summed column present in both tables carries the constraint.
public struct ReportLink: Hashable, Sendable, Codable {
    public var totalTable: String
    public var totalRow: Int
    public var partsTable: String
    public var partRows: [Int]
    public init(totalTable: String, totalRow: Int, partsTable: String, partRows: [Int]) {
        self.totalTable = totalTable; self.totalRow = totalRow; self.partsTable = partsTable; self.partRows = partRows
    }
}

public struct ReportBundle: Hashable, Sendable, Codable {
    /// The report's name as the CLI spells it (`suspensions`).
    public var name: String
    public var title: String
    /// The period, e.g. `2025/26 autumn term (1 Sep 2025 – 19 Dec 2025)`.
    public var period: String
    public var tables: [ReportTable]
    public var links: [ReportLink]
    /// Every school known to the report, so school pseudonyms are stable across reports.
    public var schoolURNs: [String]
    /// True once it has been through `Disclosure.publish`.
    public var published: Bool

    public init(name: String, title: String, period: String, tables: [ReportTable], links: [ReportLink] = [],
                schoolURNs: [String] = [], published: Bool = false) {
        self.name = name; self.title = title; self.period = period; self.tables = tables; self.links = links
        self.schoolURNs = schoolURNs; self.published = published
    }

    public func table(_ id: String) -> ReportTable? { tables.first { $0.id == id } }
}
