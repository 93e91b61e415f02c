import Foundation
import OnRollCore

/// Reads a Common Transfer File into a typed `CTFFile`. Every problem of the file is collected in one
/// run and named by file, pupil (position and UPN) and element path; any problem refuses the whole file.
/// Older files are tolerated: `Gender` for `Sex`, one-character attendance marks, missing containers.
struct CTFParser {
    let file: String
    private(set) var errors: [String] = []
    private(set) var warnings: [String] = []
    /// The pupil being read, for the messages.
    private var pupil: String?

    init(file: String) { self.file = file }

    static func parse(_ data: Data, file: String) throws -> (CTFFile, warnings: [String]) {
        let root: XMLElement
        do { root = try XMLTree.parse(data, maxBytes: CTFRules.maxBytes) } catch {
            let at = (error.line.map { ":\($0)" } ?? "") + ": " + (error.path.map { "\($0): " } ?? "")
            throw StoreError.importRejected(["\(file)\(at)\(error.reason)"])
        }
        var p = CTFParser(file: file)
        let ctf = p.read(root)
        if !p.errors.isEmpty { throw StoreError.importRejected(p.errors) }
        return (ctf!, p.warnings)
    }

    private mutating func fail(_ path: String, _ reason: String) {
        errors.append("\(file): " + (pupil.map { "\($0): " } ?? "") + "\(path): \(reason)")
    }

    private mutating func warn(_ path: String, _ reason: String) {
        warnings.append("\(file): " + (pupil.map { "\($0): " } ?? "") + "\(path): \(reason)")
    }

    private mutating func read(_ root: XMLElement) -> CTFFile? {
        guard root.name == "CTfile" else {
            fail(root.path, "the root element is \(root.name.prefix(30)), not CTfile: this is not a Common Transfer File")
            return nil
        }
        guard let h = root.child("Header") else { fail("CTfile/Header", "is missing"); return nil }
        let header = readHeader(h)
        var pupils: [CTFPupil] = []
        let data = root.child("CTFpupilData")
        if data == nil { warn("CTfile/CTFpupilData", "is missing: the file names no pupils") }
        var seen: [String: Int] = [:]
        for (i, e) in (data?.all("Pupil") ?? []).enumerated() {
            if let p = readPupil(e, position: i + 1, header: header) {
                if let first = seen[p.upn.value] {
                    pupil = p.label
                    fail(e.path + "/UPN", "is also pupil \(first)'s; one pupil once")
                    pupil = nil
                } else {
                    seen[p.upn.value] = p.position
                    pupils.append(p)
                }
            }
        }
        guard let header else { return nil }
        return CTFFile(header: header, pupils: pupils)
    }

    private mutating func readHeader(_ h: XMLElement) -> CTFHeader? {
        let version = h.value("CTFversion") ?? ""
        if version.isEmpty { warn(h.path + "/CTFversion", "is missing; read as an older CTF") }
        else if CTFRules.majorVersion(version) == nil { warn(h.path + "/CTFversion", "'\(version.prefix(20))' is not a version number") }
        var date: SchoolDate?
        if let dt = h.value("DateTime") {
            date = Self.isoDate(dt)
            if date == nil { fail(h.path + "/DateTime", "'\(dt.prefix(30))' is not a date and time (yyyy-MM-ddTHH:mm:ss)") }
        }
        guard let s = h.child("SourceSchool") else { fail(h.path + "/SourceSchool", "is missing (the school the file came from)"); return nil }
        guard let source = school(s) else { return nil }
        var dest: CTFSchool?
        if let d = h.child("DestSchool") {
            let lea = d.value("LEA"), estab = d.value("Estab")
            if let lea, let estab { dest = CTFSchool(lea: lea, estab: estab, name: d.value("SchoolName")) }
        }
        return CTFHeader(version: version, documentName: h.value("DocumentName"), dateTime: h.value("DateTime"), date: date,
                         qualifier: h.value("DocumentQualifier"), supplier: h.value("SupplierID"), source: source,
                         academicYear: s.value("AcademicYear"), dest: dest)
    }

