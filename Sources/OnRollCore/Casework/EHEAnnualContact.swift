/// Whether a contact with a home-educating family is the year's annual contact.
///
/// The DfE's 2019 guidance (non-statutory) asks authorities to make contact at least once a year and
/// says no more about its form. OnRoll's choice (docs/rules.md): only a home visit at which the child
/// is seen counts, because only that shows the officer both the child and the education; a phone call,
/// a letter or a report from the parents is recorded as a contact but leaves the annual clock running.
public enum EHEAnnualContact {
    public static let homeVisit = "home visit"

    public enum Verdict: Sendable, Equatable {
        case meets
        /// Why it does not count, in words an officer can act on.
        case doesNotMeet(String)

        public var meets: Bool { self == .meets }
    }

    /// "Home-Visit", "home  visit" and "home visit" are one type: officers type it, imports carry it.
    public static func normalised(_ type: String) -> String {
        String(type.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 })
            .split(separator: " ").joined(separator: " ")
    }

    public static func verdict(kind: CaseKind, contactType: String, childSeen: Bool) -> Verdict {
        guard kind == .ehe else { return .doesNotMeet("only an EHE case has an annual contact") }
        let type = normalised(contactType)
        guard type == homeVisit else {
            return .doesNotMeet("a \(type.isEmpty ? "contact" : type) is not a home visit; the annual contact is a home visit at which the child is seen")
        }
        guard childSeen else { return .doesNotMeet("the child was not seen; the annual contact is a home visit at which the child is seen") }
        return .meets
    }

    /// The next annual contact is due twelve months after the last (the same rule the EHE clock uses).
    public static func nextDue(after last: SchoolDate) -> SchoolDate { last.adding(months: 12) }

    /// A contact moves the annual date only forward: recording an older visit late never makes the
    /// family look more recently seen than they were.
    public static func advanced(_ current: SchoolDate?, by contact: SchoolDate) -> SchoolDate {
        guard let current else { return contact }
        return max(current, contact)
    }
}
