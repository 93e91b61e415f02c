import TerminalKit

/// A line of text with one style, as case tabs build their content.
struct StyledLine {
    var text: String
    var style: Style = Theme.plain
    init(_ text: String, _ style: Style = Theme.plain) { self.text = text; self.style = style }
}

enum Wrap {
    /// Word-wraps by display width; a word longer than the width is cut, never overflows.
    static func lines(_ text: String, width: Int, indent: String = "") -> [String] {
        guard width > 4 else { return [text] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = indent
            for word in paragraph.split(separator: " ") {
                let w = String(word)
                if TextWidth.of(line) + TextWidth.of(w) + (line == indent ? 0 : 1) > width, line != indent {
                    out.append(line)
                    line = indent
                }
                line += (line == indent ? "" : " ") + w
            }
            out.append(line)
        }
        return out
    }

    /// `label: text`, wrapped with the continuation indented under the text.
    static func labelled(_ label: String, _ text: String, width: Int, style: Style = Theme.plain) -> [StyledLine] {
        let pad = String(repeating: " ", count: TextWidth.of(label) + 2)
        let wrapped = lines(text, width: width - pad.count)
        return wrapped.enumerated().map { i, l in StyledLine((i == 0 ? label + ": " : pad) + l, style) }
    }
}
