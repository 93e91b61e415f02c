/// Everything the rules say about one case on one day: the clocks, the attendance summary, the
/// suspension ledger for the academic year and the triage score with its breakdown.
/// This is what the store, the CLI and the console call for every case; it does no I/O.
public struct CaseAssessment: Sendable {
    public var caseRef: String
    public var today: SchoolDate
    /// Sorted by due date.
    public var deadlines: [Deadline]
    public var attendance: AttendanceSummary?
    /// The child's suspensions in today's academic year.
    public var ledger: SuspensionLedger
    public var triage: TriageResult
    /// Days since the child was last seen or spoken to (nil if never recorded).
    public var daysSinceContact: Int?
    /// The next day a term counted in school days changes (an unowned referral waiting): the score's
    /// fixed part holds only until then.
    public var scoreGrowsOn: SchoolDate? = nil

    public static func assess(file: CaseFile, calendar: SchoolCalendar, today: SchoolDate,
                              weights: TriageWeights = TriageWeights()) -> CaseAssessment {
        let ledger = SuspensionLedger.build(suspensions: file.suspensions, year: AcademicYear(containing: today),
                                            calendar: calendar, lookedAfter: file.child.flags.contains(.LAC))
        let deadlines = Clocks.deadlines(for: file, calendar: calendar, today: today, ledger: ledger)
        let attendance = AttendanceSummary.summarise(file.attendance, today: today)
        let triage = Triage.score(file: file, deadlines: deadlines, attendance: attendance, calendar: calendar,
                                  today: today, weights: weights)
        return CaseAssessment(caseRef: file.case.ref, today: today, deadlines: deadlines, attendance: attendance,
                              ledger: ledger, triage: triage, daysSinceContact: file.lastContact.map { $0.days(to: today) },
                              scoreGrowsOn: UnownedReferral.nextChange(file.case, calendar: calendar, today: today))
    }

    /// Open duties (upcoming, due today, overdue), soonest first.
    public var open: [Deadline] { deadlines.filter { $0.state.isOpen } }
    public var overdue: [Deadline] { deadlines.filter { $0.state == .overdue } }
    public var breached: [Deadline] { deadlines.filter { $0.state == .breached } }
    /// The next open, non-informational deadline.
    public var nextDue: Deadline? { deadlines.first { $0.state.isOpen && !$0.informational } }
    /// Term dates missing for a clock on this case.
    public var missingCalendar: [Deadline] { deadlines.filter { $0.state == .noCalendar } }
}