    /// A school named by LEA and Estab: 3 and 4 digits (the lost-pupil code is read apart, in the header).
    private mutating func school(_ e: XMLElement) -> CTFSchool? {
        let lea = e.value("LEA"), estab = e.value("Estab")
        var ok = true
        if lea == nil { fail(e.path + "/LEA", "is required"); ok = false }
        else if !(lea!.count == 3 && lea!.allSatisfy { $0.isASCII && $0.isNumber }) {
            fail(e.path + "/LEA", "'\(lea!.prefix(10))' is not a 3-digit LA code"); ok = false
        }
        if estab == nil { fail(e.path + "/Estab", "is required"); ok = false }
        else if !(estab!.count == 4 && estab!.allSatisfy { $0.isASCII && $0.isNumber }) {
            fail(e.path + "/Estab", "'\(estab!.prefix(10))' is not a 4-digit establishment number"); ok = false
        }
        guard ok, let lea, let estab else { return nil }
        return CTFSchool(lea: lea, estab: estab, name: name(e, "SchoolName", required: false))
    }

    private mutating func name(_ e: XMLElement, _ child: String, required: Bool) -> String? {
        guard let t = e.value(child) else {
            if required { fail(e.path + "/" + child, "is required") }
            return nil
        }
        if t.count > 100 { fail(e.path + "/" + child, "is \(t.count) characters; the limit is 100"); return nil }
        if let problem = NameText.problem(t) { fail(e.path + "/" + child, problem); return nil }
        return t.precomposedStringWithCanonicalMapping
    }

    /// Free text (addresses, phone numbers): one line, control characters refused.
    private mutating func line(_ e: XMLElement, _ child: String, limit: Int = 200) -> String? {
        guard let t = e.value(child) else { return nil }
        if t.count > limit { fail(e.path + "/" + child, "is \(t.count) characters; the limit is \(limit)"); return nil }
        if let problem = NameText.problem(t) { fail(e.path + "/" + child, problem); return nil }
        return t
    }

    private mutating func date(_ e: XMLElement, _ child: String, required: Bool = false) -> SchoolDate? {
        guard let t = e.value(child) else {
            if required { fail(e.path + "/" + child, "is required") }
            return nil
        }
        guard let d = Self.isoDate(t) else { fail(e.path + "/" + child, "'\(t.prefix(20))' is not a date (yyyy-MM-dd)"); return nil }
        return d
    }

    /// yyyy-MM-dd, or the date of a yyyy-MM-ddTHH:mm:ss: a CTF never writes a day first.
    static func isoDate(_ t: String) -> SchoolDate? {
        let c = Array(t)
        guard c.count == 10 || (c.count > 10 && c[10] == "T") else { return nil }
        let day = String(c.prefix(10))
        guard day.enumerated().allSatisfy({ i, ch in i == 4 || i == 7 ? ch == "-" : ch.isASCII && ch.isNumber }) else { return nil }
        return try? SchoolDate.parse(day)
    }

    private mutating func count(_ e: XMLElement, _ child: String) -> Int? {
        guard let t = e.value(child) else { return nil }
        guard let v = Int(t), v >= 0 else { fail(e.path + "/" + child, "'\(t.prefix(20))' is not a number of sessions"); return nil }
        return v
    }

    private mutating func bool(_ e: XMLElement, _ child: String) -> Bool? {
        guard let t = e.value(child)?.lowercased() else { return nil }
        switch t {
        case "true", "1", "y", "yes": return true
        case "false", "0", "n", "no": return false
        default: fail(e.path + "/" + child, "'\(t.prefix(10))' is not true or false"); return nil
        }
    }

