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
/// VmHWM, the high-water mark of this address space alone: `getrusage` would also count the parent's
/// (see `measuredRSSKB`).
func peakRSSMB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
    return kb / 1024
}

func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

/// Unbuffered: each figure appears as it is measured, even when `make bench` is piped into a log.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((items.map { "\($0)" }.joined(separator: separator) + terminator).utf8))
}

/// This program's own path (the bench runs itself as the console probe and the RSS intermediary).
let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
