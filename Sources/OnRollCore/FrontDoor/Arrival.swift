/// Something that reached the authority since an officer last looked: the morning's front door.
/// Each arrival names the child and, where there is one, the open case it belongs to, so it is one key
/// (or one command) away.
public struct Arrival: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case suspension, exclusion, deletion, attendance, referral, pupil
        public var label: String {
            switch self {
            case .suspension: "Suspension"
            case .exclusion: "Permanent exclusion"
            case .deletion: "Off the roll"
            case .attendance: "Attendance"
            case .referral: "New referral"
            case .pupil: "Pupil record"
            }
        }
        /// "3 suspensions", "1 attendance record".
        public func count(_ n: Int) -> String {
            let one: String = switch self {
            case .suspension: "suspension"
            case .exclusion: "permanent exclusion"
            case .deletion: "deletion from a roll"
            case .attendance: "attendance record"
            case .referral: "new referral"
            case .pupil: "pupil record changed"
            }
            guard n != 1 else { return "1 \(one)" }
            let many = switch self {
            case .deletion: "deletions from a roll"
            case .pupil: "pupil records changed"
            default: one + "s"
            }
            return "\(n) \(many)"
        }
    }

    /// The audit entry it arrived with (its position in the log).
    public var auditId: Int64
    public var kind: Kind
    /// When and by whom (the importing or recording officer).
    public var at: String
    public var by: String
    public var childRef: String
    public var childName: String
    /// The child's open case, if any (the first, by ref).
    public var caseRef: String?
    public var schoolURN: String?
    public var schoolName: String?
    /// What it says: "3 days from 2026-11-20 (DM)", "from children.csv".
    public var detail: String

    public init(auditId: Int64, kind: Kind, at: String, by: String, childRef: String, childName: String, caseRef: String?,
                schoolURN: String?, schoolName: String?, detail: String) {
        self.auditId = auditId; self.kind = kind; self.at = at; self.by = by; self.childRef = childRef
        self.childName = childName; self.caseRef = caseRef; self.schoolURN = schoolURN; self.schoolName = schoolName
        self.detail = detail
    }
}

/// The front door: arrivals since a point in the audit log, grouped by school.
public struct FrontDoor: Sendable, Equatable {
    /// The officer's previous look (an audit position and its time), nil on a first look.
    public var since: Int64
    public var sinceAt: String?
    /// Newest last, at most `limit` of them; `more` counts the rest.
    public var arrivals: [Arrival]
    public var more: Int

    public init(since: Int64, sinceAt: String?, arrivals: [Arrival], more: Int) {
        self.since = since; self.sinceAt = sinceAt; self.arrivals = arrivals; self.more = more
    }

    /// Schools in name order (children with no school last), each with its arrivals in the order they came.
    public var bySchool: [(school: String, arrivals: [Arrival])] {
        let groups = Dictionary(grouping: arrivals) { $0.schoolName ?? $0.schoolURN ?? "" }
        return groups.keys.sorted { a, b in a.isEmpty != b.isEmpty ? !a.isEmpty : a < b }
            .map { (school: $0.isEmpty ? "No school" : $0, arrivals: groups[$0]!.sorted { $0.auditId < $1.auditId }) }
    }

    /// "3 suspensions, 1 permanent exclusion": what arrived, by kind, for a heading.
    public static func counts(_ arrivals: [Arrival]) -> String {
        Arrival.Kind.allCases.compactMap { k in
            let n = arrivals.filter { $0.kind == k }.count
            return n == 0 ? nil : k.count(n)
        }.joined(separator: ", ")
    }
}
