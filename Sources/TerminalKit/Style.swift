/// How a cell looks. Colours are a small palette so a monochrome terminal can drop them and keep
/// the attributes (bold, reverse, underline) that carry meaning on their own.
public struct Style: Hashable, Sendable {
    public enum Color: Int, Sendable, CaseIterable {
        case `default` = -1, black = 0, red, green, yellow, blue, magenta, cyan, white
    }

    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }

    public static let plain = Style()
}

/// One cell of the grid. A wide character fills two cells: the second is a continuation.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text; self.style = style; self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
