import OnRollCore
import TerminalKit

/// The reports screen: report tabs, the period, a bar chart, then the report as `onroll report` prints it.
enum ReportView {
    static func render(_ s: AppState, on screen: Screen) {
        let r = s.reports
        let w = screen.width
        let mode = r.publish ? "publishable" : "internal (not for publication)"
        screen.line("OnRoll · Reports · \(r.periodLabel)\(r.term == nil ? " (whole year)" : "") · \(mode)", y: 0, style: Theme.title)
        var x = 0
        for (i, n) in Reports.names.enumerated() {
            let tab = " \(i + 1) \(n) "
            guard x + TextWidth.of(tab) <= w else { break }
            screen.text(tab, x: x, y: 1, width: TextWidth.of(tab), style: i == r.nameIndex ? Theme.selected : Theme.plain)
            x += TextWidth.of(tab) + 1
        }
        let lines = bodyLines(r, width: w)
        let top = 3, height = max(0, screen.height - top - 2)
        for (i, line) in lines.dropFirst(r.scroll).prefix(height).enumerated() {
            screen.line(Sanitise.forTerminal(line.text), y: top + i, style: line.style)
        }
    }

    struct Line { var text: String; var style: Style }

    /// The chart then the report text; `scroll` moves through this list.
    static func bodyLines(_ r: ReportScreenState, width: Int) -> [Line] {
        guard let bundle = r.bundle else { return [Line(text: "No report loaded.", style: Theme.dim)] }
        var out: [Line] = []
        if let chart = ReportChart.chart(bundle, byTrust: r.chartByTrust) {
            out.append(Line(text: chart.title + (bundle.name == "actions" || bundle.name == "reintegration" ? "" : " (c switches school/trust)"), style: Theme.header))
            if chart.rows.isEmpty { out.append(Line(text: "Nothing to chart.", style: Theme.dim)) }
            for l in BarChart.lines(chart.rows, width: min(width - 2, 100)) { out.append(Line(text: l, style: Theme.accent)) }
            if chart.hidden > 0 {
                out.append(Line(text: "\(chart.hidden) row\(chart.hidden == 1 ? "" : "s") not charted: suppressed (c)", style: Theme.dim))
            }
            out.append(Line(text: "", style: Theme.plain))
        }
        let text = ReportRender.text(bundle, width: width)
        for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            out.append(Line(text: String(l), style: i == 0 ? Theme.title : Theme.plain))
        }
        return out
    }
}
