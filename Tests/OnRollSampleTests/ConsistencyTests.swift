import XCTest
import OnRollCore
@testable import OnRollSample

/// A sample a trainer can use (issue 17.6): about as much overdue as a well-run team carries, every
/// mention of a parent or carer is one of the child's own, and every note that says when a child was
/// last seen agrees with the dates.
final class ConsistencyTests: XCTestCase {
    // MARK: Overdue share

    /// The case files as the store assembles them (`CaseParts.files`), from the generator's records.
    func caseFiles(_ s: SampleCaseload) -> [CaseFile] {
        let children = Dictionary(uniqueKeysWithValues: s.children.map { ($0.ref, $0) })
        let schools = Dictionary(uniqueKeysWithValues: s.schools.map { ($0.urn, $0) })
        let suspensions = Dictionary(grouping: s.suspensions, by: \.childRef).mapValues { $0.sorted { ($0.start, $0.id ?? 0) < ($1.start, $1.id ?? 0) } }
        let reflections = Dictionary(uniqueKeysWithValues: s.reflections.map { ($0.suspensionId, $0) })
        let attendance = Dictionary(grouping: s.attendance, by: \.childRef)
        let actions = Dictionary(grouping: s.actions, by: \.caseRef)
        let chronology = Dictionary(grouping: s.chronology, by: \.caseRef)
        let plans = Dictionary(grouping: s.plans, by: \.caseRef)
        let phases = Dictionary(grouping: s.phases, by: \.planId)
        let reviews = Dictionary(grouping: s.reviews, by: \.planId)
        let team = Dictionary(grouping: s.team, by: \.caseRef)
        let oos = Dictionary(uniqueKeysWithValues: s.outOfSchool.map { ($0.childRef, $0) })
        let deletions = Dictionary(grouping: s.deletions, by: \.childRef)
        return s.cases.map { c in
            let child = children[c.childRef]!
            let sus = suspensions[c.childRef] ?? []
            var refl: [Int64: Reflection] = [:]
            for x in sus { if let id = x.id, let r = reflections[id] { refl[id] = r } }
            return CaseFile(case: c, child: child, school: child.schoolURN.flatMap { schools[$0] }, suspensions: sus,
                            reflections: refl, attendance: attendance[c.childRef] ?? [], actions: actions[c.ref] ?? [],
                            chronology: chronology[c.ref] ?? [],
                            plans: (plans[c.ref] ?? []).map { PlanDetail(plan: $0, phases: phases[$0.id!] ?? [], reviews: reviews[$0.id!] ?? []) },
                            team: team[c.ref] ?? [], outOfSchool: oos[c.childRef], deletions: deletions[c.childRef] ?? [])
        }
    }

    /// Overdue by the app's own rule (`AssessedCase.isOverdue`: a deadline, the review or an action
    /// overdue, or a breach), on the sample's today: between 10% and 20% of the open cases.
    func testOverdueShareOfOpenCasesIsTenToTwentyPercent() {
        let calendar = SchoolCalendar(rows: sample.terms)
        let open = caseFiles(sample).filter(\.case.isOpen)
        let overdue = open.filter {
            AssessedCase(file: $0, assessment: CaseAssessment.assess(file: $0, calendar: calendar, today: today)).isOverdue
        }
        let share = Double(overdue.count) / Double(open.count)
        XCTAssertTrue((0.10...0.20).contains(share), "\(overdue.count) of \(open.count) open cases overdue")
        // The hand-built overdue situations are still among them.
        let refs = Set(overdue.map(\.case.ref))
        for (name, surname) in [("Kacper", "Wójcik"), ("Ruby", "Walker"), ("Andrei", "Munteanu"), ("Maja", "Nowak"), ("Arjun", "Sharma")] {
            let child = sample.children.first { $0.forename == name && $0.surname == surname }!
            XCTAssertTrue(sample.cases.contains { $0.childRef == child.ref && refs.contains($0.ref) }, "\(name) \(surname)'s case is overdue")
        }
    }

    // MARK: Parents and carers

    /// The contacts field as (relation, name): "Mum: Sarah Hart, 07700 900123; …"; the social worker is not a carer.
    func carers(_ child: Child) -> [(relation: String, name: String)] {
        (child.contacts ?? "").split(separator: ";").compactMap { part in
            let bits = part.split(separator: ":", maxSplits: 1)
            guard bits.count == 2 else { return nil }
            let relation = bits[0].trimmingCharacters(in: .whitespaces)
            guard relation != "Social worker" else { return nil }
            let name = bits[1].split(separator: ",")[0].trimmingCharacters(in: .whitespaces)
            return (relation, name)
        }
    }

