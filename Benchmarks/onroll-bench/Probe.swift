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
        let store = try Store(path: path, options: StoreOptions(today: Fixture.today))
        // As the real console starts: the top of the stored ranking first, the rest after the frame is drawn.
        let console = try Console(store: store, user: "bench", today: Fixture.today, width: width, height: height, firstPageOnly: true)
        let screen = Screen(width: width, height: height)
        RootView.render(console.state, on: screen)
        let firstFrame = Clock.since(t0)
        guard screen.lines()[0].contains("OnRoll") else { fatalError("the first frame is not the caseload:\n\(screen.lines().joined(separator: "\n"))") }
        let firstRows = console.state.all.count
        let t1 = Clock.now
        try console.finishLoading()
        RootView.render(console.state, on: screen)
        let fullLoad = Clock.since(t1)
        let cases = console.state.all.count

        // Opening one case: Enter on the top row until the case screen is drawn, then back.
        let t2 = Clock.now
        console.handle(.enter)
        RootView.render(console.state, on: screen)
        let openCase = Clock.since(t2)
        guard console.state.detail != nil else { fatalError("Enter did not open a case") }
        console.handle(.escape)

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
        print("firstFrame=\(firstFrame) firstRows=\(firstRows) fullLoad=\(fullLoad) openCase=\(openCase) p50=\(samples.percentile(50)) p99=\(samples.percentile(99)) max=\(samples.max() ?? 0) rssMB=\(peakRSSMB()) cases=\(cases) narrowest=\(narrowest)")
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
