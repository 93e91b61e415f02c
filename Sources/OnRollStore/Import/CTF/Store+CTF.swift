import Foundation
import GRDB
import OnRollCore

/// What `onroll import ctf` did.
public struct CTFImportResult: Sendable, Equatable {
    public var childrenAdded = 0
    public var childrenUpdated = 0
    public var childrenUnchanged = 0
    public var attendanceWritten = 0
    public var historyWritten = 0
    /// Children whose CTF-only details (NC year, ranked needs, address, contacts) were written.
    public var detailsWritten = 0
    /// CME cases opened for lost pupils, and open ones a line was added to.
    public var casesOpened: [String] = []
    public var casesAddedTo: [String] = []
    /// The source school, when it was added from the header.
    public var schoolAdded: String?
    public var warnings: [String] = []

    public var changedNothing: Bool {
        childrenAdded == 0 && childrenUpdated == 0 && attendanceWritten == 0 && historyWritten == 0 && detailsWritten == 0 && casesOpened.isEmpty
            && casesAddedTo.isEmpty && schoolAdded == nil
    }

    public var summary: String {
        var s = "\(childrenAdded) added, \(childrenUpdated) updated, \(childrenUnchanged) unchanged"
        if detailsWritten > 0 { s += "; transfer details for \(detailsWritten)" }
        if attendanceWritten > 0 { s += "; \(attendanceWritten) attendance year\(attendanceWritten == 1 ? "" : "s")" }
        if historyWritten > 0 { s += "; \(historyWritten) school history entr\(historyWritten == 1 ? "y" : "ies")" }
        if !casesOpened.isEmpty { s += "; CME cases opened: \(casesOpened.joined(separator: ", "))" }
        if !casesAddedTo.isEmpty { s += "; lost-pupil line added to \(casesAddedTo.joined(separator: ", "))" }
        return s
    }
}

extension Store {
    /// Imports a DfE Common Transfer File in one transaction: every pupil, or nothing. Pupils are matched
    /// on UPN, then former UPN (either side's), and created or updated; each year's attendance at each
    /// school and each school-history spell is stored; a file whose destination is the lost-pupil code
    /// opens a CME case per pupil (or adds a line to the one open). Every change is audited and, on each
    /// open case of the child, lands in the chronology "from CTF FILE (SCHOOL)". A record that would not
    /// change is not written, so importing the same file again changes nothing.
    public func importCTF(data: Data, fileName: String, user: String, today: SchoolDate) throws -> CTFImportResult {
        if isReadOnly { throw StoreError.readOnly(path) }
        let (ctf, parseWarnings) = try CTFParser.parse(data, file: fileName)
        if let d = ctf.header.date, d > today {
            throw StoreError.importRejected(["\(fileName): CTfile/Header/DateTime: \(d.iso) is after today (\(today.iso))"])
        }
        var result = CTFImportResult(warnings: parseWarnings)
        try write(user: user) { ctx in
            var importer = CTFImporter(ctx: ctx, ctf: ctf, file: ImportChanges.baseName(fileName), fullName: fileName,
                                       today: today, store: self)
            try importer.run(&result)
        }
        return result
    }
}

/// Maps one parsed CTF into the store inside the import's write transaction.
private struct CTFImporter {
    let ctx: WriteContext
    let ctf: CTFFile
    let file: String
    let fullName: String
    let today: SchoolDate
    let store: Store
    /// "Westmarch Academy": the school the file came from, as the chronology names it.
    var schoolLabel = ""
    var sourceURN = ""
    var nextChild = 0

    init(ctx: WriteContext, ctf: CTFFile, file: String, fullName: String, today: SchoolDate, store: Store) {
        self.ctx = ctx; self.ctf = ctf; self.file = file; self.fullName = fullName; self.today = today; self.store = store
    }

    var origin: String { "from CTF \(file) (\(schoolLabel))" }

