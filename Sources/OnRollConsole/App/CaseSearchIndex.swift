import OnRollCore
import OnRollStore

/// What the caseload filter needs per case, computed once per load instead of once per keystroke:
/// the lowercased search text (every field `CaseFilter` searches, as UTF-8 bytes in one buffer)
/// and whether the case is overdue. With 100k cases, re-lowercasing seven strings per case per
/// key was most of a keystroke's cost (docs/performance.md).
struct CaseSearchIndex {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var overdue: [Bool] = []
    private(set) var closed: [Bool] = []

    init() {}

    init(_ cases: [CaseRow]) {
        bytes.reserveCapacity(cases.count * 64)
        starts.reserveCapacity(cases.count + 1)
        overdue.reserveCapacity(cases.count)
        for c in cases {
            // The summary's search text is already folded, its fields joined by spaces (a word has none).
            bytes.append(contentsOf: c.summary.searchText.utf8)
            starts.append(bytes.count)
            overdue.append(c.isOverdue)
            closed.append(c.summary.status == .closed)
        }
    }

    var count: Int { overdue.count }

    /// The query as `CaseFilter` reads it: trimmed, lowercased, split into words that must all appear.
    static func words(_ query: String) -> [[UInt8]] {
        SearchText.key(query.trimmingSpaces).split(separator: " ").map { Array($0.utf8) }
    }

    /// True when every word occurs in case `i`'s search text.
    func matches(_ i: Int, words: [[UInt8]]) -> Bool {
        if words.isEmpty { return true }
        let from = starts[i], to = starts[i + 1]
        return bytes.withUnsafeBufferPointer { buf in
            words.allSatisfy { w in w.withUnsafeBufferPointer { Self.contains(buf, from, to, $0) } }
        }
    }

    /// Byte substring search (glibc's memmem needs _GNU_SOURCE, which Swift's Glibc module lacks).
    private static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        let first = needle[0]
        var i = from
        let last = to - n
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}

/// The filters of one keystroke, so the next can tell whether it only narrows this one.
struct FilterKey: Equatable {
    var filter: CaseFilter
    var view: AppState.SavedView
    var sort: AppState.SortKey
    var user: String
}

/// Results of the search being typed, shortest query first. Typing narrows the last result
/// (a longer query can only match fewer cases); a backspace returns to a result already computed.
struct SearchTrail {
    var key: FilterKey?
    var steps: [(query: String, visible: [Int])] = []

    /// The longest earlier result this query can be narrowed from, dropping results it has left behind.
    mutating func base(for query: String, key: FilterKey) -> (exact: Bool, visible: [Int])? {
        if key != self.key { self.key = key; steps = []; return nil }
        while let last = steps.last, !query.hasPrefix(last.query) { steps.removeLast() }
        guard let last = steps.last else { return nil }
        return (last.query == query, last.visible)
    }

    mutating func record(_ query: String, _ visible: [Int]) {
        if steps.last?.query == query { steps.removeLast() }
        steps.append((query, visible))
        if steps.count > 64 { steps.removeFirst() }
    }

    mutating func reset() { key = nil; steps = [] }
}
