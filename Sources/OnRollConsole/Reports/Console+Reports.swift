import Foundation
import OnRollCore
import OnRollStore

/// The reports screen: the same figures as `onroll report`, browsed by key and written to a file.
extension Console {
    func runReport(_ cmd: Command) {
        if state.mode != .reports {
            openReports()
            if cmd == .openReports { return }
        }
        var r = state.reports
        switch cmd {
        case .openReports: break
        case .nextReport: r.nameIndex = (r.nameIndex + 1) % Reports.names.count
        case .prevReport: r.nameIndex = (r.nameIndex + Reports.names.count - 1) % Reports.names.count
        case .reportCaseload: r.nameIndex = 0
        case .reportSuspensions: r.nameIndex = 1
        case .reportReintegration: r.nameIndex = 2
        case .reportOutOfSchool: r.nameIndex = 3
        case .reportActions: r.nameIndex = 4
        case .reportYearBack: r.year = r.year?.previous
        case .reportYearForward: r.year = r.year?.next
        case .reportTerm:
            // whole year → autumn → spring → summer → whole year
            switch r.term {
            case nil: r.term = .autumn
            case .autumn?: r.term = .spring
            case .spring?: r.term = .summer
            case .summer?: r.term = nil
            }
        case .reportPublish: r.publish.toggle()
        case .reportChartGroup:
            // The same figures drawn another way: nothing to read again.
            state.reports.chartByTrust.toggle()
            return
        case .reportWrite:
            writeReport()
            return
        default: return
        }
        if r.nameIndex != state.reports.nameIndex { r.scroll = 0 }
        state.reports = r
        computeReport()
    }

    func openReports() {
        if state.reports.year == nil { state.reports.year = AcademicYear(containing: state.today) }
        do {
            try loadReport()
            state.mode = .reports
            state.message = "w writes \(reportPath)"
        } catch {
            state.message = "Cannot load the reports: \(error)"
        }
    }

    /// Reads the report on screen from the store, as `onroll report` does (`Store.report`): only the
    /// columns its figures use, read again for each report and period, so the screen keeps no copy
    /// of the caseload and always shows what is stored now.
    func loadReport() throws {
        let r = state.reports
        guard let year = r.year else { return }
        state.reports.bundle = try store.report(r.name, period: ReportPeriod(year: year, term: r.term),
                                                today: state.today, publish: r.publish)
    }

    func computeReport() {
        do {
            try loadReport()
            state.message = "w writes \(reportPath)"
        } catch {
            state.message = "Cannot load the reports: \(error)"
        }
    }

    /// Where `w` writes: the report directory (the working directory unless set) and the file name.
    var reportPath: String {
        (reportDirectory == "." ? "./" : reportDirectory.hasSuffix("/") ? reportDirectory : reportDirectory + "/") + state.reports.fileName
    }

    func writeReport() {
        guard let bundle = state.reports.bundle else { return }
        let path = reportPath
        do {
            try OutputFile.write(bundle.rendered(.markdown), to: path, protecting: store.path)
            state.message = "Wrote \(path)\(bundle.published ? " (publishable)" : " (internal: not for publication)")"
        } catch {
            state.message = (error as? OutputFile.Failure)?.description ?? "Cannot write \(path): \(error.localizedDescription)"
        }
    }

    func scrollReport(_ d: Int) {
        let lines = ReportView.bodyLines(state.reports, width: state.width).count
        let page = max(1, state.height - 5)
        state.reports.scroll = max(0, min(max(0, lines - page), state.reports.scroll &+ d))
    }
}
