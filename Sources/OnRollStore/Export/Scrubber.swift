import Foundation

/// Replaces what identifies a person inside text kept by `export --pseudonymise --keep-text`: contact
/// details by pattern (email, UK postcode, phone number, a street address), UPNs in any case, a child's
/// full name (in any case) by their pseudonym, and any other capitalised word that is a name the store
/// holds (a child's, a parent's, a contact's, a professional's), or that stands before such a name or
/// after a relation ("mum Janet", "Sister Kayla"), by `[name]`.
struct Scrubber {
    let fullNames: [String: String]
    let nameWords: Set<String>
    let upns: [String: String]
    let longestFirst: [String]

    init(fullNames: [String: String], nameWords: Set<String>, upns: [String: String]) {
        self.fullNames = fullNames; self.nameWords = nameWords; self.upns = upns
        longestFirst = fullNames.keys.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    nonisolated(unsafe) static let patterns: [(NSRegularExpression, String)] = [
        (#"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, "[email]"),
        (#"\b[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}\b"#, "[postcode]"),
        (#"(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b"#, "[phone]"),
        (#"\b\d{1,4}[a-zA-Z]?,? [A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)? (?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Drive|Way|Court|Crescent|Place|Gardens|Terrace|Grove|Row|Hill|Walk|Square)\b"#, "[address]"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    func scrub(_ s: String) -> String {
        guard !s.isEmpty else { return s }
        var text = s
        for (re, with) in Self.patterns {
            text = re.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: with)
        }
        // Full names first, so a child's own name becomes their pseudonym rather than two [name]s.
        let lower = text.lowercased()
        let present = Set(Pseudonymiser.words(lower))
        for full in longestFirst where present.contains(String(full.split(separator: " ").last ?? "")) {
            if lower.contains(full) {
                text = text.replacingOccurrences(of: full, with: fullNames[full]!, options: .caseInsensitive)
            }
        }
        // Then word by word, keeping everything between words as it was.
        var tokens: [(text: String, isWord: Bool)] = []
        var word = ""
        for ch in text {
            if ch.isLetter || ch.isNumber { word.append(ch) } else {
                if !word.isEmpty { tokens.append((word, true)); word = "" }
                tokens.append((String(ch), false))
            }
        }
        if !word.isEmpty { tokens.append((word, true)) }
        // A capitalised word (or one in capitals) that is a name the store holds; lower case is left, so
        // ordinary words that are also names ("may", "will", "grace") survive.
        var isName = tokens.map { t in t.isWord && t.text != "Child" && t.text.first?.isUppercase == true && nameWords.contains(t.text.lowercased()) }
        // Names the store does not hold, found by where they stand: a capitalised word just before a
        // known name ("Janet Brooks") or just after a relation ("Sister Kayla", "mum Janet").
        func wordIndex(_ i: Int) -> Int? { i >= 0 && i < tokens.count && tokens[i].isWord ? i : nil }
        func capitalised(_ i: Int) -> Bool { tokens[i].text.first?.isUppercase == true && !Self.relations.contains(tokens[i].text.lowercased()) }
        var changed = true
        while changed {
            changed = false
            for i in tokens.indices where tokens[i].isWord && !isName[i] && capitalised(i) && upns[tokens[i].text.uppercased()] == nil {
                let next = i + 2 < tokens.count && tokens[i + 1].text == " " ? wordIndex(i + 2) : nil
                let prev = i >= 2 && tokens[i - 1].text == " " ? wordIndex(i - 2) : nil
                if (next.map { isName[$0] } ?? false) || (prev.map { Self.relations.contains(tokens[$0].text.lowercased()) || isName[$0] && capitalised($0) } ?? false) {
                    isName[i] = true; changed = true
                }
            }
        }
        var out = ""
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if let u = t.isWord ? upns[t.text.uppercased()] : nil { out += u; i += 1; continue }
            if isName[i] {
                out += "[name]"
                // "Janet Brooks" is one person: one [name].
                while i + 2 < tokens.count, tokens[i + 1].text == " ", isName[i + 2] { i += 2 }
                i += 1; continue
            }
            out += t.text; i += 1
        }
        return out
    }

    /// Words for the people around a child that are followed by a name, and are not names themselves.
    static let relations: Set<String> = ["mum", "mother", "dad", "father", "sister", "brother", "sibling", "gran", "grandma",
                                         "grandad", "grandfather", "grandmother", "nan", "nana", "aunt", "auntie", "uncle",
                                         "cousin", "carer", "stepdad", "stepmum", "mr", "mrs", "ms", "miss", "dr", "mx"]
}
