import GRDB
import OnRollCore

extension Store {
    /// The team's triage coefficients: the defaults with the stored `triage.*` overrides.
    public func triageWeights() throws -> TriageWeights {
        try TriageWeights(overrides: Store.triageOverrides(try config()))
    }

    static func triageOverrides(_ config: [String: String]) -> [String: Double] {
        var overrides: [String: Double] = [:]
        for (k, v) in config where k.hasPrefix("triage.") {
            if let d = Double(v) { overrides[k] = d }
        }
        return overrides
    }

    /// The caseload, most urgent first (score, then the oldest case), every case assessed for `today`.
    public func caseload(today: SchoolDate, includeClosed: Bool = false) throws -> [AssessedCase] {
        try caseloadSnapshot(today: today, includeClosed: includeClosed).cases
    }

    /// The caseload and the change stamp it reflects, read in one snapshot: a change committed between
    /// two separate reads would be in neither the caseload nor the changes after the stamp, and the
    /// console would never pick it up.
    public func caseloadSnapshot(today: SchoolDate, includeClosed: Bool = false) throws -> (cases: [AssessedCase], stamp: Int64) {
        var files: [CaseFile] = [], terms = SchoolCalendar(rows: []), settings: [String: String] = [:], stamp: Int64 = 0
        try read { db in
            files = try self.caseFiles(db, includeClosed: includeClosed)
            terms = try self.calendar(db)
            settings = try self.config(db)
            stamp = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit") ?? 0
        }
        let weights = try TriageWeights(overrides: Store.triageOverrides(settings))
        let cases = AssessedCase.ranked(files.map {
            AssessedCase(file: $0, assessment: CaseAssessment.assess(file: $0, calendar: terms, today: today, weights: weights))
        })
        return (cases, stamp)
    }


    /// One case in full, assessed for `today`.
    public func assessedCase(_ ref: String, today: SchoolDate) throws -> AssessedCase {
        let file = try caseFile(ref)
        return AssessedCase(file: file, assessment: CaseAssessment.assess(file: file, calendar: try calendar(), today: today,
                                                                          weights: try triageWeights()))
    }
}
