/// The generator's only source of chance: SplitMix64 (Steele, Lea & Flood 2014).
///
/// Foundation's and the standard library's generators are seeded from the system and differ between
/// platforms, so the sample would not be reproducible. SplitMix64 is a few integer operations with
/// wrapping arithmetic, so the same seed gives the same stream on every machine and compiler.
struct Random {
    private var state: UInt64

    /// `stream` separates the sections of the generator, so adding a draw in one section does not
    /// shift every later section's output.
    init(seed: UInt64, stream: UInt64 = 0) {
        state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in the range. Modulo bias is below 2^-40 for our ranges, and it is deterministic.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// Uniform in [0, 1): the top 53 bits, so the value is exact in IEEE double everywhere.
    mutating func double() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ p: Double) -> Bool { double() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Picks by integer weights (integers keep the choice exact across machines).
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var r = int(0...(total - 1))
        for (item, w) in items {
            if r < w { return item }
            r -= w
        }
        return items[items.count - 1].0
    }

    /// `n` distinct items in a random order (n clamped to the pool size).
    mutating func sample<T>(_ items: [T], _ n: Int) -> [T] {
        var pool = items
        var out: [T] = []
        for _ in 0..<min(n, pool.count) {
            out.append(pool.remove(at: int(0...(pool.count - 1))))
        }
        return out
    }
}
