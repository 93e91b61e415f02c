import Foundation
import OnRollConsole
import OnRollCore
import OnRollStore
import TerminalKit

/// `onroll-bench --probe-reports STORE`: the reports screen on a store, in a child process of its own
/// so the peak RSS is the console's. The console first loads as a person sees it (first page, then
/// the whole caseload), so `rssBeforeMB` is the caseload's high-water mark and `rssMB` what opening
/// the reports screen and paging through every report added to it.
enum ReportsProbe {
    static func run(store path: String) throws {
        let store = try Store(path: path, options: StoreOptions(today: Fixture.today))
        let console = try Console(store: store, user: "bench", today: Fixture.today,
                                  width: ConsoleProbe.width, height: ConsoleProbe.height, firstPageOnly: true)
        try console.finishLoading()
        let screen = Screen(width: ConsoleProbe.width, height: ConsoleProbe.height)
        RootView.render(console.state, on: screen)
        let before = peakRSSMB()
        let t0 = Clock.now
        console.handle(.char("R"))
        RootView.render(console.state, on: screen)
        let open = Clock.since(t0)
        guard console.state.mode == .reports, console.state.reports.bundle != nil else {
            fatalError("R did not open the reports screen: \(console.state.message)")
        }
        // Every other report in turn (→), each computed and drawn.
        var switches: [Double] = []
        for _ in 1..<Reports.names.count {
            let t = Clock.now
            console.handle(.right)
            RootView.render(console.state, on: screen)
            switches.append(Clock.since(t))
        }
        let (_, cli) = try Clock.measure { try Reports.names.map { try store.report($0, period: ReportPeriod(year: AcademicYear(containing: Fixture.today)), today: Fixture.today)! } }
        let period = ReportPeriod(year: AcademicYear(containing: Fixture.today))
        var split: [String] = []
        for name in Reports.names {
            let (data, read) = try Clock.measure { try store.reportData(for: name) }
            let (_, compute) = Clock.measure { Reports.run(name, data, period: period, today: Fixture.today)! }
            split.append("\(name):read=\(ms(read)),compute=\(ms(compute))")
        }
        print(split.joined(separator: " "))
        print("openReports=\(open) switchMax=\(switches.max() ?? 0) allFive=\(cli) rssBeforeMB=\(before) rssMB=\(peakRSSMB()) cases=\(console.state.all.count)")
    }
}
