/// What redacted panel papers may say about a child: the ref and initials. Any free text that the
/// chair marked safe to share still has every name the store knows around the child taken out:
/// the child's legal and preferred names become the initials, and a parent's, a contact's or a
/// professional's name becomes "[name]". Whole words only, so "Cal" is found in "Cal's" but never
/// inside "Callum" (which once printed as "CAlum").
public struct Redaction: Hashable, Sendable {
    /// The child's own names (forename, surname, preferred name).
    public var childNames: [String]
    public var initials: String
    /// Parents, contacts and professionals around the child.
    public var otherNames: [String]

    public init(childNames: [String], initials: String, otherNames: [String]) {
        self.childNames = childNames; self.initials = initials; self.otherNames = otherNames
    }

    public func scrub(_ text: String) -> String {
        // Full names before their parts ("Janet Brooks" before "Brooks"), longest first.
        var targets: [(words: [String], with: String)] = []
        for n in otherNames { targets.append((Self.words(n), "[name]")) }
        for n in childNames { targets.append((Self.words(n), initials)) }
        for n in otherNames + childNames { for w in Self.words(n) where w.count > 1 { targets.append(([w], childNames.contains(n) ? initials : "[name]")) } }
        targets = targets.filter { !$0.words.isEmpty }.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.joined().count > $1.words.joined().count }
        var tokens = Self.tokens(text)
        for t in targets { tokens = Self.replace(tokens, t.words, t.with) }
        return tokens.map(\.text).joined()
    }

    /// A name as the words a reader would see in it ("Mary-Jane O'Neill" → Mary, Jane, O'Neill).
    static func words(_ name: String) -> [String] {
        tokens(name).filter(\.isWord).map(\.text)
    }

    struct Token { var text: String; var isWord: Bool }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "'" || c == "’" }

    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        for c in text {
            let w = isWordCharacter(c)
            if let last = out.last, last.isWord == w, w { out[out.count - 1].text.append(c) }
            else if let last = out.last, !last.isWord, !w { out[out.count - 1].text.append(c) }
            else { out.append(Token(text: String(c), isWord: w)) }
        }
        // A possessive is the name and its ending: "Cal's" is Cal + 's.
        var split: [Token] = []
        for t in out {
            if t.isWord, t.text.count > 2, t.text.hasSuffix("'s") || t.text.hasSuffix("’s") {
                split.append(Token(text: String(t.text.dropLast(2)), isWord: true))
                split.append(Token(text: String(t.text.suffix(2)), isWord: false))
            } else { split.append(t) }
        }
        return split
    }

    /// Replaces each run of word tokens equal to `words` (case and diacritics ignored; the words
    /// may be separated by any non-word text, as in "Janet  Brooks" or "Janet-Brooks").
    static func replace(_ tokens: [Token], _ words: [String], _ with: String) -> [Token] {
        let keys = words.map(SearchText.key)
        var out: [Token] = [], i = 0
        while i < tokens.count {
            if tokens[i].isWord, SearchText.key(tokens[i].text) == keys[0] {
                var j = i, k = 0, ok = true
                while k < keys.count {
                    guard j < tokens.count, tokens[j].isWord, SearchText.key(tokens[j].text) == keys[k] else { ok = false; break }
                    k += 1
                    if k < keys.count { j += 1; guard j < tokens.count, !tokens[j].isWord else { ok = false; break }; j += 1 }
                }
                if ok { out.append(Token(text: with, isWord: false)); i = j + 1; continue }
            }
            out.append(tokens[i]); i += 1
        }
        return out
    }

    /// The names in a child's contacts text as the store keeps it: "Mum: Grace Brooks, 07700 900364; Gran: …".
    public static func contactNames(_ contacts: String?) -> [String] {
        guard let contacts else { return [] }
        return contacts.split(separator: ";").compactMap { entry in
            let afterLabel = entry.split(separator: ":", maxSplits: 1).last ?? entry
            let name = afterLabel.split(separator: ",", maxSplits: 1).first.map { String($0).trimmingSpaces } ?? ""
            return name.isEmpty || name.first?.isNumber == true ? nil : name
        }
    }
}
