import OnRollCore

/// Notes that say when a child was last seen are worded from the dates, never picked from a list,
/// so "not seen since the summer" is only ever written beside a summer sighting.
extension Builder {
    /// The last time case `c`'s child was seen or spoken to on or before `date`, as the rules read it
    /// (`CaseFile.lastContact`): the case's contacts and sightings, and the CNIS record's last-seen date.
    func lastSighting(_ c: Int, through date: SchoolDate) -> SchoolDate? {
        let logged = pending[c].filter { ($0.kind == .seen || $0.kind == .contact) && $0.date <= date }.map(\.date).max()
        let record = childRecord[caseChild[c]].flatMap { out.outOfSchool[$0].lastSeen }.flatMap { $0 <= date ? $0 : nil }
        return [logged, record].compactMap { $0 }.max()
    }

    /// How a note dated `on` words a sighting on `last`: this week, last week, since the summer
    /// holidays, or since the date itself.
    func sinceSeen(_ last: SchoolDate?, on: SchoolDate) -> String {
        guard let last, last <= on else { return "No sighting on record" }
        let weeks = (Terms.mondayOnOrBefore(last).days(to: Terms.mondayOnOrBefore(on))) / 7
        if weeks == 0 { return "Seen this week (\(last.short))" }
        if weeks == 1 { return "Seen last week (\(last.short))" }
        if cal.isSummerHoliday(last) { return "Not seen since the summer holidays" }
        return "Not seen since \(last.long)"
    }

    /// A missing-education case's summary (and so its opening line), from what is known at opening.
    func describeMissing(_ c: Int) {
        let kase = out.cases[c]
        let seen = lastSighting(c, through: today)
        let deletion = childDeletion[caseChild[c]].map { out.deletions[$0] }
        let text: String
        if let s = seen, s <= kase.opened {
            text = "\(sinceSeen(s, on: kase.opened)); family may have moved."
        } else if seen != nil {
            text = "Not on any school roll; the family's plans are not known."
        } else if let d = deletion {
            text = "Deleted from the roll (ground: \(d.ground)); whereabouts unknown."
        } else {
            text = "Arrived in Westmarch with no school place."
        }
        out.cases[c].summary = text
        if let i = pending[c].firstIndex(where: { $0.kind == .opened }) {
            pending[c][i].text = "Case opened (\(kase.kind.label)): \(text)"
        }
    }
}
