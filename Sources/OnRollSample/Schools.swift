import OnRollCore

/// The fictional county of Westmarch: secondaries in ten trusts plus maintained schools, primaries,
/// a PRU, an AP provider and a special school.
enum Schools {
    static let pru = "140900"
    static let ap = "140901"
    static let special = "140902"

    static let fixed: [School] = [
        School(urn: "140101", name: "Hillcrest Academy", phase: .secondary, type: .academy, trust: "Northern Lights Trust", roll: 1320),
        School(urn: "140102", name: "Kingsmead School", phase: .secondary, type: .academy, trust: "Riverbend Learning Trust", roll: 1105),
        School(urn: "140103", name: "St Aldhelm's Catholic High", phase: .secondary, type: .academy, trust: "St Cuthbert Catholic Trust", roll: 980),
        School(urn: "140104", name: "Westmarch Academy", phase: .secondary, type: .academy, trust: "Beacon Schools Partnership", roll: 1560),
        School(urn: "140105", name: "Millbrook Community College", phase: .secondary, type: .academy, trust: "Millbrook Education Trust", roll: 870),
        School(urn: "140106", name: "Oakfield School", phase: .secondary, type: .academy, trust: "Greenway Academies", roll: 1210),
        School(urn: "140107", name: "Harbour View Academy", phase: .secondary, type: .free, trust: "Coastline Trust", roll: 640),
        School(urn: "140108", name: "Castle Rise School", phase: .secondary, type: .academy, trust: "Castle Learning Partnership", roll: 1045),
        School(urn: "140109", name: "Thornbury Grammar", phase: .secondary, type: .academy, trust: "Thornbury Foundation Trust", roll: 1150),
        School(urn: "140110", name: "Ashford Vale Academy", phase: .secondary, type: .academy, trust: "Vale Schools Trust", roll: 930),
        School(urn: "140111", name: "Northgate Academy", phase: .secondary, type: .academy, trust: "Northern Lights Trust", roll: 1010),
        School(urn: "140112", name: "Brookside High School", phase: .secondary, type: .maintained, trust: nil, roll: 760),
        School(urn: "140113", name: "Fenwick Park School", phase: .secondary, type: .maintained, trust: nil, roll: 820),
        School(urn: "140201", name: "Riverside Primary", phase: .primary, type: .maintained, trust: nil, roll: 315),
        School(urn: "140202", name: "Elm Tree Primary", phase: .primary, type: .maintained, trust: nil, roll: 210),
        School(urn: "140203", name: "St Mary's CE Primary", phase: .primary, type: .maintained, trust: nil, roll: 190),
        School(urn: "140204", name: "Larkspur Primary Academy", phase: .primary, type: .academy, trust: "Riverbend Learning Trust", roll: 420),
        School(urn: "140205", name: "Meadowbank Primary", phase: .primary, type: .academy, trust: "Beacon Schools Partnership", roll: 380),
        School(urn: "140206", name: "Harbour Infant and Junior", phase: .primary, type: .maintained, trust: nil, roll: 445),
        School(urn: pru, name: "Westmarch Pupil Referral Unit", phase: .ap, type: .pru, trust: nil, roll: 64),
        School(urn: ap, name: "Horizons Alternative Provision", phase: .ap, type: .ap, trust: nil, roll: 38),
        School(urn: special, name: "Willowdene Special School", phase: .special, type: .special, trust: nil, roll: 148),
    ]

    static var secondaries: [School] { fixed.filter { $0.phase == .secondary } }
    static var primaries: [School] { fixed.filter { $0.phase == .primary } }

    /// More schools for a large authority: about one per 40 cases beyond the fixed set.
    static func all(forCases n: Int, rng: inout SplitMix) -> [School] {
        var out = fixed
        let extra = max(0, n / 40 - fixed.count)
        let trusts = ["Northern Lights Trust", "Riverbend Learning Trust", "Beacon Schools Partnership", "Greenway Academies", nil]
        for i in 0..<extra {
            let secondary = i % 3 == 0
            out.append(School(urn: String(150_000 + i), name: "\(secondary ? "Westmarch Secondary" : "Westmarch Primary") \(i + 1)",
                              phase: secondary ? .secondary : .primary, type: rng.chance(0.6) ? .academy : .maintained,
                              trust: rng.pick(trusts), roll: secondary ? rng.int(600...1600) : rng.int(180...450)))
        }
        return out
    }
}

/// Example term dates for 2025/26 and 2026/27: an ordinary English pattern with INSET days, a May
/// bank holiday and a half-day closure. An example only: authorities and academies set their own.
enum Terms {
    static func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }
    static func c(_ s: String, half: Bool = false) -> Closure { Closure(from: d(s), to: d(s), halfDay: half) }

    static func all() -> [TermDates] {
        let y25 = AcademicYear(startYear: 2025), y26 = AcademicYear(startYear: 2026)
        let rows: [TermDates] = [
            TermDates(academicYear: y25, term: .autumn, start: d("2025-09-02"), end: d("2025-10-24"), closures: [c("2025-09-02")]),
            TermDates(academicYear: y25, term: .autumn, start: d("2025-11-03"), end: d("2025-12-19"), closures: [c("2025-11-03"), c("2025-12-19", half: true)]),
            TermDates(academicYear: y25, term: .spring, start: d("2026-01-05"), end: d("2026-02-13"), closures: [c("2026-01-05")]),
            TermDates(academicYear: y25, term: .spring, start: d("2026-02-23"), end: d("2026-03-27")),
            TermDates(academicYear: y25, term: .summer, start: d("2026-04-13"), end: d("2026-05-22"), closures: [c("2026-05-04")]),
            TermDates(academicYear: y25, term: .summer, start: d("2026-06-01"), end: d("2026-07-21"), closures: [c("2026-07-21")]),
            TermDates(academicYear: y26, term: .autumn, start: d("2026-09-02"), end: d("2026-10-23"), closures: [c("2026-09-02")]),
            TermDates(academicYear: y26, term: .autumn, start: d("2026-11-02"), end: d("2026-12-18"), closures: [c("2026-11-02"), c("2026-12-18", half: true)]),
            TermDates(academicYear: y26, term: .spring, start: d("2027-01-05"), end: d("2027-02-12"), closures: [c("2027-01-05")]),
            TermDates(academicYear: y26, term: .spring, start: d("2027-02-22"), end: d("2027-03-25")),
            TermDates(academicYear: y26, term: .summer, start: d("2027-04-12"), end: d("2027-05-28"), closures: [c("2027-05-03")]),
            TermDates(academicYear: y26, term: .summer, start: d("2027-06-07"), end: d("2027-07-21"), closures: [c("2027-07-21")]),
        ]
        return rows.enumerated().map { i, r in var x = r; x.id = Int64(i + 1); return x }
    }
}
