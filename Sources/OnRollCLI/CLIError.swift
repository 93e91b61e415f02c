import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// Errors the CLI reports itself, mapped to contract.md's exit codes.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)        // 64
    case invalid(String)      // 65
    case missingFile(String)  // 66
    case failed(String)       // 1

    var description: String {
        switch self {
        case .usage(let s), .invalid(let s), .missingFile(let s), .failed(let s): s
        }
    }
}

enum ExitStatus {
    static func code(for error: Error) -> Int32 {
        switch error {
        case let e as CLIError:
            switch e { case .usage: 64; case .invalid: 65; case .missingFile: 66; case .failed: 1 }
        case let e as StoreError:
            switch e {
            case .missing: 66
            case .invalid, .importRejected: 65
            case .notAStore: 66
            // 67 (sysexits' "addressee unknown"): a script can tell a mistyped ref from a failure.
            case .notFound: 67
            case .exists, .conflict, .diskFull, .readOnly, .needsUpgrade, .busy: 1
            case .unavailable, .unconfirmed: 69
            case .denied: 77
            }
        case let e as OutputFile.Failure:
            switch e { case .refused: 64; case .diskFull, .failed: 1 }
        case is OnRollCore.ValidationError: 65
        case is SchoolCalendar.Failure: 65
        default: 1
        }
    }

    /// One `error: …` line per problem on stderr (an import can report many).
    static func report(_ error: Error) {
        let text: String
        switch error {
        case let e as CustomStringConvertible: text = e.description
        default: text = String(describing: error)
        }
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) { out += "error: \(line)\n" }
        printErr(out, newline: false)
    }
}

/// Everything the CLI prints to stdout goes through here: data is sanitised (an escape sequence in a
/// name is shown as ␛, never obeyed) and a failed write is reported, never crashed on.
func printOut(_ s: String, newline: Bool = true) {
    let text = Sanitise.forText(s)
    StandardStream.write(newline && !text.hasSuffix("\n") ? text + "\n" : text, to: STDOUT_FILENO)
}

/// Every message to stderr: sanitised too, as an import error echoes a cell and a conflict names an officer.
func printErr(_ s: String, newline: Bool = true) {
    let text = Sanitise.forText(s)
    StandardStream.write(newline && !text.hasSuffix("\n") ? text + "\n" : text, to: STDERR_FILENO)
}

/// write(2) to stdout or stderr with the failure handled: `FileHandle.write` raises on a full or
/// closed stream, which killed the process after its change had committed (SIGILL, rc 132).
enum StandardStream {
    static func write(_ text: String, to fd: Int32) { finish(OutputFile.writeAll(Data(text.utf8), to: fd), fd) }

    static func write(bytes: [UInt8], to fd: Int32) { finish(OutputFile.writeAll(Data(bytes), to: fd), fd) }

    private static func finish(_ failed: Int32, _ fd: Int32) {
        guard failed != 0, fd == STDOUT_FILENO else { return }
        // A reader that stopped reading (`onroll list | head`) is not an error worth a message.
        if failed == EPIPE && !Store.committedInThisProcess { exit(141) }
        let reason = String(cString: strerror(failed))
        let message = Store.committedInThisProcess
            ? "error: saved, but could not print the confirmation (\(reason))\n"
            : "error: could not write to standard output (\(reason))\n"
        _ = message.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
        exit(1)
    }
}

func readInput(_ path: String) throws -> (Data, String) {
    if path == "-" { return (FileHandle.standardInput.readDataToEndOfFile(), "stdin") }
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError.missingFile("\(path): no such file") }
    guard let d = FileManager.default.contents(atPath: path) else { throw CLIError.missingFile("\(path): cannot be read") }
    return (d, path)
}
