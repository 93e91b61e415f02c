/// A key press, decoded from the terminal. Printable Unicode arrives as `.char`.
public enum Key: Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case ctrl(Character)
    case char(Character)
    case function(Int)
    case resize
    case unknown(Int32)

    /// How help and key tables print the key: `Enter`, `Esc`, `PgDn`, `/`, `Ctrl-L`.
    public var label: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .ctrl(let c): "Ctrl-\(String(c).uppercased())"
        case .char(let c): String(c)
        case .function(let n): "F\(n)"
        case .resize: "resize"
        case .unknown(let v): "key \(v)"
        }
    }

    /// Decodes a character from `get_wch` (not a function key).
    public static func fromCharacter(_ v: UInt32) -> Key {
        switch v {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        case 0: return .ctrl(" ")
        default:
            guard let u = Unicode.Scalar(v) else { return .unknown(Int32(bitPattern: v)) }
            return .char(Character(u))
        }
    }

    /// Decodes an ncurses function-key code (`KEY_*`, returned with `KEY_CODE_YES`).
    public static func fromKeyCode(_ code: Int32) -> Key {
        switch code {
        case 0o403: return .up
        case 0o402: return .down
        case 0o404: return .left
        case 0o405: return .right
        case 0o523: return .pageUp
        case 0o522: return .pageDown
        case 0o406: return .home
        case 0o550: return .end
        case 0o527: return .enter       // KEY_ENTER (keypad)
        case 0o407: return .backspace
        case 0o512: return .delete
        case 0o541: return .backTab
        case 0o632: return .resize      // KEY_RESIZE = 410
        case 0o411...0o474: return .function(Int(code - 0o410))
        default: return .unknown(code)
        }
    }
}
