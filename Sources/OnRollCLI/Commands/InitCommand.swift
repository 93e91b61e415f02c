import ArgumentParser
import Foundation
import OnRollCore
import OnRollSample
import OnRollStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new store (mode 0600); refuses to overwrite one.",
        discussion: "With --sample, loads the synthetic Westmarch caseload that sample-data/ holds.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Load the sample caseload.") var sample = false

    func run() throws {
        if case .server(let url) = global.location {
            if sample { throw CLIError.usage("--sample makes a file store; a server store starts empty") }
            let s = try ServerStore.initialize(url: url)
            printOut("created a server store in \(s.location.display); \(s.login) is its first manager")
            return
        }
        let store = try Store.create(path: global.storePath, today: try? global.todayDate())
        if sample {
            let files = SampleFiles.make(SampleGenerator.make())
            for (kind, text) in files {
                _ = try store.importCSV(kind, data: Data(text.utf8), fileName: "sample-data/\(kind.rawValue).csv",
                                        user: global.userName, options: ImportOptions(chronicle: false, keepFileAuthors: true))
            }
            let c = try store.counts()
            printOut("created \(global.storePath) with the sample caseload: \(c["schools"] ?? 0) schools, \(c["children"] ?? 0) children, \(c["cases"] ?? 0) cases")
        } else {
            printOut("created \(global.storePath)")
        }
    }
}

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a synthetic caseload as import CSVs (the sample data, or a large one for benchmarks).")

    @Option(help: "Folder to write the CSV files into.") var out: String
    @Option(help: "Number of cases.") var cases: Int = 180
    @Option(help: "Random seed (the same seed gives the same files).") var seed: UInt64 = 2026

    func run() throws {
        try OutputFile.directory(out, protecting: nil)
        let sample = SampleGenerator.make(cases: cases, seed: seed)
        // The caseload's files, and the exclusions return that arrives after it (not part of it).
        let files = SampleFiles.make(sample)
            + [(.exclusions, CSVExport.exclusionsReturn(sample.exclusionsReturn.map { ($0.upn, $0.suspension) }))]
        for (kind, text) in files {
            try OutputFile.write(text, to: (out as NSString).appendingPathComponent("\(kind.rawValue).csv"), protecting: nil)
        }
        // The transfer files from two schools, named for the school that sent each.
        for ctf in sample.transfers {
            try OutputFile.write(CTFWriter.xml(ctf), to: (out as NSString).appendingPathComponent("ctf-\(ctf.header.source.laestab).xml"), protecting: nil)
        }
        printOut("wrote \(files.count + sample.transfers.count) files to \(out)")
    }
}

/// The sample caseload as import files, in load order.
enum SampleFiles {
    static func make(_ s: SampleCaseload) -> [(ImportKind, String)] {
        [
            (.schools, CSVExport.csv(s.schools)), (.terms, CSVExport.csv(s.terms)), (.children, CSVExport.csv(s.children)),
            (.cases, CSVExport.csv(s.cases)), (.chronology, CSVExport.csv(s.chronology)),
            (.suspensions, CSVExport.csv(s.suspensions)), (.reflections, CSVExport.csv(s.reflections)),
            (.attendance, CSVExport.csv(s.attendance)), (.actions, CSVExport.csv(s.actions)), (.team, CSVExport.csv(s.team)),
            (.plans, CSVExport.csv(s.plans)), (.phases, CSVExport.csv(s.phases)), (.reviews, CSVExport.csv(s.reviews)),
            (.deletions, CSVExport.csv(s.deletions)), (.outofschool, CSVExport.csv(s.outOfSchool)),
            (.panels, CSVExport.csv(s.panels)), (.attendees, CSVExport.csv(s.attendees)),
        ]
    }
}
