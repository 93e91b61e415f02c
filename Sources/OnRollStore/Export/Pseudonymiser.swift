import Crypto
import Foundation
import OnRollCore

/// Turns an export into one that identifies no child. Children keep their refs, schools, flags and
/// every case record, so figures still add up; what would identify them or the people around them goes:
///
/// - forename/surname become `Child` / `3F9A`, from a keyed hash of the child's ref, so the same child
///   has the same pseudonym everywhere in the export (and in every export made with the same key);
///   preferred names go;
/// - UPNs become other valid-looking UPNs (correct check letter), from a keyed hash of the UPN;
/// - a date of birth keeps its month and year (the day becomes the 1st);
/// - addresses, contacts, parents' names and professionals' names and contact details are removed;
/// - free text (summaries, chronology, actions, plans, reviews, reflections, voice) is removed, leaving
///   "[text removed: N characters]": no matcher finds every name, address or phone number a person can
///   type. With `keepText` it is kept, with every name the store holds, UPNs, postcodes, phone numbers,
///   email addresses and street addresses replaced (docs/export.md says what that cannot catch);
/// - the audit log is left out: its before/after snapshots are the original records.
///
/// Officers' and panel members' names are kept: they are the authority's staff, not the people
/// around a child.
public struct Pseudonymiser: Sendable {
    let key: [UInt8]
    public let keepText: Bool

    /// `key`: any text; the same key gives the same pseudonyms. Without one, a random key is used,
    /// so pseudonyms link records within one export but not across exports.
    public init(key: String?, keepText: Bool = false) {
        if let key, !key.isEmpty { self.key = Array(key.utf8) }
        else { self.key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) } }
        self.keepText = keepText
    }

    func digest(_ text: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)))
    }

    static let hex = Array("0123456789ABCDEF")

    /// Columns whose whole content identifies a person: set to null.
    static let dropped: [String: Set<String>] = [
        "children": ["preferredName", "contacts"],
        "outOfSchool": ["childAddress", "parent1Name", "parent1Address", "parent2Name", "parent2Address", "educator"],
        "professionals": ["contact"],
        "pupilTransfers": ["preferredSurname", "address", "contacts"],
    ]

    /// Columns of free text a person typed: removed unless `keepText`, and then scrubbed.
    static let freeText: [String: Set<String>] = [
        "children": ["strengths", "interests", "pupilVoice", "parentVoice"],
        "cases": ["summary", "closureReason"],
        "chronology": ["text", "outcome"],
        "actions": ["description", "outcome"],
        "plans": ["successCriteria", "support", "endReason"],
        "planPhases": ["description"],
        "planReviews": ["working", "notWorking", "pupilVoice", "parentVoice", "note"],
        "reflections": ["whatHappened", "triggers", "pupilView", "whatWillChange"],
        "panelItems": ["decisionNote"],
        "outOfSchool": ["otherProviders"],
    ]

    func apply(_ doc: ExportDocument) -> ExportDocument {
        var out = doc
        out.pseudonymised = true
        out.audit = []
        // No audit log travels, so there is no head to anchor; and leaving it out keeps pseudonymised
        // exports of the same data identical however many reads have been logged since.
        out.head = nil
        guard let ci = doc.tables.firstIndex(where: { $0.name == "children" }) else { return out }
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
            // A preferred name makes a second full name only when there is one: " Brooks" alone once matched
            // every Brooks ("mum Janet Brooks" became "mum JanetChild E810").
            for full in [fore + " " + sur] + (pref.map { [$0 + " " + sur] } ?? []) where !fore.isEmpty && full.count > 3 {
                fullNames[full.lowercased()] = pseudonym
            }
            for name in [fore, sur, pref ?? ""] { for w in Self.words(name) where w.count > 1 { nameWords.insert(w.lowercased()) } }
            for col in ["upn", "formerUPN"] {
                if let upn = Self.text(row[col]), !upn.isEmpty { upnOf[upn.uppercased()] = pseudoUPN(upn) }
            }
            for other in Redaction.contactNames(Self.text(row["contacts"])) { Self.addOther(other, &nameWords) }
        }
        // The adults around the children: parents, educators and the team.
        for t in doc.tables where t.name == "outOfSchool" || t.name == "professionals" {
            for row in t.rows {
                for col in ["parent1Name", "parent2Name", "educator", "name"] { if let n = Self.text(row[col]) { Self.addOther(n, &nameWords) } }
            }
        }
        let scrubber = Scrubber(fullNames: fullNames, nameWords: nameWords, upns: upnOf)

        for t in out.tables.indices {
            let name = out.tables[t].name
            let drop = Self.dropped[name] ?? []
            let free = Self.freeText[name] ?? []
            out.tables[t].rows = out.tables[t].rows.map { row in
                var r = row
                for (col, v) in row {
                    if drop.contains(col) { r[col] = .null; continue }
                    guard case .text(let s) = v else { continue }
                    if free.contains(col) && !keepText {
                        r[col] = .text(s.isEmpty ? "" : "[text removed: \(s.count) characters]")
                    } else {
                        r[col] = .text(scrubber.scrub(s))
                    }
                }
                switch name {
                case "children":
                    if let ref = Self.text(row["ref"]), let code = codeOf[ref] {
                        r["forename"] = .text("Child")
                        r["surname"] = .text(code)
                        for col in ["upn", "formerUPN"] {
                            if let upn = Self.text(row[col]), let p = upnOf[upn.uppercased()] { r[col] = .text(p) }
                        }
                    }
                    // Month and year: a full date of birth with a school picks out a child on its own.
                    if let dob = Self.text(row["dob"]), dob.count == 10 { r["dob"] = .text(String(dob.prefix(8)) + "01") }
                case "professionals":
                    r["name"] = .text("Professional")
                default: break
                }
                return r
            }
        }
        return out
    }

    static func addOther(_ name: String, _ into: inout Set<String>) {
        for w in words(name) where w.count > 1 { into.insert(w.lowercased()) }
    }

    /// A UPN with a valid check letter: LA 999 (no real authority), then digits from the keyed hash;
    /// a temporary UPN stays temporary (its last character a letter).
    func pseudoUPN(_ upn: String) -> String {
        let h = digest("upn:" + upn.uppercased())
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
