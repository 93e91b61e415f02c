import OnRollCore

/// Writes a `CTFFile` as CTF 25 XML: the sample's transfer files, in the shape `CTFParser` reads
/// (docs/file-formats.md). Text is escaped; nothing else is interpreted.
public enum CTFWriter {
    public static func xml(_ f: CTFFile) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile>\n  <Header>\n"
        let h = f.header
        out += el("DocumentName", h.documentName ?? "Common Transfer File", 4)
        out += el("CTFversion", h.version, 4)
        if let d = h.dateTime { out += el("DateTime", d, 4) }
        if let q = h.qualifier { out += el("DocumentQualifier", q, 4) }
        if let s = h.supplier { out += el("SupplierID", s, 4) }
        out += "    <SourceSchool>\n" + el("LEA", h.source.lea, 6) + el("Estab", h.source.estab, 6)
        if let n = h.source.name { out += el("SchoolName", n, 6) }
        if let y = h.academicYear { out += el("AcademicYear", y, 6) }
        out += "    </SourceSchool>\n"
        if let d = h.dest { out += "    <DestSchool>\n" + el("LEA", d.lea, 6) + el("Estab", d.estab, 6) + "    </DestSchool>\n" }
        out += "  </Header>\n  <CTFpupilData>\n"
        // Files before CTF 24 are written with `Gender`, as older MIS exports name it.
        let sexName = (h.majorVersion ?? 24) < 24 ? "Gender" : "Sex"
        for p in f.pupils { out += pupil(p, sexName: sexName) }
        return out + "  </CTFpupilData>\n</CTfile>\n"
    }

    static func pupil(_ p: CTFPupil, sexName: String) -> String {
        var o = "    <Pupil>\n"
        o += el("UPN", p.upn.value, 6) + el("Surname", p.surname, 6) + el("Forename", p.forename, 6) + el("DOB", p.dob.iso, 6)
        if let s = p.sex { o += el(sexName, s.rawValue, 6) }
        o += "      <BasicDetails>\n"
        if let f = p.formerUPN { o += el("FormerUPN", f.value, 8) }
        if let s = p.preferredSurname { o += el("PreferredSurname", s, 8) }
        if let f = p.preferredForename { o += el("PreferredForename", f, 8) }
        if let nc = p.ncYear { o += el("NCyearActual", nc, 8) }
        if !p.languages.isEmpty {
            o += "        <Languages>\n"
            for (i, l) in p.languages.enumerated() {
                o += "          <Type>" + inline("LanguageType", i == 0 ? "F" : "O") + inline("Language", l) + "</Type>\n"
            }
            o += "        </Languages>\n"
        }
        o += "      </BasicDetails>\n"
        if !p.fsm.isEmpty {
            o += "      <FSMhistory>\n"
            for s in p.fsm {
                o += "        <FSMinstance>" + (s.start.map { inline("FSMstartDate", $0.iso) } ?? "")
                    + (s.end.map { inline("FSMendDate", $0.iso) } ?? "") + inline("UKcountry", "ENG") + "</FSMinstance>\n"
            }
            o += "      </FSMhistory>\n"
        }
        if let c = p.inCare { o += "      <LookedAfter>" + inline("InCare", c ? "true" : "false") + "</LookedAfter>\n" }
        if p.senProvision != nil || !p.senNeeds.isEmpty {
            o += "      <SENhistory>\n"
            if let s = p.senProvision { o += "        <SEN>" + inline("SENprovision", s.rawValue) + "</SEN>\n" }
            if !p.senNeeds.isEmpty {
                o += "        <SENneeds>\n"
                for (i, n) in p.senNeeds.enumerated() {
                    o += "          <SENneed>" + inline("SENtype", n.rawValue) + inline("SENtypeRank", String(i + 1)) + "</SENneed>\n"
                }
                o += "        </SENneeds>\n"
            }
            o += "      </SENhistory>\n"
        }
        if let a = p.address { o += "      <Address>\n" + addressLines(a, 8) + "      </Address>\n" }
        if !p.contacts.isEmpty {
            o += "      <Contacts>\n"
            for c in p.contacts {
                o += "        <Contact>\n" + el("Order", String(c.order), 10)
                if let t = c.title { o += el("Title", t, 10) }
                if let f = c.forename { o += el("Forename", f, 10) }
                if let s = c.surname { o += el("Surname", s, 10) }
                if let r = c.relationship { o += el("Relationship", r, 10) }
                o += el("Responsibility", c.responsibility ? "true" : "false", 10)
                if c.addressAsPupil { o += "          <AddressAsPupil/>\n" }
                else if let a = c.address { o += "          <Address>\n" + addressLines(a, 12) + "          </Address>\n" }
                if !c.phones.isEmpty {
                    o += "          <Phones>" + c.phones.map { "<Phone>" + inline("TelephoneType", "M") + inline("PhoneNo", $0) + "</Phone>" }.joined() + "</Phones>\n"
                }
                if let e = c.email { o += el("Email", e, 10) }
                o += "        </Contact>\n"
            }
            o += "      </Contacts>\n"
        }
        if !p.attendance.isEmpty {
            o += "      <Attendance>\n"
            for y in p.attendance {
                o += "        <YearData>\n" + el("Year", String(y.year.startYear), 10) + el("LEA", y.school.lea, 10) + el("Estab", y.school.estab, 10)
                if let n = y.school.name { o += el("SchoolName", n, 10) }
                o += el("SessionsPossible", String(y.possible), 10) + el("SessionsAuthorised", String(y.authorised), 10)
                    + el("SessionsAttended", String(y.attended), 10) + el("SessionsUnauthorised", String(y.unauthorised), 10)
                if let m = y.marks {
                    o += "          <AttendSessions>\n" + (y.startDate.map { el("AttendanceStartDate", $0.iso, 12) } ?? "")
                        + el("AttendanceMarks", m.codes.joined(separator: m.format == .commaSeparated ? "," : ""), 12) + "          </AttendSessions>\n"
                }
                o += "        </YearData>\n"
            }
            o += "      </Attendance>\n"
        }
        if !p.schoolHistory.isEmpty {
            o += "      <SchoolHistory>\n"
            for s in p.schoolHistory {
                o += "        <School>" + inline("LEA", s.school.lea) + inline("Estab", s.school.estab)
                    + (s.school.name.map { inline("SchoolName", $0) } ?? "") + inline("EntryDate", s.entry.iso)
                    + (s.leaving.map { inline("LeavingDate", $0.iso) } ?? "") + (s.leavingReason.map { inline("LeavingReason", $0) } ?? "")
                    + "</School>\n"
            }
            o += "      </SchoolHistory>\n"
        }
        return o + "    </Pupil>\n"
    }

    /// A one-line address back into AddressLines, its last part the postcode.
    static func addressLines(_ a: String, _ indent: Int) -> String {
        var parts = a.components(separatedBy: ", ")
        let postcode = parts.count > 1 ? parts.removeLast() : nil
        let pad = String(repeating: " ", count: indent)
        var o = pad + "<AddressLines>" + parts.prefix(5).enumerated().map { inline("AddressLine\($0.offset + 1)", $0.element) }.joined() + "</AddressLines>\n"
        if let postcode { o += el("PostCode", postcode, indent) }
        return o
    }

    static func el(_ name: String, _ value: String, _ indent: Int) -> String {
        String(repeating: " ", count: indent) + inline(name, value) + "\n"
    }

    static func inline(_ name: String, _ value: String) -> String { "<\(name)>\(escape(value))</\(name)>" }

    static func escape(_ s: String) -> String { MarkupEscape.text(s) }
}
