import Foundation
import OnRollStore
import TerminalKit

/// Runs the console on a backend: read a key, update, draw. Between keys it polls the store once
/// a second so changes made by other officers appear without a restart.
public enum Runtime {
    public static func run(console: Console, backend: Backend, pollMs: Int = 1000) {
        var size = backend.size()
        console.resize(width: size.width, height: size.height)
        var screen = Screen(width: size.width, height: size.height)
        RootView.render(console.state, on: screen)
        backend.draw(screen)
        if console.needsFullLoad {
            do { try console.finishLoading() } catch { console.loadFailed(error) }
            RootView.render(console.state, on: screen)
            backend.draw(screen)
        }
        while true {
            guard let key = backend.readKey(timeoutMs: pollMs) else {
                console.pollForChanges()
                RootView.render(console.state, on: screen)
                backend.draw(screen)
                continue
            }
            if key == .resize {
                size = backend.size()
                console.resize(width: size.width, height: size.height)
                screen = Screen(width: size.width, height: size.height)
            }
            let keepGoing = console.handle(key)
            if !keepGoing { break }
            if console.takeRepaintRequest() { backend.invalidate() }
            RootView.render(console.state, on: screen)
            backend.draw(screen)
        }
    }
}
