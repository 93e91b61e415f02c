// What a Common Transfer File tells the authority about a child beyond the child record itself.

/// The details of a child that only a CTF brings: kept beside the child, one row each, replaced by the
/// next CTF that says otherwise.
public struct PupilTransfer: Hashable, Sendable, Codable {
    public var childRef: String
    /// `NCyearActual` as the school gave it, kept beside the year OnRoll computes from the date of birth.
    public var ncYear: String?
    public var preferredSurname: String?
    /// SEN needs in rank order, `;`-separated (rank 1, the primary need, first).
    public var senNeeds: String?
    /// The pupil's address as one line.
    public var address: String?
    /// The contacts with parental responsibility, in the school's order, one a line.
    public var contacts: String?
    /// The DfE number of the school whose CTF last changed these details.
    public var sourceLAESTAB: String?

    public init(childRef: String, ncYear: String? = nil, preferredSurname: String? = nil, senNeeds: String? = nil,
                address: String? = nil, contacts: String? = nil, sourceLAESTAB: String? = nil) {
        self.childRef = childRef; self.ncYear = ncYear; self.preferredSurname = preferredSurname
        self.senNeeds = senNeeds; self.address = address; self.contacts = contacts; self.sourceLAESTAB = sourceLAESTAB
    }
}

/// A spell on a school's roll, from a CTF's school history: entry and leaving dates show moves and
/// patterns of leaving (off-rolling) across schools, including ones outside the authority.
public struct SchoolSpell: Hashable, Sendable, Codable {
    public var id: Int64?
    public var childRef: String
    public var laestab: String
    public var schoolName: String?
    public var entry: SchoolDate
    public var leaving: SchoolDate?
    public var leavingReason: String?

    public init(id: Int64? = nil, childRef: String, laestab: String, schoolName: String? = nil, entry: SchoolDate,
                leaving: SchoolDate? = nil, leavingReason: String? = nil) {
        self.id = id; self.childRef = childRef; self.laestab = laestab; self.schoolName = schoolName
        self.entry = entry; self.leaving = leaving; self.leavingReason = leavingReason
    }
}
