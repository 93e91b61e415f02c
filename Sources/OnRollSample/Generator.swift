import OnRollCore

/// Builds the synthetic Westmarch caseload. Pure: no I/O, no clock, no system randomness,
/// so the same arguments give the same caseload on every machine.
public enum SampleGenerator {
    /// - Parameters:
    ///   - cases: how many cases to generate. The hand-built scenarios (about 40 cases) are always
    ///     included, so the result has `max(cases, scenarios)` cases.
    ///   - seed: chooses the random part; the scenarios are the same for every seed.
    ///   - today: the date everything is dated against (terms are made for its academic year and the
    ///     one before). The scenarios are tuned for the autumn term, after half-term.
    public static func make(cases: Int = 180, seed: UInt64 = 2026,
                            today: SchoolDate = SchoolDate(year: 2026, month: 11, day: 23)!) -> SampleCaseload {
        let b = Builder(target: cases, seed: seed, today: today)
        b.buildScenarios()
        b.buildRandomCases()
        b.buildPanels()
        b.finishChronology()
        b.buildExclusionsReturn()
        b.buildTransfers()
        return b.out
    }
}