    mutating func run(_ result: inout CTFImportResult) throws {
        let source = ctf.header.source
        if let s = try School.filter(Column("laestab") == source.laestab).order(Column("urn")).fetchOne(ctx.db) {
            sourceURN = s.urn
            schoolLabel = s.name
        } else {
            // A CTF names a school by its DfE number only: its number stands as its URN until a schools file
            // gives the real one.
            let name = source.name ?? "School \(source.laestab)"
            var school = School(urn: source.laestab, name: name, laestab: source.laestab)
            if try School.fetchOne(ctx.db, key: school.urn) != nil {
                throw StoreError.importRejected(["\(fullName): CTfile/Header/SourceSchool: a school with URN \(school.urn) exists without that DfE number; give it laestab \(source.laestab) in a schools file"])
            }
            try ctx.insert(&school, op: .ctfSchoolAdd, caseRef: nil, summary: "CTF \(file): school \(source.laestab) \(name) added from the header")
            sourceURN = school.urn
            schoolLabel = name
            result.schoolAdded = source.laestab
            result.warnings.append("\(fullName): CTfile/Header/SourceSchool: school \(source.label) was not in the store; added from the header with its DfE number as its URN (a schools file with its URN and laestab \(source.laestab) corrects it)")
        }
        nextChild = try ImportNames.nextChildNumber(ctx.db)
        for p in ctf.pupils { try pupil(p, &result) }
    }

    /// The stored child a pupil is: by its UPN, then as a former UPN, then by the former UPN the file gives.
    func match(_ p: CTFPupil) throws -> Child? {
        var tries: [(String, String)] = [("upn", p.upn.value), ("formerUPN", p.upn.value)]
        if let f = p.formerUPN { tries += [("upn", f.value), ("formerUPN", f.value)] }
        for (column, value) in tries {
            if let c = try Child.filter(Column(column) == value).order(Column("ref")).fetchOne(ctx.db) { return c }
        }
        return nil
    }

