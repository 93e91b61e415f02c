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

    /// The caseload's order, a domain rule: highest score first; on a tie, the longest-open case, then
    /// by ref, so the order never depends on how the cases were read.
    public static func ranked(_ cases: [AssessedCase]) -> [AssessedCase] {
        cases.sorted { a, b in
            a.score != b.score ? a.score > b.score : (a.file.case.opened, a.file.case.ref) < (b.file.case.opened, b.file.case.ref)
        }
    }
}
