import Crypto
import Foundation
import OnRollCore

/// Turns an export into one that names no child (issue 8). Children keep their refs, dates of birth,
/// schools, flags and every case record, so figures still add up; what would identify them goes:
///
/// - forename/surname become `Child` / `3F9A`, from a keyed hash of the child's ref, so the same
///   child has the same pseudonym everywhere in the export (and in every export made with the same key);
///   preferred names go;
/// - UPNs become other valid-looking UPNs (correct check letter), from a keyed hash of the UPN;
/// - addresses, contacts, parents' names and pupil/parent voice text are dropped;
/// - in every other text (summaries, chronology, actions…) a child's full name becomes their
///   pseudonym, any other word that is one of the children's names becomes `[name]`, and a UPN
///   its pseudonym;
/// - the audit log is left out: its before/after snapshots are the original records.
///
/// Officers', professionals' and panel members' names are kept: they are staff, not children.
public struct Pseudonymiser: Sendable {
    let key: [UInt8]

    /// `key`: any text; the same key gives the same pseudonyms. Without one, a random key is used,
    /// so pseudonyms link records within one export but not across exports.
    public init(key: String?) {
        if let key, !key.isEmpty { self.key = Array(key.utf8) }
        else { self.key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) } }
    }

    func digest(_ text: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)))
    }

    static let hex = Array("0123456789ABCDEF")

    /// Columns whose whole content identifies a person or holds their words: set to null.
    static let dropped: [String: Set<String>] = [
        "children": ["preferredName", "contacts", "pupilVoice", "parentVoice"],
        "outOfSchool": ["childAddress", "parent1Name", "parent1Address", "parent2Name", "parent2Address"],
        "planReviews": ["pupilVoice", "parentVoice"],
        "reflections": ["pupilView"],
    ]

    func apply(_ doc: ExportDocument) -> ExportDocument {
        var out = doc
        // No audit log travels, so there is no head to anchor; and leaving it out keeps pseudonymised
        // exports of the same data identical however many reads have been logged since.
        out.head = nil
        guard let ci = doc.tables.firstIndex(where: { $0.name == "children" }) else {
            out.pseudonymised = true; out.audit = []; return out
        }
        // Pseudonyms in ref order; a clash (4 hex digits) takes more digits, so each is unique.
        var codeOf: [String: String] = [:]
        var used = Set<String>()
        var upnOf: [String: String] = [:]
        var fullNames: [String: String] = [:]
        var nameWords = Set<String>()
        let children = doc.tables[ci].rows.sorted { (Self.text($0["ref"]) ?? "") < (Self.text($1["ref"]) ?? "") }
        for row in children {
            guard let ref = Self.text(row["ref"]) else { continue }
            let h = digest("child:" + ref)
            var n = 4
            var code: String
            repeat {
                code = String(h.prefix(n / 2 + 1).flatMap { [Self.hex[Int($0 >> 4)], Self.hex[Int($0 & 15)]] }.prefix(n))
                n += 2
            } while used.contains(code)
            used.insert(code)
            codeOf[ref] = code
            let pseudonym = "Child " + code
            let fore = Self.text(row["forename"]) ?? "", sur = Self.text(row["surname"]) ?? ""
            let pref = Self.text(row["preferredName"])
            for full in [fore + " " + sur, (pref ?? "") + " " + sur] where full.count > 3 { fullNames[full] = pseudonym }
            for name in [fore, sur, pref ?? ""] { for w in Self.words(name) where w.count > 1 { nameWords.insert(w) } }
            if let upn = Self.text(row["upn"]), !upn.isEmpty { upnOf[upn] = pseudoUPN(upn) }
        }
        let scrubber = Scrubber(fullNames: fullNames, nameWords: nameWords, upns: upnOf)

        for t in out.tables.indices {
            let name = out.tables[t].name
            let drop = Self.dropped[name] ?? []
            out.tables[t].rows = out.tables[t].rows.map { row in
                var r = row
                for (col, v) in row {
                    if drop.contains(col) { r[col] = .null; continue }
                    if case .text(let s) = v { r[col] = .text(scrubber.scrub(s)) }
                }
                if name == "children", let ref = Self.text(row["ref"]), let code = codeOf[ref] {
                    r["forename"] = .text("Child")
                    r["surname"] = .text(code)
                    if let upn = Self.text(row["upn"]), let p = upnOf[upn] { r["upn"] = .text(p) }
                }
                return r
            }
        }
        out.pseudonymised = true
        out.audit = []
        return out
    }

    /// A UPN with a valid check letter: LA 999 (no real authority), then digits from the keyed hash;
    /// a temporary UPN stays temporary (its last character a letter).
    func pseudoUPN(_ upn: String) -> String {
        let h = digest("upn:" + upn)
        var body = "999" + h.prefix(8).map { String($0 % 10) }.joined()
        if let last = upn.last, last.isLetter {
            let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
            body += String(letters[Int(h[8]) % letters.count])
        } else {
            body += String(h[8] % 10)
        }
        return UPN.withCheckLetter(body: body)?.value ?? body
    }

    static func text(_ v: StoredValue?) -> String? {
        if case .text(let s)? = v { return s }
        return nil
    }

    /// Letter and digit runs: `O'Neil-Smith` → `O`, `Neil`, `Smith`.
    static func words(_ s: String) -> [String] {
        s.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

/// Replaces names and UPNs inside free text, word by word (case-sensitive, so ordinary words that
/// happen to be names, like "may" or "will", survive in lower case).
struct Scrubber {
    let fullNames: [String: String]
    let nameWords: Set<String>
    let upns: [String: String]
    let longestFirst: [String]

    init(fullNames: [String: String], nameWords: Set<String>, upns: [String: String]) {
        self.fullNames = fullNames; self.nameWords = nameWords; self.upns = upns
        longestFirst = fullNames.keys.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    func scrub(_ s: String) -> String {
        var text = s
        // Full names first (they are few per text, but there are many children: only look for
        // names whose surname appears at all).
        let present = Set(Pseudonymiser.words(s))
        guard !present.isDisjoint(with: nameWords) || !present.isDisjoint(with: upns.keys) else { return s }
        for full in longestFirst where present.contains(String(full.split(separator: " ").last ?? "")) {
            if text.contains(full) { text = text.replacingOccurrences(of: full, with: fullNames[full]!) }
        }
        // Then single words, keeping everything between them as it was.
        var out = ""
        var word = ""
        func flush() {
            if let u = upns[word] { out += u }
            else if nameWords.contains(word), word != "Child" { out += "[name]" }
            else { out += word }
            word = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }
}
