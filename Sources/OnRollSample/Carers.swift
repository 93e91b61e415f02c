import OnRollCore

/// The adults a child lives with, drawn once per child so every line that mentions them (the contacts
/// field, the CNIS record's parents, the home visits, the voices, a CTF's contacts) names the same people.
struct Carer: Hashable {
    /// As the contacts field writes it: Mum, Dad, Stepdad, Grandad, Gran, Aunt, Foster carer.
    var relation: String
    var name: String
    var phone: String

    var isWoman: Bool { Names.women.contains(String(name.prefix { $0 != " " })) }
    var isParent: Bool { ["Mum", "Dad", "Stepdad"].contains(relation) }
    /// "mum", "foster carer": as a sentence names them after "spoke to".
    var lower: String { relation.lowercased() }
    /// "Mum (Sarah Hart)".
    var labelled: String { "\(relation) (\(name))" }
    /// The relationship in a Common Transfer File's words.
    var ctfRelationship: String {
        switch relation {
        case "Mum": "Mother"
        case "Dad": "Father"
        case "Stepdad": "Step-parent"
        case "Gran", "Grandad": "Grandparent"
        case "Foster carer": "Foster carer"
        default: "Other relative"
        }
    }
    /// The educator a CNIS record names when this carer home educates.
    var educator: String {
        switch relation {
        case "Mum": "Mother"
        case "Dad": "Father"
        case "Stepdad": "Stepfather"
        case "Gran": "Grandmother"
        case "Grandad": "Grandfather"
        default: relation
        }
    }
}

extension Builder {
    /// The child's carers, first the main one.
    func carers(_ child: Int) -> [Carer] { childCarers[child] }

    /// "Mum and Dad", "Gran", "the foster carer": who a sentence says spoke or decided.
    func family(_ child: Int) -> String {
        let cs = childCarers[child]
        if cs.first?.relation == "Foster carer" { return "the foster carer" }
        return cs.map(\.relation).joined(separator: " and ")
    }

    func drawCarers(surname: String, flags: [ChildFlag]) -> [Carer] {
        if flags.contains(.LAC) {
            return [Carer(relation: "Foster carer",
                          name: "\(textRng.pick(Names.adultForenames)) \(textRng.pick(["Morgan", "Hill", "Bennett", "Shah", "Adeyemi"]))",
                          phone: phone())]
        }
        func person(_ relation: String) -> Carer {
            let woman = ["Mum", "Gran", "Aunt"].contains(relation)
            let name = textRng.pick(woman ? Names.women : Names.men)
            let family = relation == "Stepdad" || textRng.chance(0.15) ? textRng.pick(["Cole", "Mensah", "Hart", "Novak"]) : surname
            return Carer(relation: relation, name: "\(name) \(family)", phone: phone())
        }
        let first = person(textRng.pick(["Mum", "Mum", "Mum", "Dad", "Gran", "Aunt"]))
        if textRng.chance(0.45) {
            return [first, person(first.relation == "Mum" ? textRng.pick(["Dad", "Stepdad", "Grandad"]) : "Mum")]
        }
        return [first]
    }

    /// The contacts field: "Mum: Sarah Hart, 07700 900123; Dad: …". A looked-after child's also names
    /// the social worker.
    func contactsField(_ cs: [Carer]) -> String {
        var parts = cs.map { "\($0.relation): \($0.name), \($0.phone)" }
        if cs.first?.relation == "Foster carer" {
            parts.append("Social worker: \(textRng.pick(Names.adultForenames)) Grey (Westmarch Children's Services)")
        }
        return parts.joined(separator: "; ")
    }

    /// What the parents or carers say, in the words of the carer who said it and with the child's pronoun.
    func parentVoice(child: Int, boy: Bool, nc: Int) -> String {
        let cs = childCarers[child]
        let main = cs[0].relation
        let he = boy ? "he" : "she", him = boy ? "him" : "her", his = boy ? "his" : "her"
        let who = cs.count > 1 ? "\(cs[0].relation) and \(cs[1].relation.lowercased())" : main
        var pool = [
            "\(main) says \(he) is a different child at home: calm, funny and helpful.",
            "\(main) feels school only ever calls with bad news.",
            "\(main) wants a plan that starts small and builds up.",
            "\(who) worried the part-time timetable has gone on too long.",
            "\(main) says the morning routine is a battle every day.",
            "\(main) asks for one named person to contact at school.",
            "\(who) feel their concerns about SEN were not heard.",
            "\(main) reports \(he) sleeps badly before school days.",
            "\(main) is exhausted and would welcome early help support.",
            "\(main) says the last reintegration meeting felt like a telling-off.",
            "\(who) keen for an EHC needs assessment.",
            "\(main) wants \(him) kept away from older peers in the town centre.",
            "\(main) says \(his) confidence has gone since the last suspension.",
        ]
        if nc >= 7 { pool.append("\(main) says the anxiety started after the move to Year 7.") }
        if main == "Foster carer" { pool.append("Foster carer very positive about the PRU's small classes.") }
        return textRng.pick(pool)
    }
}
