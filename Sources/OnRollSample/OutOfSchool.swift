import OnRollCore

/// Children out of sight: the roll deletion that started it, the CNIS record, and the contacts
/// and enquiries an officer makes.
extension Builder {
    struct OutOfSchoolSpec {
        var ground: String? = nil
        var destination: String?? = nil
        var laNotified: Bool? = nil
        var cpPlan = false
        var s47 = false
        var fromSpecial = false
        /// A child who arrived from elsewhere was never on a Westmarch roll.
        var noDeletion = false
    }

    func outOfSchool(child: Int, case c: Int, _ spec: OutOfSchoolSpec = OutOfSchoolSpec()) {
        let kase = out.cases[c]
        let kid = out.children[child]
        // One CNIS record per child: a second case (off-roll, then CME) shares the first one's.
        if childHasOutOfSchool[child] {
            log(c, kase.opened, .note, "Linked to the child's earlier case; out-of-school record carried over.")
            return
        }
        childHasOutOfSchool[child] = true
        let formerSchool = spec.fromSpecial ? Schools.specialURN
            : (kid.schoolURN ?? (SchoolAge.ncYear(dob: kid.dob, in: year) <= 6 ? rng.pick(primaries).urn : rng.pick(secondaries).urn))
        let deleted = cal.weekday(kase.opened.adding(days: -rng.int(0...10)))

        // The deletion, as the school reported it (or as we found out).
        var ground: String, destination: String?
        switch kase.kind {
        case .ehe: ground = "EHE"; destination = "EHE"
        case .cme:
            ground = rng.pick(["I 20-day absence", "Moved away, destination unknown", "Left the country, not confirmed"])
            destination = nil
        default:
            if rng.chance(0.6) { ground = "EHE"; destination = "EHE" }
            else { ground = "A registered elsewhere"; destination = rng.pick(secondaries).urn }
        }
        if let g = spec.ground { ground = g }
        if let d = spec.destination { destination = d }
        // A CME case can also start with a child arriving from elsewhere: no deletion here then.
        let hasDeletion = !spec.noDeletion && !(kase.kind == .cme && spec.ground == nil && rng.chance(0.2))
        if hasDeletion {
            let notified = spec.laNotified ?? rng.chance(kase.kind == .offroll ? 0.5 : 0.8)
            let id = nextId(out.deletions.count)
            childDeletion[child] = out.deletions.count
            out.deletions.append(RollDeletion(id: id, childRef: kid.ref, schoolURN: formerSchool, date: deleted, ground: ground,
                                              laNotified: notified, notifiedOn: notified ? cal.weekday(deleted.adding(days: rng.int(0...3))) : nil,
                                              destination: destination))
            log(c, deleted, .deletion, "Deleted from the roll of \(schoolNames[formerSchool] ?? formerSchool) (ground: \(ground))"
                + (notified ? "." : "; the school did not notify the authority."), link: id)
        }
        // Off the roll means no current school (unless registered elsewhere).
        out.children[child].schoolURN = (destination?.count == 6) ? destination : nil

        var r = OutOfSchoolRecord(childRef: kid.ref, childAddress: address(), s47Enquiry: spec.s47,
                                  cpPlan: spec.cpPlan || kid.flags.contains(.CP), specialSchool: spec.fromSpecial)
        // The CNIS record's parents are the child's carers (the first two), at the child's address.
        let family = carers(child)
        r.parent1Name = family[0].name
        r.parent1Address = r.childAddress
        if family.count > 1 {
            r.parent2Name = family[1].name
            r.parent2Address = textRng.chance(0.7) ? r.childAddress : address()
        }
        let end = kase.closedOn ?? today
        switch kase.kind {
        case .ehe:
            r.educator = family.count > 1 && textRng.chance(0.4) ? "\(family[0].educator) and \(family[1].educator.lowercased())"
                : family[0].educator + (textRng.chance(0.25) ? ", with a tutor" : "")
            r.educatorHours = Double(rng.int(10...25))
            if textRng.chance(0.5) {
                r.otherProviders = textRng.pick(["Online maths tutor (Tutorly Online, tutorly.example), online, 2 h/week, 2 h unsupervised",
                                                 "Forest school co-op (Mill Farm, Westmarch WM3 4PQ), outdoor, 3 h/week, 3 h unsupervised",
                                                 "Westmarch College 14–16 course (Station Road), college, 6 h/week, 6 h unsupervised"])
            }
            // Annual contact within the last year (a long-running case had an earlier one too).
            r.lastAnnualContact = day(max(kase.opened, today.adding(days: -340)), end)
            r.lastSeen = rng.chance(0.8) ? r.lastAnnualContact : nil
        case .cme:
            r.lastSeen = rng.chance(0.5) ? cal.weekday(deleted.adding(days: -rng.int(10...60))) : nil
            // The enquiry checklist in the usual order, a step every few days from the opening, each made
            // once its day has come; now and then the enquiries stall part-way.
            let stall = rng.chance(0.1) ? rng.int(1...6) : 8
            var d = kase.opened
            func next(_ k: Int) -> SchoolDate? {
                guard k < stall else { return nil }
                d = cal.weekday(d.adding(days: rng.int(1...3)))
                return d <= end ? d : nil
            }
            r.enquirySchool = next(0)
            r.enquiryHomeVisit = r.enquirySchool == nil ? nil : next(1)
            r.enquirySiblings = r.enquiryHomeVisit == nil ? nil : next(2)
            r.enquiryHealth = r.enquirySiblings == nil ? nil : next(3)
            r.enquirySocialCare = r.enquiryHealth == nil ? nil : next(4)
            r.enquiryPolice = r.enquirySocialCare == nil ? nil : next(5)
            r.enquiryOtherLA = r.enquiryPolice == nil ? nil : next(6)
            // The lost pupil database at the 20-school-day point, if tracing has not found the child by then.
            if r.enquiryOtherLA != nil, stall == 8 {
                let upload = cal.forward(rng.int(17...20), from: kase.opened)
                r.lostPupilDatabase = upload <= end ? max(upload, r.enquiryOtherLA!) : nil
            }
        default:
            r.lastSeen = day(kase.opened, end)
            if destination == "EHE" { r.educator = family[0].educator; r.educatorHours = Double(rng.int(5...15)) }
        }
        childRecord[child] = out.outOfSchool.count
        out.outOfSchool.append(r)
        contacts(case: c, record: r)
    }

