import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

/// Options every command takes (contract.md "Invocation").
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", discussion: "Else ONROLL_STORE, else $XDG_DATA_HOME/onroll/caseload.onroll.", valueName: "path"))
    public var store: String?

    @Option(name: .long, help: ArgumentHelp("The officer recorded in the audit log (else ONROLL_USER, else $USER).", valueName: "name"))
    public var user: String?

    @Option(name: .long, help: ArgumentHelp("The date deadlines and ages are computed against (else ONROLL_TODAY, else the system date).", valueName: "YYYY-MM-DD"))
    public var today: String?

    public init() {}

    static var env: [String: String] { ProcessInfo.processInfo.environment }
    nonisolated(unsafe) static var warnedUnlogged = false
    /// The login of the server store this process opened (nil for a file store).
    nonisolated(unsafe) static var serverLogin: String?

    /// A wait set from the environment, in debug (test) builds only, so a test need not wait 15 s.
    static func seconds(_ name: String) -> Double? {
        #if DEBUG
        return env[name].flatMap(Double.init)
        #else
        return nil
        #endif
    }

    public var storePath: String {
        if let s = store, !s.isEmpty { return s }
        if let s = GlobalOptions.env["ONROLL_STORE"], !s.isEmpty { return s }
        let base = GlobalOptions.env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("onroll/caseload.onroll")
    }

    public var userName: String {
        // On a server the officer is the login it authenticated, whatever --user or $USER say.
        if let login = GlobalOptions.serverLogin { return login }
        for v in [user, GlobalOptions.env["ONROLL_USER"], GlobalOptions.env["USER"]] {
            if let u = v?.trimmingSpaces, !u.isEmpty { return u }
        }
        return "unknown"
    }

    public func todayDate() throws -> SchoolDate {
        if let t = today ?? GlobalOptions.env["ONROLL_TODAY"], !t.isEmpty {
            do { return try SchoolDate.parse(t) } catch { throw CLIError.usage("--today: \(error.message)") }
        }
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return SchoolDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// Opens the store, warning once when the file is readable by others and when its audit chain is
    /// shorter than, or does not extend, the head this machine last saw (StoreWitness).
    /// `console`: the console's saves wait the plain busy timeout only, never a colleague's whole import,
    /// so the screen is not frozen; a save that gives up keeps its form, with the importer named.
    public func openStore(console: Bool = false) throws -> Store {
        let s = try openUnwitnessed(console: console)
        // A file's witness guards against a file swapped or cut behind the officer's back; a server's chain
        // is kept by the server itself (`check` verifies it).
        if s.server == nil { StoreWitness.warnOnOpen(s) }
        return s
    }

    /// Where the store is: a file, or a `postgresql://` URL.
    public var location: StoreLocation { StoreLocation(storePath) }

    /// The server store the options name, checking `--user` against the login; nil for a file store.
    func openServer() throws -> ServerStore? {
        guard case .server(let url) = location else { return nil }
        let s = try ServerStore(url: url)
        GlobalOptions.serverLogin = s.login
        // Only an explicit --user is checked: ONROLL_USER is a file store's setting, and on a server the
        // login the server authenticated is the officer whatever it says.
        try s.checkUser(user)
        return s
    }

    /// For `check`, which reports the witness itself (as a problem) and advances it only when clean.
    func openUnwitnessed(console: Bool = false) throws -> Store {
        if case .server = location {
            let s = try Store(path: storePath, options: StoreOptions(today: try? todayDate()))
            try s.server?.checkUser(user)
            GlobalOptions.serverLogin = s.server?.login
            return s
        }
        let busy = GlobalOptions.seconds("ONROLL_BUSY_TIMEOUT") ?? 15
        var options = StoreOptions(busyTimeout: busy, importWait: GlobalOptions.seconds("ONROLL_IMPORT_WAIT") ?? 600,
                                   today: try? todayDate())
        if console {
            options.importWait = busy
        } else {
            options.onWaiting = { @Sendable message in printErr("\(message) …") }
        }
        let s = try Store(path: storePath, options: options)
        Store.onUnloggedRead = { store in
            guard !GlobalOptions.warnedUnlogged else { return }
            GlobalOptions.warnedUnlogged = true
            printErr("warning: this read was not logged: \(store.path) is read-only, so the audit trail can't record it")
        }
        if s.isReadableByOthers {
            printErr("warning: \(storePath) can be read by other users; it holds children's records (chmod 600 it)")
        }
        return s
    }
}

/// Parses a date option with a message naming the option.
func parseDate(_ text: String?, _ option: String) throws -> SchoolDate? {
    guard let t = text else { return nil }
    do { return try SchoolDate.parse(t) } catch { throw CLIError.invalid("\(option): \(error.message)") }
}

func parseCode<T: CodeList>(_ text: String?, _ type: T.Type, _ option: String) throws -> T? {
    guard let t = text else { return nil }
    do { return try T.parse(t) } catch { throw CLIError.invalid("\(option): \(error.message)") }
}