    /// The relation a word names, as the contacts field spells it.
    static let relationWords: [String: String] = [
        "mum": "Mum", "mother": "Mum", "dad": "Dad", "father": "Dad", "stepdad": "Stepdad", "stepfather": "Stepdad", "gran": "Gran",
        "grandmother": "Gran", "grandad": "Grandad", "grandfather": "Grandad", "aunt": "Aunt",
    ]

    /// Every relation a text mentions ("foster carer" as one).
    func relations(in text: String) -> Set<String> {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        var out = Set(words.compactMap { Self.relationWords[$0] })
        if zip(words, words.dropFirst()).contains(where: { $0 == "foster" && $1 == "carer" }) { out.insert("Foster carer") }
        return out
    }

    func testEveryContactLineNamesOneOfTheChildsCarers() {
        let kids = Dictionary(uniqueKeysWithValues: sample.children.map { ($0.ref, $0) })
        let childOf = Dictionary(uniqueKeysWithValues: sample.cases.map { ($0.ref, kids[$0.childRef]!) })
        var lines = 0
        for e in sample.chronology where e.kind == .contact || e.kind == .seen {
            let family = carers(childOf[e.caseRef]!)
            XCTAssertTrue(family.contains { e.text.contains("\($0.relation) (\($0.name))") },
                          "\(e.caseRef) \(e.date): '\(e.text)' names none of \(family.map(\.name))")
            lines += 1
        }
        XCTAssertGreaterThan(lines, 20)
    }

    /// No text about a child mentions a parent or carer the child does not have, and the CNIS record's
    /// parents, the family's actions and the transfer files' contacts are the child's carers by name.
    func testNoTextMentionsACarerTheChildDoesNotHave() {
        let kids = Dictionary(uniqueKeysWithValues: sample.children.map { ($0.ref, $0) })
        let childOf = Dictionary(uniqueKeysWithValues: sample.cases.map { ($0.ref, kids[$0.childRef]!) })
        func check(_ text: String?, _ child: Child, _ whereFound: String) {
            guard let text else { return }
            let have = Set(carers(child).map(\.relation))
            for r in relations(in: text) {
                XCTAssertTrue(have.contains(r), "\(whereFound) (\(child.ref)): '\(text)' mentions \(r); the child has \(have.sorted())")
            }
            if text.lowercased().contains("parents ") || text.hasPrefix("Parents") {
                XCTAssertGreaterThanOrEqual(have.count, 2, "\(whereFound) (\(child.ref)): '\(text)' speaks of parents")
            }
        }
        for c in sample.children {
            XCTAssertFalse(carers(c).isEmpty, "\(c.ref) has a parent or carer")
            check(c.pupilVoice, c, "pupil voice"); check(c.parentVoice, c, "parent voice")
        }
        for c in sample.cases { check(c.summary, childOf[c.ref]!, "summary of \(c.ref)") }
        for e in sample.chronology {
            check(e.text, childOf[e.caseRef]!, "\(e.caseRef) \(e.date)"); check(e.outcome, childOf[e.caseRef]!, "\(e.caseRef) \(e.date) outcome")
        }
        for a in sample.actions where a.agency == "family" {
            let family = carers(childOf[a.caseRef]!)
            XCTAssertTrue(family.contains { a.owner == "\($0.name) (\($0.relation.lowercased()))" }, "action \(a.id!): \(a.owner ?? "")")
        }
        for r in sample.outOfSchool {
            let names = carers(kids[r.childRef]!).map(\.name)
            for p in [r.parent1Name, r.parent2Name].compactMap({ $0 }) { XCTAssertTrue(names.contains(p), "\(r.childRef): parent \(p) not in \(names)") }
            XCTAssertEqual(r.parent1Name, names.first, r.childRef)
            check(r.educator, kids[r.childRef]!, "educator")
        }
        for file in sample.transfers {
            for p in file.pupils {
                let child = sample.children.first { $0.upn == p.upn }!
                let family = carers(child)
                XCTAssertEqual(p.contacts.map { "\($0.forename ?? "") \($0.surname ?? "")" }, family.map(\.name), child.ref)
            }
        }
    }