    /// Contacts and enquiries in the chronology, matching the record's checklist.
    func contacts(case c: Int, record r: OutOfSchoolRecord) {
        let kase = out.cases[c]
        let end = kase.closedOn ?? today
        let family = carers(caseChild[c])
        // A neighbour's "moved in the summer" only when the child was last seen in the summer holidays.
        let summer = r.lastSeen.map { cal.isSummerHoliday($0) } ?? false
        let neighbour = summer ? "Neighbour says the family moved in the summer" : "Neighbour thinks the family have moved away"
        let checks: [(SchoolDate?, String, String)] = [
            (r.enquirySchool, "school enquiry", "Previous school: no forwarding details"),
            (r.enquiryHomeVisit, "home visit", textRng.pick(["No reply; card left", neighbour])),
            (r.enquirySiblings, "school enquiry", "Siblings' schools checked: not on roll"),
            (r.enquiryHealth, "health enquiry", "Registered with a GP in Westmarch; no recent appointments"),
            (r.enquirySocialCare, "social care check", "Not open to children's social care"),
            (r.enquiryPolice, "police check", "No information held"),
            (r.enquiryOtherLA, "other LA enquiry", "Enquiry sent to the neighbouring authority; awaiting reply"),
            (r.lostPupilDatabase, "lost pupil database", "Uploaded to the S2S lost pupil database"),
        ]
        for (d, type, outcome) in checks { if let d { log(c, d, .enquiry, "CME enquiry: \(type).", contactType: type, outcome: outcome) } }
        if kase.kind != .cme {
            for _ in 0..<rng.int(1...3) {
                let type = rng.pick(["home visit", "phone call", "letter", "email", "home visit"])
                let seen = type == "home visit" && rng.chance(0.7)
                // Every contact is with one of the child's own carers, named as the contacts field names them.
                let who = family[textRng.int(0...(family.count - 1))]
                let outcome: String = switch type {
                case "home visit" where seen:
                    textRng.pick(["Seen at home with \(who.lower); learning space and recent work seen", "Child seen and spoken to alone; happy and well"])
                case "home visit": "No answer; card left for \(who.lower)"
                case "phone call": textRng.pick(["Spoke to \(who.lower); visit booked", "No answer; voicemail left for \(who.lower)"])
                case "letter": "Letter sent to \(who.lower) offering a visit"
                default: "Emailed \(who.lower) offering a visit"
                }
                let with = type == "letter" || type == "email" ? "to" : "with"
                log(c, day(kase.opened, end), seen ? .seen : .contact, "\(type.capitalisedFirst) \(with) \(who.labelled).",
                    contactType: type, outcome: outcome)
            }
        }
        if let seen = r.lastSeen, seen >= kase.opened, kase.kind == .ehe {
            log(c, seen, .seen, "Annual contact: home visit with \(family[0].labelled).", contactType: "home visit",
                outcome: "Education seen; suitable at this stage")
        }
    }
}
