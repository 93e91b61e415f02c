import Foundation
import Logging

/// `ONROLL_LOG=trace|debug|info|notice|warning|error` sends OnRoll's diagnostic log to stderr.
/// Off by default. The log names records by ref and operation only, never a child's name, UPN or
/// any text from a record: stderr ends up in terminal scrollback, CI logs and support tickets.
enum LogSetup {
    static func bootstrap() {
        guard let raw = ProcessInfo.processInfo.environment["ONROLL_LOG"], !raw.isEmpty else { return }
        let level = Logger.Level(rawValue: raw.lowercased()) ?? .info
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = level
            return h
        }
    }
}