    private mutating func readPupil(_ e: XMLElement, position: Int, header: CTFHeader?) -> CTFPupil? {
        let before = errors.count
        guard let upnText = e.value("UPN") else {
            pupil = "pupil \(position) (no UPN)"
            fail(e.path + "/UPN", "is required")
            pupil = nil
            return nil
        }
        pupil = "pupil \(position) (UPN \(upnText.prefix(20)))"
        defer { pupil = nil }
        var upn: UPN?
        do { upn = try UPN(upnText) } catch { fail(e.path + "/UPN", error.message) }
        let basic = e.child("BasicDetails")
        var formerUPN: UPN?
        if let b = basic, let f = b.value("FormerUPN") {
            do { formerUPN = try UPN(f) } catch { fail(b.path + "/FormerUPN", error.message) }
        }
        let surname = name(e, "Surname", required: true), forename = name(e, "Forename", required: true)
        let dob = date(e, "DOB", required: true)
        var sex: Sex?
        if let s = e.value("Sex") ?? e.value("Gender") {
            let field = e.child("Sex") != nil ? "Sex" : "Gender"
            do { sex = try Sex.parse(s.uppercased()) } catch { fail(e.path + "/" + field, "'\(s.prefix(10))' is not M, F or U") }
        }
        var ncYear: String?, preferredSurname: String?, preferredForename: String?, languages: [String] = []
        if let b = basic {
            if let nc = b.value("NCyearActual") {
                if CTFRules.isNCYear(nc) { ncYear = nc.uppercased() } else { fail(b.path + "/NCyearActual", "'\(nc.prefix(10))' is not a national curriculum year (N1, N2, R, 1–14, X)") }
            }
            preferredSurname = name(b, "PreferredSurname", required: false)
            preferredForename = name(b, "PreferredForename", required: false)
            for t in b.child("Languages")?.all("Type") ?? [] {
                guard let code = t.value("Language") else { continue }
                // The first language ("F") leads; others follow in file order.
                if t.value("LanguageType")?.uppercased() == "F" { languages.insert(code.uppercased(), at: 0) } else { languages.append(code.uppercased()) }
            }
        }
        var fsm: [CTFFSMSpell] = []
        for f in e.child("FSMhistory")?.all("FSMinstance") ?? [] {
            fsm.append(CTFFSMSpell(start: date(f, "FSMstartDate"), end: date(f, "FSMendDate")))
        }
        let inCare = e.child("LookedAfter").flatMap { bool($0, "InCare") }
        var provision: SENStatus?, needs: [SENNeed] = []
        if let sen = e.child("SENhistory") {
            // The latest SEN entry by start date is the current provision (files list them oldest first).
            let entries = sen.all("SEN").sorted { ($0.value("StartDate") ?? "") < ($1.value("StartDate") ?? "") }
            if let last = entries.last, let p = last.value("SENprovision") {
                do { provision = try SENStatus.parse(p.uppercased()) } catch { fail(last.path + "/SENprovision", "'\(p.prefix(10))' is not N, K or E") }
            }
            var ranked: [(Int, SENNeed)] = []
            for n in sen.child("SENneeds")?.all("SENneed") ?? [] {
                guard let t = n.value("SENtype") else { fail(n.path + "/SENtype", "is required"); continue }
                guard let need = SENNeed(rawValue: t.uppercased()) else { fail(n.path + "/SENtype", "'\(t.prefix(10))' is not a census SEN need type"); continue }
                ranked.append((n.value("SENtypeRank").flatMap { Int($0) } ?? 99, need))
            }
            needs = ranked.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        }
        let address = e.child("Address").flatMap { addressLine($0) }
        var contacts: [CTFContact] = []
        for (i, c) in (e.child("Contacts")?.all("Contact") ?? []).enumerated() {
            let phones = (c.child("Phones")?.all("Phone") ?? []).compactMap { line($0, "PhoneNo", limit: 40) }
            contacts.append(CTFContact(order: c.value("Order").flatMap { Int($0) } ?? (100 + i), title: name(c, "Title", required: false),
                                       forename: name(c, "Forename", required: false), surname: name(c, "Surname", required: false),
                                       relationship: line(c, "Relationship", limit: 40), responsibility: bool(c, "Responsibility") ?? false,
                                       phones: phones, email: line(c, "Email", limit: 120),
                                       address: c.child("Address").flatMap { addressLine($0) },
                                       addressAsPupil: c.child("AddressAsPupil") != nil))
        }
        contacts.sort { $0.order < $1.order }
        var attendance: [CTFYearAttendance] = []
        for y in e.child("Attendance")?.all("YearData") ?? [] {
            if let a = yearData(y) { attendance.append(a) }
        }
        var history: [CTFSchoolSpell] = []
        for s in e.child("SchoolHistory")?.all("School") ?? [] {
            guard let school = school(s) else { continue }
            guard let entry = date(s, "EntryDate", required: true) else { continue }
            let leaving = date(s, "LeavingDate")
            if let l = leaving, l < entry { fail(s.path + "/LeavingDate", "\(l.iso) is before EntryDate \(entry.iso)"); continue }
            history.append(CTFSchoolSpell(school: school, entry: entry, leaving: leaving, leavingReason: line(s, "LeavingReason", limit: 60)))
        }
        guard errors.count == before, let upn, let surname, let forename, let dob else { return nil }
        return CTFPupil(position: position, upn: upn, formerUPN: formerUPN, surname: surname, forename: forename,
                        preferredSurname: preferredSurname, preferredForename: preferredForename, dob: dob, sex: sex,
                        ncYear: ncYear, languages: languages, fsm: fsm, inCare: inCare, senProvision: provision, senNeeds: needs,
                        address: address, contacts: contacts, attendance: attendance, schoolHistory: history)
    }

