import Foundation
import OnRollStore

/// The CLI's side of the witness (docs/security.md): every open compares the store with the head this
/// machine last saw and warns when the chain is shorter or does not extend it; a store that passes has
/// its head recorded on open and again once the command has succeeded, so its own writes are witnessed.
enum StoreWitness {
    nonisolated(unsafe) private static var witnessed: [Store] = []
    /// The warnings given this run, repeated when the console ends (curses hides what came before).
    nonisolated(unsafe) private(set) static var warnings: [String] = []

    static var witness: Witness { Witness.standard(environment: GlobalOptions.env) }

    /// The problem, if the store does not extend what this machine saw; else records the head.
    /// `advance: false` leaves the witness alone (`check` advances it only once the store is clean).
    static func compare(_ store: Store, advance: Bool = true) -> String? {
        let problem: String?
        do { problem = try store.witnessProblem(witness) } catch {
            printErr("warning: cannot compare \(store.path) with this machine's audit witness (\(error))")
            return nil
        }
        if problem == nil, advance { witnessed.append(store); record(store) }
        return problem
    }

    /// Opening: a warning on stderr naming the witnessed head; the witness is left as it was.
    static func warnOnOpen(_ store: Store) {
        guard let problem = compare(store) else { return }
        let text = "warning: \(store.path): \(problem). Run `onroll check`; this machine's witness (\(witness.directory)) is left as it was"
        warnings.append(text)
        printErr(text)
    }

    static func record(_ store: Store) {
        do { try store.advanceWitness(witness) } catch {
            printErr("warning: cannot record the audit head in \(witness.directory): \(error)")
        }
    }

    /// After a command succeeded: the stores it opened cleanly are witnessed at their new head.
    static func finish() {
        for s in witnessed { record(s) }
        witnessed = []
    }
}