    mutating func pupil(_ p: CTFPupil, _ result: inout CTFImportResult) throws {
        let stored = try match(p)
        var child = stored ?? Child(ref: "C" + String(nextChild).leftPadded(5, "0"), forename: p.forename, surname: p.surname, dob: p.dob)
        var changes: [String] = []
        func set<T: Equatable>(_ key: WritableKeyPath<Child, T>, _ value: T, _ label: String, _ show: (T) -> String) {
            if child[keyPath: key] != value {
                changes.append("\(label) \(show(child[keyPath: key])) → \(show(value))")
                child[keyPath: key] = value
            }
        }
        let text: (String?) -> String = { $0 ?? "none" }
        // A UPN the child had before becomes the former UPN when the file brings the new one; a school still
        // sending the child's former UPN leaves the newer one in place.
        if child.upn != p.upn && child.formerUPN != p.upn {
            let old = child.upn
            set(\.upn, p.upn, "UPN", { text($0?.value) })
            if let old, old != p.upn { set(\.formerUPN, old, "former UPN", { text($0?.value) }) }
        }
        if let f = p.formerUPN, child.formerUPN == nil, f != child.upn { set(\.formerUPN, f, "former UPN", { text($0?.value) }) }
        set(\.forename, p.forename, "forename", { $0 })
        set(\.surname, p.surname, "surname", { $0 })
        if let pf = p.preferredForename, pf != p.forename { set(\.preferredName, pf, "preferred name", text) }
        set(\.dob, p.dob, "date of birth", { $0.iso })
        if let s = p.sex { set(\.sex, s, "sex", { $0?.rawValue ?? "none" }) }
        if child.schoolURN == nil { set(\.schoolURN, sourceURN, "school", text) }
        if let sen = p.senProvision { set(\.sen, sen, "SEN", { $0.label }) }
        if let need = p.senNeeds.first { set(\.senNeed, need, "primary need", { $0?.rawValue ?? "none" }) }
        // A CTF adds flags and never clears one: the officer may know what the school's file does not.
        var flags = Array(child.flags)
        if p.inCare == true { flags.append(.LAC) }
        if CTFRules.hasCurrentFSM(p.fsm, on: ctf.header.date) { flags.append(.FSM) }
        if CTFRules.suggestsEAL(p.languages) { flags.append(.EAL) }
        let newFlags = FlagSet(flags)
        if newFlags != child.flags {
            changes.append("flags " + newFlags.filter { !child.flags.contains($0) }.map { "+\($0.rawValue)" }.joined(separator: " "))
            child.flags = newFlags
        }
        let contactLines = p.contacts.filter(\.responsibility).map(\.line)
        let contactText = contactLines.isEmpty ? nil : contactLines.joined(separator: "\n")
        if child.contacts == nil, let c = contactText { child.contacts = c }

        let label = p.upn.value
        if let stored {
            if child != stored {
                var c = child
                try ctx.update(&c, op: .ctfChildUpdate, caseRef: nil, summary: "CTF \(file): child \(c.ref) (\(label)) updated")
                child = c
                result.childrenUpdated += 1
            } else { result.childrenUnchanged += 1 }
        } else {
            try ctx.insert(&child, op: .ctfChildAdd, caseRef: nil, summary: "CTF \(file): child \(child.ref) (\(label)) added")
            nextChild += 1
            result.childrenAdded += 1
            changes = ["new child \(child.ref)"]
        }

        // The details only a CTF carries.
        let transfer = PupilTransfer(childRef: child.ref, ncYear: p.ncYear, preferredSurname: p.preferredSurname,
                                     senNeeds: p.senNeeds.isEmpty ? nil : p.senNeeds.map(\.rawValue).joined(separator: ";"),
                                     address: p.address, contacts: contactText, sourceLAESTAB: ctf.header.source.laestab)
        let storedTransfer = try PupilTransfer.fetchOne(ctx.db, key: child.ref)
        let empty = details(transfer) == PupilTransfer(childRef: child.ref)
        if storedTransfer.map({ details($0) != details(transfer) }) ?? !empty {
            let before = storedTransfer
            try ctx.replace(transfer, op: .ctfTransfer, caseRef: nil, summary: "CTF \(file): transfer details of \(child.ref)")
            result.detailsWritten += 1
            if let nc = p.ncYear, before?.ncYear != nc { changes.append("NC year (school's) \(nc)") }
            if before?.senNeeds != transfer.senNeeds, let n = transfer.senNeeds { changes.append("SEN needs \(n.replacingOccurrences(of: ";", with: ", "))") }
            if before?.address != transfer.address, transfer.address != nil { changes.append(before?.address == nil ? "address recorded" : "address changed") }
            if before?.contacts != transfer.contacts, transfer.contacts != nil { changes.append("contacts with parental responsibility: \(contactLines.count)") }
        }

        let cases = try store.openCaseRefs(ctx.db, childRef: child.ref)
        if !changes.isEmpty && stored != nil {
            for ref in cases {
                try ctx.chronicle(ref, date: today, kind: .status, text: "Child details: \(changes.joined(separator: "; ")) \(origin)")
            }
        }
        for a in p.attendance { if try attendance(a, child: child.ref, cases: cases) { result.attendanceWritten += 1 } }
        for s in p.schoolHistory { if try spell(s, child: child.ref, cases: cases) { result.historyWritten += 1 } }
        if ctf.isLostPupilFile { try lostPupil(child, stored: stored, &result) }
    }

    /// Everything but the school that sent them: the same details from another school change nothing.
    func details(_ t: PupilTransfer) -> PupilTransfer { var x = t; x.sourceLAESTAB = nil; return x }

