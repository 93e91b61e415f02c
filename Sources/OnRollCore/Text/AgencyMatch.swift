/// How a typed agency name picks agencies, in `action list --agency` and `panel actions --agency` alike:
/// capitals and accents ignored, and the start of a name is enough ("la" is "LA inclusion", "camhs" is
/// "CAMHS"); an exact name wins over names it only starts.
public enum AgencyMatch {
    public static func filter(_ names: [String], by query: String) -> Set<String> {
        let q = SearchText.key(query.trimmingSpaces)
        guard !q.isEmpty else { return [] }
        let exact = Set(names.filter { SearchText.key($0) == q })
        if !exact.isEmpty { return exact }
        return Set(names.filter { SearchText.key($0).hasPrefix(q) })
    }

    /// One file name per agency for `panel actions --each-agency`: lower case, letters and digits, dashes.
    public static func fileStem(_ agency: String) -> String {
        var out = "", dash = false
        for ch in SearchText.key(agency).unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) { out.unicodeScalars.append(ch); dash = false }
            else if !dash, !out.isEmpty { out += "-"; dash = true }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "agency" : out
    }
}
