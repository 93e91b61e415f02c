import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

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
            case .exists, .notFound, .conflict: 1
            }
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
        FileHandle.standardError.write(Data(out.utf8))
    }
}

func printOut(_ s: String) {
    FileHandle.standardOutput.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
}

func readInput(_ path: String) throws -> (Data, String) {
    if path == "-" { return (FileHandle.standardInput.readDataToEndOfFile(), "stdin") }
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError.missingFile("\(path): no such file") }
    guard let d = FileManager.default.contents(atPath: path) else { throw CLIError.missingFile("\(path): cannot be read") }
    return (d, path)
}