    // MARK: When the child was last seen

    func monday(_ d: SchoolDate) -> SchoolDate { d.adding(days: -(d.weekday - 1)) }

    /// The last sighting recorded for a case on or before a date, as `CaseFile.lastContact` reads it.
    func lastSeen(_ c: Case, through date: SchoolDate, _ chronology: [String: [ChronologyEntry]], _ oos: [String: OutOfSchoolRecord]) -> SchoolDate? {
        let logged = (chronology[c.ref] ?? []).filter { ($0.kind == .contact || $0.kind == .seen) && $0.date <= date }.map(\.date).max()
        let record = oos[c.childRef]?.lastSeen.flatMap { $0 <= date ? $0 : nil }
        return [logged, record].compactMap { $0 }.max()
    }

    /// The rule, stated by hand: "seen this week" is the note's week; "seen last week" the week
    /// before; "since the summer" a sighting in July or August with none after; "not seen since D"
    /// exactly D; "no sighting on record" none at all. A summary is read today, so it must hold on
    /// the day the case opened and still hold today.
    func phraseError(_ text: String, on date: SchoolDate, last: SchoolDate?) -> String? {
        let t = text.lowercased()
        if t.contains("seen this week") { return last.map { monday($0) == monday(date) } == true ? nil : "not seen this week" }
        if t.contains("seen last week") { return last.map { monday($0).adding(days: 7) == monday(date) } == true ? nil : "not seen last week" }
        if t.contains("since the summer") { return last.map { [7, 8].contains($0.month) } == true ? nil : "last seen \(last?.iso ?? "never")" }
        if let r = t.range(of: "not seen since ") {
            let rest = String(t[r.upperBound...].prefix { $0 != ";" && $0 != "." && $0 != "," })
            return last.map { $0.long.lowercased() == rest } == true ? nil : "last seen \(last?.iso ?? "never")"
        }
        if t.contains("no sighting on record") { return last == nil ? nil : "seen \(last!.iso)" }
        return nil
    }

    func testEveryTimePhraseAgreesWithTheDates() {
        let chronology = Dictionary(grouping: sample.chronology, by: \.caseRef)
        let oos = Dictionary(uniqueKeysWithValues: sample.outOfSchool.map { ($0.childRef, $0) })
        let kids = Dictionary(uniqueKeysWithValues: sample.children.map { ($0.ref, $0) })
        var phrases = 0
        let cases = Dictionary(uniqueKeysWithValues: sample.cases.map { ($0.ref, $0) })
        for e in sample.chronology {
            let c = cases[e.caseRef]!
            for text in [e.text, e.outcome].compactMap({ $0 }) {
                if let err = phraseError(text, on: e.date, last: lastSeen(c, through: e.date, chronology, oos)) {
                    XCTFail("\(c.ref) \(e.date.iso): '\(text)': \(err)")
                }
                if text.contains("moved in the summer") {
                    XCTAssertTrue([7, 8].contains(oos[c.childRef]?.lastSeen?.month ?? 0), "\(c.ref): '\(text)' but last seen \(oos[c.childRef]?.lastSeen?.iso ?? "never")")
                }
            }
        }
        for c in sample.cases {
            guard let s = c.summary else { continue }
            for d in [c.opened, c.closedOn ?? today] {
                if let err = phraseError(s, on: d, last: lastSeen(c, through: d, chronology, oos)) { XCTFail("\(c.ref) summary on \(d.iso): '\(s)': \(err)") }
            }
            if s.lowercased().contains("seen") { phrases += 1 }
            // A time the summary names came before the case opened.
            if s.contains("since the Easter holidays") { XCTAssertTrue((4...7).contains(c.opened.month), "\(c.ref) opened \(c.opened.iso): '\(s)'") }
            if s.contains("since October half-term") { XCTAssertTrue((11...12).contains(c.opened.month), "\(c.ref) opened \(c.opened.iso): '\(s)'") }
            if s.contains("since moving up to Year 7") {
                XCTAssertEqual(SchoolAge.ncYear(dob: kids[c.childRef]!.dob, in: AcademicYear(containing: c.opened)), 7, "\(c.ref): '\(s)'")
            }
        }
        XCTAssertGreaterThan(phrases, 0, "some summaries say when the child was last seen")
    }
}
