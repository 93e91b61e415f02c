/// One line of `list`: the columns a listing prints of a case's summary and its score for a day, and no
/// more. A caseload of 100,000 is streamed as these, so the search text, deadlines and score inputs that
/// `CaseRow` carries for the console are not read, typed and dropped for every case.
public struct CaseListing: Sendable, Equatable {
    public var ref: String
    public var childRef: String
    public var childName: String
    public var dob: SchoolDate
    public var kind: CaseKind
    public var status: CaseStatus
    public var owner: String?
    public var opened: SchoolDate
    public var nextReview: SchoolDate?
    public var schoolURN: String?
    public var schoolName: String?
    public var flags: FlagSet
    public var isOverdue: Bool
    /// The score in tenths, exact (as the read model orders by it).
    public var scoreTenths: Int

    public init(ref: String, childRef: String, childName: String, dob: SchoolDate, kind: CaseKind, status: CaseStatus,
                owner: String?, opened: SchoolDate, nextReview: SchoolDate?, schoolURN: String?, schoolName: String?,
                flags: FlagSet, isOverdue: Bool, scoreTenths: Int) {
        self.ref = ref; self.childRef = childRef; self.childName = childName; self.dob = dob; self.kind = kind
        self.status = status; self.owner = owner; self.opened = opened; self.nextReview = nextReview
        self.schoolURN = schoolURN; self.schoolName = schoolName; self.flags = flags; self.isOverdue = isOverdue
        self.scoreTenths = scoreTenths
    }

    /// The same line from a whole row (a read-only store ranks in memory).
    public init(_ row: CaseRow) {
        let s = row.summary
        self.init(ref: s.caseRef, childRef: s.childRef, childName: s.childName, dob: s.dob, kind: s.kind, status: s.status,
                  owner: s.owner, opened: s.opened, nextReview: s.nextReview, schoolURN: s.schoolURN,
                  schoolName: s.schoolName, flags: s.flags, isOverdue: row.isOverdue,
                  scoreTenths: Int((row.score * 10).rounded()))
    }

    public var score: Double { Double(scoreTenths) / 10 }

    /// The score to one decimal place, as `list` prints it (`%.1f` of the score, exactly, from the tenths).
    public var scoreText: String {
        let t = abs(scoreTenths)
        return (scoreTenths < 0 ? "-" : "") + String(t / 10) + "." + String(t % 10)
    }
}
