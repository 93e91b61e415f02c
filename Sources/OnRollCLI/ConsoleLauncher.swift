import Foundation
import OnRollStore

/// Opens the console on the store (the product's main face).
enum ConsoleLauncher {
    static func launch(_ global: GlobalOptions) throws {
        _ = try global.openStore()
        throw CLIError.failed("the console is not built yet; use the subcommands (onroll --help)")
    }
}
