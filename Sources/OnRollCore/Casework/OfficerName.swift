/// Owners are officers the store already knows: a case given to `tom.reed` when the team has a
/// `tom.reid` silently made a new owner nobody reads the caseload of. Typing a name is matched
/// against the known officers before it is saved.
public enum OfficerName {
    public enum Match: Sendable, Equatable {
        /// One of the known officers (as the store spells it, whatever case was typed).
        case known(String)
        /// Close to a known officer but not one: ask before making a new owner.
        case nearMiss(typed: String, known: String)
        /// Nobody like it: a new officer (still worth a confirmation, but nothing to suggest).
        case new(String)
    }

    public static func match(_ typed: String, among officers: [String]) -> Match {
        let t = typed.trimmingSpaces
        if let k = officers.first(where: { $0.lowercased() == t.lowercased() }) { return .known(k) }
        let key = folded(t)
        var best: (name: String, d: Int)?
        for o in officers {
            let d = folded(o) == key ? 0 : distance(key, folded(o))
            if d <= allowance(key), best.map({ d < $0.d }) ?? true { best = (o, d) }
        }
        if let b = best { return .nearMiss(typed: t, known: b.name) }
        return .new(t)
    }

    /// Two edits for a name of eight letters or more, one below that: `tom.reed`/`tom.reid` is one,
    /// while `sam`/`tom` (two) are different people.
    static func allowance(_ name: String) -> Int { name.count >= 8 ? 2 : 1 }

    /// Case, dots, spaces and hyphens do not make a different person: `Tom Reid` is `tom.reid`.
    static func folded(_ s: String) -> String {
        String(s.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Levenshtein distance (insert, delete, substitute each cost one).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}
