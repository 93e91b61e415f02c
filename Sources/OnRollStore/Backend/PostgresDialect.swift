import Foundation

/// The store's SQL is written once, in the SQLite dialect the file store runs; this turns a statement
/// into the PostgreSQL the server store runs, token by token (string literals and quoted names are
/// never touched). What it rewrites is exactly where the two dialects differ for the SQL the store uses:
///
/// - `?` and `?NNN` parameters become `$n` (SQLite's numbering: a bare `?` is one more than the
///   largest number so far);
/// - the tables' camelCase names are quoted (PostgreSQL folds an unquoted name to lower case, and the
///   server's tables are created with the file's exact names), and so is `user`, a reserved word there;
/// - `x IS ?` / `x IS NOT ?` become `IS [NOT] DISTINCT FROM` (PostgreSQL's IS takes only NULL/TRUE/FALSE);
/// - scalar `MIN(a, b)`/`MAX(a, b)` become `LEAST`/`GREATEST`, `instr` becomes `strpos`,
///   `json_each(?)` becomes `json_array_elements_text(?)` (both yield a `value` column);
/// - `LIKE` becomes `ILIKE` (SQLite's LIKE ignores ASCII case);
/// - every ORDER BY term says where NULLs go, as SQLite puts them: first ascending, last descending —
///   except a bare column that is NOT NULL in every table that has it, where the clause would change
///   nothing but stop the server using an index for the order (the first page's `fixedTenths DESC
///   NULLS LAST` sorted all 100,000 summaries).
///
/// Text compares byte by byte on both: the server's text columns are created `COLLATE "C"`.
struct PostgresDialect: Sendable {
    /// Lower-cased name → the exact name, for every table and column whose name has capitals.
    let names: [String: String]
    /// Lower-cased names of the columns that are NOT NULL wherever they appear.
    let neverNull: Set<String>

    init(identifiers: some Sequence<String>, neverNull: Set<String> = []) {
        var m: [String: String] = [:]
        for n in identifiers where n != n.lowercased() { m[n.lowercased()] = n }
        names = m
        self.neverNull = Set(neverNull.map { $0.lowercased() })
    }

    enum Token: Equatable {
        case word(String), param(Int?), literal(String), quoted(String), space(String), symbol(Character)
    }

    func translate(_ sql: String) -> String {
        var tokens = PostgresDialect.tokenize(sql)
        numberParameters(&tokens)
        var out: [String] = []
        var i = 0
        func next(after j: Int) -> Int? {
            var k = j + 1
            while k < tokens.count, case .space = tokens[k] { k += 1 }
            return k < tokens.count ? k : nil
        }
        func isWord(_ k: Int?, _ w: String) -> Bool {
            guard let k, case .word(let s) = tokens[k] else { return false }
            return s.lowercased() == w
        }
        func isOpen(_ k: Int?) -> Bool { k.map { tokens[$0] == .symbol("(") } ?? false }
        var orderByDepth: [Int] = []   // paren depths at which an ORDER BY list is open
        var depth = 0
        var closers: [Int: String] = [:]   // text to emit when the paren at a depth closes
        var termHasDirection = false, termLastDesc = false
        // The words of the ORDER BY term being read, and whether it is more than a (qualified) column.
        var termWords: [String] = [], termComplex = false
        func closeTerm() {
            defer { termWords = []; termComplex = false }
            guard !termHasDirection else { termHasDirection = false; termLastDesc = false; return }
            if !termComplex, (1...2).contains(termWords.count), let column = termWords.last, neverNull.contains(column) {
                termLastDesc = false; return
            }
            // Before any space already copied, so the next word stays apart.
            var k = out.count
            while k > 0, out[k - 1].allSatisfy(\.isWhitespace) { k -= 1 }
            out.insert(termLastDesc ? " NULLS LAST" : " NULLS FIRST", at: k)
            termLastDesc = false
        }
        while i < tokens.count {
            let t = tokens[i]
            let inOrder = orderByDepth.last == depth
            if inOrder {
                switch t {
                case .word(let w) where !["asc", "desc", "nulls", "first", "last", "limit", "offset", "union", "except", "intersect"]
                    .contains(w.lowercased()): termWords.append(w.lowercased())
                case .quoted(let q): termWords.append(q.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased())
                case .symbol("."), .symbol(","), .symbol(")"), .symbol(";"), .space, .word: break
                default: termComplex = true
                }
            }
            switch t {
            case .symbol("("):
                depth += 1; out.append("(")
            case .symbol(")"):
                if inOrder { closeTerm(); orderByDepth.removeLast() }
                if let c = closers.removeValue(forKey: depth) { out.append(c) }
                depth -= 1; out.append(")")
            case .symbol(","):
                if inOrder { closeTerm() }
                out.append(",")
            case .symbol(";"):
                if inOrder { closeTerm(); orderByDepth.removeLast() }
                out.append(";")
            case .param(let n):
                out.append("$\(n ?? 0)")
            case .literal(let s), .quoted(let s), .space(let s):
                out.append(s)
            case .symbol(let c):
                out.append(String(c))
            case .word(let w):
                let lower = w.lowercased()
                if inOrder, ["limit", "offset", "union", "except", "intersect"].contains(lower) {
                    closeTerm(); orderByDepth.removeLast()
                }
                if orderByDepth.last == depth {
                    if lower == "desc" { termLastDesc = true } else if lower == "asc" { termLastDesc = false }
                    if lower == "nulls" { termHasDirection = true }
                }
                switch lower {
                case "order" where isWord(next(after: i), "by"):
                    let by = next(after: i)!
                    out.append(w); out.append(" BY")
                    i = by
                    orderByDepth.append(depth)
                    termHasDirection = false; termLastDesc = false
                case "is":
                    // `IS ?` / `IS NOT ?`: equality that treats NULL as a value.
                    let n1 = next(after: i)
                    if let n1, case .param = tokens[n1] {
                        out.append("IS NOT DISTINCT FROM")
                    } else if isWord(n1, "not"), let n2 = next(after: n1!), case .param = tokens[n2] {
                        out.append("IS DISTINCT FROM"); i = n1!
                    } else {
                        out.append(w)
                    }
                case "min", "max" where isOpen(next(after: i)) && argumentCount(tokens, open: next(after: i)!) > 1:
                    out.append(lower == "min" ? "LEAST" : "GREATEST")
                case "round" where isOpen(next(after: i)) && argumentCount(tokens, open: next(after: i)!) == 1:
                    // SQLite rounds half away from zero; PostgreSQL's round of a double rounds half to even,
                    // its round of a numeric away from zero.
                    let open = next(after: i)!
                    out.append("round(CAST(")
                    i = open
                    closers[depth + 1] = " AS numeric)"
                    depth += 1
                case "instr" where isOpen(next(after: i)):
                    out.append("strpos")
                case "json_each" where isOpen(next(after: i)):
                    out.append("json_array_elements_text")
                case "like":
                    out.append("ILIKE")
                case "user":
                    out.append("\"user\"")
                default:
                    if let exact = names[lower] { out.append("\"\(exact)\"") } else { out.append(w) }
                }
            }
            i += 1
        }
        if orderByDepth.last == depth, !orderByDepth.isEmpty { closeTerm() }
        return out.joined()
    }

