import ArgumentParser
import Foundation
import OnRollCore
import OnRollStore

/// `onroll`: the console when run bare, the CLI otherwise.
public struct OnRollMain: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "onroll",
        abstract: "Case management for a local authority's inclusion team: who is most at risk today, and why.",
        discussion: "Run with no subcommand to open the console. Every command takes --store, --user and --today.",
        version: OnRollMain.version,
        subcommands: [
            InitCommand.self, ImportCommand.self, ListCommand.self, ChangesCommand.self, ShowCommand.self, CaseCommand.self,
            NoteCommand.self, ContactCommand.self, VoiceCommand.self, ActionCommand.self, SuspensionCommand.self, AttendanceCommand.self,
            LogCommand.self, CheckCommand.self, CalendarCommand.self, ConfigCommand.self, AgencyCommand.self, SampleCommand.self,
            PlanCommand.self, TeamCommand.self, OutOfSchoolCommand.self, DeletionCommand.self,
            ReportCommand.self, ExportCommand.self, RestoreCommand.self,
            PanelCommand.self, UserCommand.self,
        ]
    )

    /// Printed by `onroll --version`; raised with each release.
    public static let version = "0.19.0"

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func run() throws {
        try ConsoleLauncher.launch(global)
    }

    /// Parses, runs, and maps every error to its exit code and an `error:` line.
    public static func main(arguments: [String]? = nil) -> Never {
        LogSetup.bootstrap()
        // A closed stdout is then an EPIPE the output code reports, not a silent death mid-command.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            StoreWitness.finish()
            Foundation.exit(0)
        } catch let e as CLIError {
            ExitStatus.report(e); Foundation.exit(ExitStatus.code(for: e))
        } catch let e as StoreError {
            ExitStatus.report(e); Foundation.exit(ExitStatus.code(for: e))
        } catch let e as OnRollCore.ValidationError {
            ExitStatus.report(e); Foundation.exit(65)
        } catch let e as SchoolCalendar.Failure {
            ExitStatus.report(e); Foundation.exit(65)
        } catch let e as OutputFile.Failure {
            ExitStatus.report(e); Foundation.exit(ExitStatus.code(for: e))
        } catch let e as ExitCode {
            Foundation.exit(e.rawValue)
        } catch {
            // Argument errors: argument-parser prints usage and uses 64 for validation failures.
            let code = exitCode(for: error)
            if code == .success { print(fullMessage(for: error)); Foundation.exit(0) }
            printErr("error: \(message(for: error))")
            if code.rawValue == 1 { Foundation.exit(1) }
            Foundation.exit(64)
        }
    }
}
