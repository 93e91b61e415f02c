import OnRollCore

/// Westmarch's schools. The fixed list is the default sample; larger caseloads add schools
/// (about one per 40 cases) so per-school reports keep realistic sizes.
enum Schools {
    static let trusts = [
        "Westmarch Learning Trust", "Oakridge Academies Trust", "Riverline Education Partnership",
        "Vale Schools Trust", "Meridian Learning Trust", "Northgate Free Schools Trust", "Greenway Academies",
        "Beacon Education Trust", "Lantern Trust", "St Aldric Catholic Education Trust",
        "Kestrel Multi-Academy Trust", "Heathland Partnership Trust",
    ]

    /// The fixed schools. URNs are six digits from 140001 (fictional; real URNs are not reused).
    static let fixed: [School] = [
        // Secondaries: eleven academies across ten trusts (Westmarch Learning Trust runs two)…
        School(urn: "140001", name: "Kingsmead Academy", phase: .secondary, type: .academy, trust: trusts[0], roll: 1450),
        School(urn: "140002", name: "Caldwell Academy", phase: .secondary, type: .academy, trust: trusts[0], roll: 980),
        School(urn: "140003", name: "Brackenfield Academy", phase: .secondary, type: .academy, trust: trusts[1], roll: 1210),
        School(urn: "140004", name: "Millbrook School", phase: .secondary, type: .academy, trust: trusts[2], roll: 1560),
        School(urn: "140005", name: "Thornbury Vale Academy", phase: .secondary, type: .academy, trust: trusts[3], roll: 870),
        School(urn: "140006", name: "Harcourt Park Academy", phase: .secondary, type: .academy, trust: trusts[4], roll: 1100),
        School(urn: "140007", name: "Ashcombe Free School", phase: .secondary, type: .free, trust: trusts[5], roll: 640),
        School(urn: "140008", name: "Elmstead Community Academy", phase: .secondary, type: .academy, trust: trusts[6], roll: 1320),
        School(urn: "140009", name: "Fenwick High School", phase: .secondary, type: .academy, trust: trusts[7], roll: 1040),
        School(urn: "140010", name: "Redhill Grange Academy", phase: .secondary, type: .academy, trust: trusts[8], roll: 760),
        School(urn: "140011", name: "St Aldric's Catholic High School", phase: .secondary, type: .academy, trust: trusts[9], roll: 1180),
        // …and two the authority still maintains.
        School(urn: "140012", name: "Marsh Lane Community School", phase: .secondary, type: .maintained, roll: 690),
        School(urn: "140013", name: "Hollins Bridge High School", phase: .secondary, type: .maintained, roll: 820),
        // Primaries, maintained and academy.
        School(urn: "140021", name: "Larkspur Primary School", phase: .primary, type: .maintained, roll: 410),
        School(urn: "140022", name: "St Brigid's CE Primary School", phase: .primary, type: .maintained, roll: 205),
        School(urn: "140023", name: "Fairoak Primary Academy", phase: .primary, type: .academy, trust: trusts[0], roll: 420),
        School(urn: "140024", name: "Copperfield Primary Academy", phase: .primary, type: .academy, trust: trusts[2], roll: 315),
        School(urn: "140025", name: "Whitmoor Primary School", phase: .primary, type: .maintained, roll: 190),
        School(urn: "140026", name: "Beckside Primary Academy", phase: .primary, type: .academy, trust: trusts[1], roll: 385),
        School(urn: "140027", name: "Nettlebed Church of England Primary", phase: .primary, type: .maintained, roll: 240),
        // Specialist and alternative settings.
        School(urn: "140031", name: "The Bridge Centre (Westmarch PRU)", phase: .ap, type: .pru, roll: 62),
        School(urn: "140032", name: "Horizons Alternative Provision", phase: .ap, type: .ap, trust: "Pathways AP Trust", roll: 38),
        School(urn: "140033", name: "Meadowview School", phase: .special, type: .special, roll: 148),
    ]

    static let pruURN = "140031"
    static let apURN = "140032"
    static let specialURN = "140033"

    private static let placeWords = [
        "Ashford", "Birchwood", "Colwell", "Dunmore", "Eastbrook", "Foxley", "Gorsey", "Hazelmere", "Ivybridge",
        "Juniper", "Kingsley", "Longford", "Moorside", "Northfield", "Orchard", "Pennbury", "Queensway", "Rowan",
        "Saltmarsh", "Tollgate", "Upton", "Wickham", "Yarrow", "Alder", "Bramley", "Chalkhill", "Deepdale",
    ]

    /// Extra schools for big caseloads, in a fixed phase mix (mostly primaries, as in a real county).
    static func extra(count: Int, rng: inout Random) -> [School] {
        var out: [School] = []
        for i in 0..<count {
            let urn = String(140_100 + i)
            let place = placeWords[i % placeWords.count] + (i >= placeWords.count ? " \(i / placeWords.count + 1)" : "")
            switch i % 20 {
            case 0..<13:
                let academy = rng.chance(0.45)
                out.append(School(urn: urn, name: "\(place) Primary School", phase: .primary,
                                  type: academy ? .academy : .maintained,
                                  trust: academy ? rng.pick(trusts) : nil, roll: rng.int(180...450)))
            case 13..<18:
                let academy = rng.chance(0.85)
                out.append(School(urn: urn, name: academy ? "\(place) Academy" : "\(place) High School",
                                  phase: .secondary, type: academy ? .academy : .maintained,
                                  trust: academy ? rng.pick(trusts) : nil, roll: rng.int(600...1600)))
            case 18:
                out.append(School(urn: urn, name: "\(place) School", phase: .special, type: .special,
                                  roll: rng.int(90...220)))
            default:
                let pru = i % 40 == 19
                out.append(School(urn: urn, name: pru ? "\(place) Centre (PRU)" : "\(place) Alternative Provision",
                                  phase: .ap, type: pru ? .pru : .ap, trust: pru ? nil : "Pathways AP Trust",
                                  roll: pru ? rng.int(45...80) : rng.int(25...60)))
            }
        }
        return out
    }
}
