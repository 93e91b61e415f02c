/// One child not in school (open EHE, CME or off-roll case) as the out-of-school list shows them:
/// how long since anyone made contact, when they were last seen, and whether withdrawal needs consent.
public struct OutOfSightRow: Hashable, Sendable, Codable {
    public var caseRef: String
    public var kind: CaseKind
    public var childRef: String
    public var childName: String
    public var lastContact: SchoolDate?
    /// Calendar days from the last contact to today; nil when nobody has ever made contact.
    public var daysSinceContact: Int?
    public var lastSeen: SchoolDate?
    public var consentGrounds: [String]
    public var enquiriesDone: Int
    public var enquiriesOutstanding: [String]

    /// Builds the row from a case file; nil for a case that is not about a child out of school.
    public static func from(_ file: CaseFile, today: SchoolDate) -> OutOfSightRow? {
        guard file.case.kind.isOutOfSchool, file.case.status != .closed else { return nil }
        let oos = file.outOfSchool
        let last = file.lastContact.flatMap { $0 <= today ? $0 : nil }
        let steps = file.case.kind == .cme ? oos.map { $0.enquiriesOutstanding.map(\.rawValue) } ?? CMEEnquiry.allCases.map(\.rawValue) : []
        return OutOfSightRow(caseRef: file.case.ref, kind: file.case.kind, childRef: file.child.ref,
                             childName: file.child.displayName, lastContact: last, daysSinceContact: last.map { $0.days(to: today) },
                             lastSeen: oos?.lastSeen, consentGrounds: oos?.consentGrounds ?? [],
                             enquiriesDone: file.case.kind == .cme ? (oos?.enquiriesDone.count ?? 0) : 0,
                             enquiriesOutstanding: steps)
    }

    /// Longest without contact first; never contacted before everyone.
    public static func sorted(_ rows: [OutOfSightRow]) -> [OutOfSightRow] {
        rows.sorted { a, b in
            let da = a.daysSinceContact ?? Int.max, db = b.daysSinceContact ?? Int.max
            return da != db ? da > db : a.caseRef < b.caseRef
        }
    }
}
