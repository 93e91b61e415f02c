import OnRollCore

/// Shared state of one generation run. Sections live in extensions, one file each.
/// Ids are assigned as records are appended (1, 2, 3… per kind) so links are known at once.
final class Builder {
    let target: Int
    let seed: UInt64
    let today: SchoolDate
    let year: AcademicYear
    let cal: SchoolDays
    var out = SampleCaseload()

    /// One stream per section so the sections do not disturb each other's draws.
    var rng: Random
    var textRng: Random

    /// Chronology waiting for ids: per case, entries in the order they were made.
    var pending: [[ChronologyEntry]] = []
    /// Index of each child's first case, and whether attendance is done, by child index.
    var childHasAttendance: [Bool] = []
    var childHasOutOfSchool: [Bool] = []
    /// Each child's carers, by child index (see Carers.swift).
    var childCarers: [[Carer]] = []
    /// Each child's CNIS record and roll deletion, as indices into `out`, once made.
    var childRecord: [Int?] = []
    var childDeletion: [Int?] = []
    /// The child index of each case (refs are strings; an index avoids searching at 100k cases).
    var caseChild: [Int] = []

    /// Looked up, never iterated, so hash order cannot leak into the output.
    var schoolNames: [String: String] = [:]
    var primaries: [School] = []
    var secondaries: [School] = []
    var specials: [School] = []
    var prus: [School] = []
    var aps: [School] = []

    static let officers = ["asha.patel", "tom.reid", "grace.okafor", "dan.kowalski", "mei.lin", "sam.hughes"]

    init(target: Int, seed: UInt64, today: SchoolDate) {
        self.target = target
        self.seed = seed
        self.today = today
        year = AcademicYear(containing: today)
        rng = Random(seed: seed, stream: 1)
        textRng = Random(seed: seed, stream: 2)

        var terms: [TermDates] = []
        for y in [year.previous, year] {
            for var row in Terms.rows(for: y) {
                row.id = Int64(terms.count + 1)
                terms.append(row)
            }
        }
        out.terms = terms
        cal = SchoolDays(rows: terms)

        // Reserve what a run will need so the big arrays are not regrown and copied.
        let n = max(target, 64)
        out.cases.reserveCapacity(n); out.children.reserveCapacity(n); pending.reserveCapacity(n)
        out.actions.reserveCapacity(n * 3); out.team.reserveCapacity(n * 2); out.attendance.reserveCapacity(n * 2)
        out.suspensions.reserveCapacity(n); caseChild.reserveCapacity(n)

        var schoolRng = Random(seed: seed, stream: 3)
        let extra = max(0, target / 40 - Schools.fixed.count)
        out.schools = Schools.fixed + Schools.extra(count: extra, rng: &schoolRng)
        for s in out.schools {
            schoolNames[s.urn] = s.name
            switch s.type {
            case .pru: prus.append(s)
            case .ap: aps.append(s)
            case .special: specials.append(s)
            default: if s.phase == .primary { primaries.append(s) } else { secondaries.append(s) }
            }
        }
    }

    // MARK: Small helpers

    func nextId(_ count: Int) -> Int64 { Int64(count + 1) }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `asha.patel` → `Asha Patel`.
    static func displayName(_ officer: String) -> String {
        officer.split(separator: ".").map { String($0).capitalisedFirst }.joined(separator: " ")
    }

    /// A number from Ofcom's range reserved for drama (07700 900000–900999): never a real phone.
    func phone() -> String { "07700 900" + Builder.pad(textRng.int(0...999), 3) }

    /// A Westmarch address. `WM` is not a real postcode area.
    func address() -> String {
        let streets = ["Larch Close", "Mill Street", "Orchard Way", "Station Road", "Beacon Rise", "Tanner's Lane",
                       "Willow Court", "Hawthorn Avenue", "Canal Side", "Church View", "Foundry Walk", "Kestrel Drive"]
        let towns = ["Westmarch", "Millbrook", "Fenwick", "Thornbury", "Ashcombe", "Redhill"]
        return "\(textRng.int(1...140)) \(textRng.pick(streets)), \(textRng.pick(towns)) WM\(textRng.int(1...9)) \(textRng.int(1...9))\(textRng.pick(["AB", "DF", "HJ", "LN", "PQ", "RT", "UW", "XY"]))"
    }

    func officer() -> String { rng.pick(Builder.officers) }

    /// A school day between two dates (clamped so nothing is dated after today).
    func day(_ lo: SchoolDate, _ hi: SchoolDate) -> SchoolDate {
        let top = min(hi, today)
        if lo > top { return top }
        if lo < cal.days[0] {
            return cal.weekday(lo.adding(days: rng.int(0...max(0, lo.days(to: top)))))
        }
        return min(cal.random(in: lo, top, &rng), top)
    }

    /// Queue a chronology entry for a case; ids and timestamps come at the end.
    func log(_ caseIndex: Int, _ date: SchoolDate, _ kind: ChronologyEntry.Kind, _ text: String,
             author: String? = nil, contactType: String? = nil, outcome: String? = nil, link: Int64? = nil) {
        let who = author ?? out.cases[caseIndex].owner ?? Builder.officers[caseIndex % Builder.officers.count]
        pending[caseIndex].append(ChronologyEntry(caseRef: out.cases[caseIndex].ref, date: min(date, today),
                                                  recordedAt: "", author: who, kind: kind, text: text,
                                                  contactType: contactType, outcome: outcome, linkId: link))
    }
}
