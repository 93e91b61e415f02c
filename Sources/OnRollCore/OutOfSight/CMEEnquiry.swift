/// The reasonable enquiries made for a child missing education (CME statutory guidance 2024), each
/// recorded as the date it was done on the child's `OutOfSchoolRecord`.
public enum CMEEnquiry: String, CodeList {
    case school, homeVisit = "home-visit", siblings, health, socialCare = "social-care", police
    case otherLA = "other-la", lostPupilDatabase = "lost-pupil-database"
    public static let listName = "enquiry step"

    public var label: String {
        switch self {
        case .school: "school"
        case .homeVisit: "home visit"
        case .siblings: "siblings' schools"
        case .health: "health"
        case .socialCare: "social care"
        case .police: "police"
        case .otherLA: "other LAs"
        case .lostPupilDatabase: "Lost Pupil Database"
        }
    }

    /// Where the step's date lives on the record.
    public var keyPath: WritableKeyPath<OutOfSchoolRecord, SchoolDate?> {
        switch self {
        case .school: \.enquirySchool
        case .homeVisit: \.enquiryHomeVisit
        case .siblings: \.enquirySiblings
        case .health: \.enquiryHealth
        case .socialCare: \.enquirySocialCare
        case .police: \.enquiryPolice
        case .otherLA: \.enquiryOtherLA
        case .lostPupilDatabase: \.lostPupilDatabase
        }
    }
}

extension OutOfSchoolRecord {
    /// The consent grounds that hold (s434A): each stops a withdrawal to home education without the authority.
    public var consentGrounds: [String] {
        [s47Enquiry ? "s47 enquiry" : nil, cpPlan ? "CP plan" : nil, specialSchool ? "special school" : nil].compactMap { $0 }
    }

    /// Enquiry steps done and outstanding, in checklist order.
    public var enquiriesDone: [CMEEnquiry] { CMEEnquiry.allCases.filter { self[keyPath: $0.keyPath] != nil } }
    public var enquiriesOutstanding: [CMEEnquiry] { CMEEnquiry.allCases.filter { self[keyPath: $0.keyPath] == nil } }
}
