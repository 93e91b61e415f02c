import OnRollCore
import OnRollStore

/// The audit head printed at the foot of minutes and reports: a paper or emailed copy then anchors
/// the chain outside the file (docs/security.md). Data formats (CSV, JSON) stay pure data.
enum HeadFooter {
    static func minutes(_ text: String, format: PanelMinutes.Format, head: AuditHead) -> String {
        switch format {
        case .md: return text + (text.hasSuffix("\n") ? "" : "\n") + "\n" + head.line + "\n"
        case .html:
            let footer = "<p class=\"meta\">\(PanelMinutes.html(head.line))</p>\n"
            guard let end = text.range(of: "</body>", options: .backwards) else { return text + footer }
            return text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: footer)
        }
    }

    static func report(_ text: String, format: ReportFormat, head: AuditHead) -> String {
        switch format {
        case .table, .markdown: return text + (text.hasSuffix("\n") ? "" : "\n") + "\n" + head.line + "\n"
        case .csv, .json: return text
        }
    }
}
