import Foundation
import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit

/// Run in a child process (`onroll-bench --probe-console STORE`) so its timings start from a cold
/// `Store` and its peak RSS is the console's own, not the generator's.
enum ConsoleProbe {
    static let width = 160, height = 48

    /// The keys typed into search: narrowing ("sam", "oka") and widening (backspaces) in turn.
    static let pattern: [Key] = Array("sam").map { .char($0) } + Array(repeating: .backspace, count: 3)
        + Array("oka").map { .char($0) } + Array(repeating: .backspace, count: 3)

    static func run(store path: String, keystrokes: Int) throws {
        let t0 = Clock.now
        let store = try Store(path: path)
        let console = try Console(store: store, user: "bench", today: Fixture.today, width: width, height: height)
        let screen = Screen(width: width, height: height)
        RootView.render(console.state, on: screen)
        let firstFrame = Clock.since(t0)
        guard screen.lines()[0].contains("OnRoll") else { fatalError("the first frame is not the caseload:\n\(screen.lines().joined(separator: "\n"))") }
        let cases = console.state.all.count

        console.handle(.char("/"))
        var samples: [Double] = []
        var narrowest = Int.max
        for i in 0..<keystrokes {
            let key = pattern[i % pattern.count]
            let t = Clock.now
            console.handle(key)
            RootView.render(console.state, on: screen)
            samples.append(Clock.since(t))
            narrowest = min(narrowest, console.state.visible.count)
        }
        // One line the parent parses: key=value pairs.
        print("firstFrame=\(firstFrame) p50=\(samples.percentile(50)) p99=\(samples.percentile(99)) max=\(samples.max() ?? 0) rssMB=\(peakRSSMB()) cases=\(cases) narrowest=\(narrowest)")
    }

    static func parse(_ line: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for pair in line.split(separator: " ") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2, let v = Double(kv[1]) { out[String(kv[0])] = v }
        }
        return out
    }
}