    /// One year at one school, as one attendance record over the year up to the file's date.
    func attendance(_ a: CTFYearAttendance, child: String, cases: [String]) throws -> Bool {
        let year = a.year
        let from = max(year.firstDay, min(a.startDate ?? year.firstDay, year.lastDay))
        var to = min(year.lastDay, ctf.header.date ?? year.lastDay)
        if to > today { to = today }
        if to < from { to = from }
        var record = AttendanceRecord(childRef: child, from: from, to: to, possible: a.attended + a.authorised + a.unauthorised,
                                      present: a.attended, authorised: a.authorised, unauthorised: a.unauthorised,
                                      laestab: a.school.laestab)
        let existing = try AttendanceRecord.filter(Column("childRef") == child && Column("laestab") == a.school.laestab
                                                   && Column("from") >= year.firstDay && Column("from") <= year.lastDay)
            .order(Column("id")).fetchOne(ctx.db)
        if let e = existing {
            record.id = e.id
            if record == e { return false }
            try ctx.replace(record, op: .ctfAttendance, caseRef: nil, summary: "CTF \(file): attendance \(year) at \(a.school.laestab) for \(child)")
        } else {
            try ctx.insert(&record, op: .ctfAttendance, caseRef: nil, summary: "CTF \(file): attendance \(year) at \(a.school.laestab) for \(child)")
        }
        let band = AttendanceBand.of(missed: record.missed, possible: record.possible)
        let pct = record.possible > 0 ? String(format: "%.1f", Double(record.missed) * 100 / Double(record.possible)) : "0"
        for ref in cases {
            try ctx.chronicle(ref, date: today, kind: .attendance,
                              text: "Attendance \(year) at \(a.school.label): \(record.present) of \(record.possible) sessions attended (\(pct)% missed\(band == .none ? "" : ", \(band.label)")) \(origin)",
                              linkId: record.id)
        }
        return true
    }

    func spell(_ s: CTFSchoolSpell, child: String, cases: [String]) throws -> Bool {
        var record = SchoolSpell(childRef: child, laestab: s.school.laestab, schoolName: s.school.name, entry: s.entry,
                                 leaving: s.leaving, leavingReason: s.leavingReason)
        let existing = try SchoolSpell.filter(Column("childRef") == child && Column("laestab") == s.school.laestab
                                              && Column("entry") == s.entry).fetchOne(ctx.db)
        if let e = existing {
            record.id = e.id
            if record == e { return false }
            try ctx.replace(record, op: .ctfHistory, caseRef: nil, summary: "CTF \(file): school history of \(child) at \(s.school.laestab)")
        } else {
            try ctx.insert(&record, op: .ctfHistory, caseRef: nil, summary: "CTF \(file): school history of \(child) at \(s.school.laestab)")
        }
        let left = s.leaving.map { ", left \($0.iso)" + (s.leavingReason.map { " (\($0))" } ?? "") } ?? ""
        for ref in cases {
            try ctx.chronicle(ref, date: today, kind: .note, text: "School history: \(s.school.label) from \(s.entry.iso)\(left) \(origin)")
        }
        return true
    }

    /// A lost pupil is a child missing education until found: a CME case, or a line on the one open.
    func lostPupil(_ child: Child, stored: Child?, _ result: inout CTFImportResult) throws {
        let when = ctf.header.dateTime.map { " dated \($0.prefix(10))" } ?? ""
        let line = "Lost pupil: \(schoolLabel) sent a CTF\(when) with destination unknown (XXX/XXXX) \(origin)"
        let open = try String.fetchAll(ctx.db, sql: "SELECT ref FROM cases WHERE childRef = ? AND kind = ? AND status != 'closed' ORDER BY ref",
                                       arguments: [child.ref, CaseKind.cme.rawValue])
        if let ref = open.first {
            let already = try Bool.fetchOne(ctx.db, sql: "SELECT EXISTS(SELECT 1 FROM chronology WHERE caseRef = ? AND instr(text, ?) > 0)",
                                            arguments: [ref, line]) ?? false
            if already { return }
            try ctx.chronicle(ref, date: today, kind: .note, text: line)
            result.casesAddedTo.append(ref)
            return
        }
        let ref = try store.nextCaseRef(ctx.db)
        var c = Case(ref: ref, childRef: child.ref, kind: .cme, status: .open, opened: today,
                     summary: "Lost pupil: left \(schoolLabel), destination unknown (CTF \(file))", nextReview: today.adding(days: 28))
        try ctx.insert(&c, op: .ctfCaseOpen, caseRef: ref, summary: "\(ref): opened CME case for lost pupil \(child.ref) (CTF \(file))")
        try ctx.chronicle(ref, date: today, kind: .opened, text: "CME case opened. \(line)")
        result.casesOpened.append(ref)
    }
}
