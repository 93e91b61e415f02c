import TerminalKit

/// Semantic styles. State is never shown by colour alone: overdue rows also carry `!`, the RAG
/// letter is printed, and the selection is reverse video, so monochrome and NO_COLOR lose nothing.
enum Theme {
    static let plain = Style()
    static let title = Style(bold: true)
    static let header = Style(bold: true, underline: true)
    static let selected = Style(reverse: true)
    static let dim = Style(dim: true)
    static let danger = Style(fg: .red, bold: true)
    static let warning = Style(fg: .yellow)
    static let good = Style(fg: .green)
    static let accent = Style(fg: .cyan)
    static let status = Style(reverse: true)
    static let error = Style(fg: .red)

    static func rag(_ r: String?) -> Style {
        switch r {
        case "red": danger
        case "amber": warning
        case "green": good
        default: plain
        }
    }
}

extension Screen {
    /// Writes `text` at (x, y) clipped to `width` cells, padded to fill them.
    func text(_ s: String, x: Int, y: Int, width: Int, style: Style = Theme.plain) {
        guard width > 0, y >= 0, y < height else { return }
        put(TextWidth.pad(TextWidth.truncate(s, toWidth: width), toWidth: width), x: x, y: y, style: style)
    }

    /// A full-width line.
    func line(_ s: String, y: Int, style: Style = Theme.plain) {
        text(s, x: 0, y: y, width: width, style: style)
    }
}
