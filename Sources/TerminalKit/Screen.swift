/// The grid every view draws into, and all a backend flushes. Text goes in through `put`, which
/// sanitises and lays it out by display width, so no caller can put a raw escape on screen.
public final class Screen {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func clear() {
        for i in cells.indices { cells[i] = .blank }
    }

    /// Writes `text` from (x, y), clipped at the right edge (or after `maxWidth` cells).
    /// A wide glyph that would straddle the edge is replaced by a space.
    public func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) {
        guard y >= 0, y < height, x < width else { return }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for ch in Sanitise.forTerminal(text) {
            let w = TextWidth.of(ch)
            if w == 0 {
                // A combining mark joins the glyph before it.
                if col > 0, col - 1 < width, col - 1 >= 0, !self[col - 1, y].isContinuation { self[col - 1, y].text += String(ch) }
                continue
            }
            if col + w > limit {
                if col < limit, col >= 0 { self[col, y] = Cell(" ", style: style) }
                break
            }
            if col >= 0 {
                clearWide(at: col, y)
                self[col, y] = Cell(String(ch), style: style)
                if w == 2 { clearWide(at: col + 1, y); self[col + 1, y] = Cell("", style: style, isContinuation: true) }
            }
            col += w
        }
    }

    /// Overwriting half of a wide glyph blanks its other half, so no orphan halves are drawn.
    private func clearWide(at x: Int, _ y: Int) {
        guard x < width else { return }
        if self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if x + 1 < width, self[x + 1, y].isContinuation { self[x + 1, y] = Cell(" ", style: self[x + 1, y].style) }
    }

    /// A single-line box.
    public func box(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        guard w >= 2, h >= 2 else { return }
        for row in y..<(y + h) {
            let mid = row == y || row == y + h - 1
            let l = row == y ? "┌" : row == y + h - 1 ? "└" : "│"
            let r = row == y ? "┐" : row == y + h - 1 ? "┘" : "│"
            let fill = String(repeating: mid ? "─" : " ", count: w - 2)
            put(l + fill + r, x: x, y: row, style: style, maxWidth: w)
        }
    }

    /// The grid as text, one string per row, trailing spaces trimmed: what snapshot tests compare.
    public func lines() -> [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].text }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    public var text: String { lines().joined(separator: "\n") }

    /// Cells that differ from `previous` (all of them when sizes differ): what a backend writes.
    public func changes(since previous: Screen?) -> [(x: Int, y: Int, cell: Cell)] {
        var out: [(Int, Int, Cell)] = []
        let same = previous.map { $0.width == width && $0.height == height } ?? false
        for y in 0..<height {
            for x in 0..<width {
                let c = self[x, y]
                if c.isContinuation { continue }
                if same, previous![x, y] == c { continue }
                out.append((x, y, c))
            }
        }
        return out.map { (x: $0.0, y: $0.1, cell: $0.2) }
    }

    public func copy() -> Screen {
        let s = Screen(width: width, height: height)
        s.cells = cells
        return s
    }
}
