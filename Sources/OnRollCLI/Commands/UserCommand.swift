import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

/// Logins and roles on a server store (a file store has no logins: anyone who can write the file can
/// write as anyone, which is why a team uses a server).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Logins and roles on a server store (a manager's commands).",
        subcommands: [UserAdd.self, UserList.self, UserDisable.self])
}

extension GlobalOptions {
    /// The server store, or a clear refusal on a file store.
    func requireServer(_ what: String) throws -> ServerStore {
        guard let s = try openServer() else {
            throw CLIError.usage("\(what) needs a server store (--store postgresql://…): a file store has no logins")
        }
        return s
    }
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a login with a role; the new password is read from standard input, or prompted for.",
        discussion: "Roles: officer (casework), manager (an officer who also changes settings and manages users), auditor (reads everything, writes nothing), panel (reads only the cases on the agendas of panels they attend).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The login name (lowercase letters, digits, '.', '_', '-').") var name: String
    @Option(help: "officer, manager, auditor or panel.") var role: String

    func run() throws {
        let r = try OfficerRole.parse(role)
        let store = try global.requireServer("user add")
        let password = try PasswordInput.read(for: name)
        let o = try store.addUser(name, role: r, password: password)
        printOut("added \(o.login) as \(o.role.rawValue)")
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The store's logins and their roles.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let users = try global.requireServer("user list").users()
        if format == .json { printOut(try JSONOut.encode(users)); return }
        printOut(Tabular.render(["login", "role", "enabled", "added", "by"],
                                users.map { [$0.login, $0.role.rawValue, $0.enabled ? "yes" : "no", $0.addedAt, $0.addedBy] },
                                format: format))
    }
}

struct UserDisable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Stop a login: it can no longer connect, and open sessions lose their rights. Its history stays.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The login name.") var name: String

    func run() throws {
        _ = try global.requireServer("user disable").disableUser(name)
        printOut("disabled \(name)")
    }
}

/// A new password: from standard input when it is not a terminal (scripts), else typed twice, unechoed.
enum PasswordInput {
    static func read(for name: String) throws -> String {
        if isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CLIError.usage("no password on standard input for \(name)")
            }
            return line
        }
        let first = try prompt("new password for \(name): ")
        let again = try prompt("again: ")
        guard first == again else { throw CLIError.usage("the two passwords differ; nothing was changed") }
        return first
    }

    private static func prompt(_ text: String) throws -> String {
        printErr(text, newline: false)
        var old = termios()
        tcgetattr(STDIN_FILENO, &old)
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &old); printErr("") }
        return readLine(strippingNewline: true) ?? ""
    }
}
