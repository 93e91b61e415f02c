import OnRollCore

/// What a scenario may fix about a child; everything left nil is drawn at random.
struct ChildSpec {
    var nc: Int? = nil
    var schoolURN: String?? = nil
    var name: (forename: String, surname: String, preferred: String?, boy: Bool)? = nil
    var flags: [ChildFlag]? = nil
    var sen: SENStatus? = nil
    var need: SENNeed? = nil
    /// The carers as (relation, full name), for a scenario whose tests name them.
    var carers: [(relation: String, name: String)]? = nil
}

extension Builder {
    /// NC years 1–11, weighted to secondary as an inclusion caseload is.
    static let ncWeights: [(Int, Int)] = [(1, 2), (2, 2), (3, 3), (4, 3), (5, 4), (6, 5),
                                          (7, 9), (8, 12), (9, 15), (10, 16), (11, 13)]

    /// Adds a child and returns its index in `out.children`.
    @discardableResult
    func addChild(_ spec: ChildSpec = ChildSpec()) -> Int {
        let index = out.children.count
        let ref = "C" + Builder.pad(index + 1, 5)
        let nc = spec.nc ?? rng.weighted(Builder.ncWeights)

        // Date of birth: age on 31 August at the start of this academic year is nc + 4.
        let earliest = SchoolDate(year: year.startYear - nc - 5, month: 9, day: 1)!
        let dob = earliest.adding(days: rng.int(0...364))

        let bg = rng.weighted(Names.backgrounds)
        var forename: String, surname: String, preferred: String?, boy: Bool
        if let n = spec.name {
            (forename, surname, preferred, boy) = n
        } else {
            boy = rng.chance(0.58)   // boys are over-represented in suspension and PRU caseloads
            forename = rng.pick(boy ? bg.boys : bg.girls)
            surname = rng.pick(bg.surnames)
            preferred = nil
            if let short = Names.shortForms[forename], rng.chance(0.6) { preferred = short }
        }

        let school: String?
        if let s = spec.schoolURN { school = s } else { school = pickSchool(nc: nc) }

        var flags: [ChildFlag] = spec.flags ?? []
        if spec.flags == nil {
            if rng.chance(0.06) { flags.append(.LAC) } else if rng.chance(0.05) { flags.append(.CP) }
            else if rng.chance(0.11) { flags.append(.CIN) }
            if rng.chance(0.34) { flags.append(.FSM) }
            if flags.contains(.FSM) || flags.contains(.LAC) || rng.chance(0.05) { flags.append(.PP) }
            if rng.chance(0.04) { flags.append(.YC) }
            if rng.chance(bg.eal) { flags.append(.EAL) }
        }

        let sen = spec.sen ?? rng.weighted([(SENStatus.none, 45), (.support, 38), (.ehcp, 17)])
        var need = spec.need
        if need == nil, sen != .none {
            need = rng.weighted([(SENNeed.SEMH, 40), (.ASD, 22), (.SLCN, 12), (.MLD, 8), (.SPLD, 8), (.OTH, 3),
                                 (.PD, 2), (.HI, 2), (.VI, 1), (sen == .support ? .NSA : .SEMH, 2)])
        }

        let family = spec.carers.map { $0.map { Carer(relation: $0.relation, name: $0.name, phone: phone()) } }
            ?? drawCarers(surname: surname, flags: flags)
        childCarers.append(family)
        let child = Child(ref: ref, upn: makeUPN(index: index, dob: dob), forename: forename, surname: surname,
                          preferredName: preferred, dob: dob, sex: boy ? .male : .female, schoolURN: school,
                          sen: sen, senNeed: need, flags: FlagSet(flags),
                          strengths: textRng.chance(0.9) ? phrases(Phrases.strengths, 1...2) : nil,
                          interests: textRng.chance(0.85) ? phrases(Phrases.interests, 1...3) : nil,
                          pupilVoice: textRng.chance(0.75) ? pupilVoice(family) : nil,
                          parentVoice: textRng.chance(0.75) ? parentVoice(child: index, boy: boy, nc: nc) : nil,
                          contacts: contactsField(family))
        out.children.append(child)
        childHasAttendance.append(false)
        childHasOutOfSchool.append(false)
        childRecord.append(nil)
        childDeletion.append(nil)
        return index
    }

    func pickSchool(nc: Int) -> String {
        if rng.chance(0.04), !specials.isEmpty { return rng.pick(specials).urn }
        return nc <= 6 ? rng.pick(primaries).urn : rng.pick(secondaries).urn
    }

    func phrases(_ pool: [String], _ n: ClosedRange<Int>) -> String {
        textRng.sample(pool, textRng.int(n)).joined(separator: "; ")
    }

    /// The child's own words; the one about a carer names the child's main carer as the child would.
    func pupilVoice(_ family: [Carer]) -> String {
        let line = textRng.pick(Phrases.pupilVoice)
        let main = family[0].relation
        let called = ["Mum", "Dad", "Gran", "Grandad"].contains(main) ? main : "my \(main.lowercased())"
        return line.replacing("{carer}", with: called)
    }

    /// UPN: LA (3) + establishment (4) + year (2) + serial (3), with its check letter.
    /// Establishment and serial come from a bijection of the child's index (multiplying by a number
    /// coprime to 7,000,000), so every UPN is unique up to seven million children without a lookup.
    /// LA numbers 960/961 are fictional (real ones stop below 940). About 10% have no UPN recorded
    /// and 3% a temporary UPN (a letter in position 13).
    func makeUPN(index: Int, dob: SchoolDate) -> UPN? {
        // Spread by index rather than drawn, so the shares hold exactly even in a small sample.
        if (index * 7 + 3) % 10 == 0 { return nil }
        let mixed = ((index + 1) &* 1_234_567) % 7_000_000
        let estab = 2000 + mixed / 1000
        let serial = mixed % 1000
        let la = index % 12 == 4 ? "961" : "960"
        let yy = Builder.pad((dob.year + 5) % 100, 2)
        var body = la + String(estab) + yy + Builder.pad(serial, 3)
        if index % 33 == 5 {
            // Temporary: positions 11–12 stay digits, position 13 becomes a letter (A…K without I).
            let letters: [Character] = Array("ABCDEFGHJK")
            body = String(body.prefix(11)) + String(letters[serial % 10])
        }
        return UPN.withCheckLetter(body: body)
    }
}
