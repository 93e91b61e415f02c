import GRDB
import OnRollCore

/// A case with what the rules say about it today. Built once per refresh for the whole caseload.
public struct AssessedCase: Sendable {
    public var file: CaseFile
    public var assessment: CaseAssessment
    public var score: Double { assessment.triage.score }
    /// Something breached or overdue: a deadline, the review, or an action.
    public var isOverdue: Bool { !assessment.overdue.isEmpty || !assessment.breached.isEmpty }

    public init(file: CaseFile, assessment: CaseAssessment) {
        self.file = file; self.assessment = assessment
    }
}

extension Store {
    /// The team's triage coefficients: the defaults with the stored `triage.*` overrides.
    public func triageWeights() throws -> TriageWeights {
        var overrides: [String: Double] = [:]
        for (k, v) in try config() where k.hasPrefix("triage.") {
            if let d = Double(v) { overrides[k] = d }
        }
        return try TriageWeights(overrides: overrides)
    }

    /// The caseload, most urgent first (score, then the oldest case), every case assessed for `today`.
    public func caseload(today: SchoolDate, includeClosed: Bool = false) throws -> [AssessedCase] {
        let calendar = try calendar()
        let weights = try triageWeights()
        return Store.rank(try caseFiles(includeClosed: includeClosed).map {
            AssessedCase(file: $0, assessment: CaseAssessment.assess(file: $0, calendar: calendar, today: today, weights: weights))
        })
    }

    public static func rank(_ cases: [AssessedCase]) -> [AssessedCase] {
        cases.sorted { a, b in
            a.score != b.score ? a.score > b.score : (a.file.case.opened, a.file.case.ref) < (b.file.case.opened, b.file.case.ref)
        }
    }

    /// One case in full, assessed for `today`.
    public func assessedCase(_ ref: String, today: SchoolDate) throws -> AssessedCase {
        let file = try caseFile(ref)
        return AssessedCase(file: file, assessment: CaseAssessment.assess(file: file, calendar: try calendar(), today: today,
                                                                          weights: try triageWeights()))
    }
}
