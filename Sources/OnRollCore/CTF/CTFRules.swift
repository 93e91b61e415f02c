/// The rules of a Common Transfer File that need no store: what its destination means, whether a
/// year's totals add up, and what its flags imply. ctf.md and docs/rules.md give the sources.
public enum CTFRules {
    /// The largest file the importer reads. A whole-school CTF of 2,000 pupils with five years of
    /// marks is about 10 MB; anything far beyond that is not a transfer file.
    public static let maxBytes = 50 * 1024 * 1024

    /// The Lost Pupil Database's code: destination LA `XXX`, establishment `XXXX` (destination unknown).
    public static func isLostPupil(lea: String?, estab: String?) -> Bool {
        lea?.uppercased() == "XXX" && estab?.uppercased() == "XXXX"
    }

    /// 24 from "24.0"; nil for text that is not a version.
    public static func majorVersion(_ text: String) -> Int? {
        Int(text.split(separator: ".").first.map(String.init) ?? "")
    }

    /// Why a year's totals do not add up, or nil. Possible sessions are attended + authorised +
    /// unauthorised; a file that counts not-required sessions (X, Y, Z, #, D) in possible may add those,
    /// which only its marks can show.
    public static func totalsProblem(_ a: CTFYearAttendance) -> String? {
        let sum = a.attended + a.authorised + a.unauthorised
        if sum == a.possible { return nil }
        if let m = a.marks, m.notRequired > 0, sum + m.notRequired == a.possible { return nil }
        return "sessions possible \(a.possible) ≠ attended \(a.attended) + authorised \(a.authorised) + unauthorised \(a.unauthorised) = \(sum)"
    }

    /// Why the marks disagree with the totals the file states, or nil: a warning, as the totals are
    /// what the school reported and how positions map to dates is not settled.
    public static func marksProblem(_ a: CTFYearAttendance) -> String? {
        guard let m = a.marks else { return nil }
        if m.attended == a.attended && m.authorised == a.authorised && m.unauthorised == a.unauthorised { return nil }
        return "the marks count \(m.attended) attended, \(m.authorised) authorised, \(m.unauthorised) unauthorised; the totals say \(a.attended), \(a.authorised), \(a.unauthorised) (the totals are kept)"
    }

    /// English, English (believed) and "not obtained"/"refused": none of them suggests EAL.
    static let notEAL: Set<String> = ["ENG", "ENB", "NOT", "REF"]

    /// A language other than English recorded: English as an additional language (a heuristic, as
    /// the CTF records languages, not EAL).
    public static func suggestsEAL(_ languages: [String]) -> Bool {
        languages.contains { !notEAL.contains($0.uppercased()) }
    }

    /// Free school meals now: an FSM spell with no end date, or one ending on or after the file's date.
    public static func hasCurrentFSM(_ spells: [CTFFSMSpell], on date: SchoolDate?) -> Bool {
        spells.contains { s in s.end == nil || (date.map { s.end! >= $0 } ?? false) }
    }

    /// The academic year a `YearData/Year` names: "2025", "2025/26", "2025-26" or "2025-2026" (the year
    /// it starts in, as CTF files give it).
    public static func academicYear(_ text: String) -> AcademicYear? {
        let t = text.trimmingSpaces
        if t.count == 4, let y = Int(t) { return AcademicYear(startYear: y) }
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let e = Int(parts[1]) else { return nil }
        guard e == y + 1 || e == (y + 1) % 100 else { return nil }
        return AcademicYear(startYear: y)
    }

    /// `NCyearActual` values the census uses: nursery (N1, N2), reception (R), 1–14, and X (no year).
    public static func isNCYear(_ text: String) -> Bool {
        if ["N1", "N2", "R", "X"].contains(text.uppercased()) { return true }
        return Int(text).map { (1...14).contains($0) } ?? false
    }
}

/// A year's attendance marks, either format: one character per session before CTF 24, a comma-separated
/// list from CTF 24 (so two-character codes like C1, J1 and Y1–Y7 fit). The format is detected from the
/// text, never assumed from the version.
public struct AttendanceMarks: Sendable, Hashable {
    public enum Format: String, Sendable { case single, commaSeparated }

    public var format: Format
    public var codes: [String]
    public var attended = 0
    public var authorised = 0
    public var unauthorised = 0
    /// Not counted in possible sessions: X, Y, Y1–Y7, Z, #, D, Q.
    public var notRequired = 0
    /// "-" (no mark) and blanks.
    public var unmarked = 0
    /// Codes OnRoll does not know, kept so the import can warn about them.
    public var unknown: [String] = []

    static let present: Set<String> = ["/", "\\", "L", "K", "V", "P", "W", "B"]
    static let authorisedCodes: Set<String> = ["C", "C1", "C2", "M", "J", "J1", "S", "T", "R", "I", "E", "H", "F"]
    static let unauthorisedCodes: Set<String> = ["G", "N", "O", "U"]
    static let notRequiredCodes: Set<String> = ["X", "Y", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Z", "#", "D", "Q"]

    public init(_ text: String) {
        if text.contains(",") {
            format = .commaSeparated
            codes = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces.uppercased() }
        } else {
            format = .single
            codes = text.filter { !$0.isWhitespace }.map { String($0).uppercased() }
        }
        for c in codes {
            if Self.present.contains(c) { attended += 1 }
            else if Self.authorisedCodes.contains(c) { authorised += 1 }
            else if Self.unauthorisedCodes.contains(c) { unauthorised += 1 }
            else if Self.notRequiredCodes.contains(c) { notRequired += 1 }
            else if c.isEmpty || c == "-" { unmarked += 1 }
            else { unknown.append(c) }
        }
    }

    /// Sessions the marks count as possible.
    public var possible: Int { attended + authorised + unauthorised }
}