    /// An address as one line: BS7666 parts or AddressLines, then the postcode.
    private mutating func addressLine(_ a: XMLElement) -> String? {
        var parts: [String] = []
        if let bs = a.child("BS7666Address") {
            for k in ["SAON", "PAON", "Street", "Locality", "Town", "PostTown"] { if let v = line(bs, k) { parts.append(v) } }
        } else if let lines = a.child("AddressLines") {
            for k in (1...5).map({ "AddressLine\($0)" }) { if let v = line(lines, k) { parts.append(v) } }
        }
        if let c = line(a, "County") { parts.append(c) }
        if let pc = line(a, "PostCode", limit: 10) { parts.append(pc) }
        // "12 High Street" is one part when PAON is the number.
        var out: [String] = []
        for p in parts {
            if let last = out.last, last.allSatisfy({ $0.isNumber }) { out[out.count - 1] = last + " " + p } else if !out.contains(p) { out.append(p) }
        }
        return out.isEmpty ? nil : out.joined(separator: ", ")
    }

    private mutating func yearData(_ y: XMLElement) -> CTFYearAttendance? {
        let before = errors.count
        var year: AcademicYear?
        if let t = y.value("Year") {
            year = CTFRules.academicYear(t)
            if year == nil { fail(y.path + "/Year", "'\(t.prefix(12))' is not an academic year (2025 or 2025/26)") }
        } else { fail(y.path + "/Year", "is required") }
        let school = school(y)
        let sessions = y.child("AttendSessions")
        let marksText = sessions?.value("AttendanceMarks") ?? y.value("AttendanceMarks")
        let marks = marksText.map { AttendanceMarks($0) }
        let startDate = sessions.flatMap { date($0, "AttendanceStartDate") } ?? date(y, "AttendanceStartDate")
        var possible = count(y, "SessionsPossible"), attended = count(y, "SessionsAttended")
        var authorised = count(y, "SessionsAuthorised"), unauthorised = count(y, "SessionsUnauthorised")
        // Totals missing: the marks stand in for them (never the other way round).
        if possible == nil, let m = marks {
            possible = m.possible; attended = attended ?? m.attended; authorised = authorised ?? m.authorised
            unauthorised = unauthorised ?? m.unauthorised
        }
        guard let possible else { fail(y.path + "/SessionsPossible", "is required (or AttendanceMarks to count)"); return nil }
        guard errors.count == before, let year, let school else { return nil }
        let a = CTFYearAttendance(year: year, school: school, possible: possible, attended: attended ?? 0,
                                  authorised: authorised ?? 0, unauthorised: unauthorised ?? 0, startDate: startDate, marks: marks)
        if let problem = CTFRules.totalsProblem(a) {
            fail(y.path, "\(year) at \(school.label): totals do not add up: \(problem)")
            return nil
        }
        if let m = marks {
            if !m.unknown.isEmpty {
                warn((sessions?.path ?? y.path) + "/AttendanceMarks", "codes OnRoll does not know: \(Array(Set(m.unknown)).sorted().prefix(6).joined(separator: ", ")) (not counted)")
            }
            if let problem = CTFRules.marksProblem(a) { warn((sessions?.path ?? y.path) + "/AttendanceMarks", problem) }
        }
        return a
    }
}
