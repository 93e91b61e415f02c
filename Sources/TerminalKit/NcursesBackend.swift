import CNcurses
import Foundation

/// The real terminal, through ncursesw. Only this file calls ncurses.
///
/// The terminal is restored by `end()`, which callers put in a `defer`; fatal signals restore it
/// too (SIGINT, SIGTERM, SIGHUP, SIGQUIT) before the process exits.
public final class NcursesBackend: Backend {
    private var previous: Screen?
    public let colorsEnabled: Bool
    private var pairs: [Int: Int16] = [:]
    private var ended = false

    /// Takes over the terminal on stdin/stdout.
    public convenience init() {
        self.init(screen: nil)
    }

    /// A terminal with no tty at all, writing to /dev/null (tig's trick): ncurses keeps its virtual
    /// screen, which tests read back to check that `draw` writes what the grid says.
    public static func headless(width: Int, height: Int) -> NcursesBackend? {
        setlocale(LC_ALL, "")
        guard let out = fopen("/dev/null", "w"), let inp = fopen("/dev/null", "r"),
              let screen = newterm("xterm-256color", out, inp) else { return nil }
        _ = set_term(screen)
        let b = NcursesBackend(screen: screen)
        _ = resizeterm(Int32(height), Int32(width))
        return b
    }

    private init(screen: OpaquePointer?) {
        setlocale(LC_ALL, "")
        if screen == nil { _ = initscr() }
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(cn_stdscr(), true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        if has_colors() && !noColor {
            _ = start_color()
            _ = use_default_colors()
            colorsEnabled = true
        } else {
            colorsEnabled = false
        }
        if screen == nil { NcursesBackend.installSignalHandlers() }
    }

    /// The text ncurses holds for row `y` (what a terminal would show), for tests.
    public func readRow(_ y: Int, width: Int) -> String {
        var cells = [cchar_t](repeating: cchar_t(), count: width + 1)
        _ = mvwin_wchnstr(cn_stdscr(), Int32(y), 0, &cells, Int32(width))
        var out = ""
        for i in 0..<width {
            var wch = [wchar_t](repeating: 0, count: 8)
            var attrs: attr_t = 0
            var pair: Int16 = 0
            _ = getcchar(&cells[i], &wch, &attrs, &pair, nil)
            for w in wch { if w == 0 { break }; if let u = Unicode.Scalar(UInt32(bitPattern: w)) { out.unicodeScalars.append(u) } }
        }
        return out
    }

    deinit { end() }

    public func end() {
        guard !ended else { return }
        ended = true
        _ = curs_set(1)
        _ = endwin()
    }

    public func size() -> (width: Int, height: Int) {
        (Int(getmaxx(cn_stdscr())), Int(getmaxy(cn_stdscr())))
    }

    public func readKey(timeoutMs: Int) -> Key? {
        wtimeout(cn_stdscr(), Int32(timeoutMs))
        var ch: wint_t = 0
        let r = wget_wch(cn_stdscr(), &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            let k = Key.fromKeyCode(Int32(ch))
            if k == .resize { previous = nil }
            return k
        }
        return Key.fromCharacter(UInt32(ch))
    }

    public func draw(_ screen: Screen) {
        let changes = screen.changes(since: previous)
        for (x, y, cell) in changes {
            var c = cchar_t()
            var wch = Array(cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }) + [0]
            let attrs = attributes(cell.style)
            _ = setcchar(&c, &wch, attr_t(attrs.attr), attrs.pair, nil)
            _ = mvwadd_wch(cn_stdscr(), Int32(y), Int32(x), &c)
        }
        _ = wrefresh(cn_stdscr())
        previous = screen.copy()
    }

    /// Forces the next draw to repaint everything (Ctrl-L).
    public func invalidate() {
        previous = nil
        // clearok on curscr makes the next refresh clear the terminal and send every cell again,
        // whatever ncurses believes is already there.
        _ = clearok(cn_curscr(), true)
        _ = clearok(cn_stdscr(), true)
    }

    private func attributes(_ s: Style) -> (attr: Int32, pair: Int16) {
        var a = cn_a_normal()
        if s.bold { a |= cn_a_bold() }
        if s.reverse { a |= cn_a_reverse() }
        if s.underline { a |= cn_a_underline() }
        if s.dim { a |= cn_a_dim() }
        guard colorsEnabled, s.fg != .default || s.bg != .default else { return (a, 0) }
        let key = (s.fg.rawValue + 1) * 16 + (s.bg.rawValue + 1)
        if let p = pairs[key] { return (a, p) }
        let p = Int16(pairs.count + 1)
        _ = init_pair(p, Int16(s.fg.rawValue), Int16(s.bg.rawValue))
        pairs[key] = p
        return (a, p)
    }

    private static func installSignalHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { s in
                // endwin restores the tty; nothing else is safe to do here.
                _ = endwin()
                _exit(128 + s)
            }
        }
    }
}
