import Foundation
import OnRollConsole
import OnRollStore
import TerminalKit

/// Opens the console on the store (the product's main face).
enum ConsoleLauncher {
    static func launch(_ global: GlobalOptions) throws {
        let store = try global.openStore(console: true)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError.usage("the console needs a terminal; use a subcommand (onroll --help) in scripts")
        }
        let console = try Console(store: store, user: global.userName, today: try global.todayDate(), firstPageOnly: true)
        let backend = NcursesBackend()
        defer { backend.end() }
        // A server store announces every commit (LISTEN/NOTIFY): the console looks at its listening socket
        // four times a second, sending nothing, so a colleague's save shows within a second.
        Runtime.run(console: console, backend: backend, pollMs: store.server == nil ? 1000 : 250)
        backend.end()
        // Curses drew over the warning given on open; say it again where it will be read.
        for w in StoreWitness.warnings { printErr(w) }
    }
}
