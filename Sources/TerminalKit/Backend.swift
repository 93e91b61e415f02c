/// The one seam between the console and a terminal: ncurses in use, memory in tests.
public protocol Backend: AnyObject {
    func size() -> (width: Int, height: Int)
    /// The next key, or nil after `timeoutMs` with none.
    func readKey(timeoutMs: Int) -> Key?
    /// Shows the grid (a real backend writes only what changed since the last draw).
    func draw(_ screen: Screen)
    /// Makes the next draw repaint the whole terminal, not just what changed (Ctrl-L: another
    /// program or a line-noise burst may have scribbled on it behind the backend's back).
    func invalidate()
}

/// A terminal in memory: scripted keys in, every drawn grid kept for assertions.
public final class MemoryBackend: Backend {
    public private(set) var width: Int
    public private(set) var height: Int
    public var keys: [Key]
    public private(set) var frames: [Screen] = []
    /// How many times a full repaint was asked for.
    public private(set) var invalidations = 0

    public init(width: Int = 80, height: Int = 24, keys: [Key] = []) {
        self.width = width; self.height = height; self.keys = keys
    }

    public var lastScreen: Screen? { frames.last }

    /// Changes the size and queues the `.resize` a real terminal would send.
    public func resize(width: Int, height: Int) {
        self.width = width; self.height = height
        keys.insert(.resize, at: 0)
    }

    public func size() -> (width: Int, height: Int) { (width, height) }

    public func readKey(timeoutMs: Int) -> Key? {
        // An empty script ends the session the way a user would: quit.
        keys.isEmpty ? .ctrl("c") : keys.removeFirst()
    }

    public func draw(_ screen: Screen) { frames.append(screen.copy()) }

    public func invalidate() { invalidations += 1 }

    /// Types a string as individual character keys.
    public static func typing(_ s: String) -> [Key] { s.map { .char($0) } }
}
