import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Monotonic time in seconds, and small statistics over samples.
enum Clock {
    static var now: Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func since(_ t0: Double) -> Double { now - t0 }

    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let t0 = now
        let r = try body()
        return (r, since(t0))
    }
}

extension Array where Element == Double {
    /// Nearest-rank percentile (p in 0...100).
    func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return .nan }
        let s = sorted()
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return s[Swift.max(0, Swift.min(s.count - 1, rank - 1))]
    }
    var median: Double { percentile(50) }
}

/// This process's peak resident set in MB (Linux reports ru_maxrss in KB).
func peakRSSMB() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_maxrss) / 1024
}

func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

/// Unbuffered: each figure appears as it is measured, even when `make bench` is piped into a log.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((items.map { "\($0)" }.joined(separator: separator) + terminator).utf8))
}
