/// The filters of `onroll list` and the console's caseload, in one place so both agree.
public struct CaseFilter: Sendable, Equatable {
    public var kinds: Set<CaseKind> = []
    public var status: CaseStatus?
    public var schoolURN: String?
    public var owner: String?
    public var flag: ChildFlag?
    /// Only cases with something overdue or breached (deadlines, review, actions).
    public var overdueOnly = false
    /// Matches forename, surname, preferred name, UPN, child ref or case ref (any case, any part).
    public var search: String?
    public var includeClosed = false

    public init() {}

    public var isEmpty: Bool { self == CaseFilter() }

    public func matches(_ f: CaseFile, overdue: Bool) -> Bool {
        if !includeClosed, status == nil, f.case.status == .closed { return false }
        if !kinds.isEmpty, !kinds.contains(f.case.kind) { return false }
        if let s = status, f.case.status != s { return false }
        if let u = schoolURN, f.child.schoolURN != u { return false }
        if let o = owner, (f.case.owner ?? "").lowercased() != o.lowercased() { return false }
        if let fl = flag, !f.child.flags.contains(fl) { return false }
        if overdueOnly, !overdue { return false }
        if let q = search.map({ SearchText.key($0.trimmingSpaces) }), !q.isEmpty {
            let hay = [f.child.forename, f.child.surname, f.child.preferredName ?? "", f.child.upn?.value ?? "",
                       f.child.ref, f.case.ref, f.child.displayName]
            let words = q.split(separator: " ").map(String.init)
            // Every word typed must appear somewhere: "sam okafor" finds Samuel Okafor.
            for w in words where !hay.contains(where: { SearchText.key($0).contains(w) }) { return false }
        }
        return true
    }
}

extension CaseFilter {
    /// The same filter on a case's summary (what `list` and the console page through): the store runs
    /// it in SQL; this is the reference it must agree with, and what a read-only store falls back to.
    public func matches(_ s: CaseSummary) -> Bool {
        if !includeClosed, status == nil, s.status == .closed { return false }
        if !kinds.isEmpty, !kinds.contains(s.kind) { return false }
        if let st = status, s.status != st { return false }
        if let u = schoolURN, s.schoolURN != u { return false }
        if let o = owner, (s.owner ?? "").lowercased() != o.lowercased() { return false }
        if let fl = flag, !s.flags.contains(fl) { return false }
        if overdueOnly, !s.overdue { return false }
        for w in searchWords where !s.searchText.contains(w) { return false }
        return true
    }

    /// The folded words of the search: every one must appear somewhere in the case's search text.
    public var searchWords: [String] {
        guard let q = search.map({ SearchText.key($0.trimmingSpaces) }), !q.isEmpty else { return [] }
        return q.split(separator: " ").map(String.init)
    }
}
