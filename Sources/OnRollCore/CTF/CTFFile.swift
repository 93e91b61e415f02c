/// A DfE Common Transfer File as OnRoll reads it (docs/file-formats.md, "CTF"): the header and each
/// pupil, already typed. The parser (OnRollStore) builds it; the importer maps it into the store.
/// Values the file does not give are nil; nothing here is OnRoll's guess.
public struct CTFFile: Sendable, Hashable {
    public var header: CTFHeader
    public var pupils: [CTFPupil]

    public init(header: CTFHeader, pupils: [CTFPupil]) { self.header = header; self.pupils = pupils }

    /// A file sent to the Lost Pupil Database: its pupils' destination is unknown.
    public var isLostPupilFile: Bool { CTFRules.isLostPupil(lea: header.dest?.lea, estab: header.dest?.estab) }
}

/// A school as a CTF names it: LA code and establishment number (together the 7-digit DfE number).
public struct CTFSchool: Sendable, Hashable {
    public var lea: String
    public var estab: String
    public var name: String?

    public init(lea: String, estab: String, name: String? = nil) { self.lea = lea; self.estab = estab; self.name = name }

    public var laestab: String { lea + estab }
    /// "Westmarch Academy (9604001)", or the number alone.
    public var label: String { name.map { "\($0) (\(laestab))" } ?? laestab }
}

public struct CTFHeader: Sendable, Hashable {
    /// `CTFversion` as written ("24.0"), and its major number when it has one.
    public var version: String
    public var documentName: String?
    /// `DateTime` as written, and its date (the day the file was made).
    public var dateTime: String?
    public var date: SchoolDate?
    public var qualifier: String?
    public var supplier: String?
    public var source: CTFSchool
    public var academicYear: String?
    public var dest: CTFSchool?

    public init(version: String, documentName: String? = nil, dateTime: String? = nil, date: SchoolDate? = nil,
                qualifier: String? = nil, supplier: String? = nil, source: CTFSchool, academicYear: String? = nil,
                dest: CTFSchool? = nil) {
        self.version = version; self.documentName = documentName; self.dateTime = dateTime; self.date = date
        self.qualifier = qualifier; self.supplier = supplier; self.source = source; self.academicYear = academicYear
        self.dest = dest
    }

    public var majorVersion: Int? { CTFRules.majorVersion(version) }
}

public struct CTFPupil: Sendable, Hashable {
    /// 1-based position in the file: errors name it beside the UPN.
    public var position: Int
    public var upn: UPN
    public var formerUPN: UPN?
    public var surname: String
    public var forename: String
    public var preferredSurname: String?
    public var preferredForename: String?
    public var dob: SchoolDate
    /// `Sex`, or `Gender` in files written before the census changed its name.
    public var sex: Sex?
    /// `NCyearActual` as the school gives it (R, 1–14, X…): kept beside the year OnRoll computes.
    public var ncYear: String?
    /// Language codes (first language first where the file marks one).
    public var languages: [String]
    public var fsm: [CTFFSMSpell]
    public var inCare: Bool?
    public var senProvision: SENStatus?
    /// Needs in rank order (rank 1, the primary need, first).
    public var senNeeds: [SENNeed]
    public var address: String?
    public var contacts: [CTFContact]
    public var attendance: [CTFYearAttendance]
    public var schoolHistory: [CTFSchoolSpell]

    public init(position: Int, upn: UPN, formerUPN: UPN? = nil, surname: String, forename: String,
                preferredSurname: String? = nil, preferredForename: String? = nil, dob: SchoolDate, sex: Sex? = nil,
                ncYear: String? = nil, languages: [String] = [], fsm: [CTFFSMSpell] = [], inCare: Bool? = nil,
                senProvision: SENStatus? = nil, senNeeds: [SENNeed] = [], address: String? = nil,
                contacts: [CTFContact] = [], attendance: [CTFYearAttendance] = [], schoolHistory: [CTFSchoolSpell] = []) {
        self.position = position; self.upn = upn; self.formerUPN = formerUPN; self.surname = surname
        self.forename = forename; self.preferredSurname = preferredSurname; self.preferredForename = preferredForename
        self.dob = dob; self.sex = sex; self.ncYear = ncYear; self.languages = languages; self.fsm = fsm
        self.inCare = inCare; self.senProvision = senProvision; self.senNeeds = senNeeds; self.address = address
        self.contacts = contacts; self.attendance = attendance; self.schoolHistory = schoolHistory
    }

    /// "pupil 2 (UPN H801200001001)": how errors and warnings name a pupil.
    public var label: String { "pupil \(position) (UPN \(upn.value))" }
}

public struct CTFFSMSpell: Sendable, Hashable {
    public var start: SchoolDate?
    public var end: SchoolDate?
    public init(start: SchoolDate?, end: SchoolDate?) { self.start = start; self.end = end }
}

public struct CTFContact: Sendable, Hashable {
    public var order: Int
    public var title: String?
    public var forename: String?
    public var surname: String?
    public var relationship: String?
    public var responsibility: Bool
    public var phones: [String]
    public var email: String?
    /// The contact's own address, or nil with `addressAsPupil`.
    public var address: String?
    public var addressAsPupil: Bool

    public init(order: Int, title: String? = nil, forename: String? = nil, surname: String? = nil, relationship: String? = nil,
                responsibility: Bool, phones: [String] = [], email: String? = nil, address: String? = nil,
                addressAsPupil: Bool = false) {
        self.order = order; self.title = title; self.forename = forename; self.surname = surname
        self.relationship = relationship; self.responsibility = responsibility; self.phones = phones
        self.email = email; self.address = address; self.addressAsPupil = addressAsPupil
    }

    /// "Mrs Jane Smith (mother, parental responsibility), 07700 900123, address as pupil".
    public var line: String {
        let name = [title, forename, surname].compactMap { $0 }.joined(separator: " ")
        var parts = [name.isEmpty ? "(no name)" : name]
        parts[0] += " (" + [relationship, responsibility ? "parental responsibility" : nil].compactMap { $0 }.joined(separator: ", ") + ")"
        parts += phones
        if let email { parts.append(email) }
        if addressAsPupil { parts.append("address as pupil") } else if let address { parts.append(address) }
        return parts.joined(separator: ", ")
    }
}

/// One `YearData`: a year's sessions at one school.
public struct CTFYearAttendance: Sendable, Hashable {
    public var year: AcademicYear
    public var school: CTFSchool
    public var possible: Int
    public var attended: Int
    public var authorised: Int
    public var unauthorised: Int
    public var startDate: SchoolDate?
    /// The marks as the file gives them, and what they count (nil when the file has none).
    public var marks: AttendanceMarks?

    public init(year: AcademicYear, school: CTFSchool, possible: Int, attended: Int, authorised: Int, unauthorised: Int,
                startDate: SchoolDate? = nil, marks: AttendanceMarks? = nil) {
        self.year = year; self.school = school; self.possible = possible; self.attended = attended
        self.authorised = authorised; self.unauthorised = unauthorised; self.startDate = startDate; self.marks = marks
    }
}

/// One `SchoolHistory/School`: a spell on a school's roll.
public struct CTFSchoolSpell: Sendable, Hashable {
    public var school: CTFSchool
    public var entry: SchoolDate
    public var leaving: SchoolDate?
    public var leavingReason: String?

    public init(school: CTFSchool, entry: SchoolDate, leaving: SchoolDate? = nil, leavingReason: String? = nil) {
        self.school = school; self.entry = entry; self.leaving = leaving; self.leavingReason = leavingReason
    }
}
