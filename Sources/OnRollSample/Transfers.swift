import OnRollCore

extension Builder {
    /// Two Common Transfer Files that have just arrived (`onroll import ctf sample-data/ctf-*.xml` in the
    /// tour; `init --sample` does not load them): one from a secondary school for three pupils moving to
    /// another school, with comma-separated CTF 24 marks, and a lost-pupil file (destination XXX/XXXX)
    /// from a primary school with one-character marks, which opens a CME case. Built from the sample's
    /// own children, so every pupil is found by UPN and updated.
    func buildTransfers() {
        guard let from = secondaries.first(where: { $0.laestab != nil }) ?? secondaries.first,
              let to = secondaries.dropFirst().first,
              let primary = primaries.first else { return }
        let stamp = "\(cal.forward(-1, from: today).iso)T09:30:00"
        out.transfers.append(transfer(from, dest: school(to), pupils: 3, stamp: stamp, comma: true))
        out.transfers.append(transfer(primary, dest: CTFSchool(lea: "XXX", estab: "XXXX"), pupils: 1, stamp: stamp, comma: false))
    }

    private func school(_ s: School) -> CTFSchool {
        let l = out.schools.first { $0.urn == s.urn }?.laestab ?? Schools.laestab(s)
        return CTFSchool(lea: String(l.prefix(3)), estab: String(l.dropFirst(3)), name: s.name)
    }

    private func transfer(_ s: School, dest: CTFSchool, pupils n: Int, stamp: String, comma: Bool) -> CTFFile {
        let source = school(s)
        let date = (try? SchoolDate.parse(String(stamp.prefix(10)))) ?? today
        let kids = out.children.filter { $0.schoolURN == s.urn && $0.upn.map { !$0.isTemporary } ?? false }.prefix(n)
        var pupils: [CTFPupil] = []
        for (i, c) in kids.enumerated() {
            let nc = SchoolAge.ncYear(dob: c.dob, in: year)
            let entryYear = year.startYear - max(0, nc - (s.phase == .primary ? 0 : 7))
            let streets = ["Mill Lane", "Station Road", "Church Street", "Orchard Way", "Riverside Close"]
            let address = "\(3 + i * 14) \(streets[(c.ref.hashValueStable + i) % streets.count]), Westmarch, WM\(2 + i) \(4 + i)QT"
            // The file's contacts are the child's own carers, the first with parental responsibility.
            let family = carers(out.children.firstIndex(of: c)!)
            let contacts = family.enumerated().map { k, p in
                let parts = p.name.split(separator: " ", maxSplits: 1).map(String.init)
                return CTFContact(order: k + 1, title: p.isWoman ? "Ms" : "Mr", forename: parts[0], surname: parts.count > 1 ? parts[1] : c.surname,
                                  relationship: p.ctfRelationship, responsibility: k == 0 || p.isParent,
                                  phones: [p.phone], addressAsPupil: true)
            }
            // Last year in full (totals only), this year to the file's date (totals and marks).
            let lastMissed = 12 + (i * 17) % 50
            let last = CTFYearAttendance(year: year.previous, school: source, possible: 330, attended: 330 - lastMissed,
                                         authorised: lastMissed * 2 / 3, unauthorised: lastMissed - lastMissed * 2 / 3)
            let codes = marks(sessions: 108, variant: i, comma: comma)
            let m = AttendanceMarks(codes.joined(separator: comma ? "," : ""))
            let now = CTFYearAttendance(year: year, school: source, possible: m.possible, attended: m.attended, authorised: m.authorised,
                                        unauthorised: m.unauthorised, startDate: cal.forward(1, from: year.firstDay), marks: m)
            var needs: [SENNeed] = c.senNeed.map { [$0] } ?? []
            if c.sen == .ehcp, c.senNeed != .SLCN { needs.append(.SLCN) }
            pupils.append(CTFPupil(
                position: i + 1, upn: c.upn!, formerUPN: c.formerUPN, surname: c.surname, forename: c.forename,
                preferredForename: c.preferredName, dob: c.dob, sex: c.sex, ncYear: nc <= 0 ? "R" : String(nc),
                languages: c.flags.contains(.EAL) ? ["POL", "ENG"] : ["ENG"],
                fsm: c.flags.contains(.FSM) ? [CTFFSMSpell(start: year.previous.firstDay.adding(days: 33), end: nil)] : [],
                inCare: c.flags.contains(.LAC), senProvision: c.sen, senNeeds: needs, address: address,
                contacts: contacts, attendance: [last, now],
                schoolHistory: [CTFSchoolSpell(school: source, entry: SchoolDate(year: entryYear, month: 9, day: 4)!,
                                               leaving: cal.forward(-3, from: date),
                                               leavingReason: dest.laestab == "XXXXXXX" ? "Destination unknown" : "Moved school")]))
        }
        let header = CTFHeader(version: comma ? "25.0" : "23.0",
                               documentName: "Common Transfer File", dateTime: stamp, date: date, qualifier: "partial",
                               supplier: "Westmarch MIS", source: source, academicYear: String(year.startYear), dest: dest)
        return CTFFile(header: header, pupils: pupils)
    }

    /// A register: mostly present, a few illnesses, appointments and unexplained absences, a late.
    private func marks(sessions: Int, variant: Int, comma: Bool) -> [String] {
        (0..<sessions).map { k in
            let n = (k * 7 + variant * 13) % 50
            switch n {
            case 0, 1: return "I"
            case 2: return comma ? "C2" : "M"
            case 3: return variant == 1 ? "O" : "/"
            case 4: return "N"
            case 5: return "L"
            default: return k % 2 == 0 ? "/" : "\\"
            }
        }
    }
}

private extension String {
    /// A hash that is the same on every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: Int { unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0x7fff_ffff } }
}
