import Foundation
import OnRollCore
import OnRollSample
import OnRollStore

/// A benchmark store: the sample generator's caseload of `cases` cases, written as import CSVs
/// and loaded through `Store.importCSV` exactly as `onroll import` would.
struct Fixture {
    let cases: Int
    let dir: String
    var store: String { dir + "/bench.onroll" }

    struct ImportFigures {
        var rows = 0
        var seconds = 0.0
        var perKind: [(kind: ImportKind, rows: Int, seconds: Double)] = []
        /// A big import marks the summaries of the cases it touched out of date; the first read after it
        /// assesses them once. Timed here and counted in the import's total.
        var summaries = 0.0
        var rate: Double { Double(rows) / seconds }
    }

    static let today = try! SchoolDate.parse("2026-11-23")

    /// Writes the CSVs, then imports them into a fresh store; returns the import figures.
    func build() throws -> (ImportFigures, generate: Double, chronologyPerCase: Double) {
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let (files, gen) = Clock.measure { () -> [(ImportKind, String, Int)] in
            let s = SampleGenerator.make(cases: cases, seed: 2026, today: Fixture.today)
            return [
                (.schools, CSVExport.csv(s.schools), s.schools.count), (.terms, CSVExport.csv(s.terms), s.terms.count),
                (.children, CSVExport.csv(s.children), s.children.count), (.cases, CSVExport.csv(s.cases), s.cases.count),
                (.chronology, CSVExport.csv(s.chronology), s.chronology.count),
                (.suspensions, CSVExport.csv(s.suspensions), s.suspensions.count),
                (.reflections, CSVExport.csv(s.reflections), s.reflections.count),
                (.attendance, CSVExport.csv(s.attendance), s.attendance.count), (.actions, CSVExport.csv(s.actions), s.actions.count),
                (.team, CSVExport.csv(s.team), s.team.count), (.plans, CSVExport.csv(s.plans), s.plans.count),
                (.phases, CSVExport.csv(s.phases), s.phases.count), (.reviews, CSVExport.csv(s.reviews), s.reviews.count),
                (.deletions, CSVExport.csv(s.deletions), s.deletions.count), (.outofschool, CSVExport.csv(s.outOfSchool), s.outOfSchool.count),
                (.panels, CSVExport.csv(s.panels), s.panels.count), (.attendees, CSVExport.csv(s.attendees), s.attendees.count),
            ]
        }
        for (kind, text, _) in files {
            try text.write(toFile: "\(dir)/\(kind.rawValue).csv", atomically: false, encoding: .utf8)
        }
        let chronologyRows = files.first { $0.0 == .chronology }!.2
        let store = try Store.create(path: store, today: Fixture.today)
        var figures = ImportFigures()
        for (kind, _, rows) in files {
            // Read from disk inside the timing, as `onroll import` does.
            let (_, t) = try Clock.measure {
                let data = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(kind.rawValue).csv"))
                return try store.importCSV(kind, data: data, fileName: "\(kind.rawValue).csv", user: "bench",
                                           options: ImportOptions(chronicle: false))
            }
            figures.rows += rows
            figures.seconds += t
            figures.perKind.append((kind, rows, t))
        }
        let (_, built) = try Clock.measure { _ = try store.caseRows(today: Fixture.today, limit: 1) }
        figures.summaries = built
        figures.seconds += built
        return (figures, gen, Double(chronologyRows) / Double(cases))
    }
}