    /// Gives every `?` its number as SQLite would: `?NNN` as written, a bare `?` the largest so far + 1.
    private func numberParameters(_ tokens: inout [Token]) {
        var largest = 0
        for k in tokens.indices {
            guard case .param(let n) = tokens[k] else { continue }
            let number = n ?? (largest + 1)
            largest = max(largest, number)
            tokens[k] = .param(number)
        }
    }

    /// The number of top-level arguments of the call whose `(` is at `open`.
    private func argumentCount(_ tokens: [Token], open: Int) -> Int {
        var depth = 0, commas = 0
        for k in open..<tokens.count {
            switch tokens[k] {
            case .symbol("("): depth += 1
            case .symbol(")"):
                depth -= 1
                if depth == 0 { return commas + 1 }
            case .symbol(",") where depth == 1: commas += 1
            default: break
            }
        }
        return commas + 1
    }

    static func tokenize(_ sql: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(sql)
        var i = 0
        func take(while p: (Character) -> Bool) -> String {
            let start = i
            while i < chars.count, p(chars[i]) { i += 1 }
            return String(chars[start..<i])
        }
        func quotedRun(_ q: Character) -> String {
            // From an opening quote to its closing one; a doubled quote is part of the text.
            let start = i
            i += 1
            while i < chars.count {
                if chars[i] == q {
                    if i + 1 < chars.count, chars[i + 1] == q { i += 2; continue }
                    i += 1
                    break
                }
                i += 1
            }
            return String(chars[start..<i])
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                tokens.append(.space(take { $0.isWhitespace }))
            } else if c == "'" {
                tokens.append(.literal(quotedRun("'")))
            } else if c == "\"" {
                tokens.append(.quoted(quotedRun("\"")))
            } else if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                tokens.append(.space(take { $0 != "\n" }))
            } else if c == "?" {
                i += 1
                let digits = take { $0.isASCII && $0.isNumber }
                tokens.append(.param(digits.isEmpty ? nil : Int(digits)))
            } else if c.isLetter || c == "_" {
                tokens.append(.word(take { $0.isLetter || $0.isNumber || $0 == "_" }))
            } else if c.isNumber {
                tokens.append(.literal(take { $0.isNumber || $0 == "." }))
            } else {
                tokens.append(.symbol(c))
                i += 1
            }
        }
        return tokens
    }
}
