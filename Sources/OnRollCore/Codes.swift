// The code lists of contract.md and domain.md §5. Raw values are what files and the CLI carry.

public enum CaseKind: String, CodeList {
    case ebsa, suspension, exclusion, ehe, offroll, cme, partTime = "part-time"
    public static let listName = "case kind"
    public var label: String {
        switch self {
        case .ebsa: "EBSA"
        case .suspension: "Suspension"
        case .exclusion: "Perm. exclusion"
        case .ehe: "EHE"
        case .offroll: "Off-roll"
        case .cme: "CME"
        case .partTime: "Part-time"
        }
    }
    /// At most 11 characters, for table columns.
    public var shortLabel: String { self == .exclusion ? "Perm. excl." : label }

    /// Children with no school place, or nobody sure where they are.
    public var isOutOfSchool: Bool { self == .ehe || self == .cme || self == .offroll }
}

public enum CaseStatus: String, CodeList {
    case referral, open, monitoring, closed
    public static let listName = "case status"
    public var label: String { rawValue.capitalisedFirst }
}

public enum SENStatus: String, CodeList {
    case none = "N", support = "K", ehcp = "E"
    public static let listName = "SEN status"
    public var label: String {
        switch self { case .none: "No SEN"; case .support: "SEN support"; case .ehcp: "EHC plan" }
    }
}

public enum SENNeed: String, CodeList {
    case SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, NSA
    public static let listName = "SEN need type"
    public var label: String {
        switch self {
        case .SPLD: "Specific learning difficulty"
        case .MLD: "Moderate learning difficulty"
        case .SLD: "Severe learning difficulty"
        case .PMLD: "Profound & multiple learning difficulty"
        case .SEMH: "Social, emotional and mental health"
        case .SLCN: "Speech, language and communication"
        case .HI: "Hearing impairment"
        case .VI: "Vision impairment"
        case .MSI: "Multi-sensory impairment"
        case .PD: "Physical disability"
        case .ASD: "Autistic spectrum disorder"
        case .OTH: "Other difficulty"
        case .NSA: "SEN support, no specialist assessment"
        }
    }
}

public enum ChildFlag: String, CodeList, Comparable {
    case LAC, CP, CIN, FSM, YC, EAL, PP
    public static let listName = "flag"
    public var label: String {
        switch self {
        case .LAC: "Looked after"
        case .CP: "Child protection plan"
        case .CIN: "Child in need"
        case .FSM: "Free school meals"
        case .YC: "Young carer"
        case .EAL: "English as an additional language"
        case .PP: "Pupil premium"
        }
    }
    public static func < (a: ChildFlag, b: ChildFlag) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum Sex: String, CodeList {
    case male = "M", female = "F", unknown = "U"
    public static let listName = "sex"
    public var label: String { switch self { case .male: "Male"; case .female: "Female"; case .unknown: "Unknown" } }
}

public enum SchoolPhase: String, CodeList {
    case primary, secondary, allThrough = "all-through", special, ap
    public static let listName = "school phase"
    public var label: String { rawValue }
}

public enum SchoolType: String, CodeList {
    case academy, maintained, free, special, pru, ap, independent
    public static let listName = "school type"
    public var label: String { rawValue }
    /// Settings a reintegration plan starts from.
    public var isAlternativeProvision: Bool { self == .pru || self == .ap }
}

public enum ActionStatus: String, CodeList {
    case open, done, cancelled
    public static let listName = "action status"
    public var label: String { rawValue }
}

public enum SuspensionType: String, CodeList {
    case suspension, permanent
    public static let listName = "suspension type"
    public var label: String { self == .permanent ? "Permanent exclusion" : "Suspension" }
}

/// The category a school's exclusions return gives each row (census codes; SUSP was FIXD before 2021).
public enum ExclusionCategory: String, CodeList {
    case SUSP, PERM, LNCH
    public static let listName = "census exclusion category"
    public var label: String {
        switch self {
        case .SUSP: "Suspension"
        case .PERM: "Permanent exclusion"
        case .LNCH: "Lunchtime"
        }
    }

    public var type: SuspensionType { self == .PERM ? .permanent : .suspension }

    /// School days from the return's sessions (half days). A lunchtime is half a day, so a LNCH row
    /// without sessions is one lunchtime; a permanent exclusion's days count toward no total, so one
    /// without sessions is recorded as 1, as `suspension add --permanent --days 1` would.
    public func days(sessions: Int?) throws(ValidationError) -> Double {
        let n: Int
        switch (self, sessions) {
        case (.SUSP, nil): throw ValidationError("is required for a SUSP row (half days: 4 sessions are 2 school days)")
        case (.LNCH, nil): n = 1
        case (.PERM, nil), (.PERM, 0?): return 1
        case (_, let s?): n = s
        }
        guard n >= 1 else { throw ValidationError("\(n) sessions: a \(rawValue) row needs at least 1") }
        let d = Double(n) / 2
        try Suspension.validateDays(d)
        return d
    }

    public static func of(_ s: Suspension) -> ExclusionCategory { s.isPermanent ? .PERM : s.lunchtime ? .LNCH : .SUSP }
}

/// Census exclusion reason codes (the confirmed list in domain.md §5).
public enum ReasonCode: String, CodeList {
    case PP, PA, VP, VA, OW, BU, RA, LG, DS, SM, DA, DM, TH, DB, MT, PH
    public static let listName = "census reason code"
    public var label: String {
        switch self {
        case .PP: "Physical assault against a pupil"
        case .PA: "Physical assault against an adult"
        case .VP: "Verbal abuse/threat against a pupil"
        case .VA: "Verbal abuse/threat against an adult"
        case .OW: "Offensive weapon or prohibited item"
        case .BU: "Bullying"
        case .RA: "Racist abuse"
        case .LG: "Abuse against sexual orientation or gender identity"
        case .DS: "Abuse relating to disability"
        case .SM: "Sexual misconduct"
        case .DA: "Drug and alcohol related"
        case .DM: "Damage to property"
        case .TH: "Theft"
        case .DB: "Persistent or general disruptive behaviour"
        case .MT: "Inappropriate use of social media or online technology"
        case .PH: "Wilful and repeated transgression of public-health measures"
        }
    }
}

public enum Term: String, CodeList, Comparable {
    case autumn, spring, summer
    public static let listName = "term"
    public var label: String { rawValue.capitalisedFirst }
    public static func < (a: Term, b: Term) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// RAG rating of a plan review.
public enum RAG: String, CodeList {
    case red, amber, green
    public static let listName = "RAG rating"
    public var label: String { rawValue.capitalisedFirst }
}
