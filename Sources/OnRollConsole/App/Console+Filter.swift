import OnRollCore
import OnRollStore

/// The caseload filter, run on every search keystroke: the search goes through `CaseSearchIndex`
/// and narrows the previous keystroke's result when it can (docs/performance.md).
extension Console {
    /// Call whenever `state.all` is replaced or edited.
    func caseloadChanged() {
        searchIndex = nil
        searchTrail.reset()
    }

    func applyFilter(keeping ref: String? = nil) {
        if searchIndex?.count != state.all.count { searchIndex = CaseSearchIndex(state.all); searchTrail.reset() }
        let index = searchIndex!
        var f = state.filter
        f.search = nil
        let query = state.searchEditor.string
        let key = FilterKey(filter: f, view: state.view, sort: state.sort, user: state.user)
        let idx: [Int]
        if let base = searchTrail.base(for: query, key: key) {
            // Same filters and a query that extends an earlier one: only its matches can match, in its order.
            let words = CaseSearchIndex.words(query)
            idx = base.exact ? base.visible : base.visible.filter { index.matches($0, words: words) }
        } else {
            idx = fullFilter(f, query: query, index: index)
        }
        searchTrail.record(query, idx)
        state.visible = idx
        if let r = ref, let pos = idx.firstIndex(where: { state.all[$0].ref == r }) {
            state.selection = pos
        }
        state.selection = min(state.selection, max(0, idx.count - 1))
        clampScroll()
    }

    private func fullFilter(_ f: CaseFilter, query: String, index: CaseSearchIndex) -> [Int] {
        let today = state.today
        let words = CaseSearchIndex.words(query)
        let user = state.user.lowercased()
        var idx: [Int] = []
        idx.reserveCapacity(state.all.count)
        // The usual case, search alone: decided from the index without touching (copying) any case.
        var plain = f
        plain.includeClosed = CaseFilter().includeClosed
        if plain == CaseFilter() && state.view == .all {
            for i in 0..<index.count where index.matches(i, words: words) && (f.includeClosed || !index.closed[i]) {
                idx.append(i)
            }
            return sorted(idx)
        }
        for (i, row) in state.all.enumerated() where index.matches(i, words: words) && f.matches(row.summary) {
            let c = row.summary
            switch state.view {
            case .all: break
            case .mine: if (c.owner ?? "").lowercased() != user { continue }
            case .overdue: if !c.overdue { continue }
            case .dueThisWeek, .deadlinesWeek:
                guard let due = c.openDue, due <= today.adding(days: 7) else { continue }
            case .outOfSchool: if !c.kind.isOutOfSchool { continue }
            }
            idx.append(i)
        }
        return sorted(idx)
    }

    private func sorted(_ unsorted: [Int]) -> [Int] {
        var idx = unsorted
        switch state.sort {
        case .triage: break
        case .review: idx.sort { (state.all[$0].summary.nextReview?.dayNumber ?? Int.max) < (state.all[$1].summary.nextReview?.dayNumber ?? Int.max) }
        case .name: idx.sort { state.all[$0].summary.childName.lowercased() < state.all[$1].summary.childName.lowercased() }
        case .ref: idx.sort { state.all[$0].ref < state.all[$1].ref }
        }
        if state.view == .deadlinesWeek {
            idx.sort { (state.all[$0].summary.nextDue?.dayNumber ?? Int.max) < (state.all[$1].summary.nextDue?.dayNumber ?? Int.max) }
        }
        return idx
    }
}
