/// Shared by the fuzz tests of every target. SplitMix64: the same seed gives the same run, so a failure can be replayed.
public struct FuzzRNG {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func int(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    public mutating func nextBool() -> Bool { next() & 1 == 1 }
    public mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }

    /// Text meant to break parsers: controls, escapes, NUL, bidi overrides, combining marks, wide
    /// glyphs, emoji, lone quotes, separators and digits.
    public mutating func hostileString(maxLength: Int) -> String {
        let alphabet: [String] = ["0", "1", "9", "-", "/", ".", " ", ",", "\"", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{1B}[31m",
                                  "\u{9B}", "\u{7F}", "\u{202E}", "\u{2066}", "\u{301}", "é", "漢", "👩‍👧", "\u{FEFF}", "A", "z", "T", ":",
                                  "..", ";", "am", "pm", "２", "٣"]
        return (0..<int(maxLength + 1)).map { _ in pick(alphabet) }.joined()
    }

    /// Something close to a date: right shapes with random, sometimes impossible, numbers.
    public mutating func dateLike() -> String {
        let y = pick(["2026", "2027", "1999", "0000", "9999", "20266", "26"])
        var m = String(int(14)), d = String(int(33))
        if m.count == 1, nextBool() { m = "0" + m }
        if d.count == 1, nextBool() { d = "0" + d }
        return nextBool() ? "\(y)-\(m)-\(d)" : "\(d)/\(m)/\(y)"
    }
}
