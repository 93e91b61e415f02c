import OnRollCore

/// Makes the Westmarch sample caseload. The same seed and size always give the same records.
///
/// The first cases are written as scenarios an officer would recognise (a pupil at exactly 45 days,
/// one past it, a permanent exclusion part-way through its steps, a PRU with plans in every state,
/// a child deleted from roll to nobody knows where…); the rest are varied at random around them.
public enum SampleGenerator {
    public static func make(cases: Int = 180, seed: UInt64 = 2026, today: SchoolDate = try! SchoolDate.parse("2026-11-23")) -> SampleCaseload {
        var b = Builder(seed: seed, today: today, cases: max(cases, 40))
        b.build()
        return b.out
    }
}

struct Builder {
    var rng: SplitMix
    let today: SchoolDate
    let target: Int
    var out = SampleCaseload()
    let calendar: SchoolCalendar
    let schoolDays: [SchoolDate]
    var childSeq = 0, caseSeq = 0, chronSeq: Int64 = 0, actionSeq: Int64 = 0, susSeq: Int64 = 0, attSeq: Int64 = 0
    var planSeq: Int64 = 0, phaseSeq: Int64 = 0, reviewSeq: Int64 = 0, proSeq: Int64 = 0, delSeq: Int64 = 0
    var usedScripted = 0

    init(seed: UInt64, today: SchoolDate, cases: Int) {
        rng = SplitMix(seed: seed)
        self.today = today
        target = cases
        let terms = Terms.all()
        calendar = SchoolCalendar(rows: terms)
        var days: [SchoolDate] = []
        var d = terms.first!.start
        while d <= terms.last!.end {
            if (try? calendar.isSchoolDay(d)) == true { days.append(d) }
            d = d.adding(days: 1)
        }
        schoolDays = days
        out.terms = terms
    }

    // MARK: Helpers

    func d(_ s: String) -> SchoolDate { try! SchoolDate.parse(s) }

    /// A school day between two dates (inclusive), or `from` when there is none.
    mutating func schoolDay(_ from: SchoolDate, _ to: SchoolDate) -> SchoolDate {
        let pool = schoolDays.filter { $0 >= from && $0 <= to }
        return pool.isEmpty ? from : rng.pick(pool)
    }

    mutating func stamp(_ date: SchoolDate) -> String {
        "\(date.iso)T\(String(8 + rng.int(9)).leftPadded(2, "0")):\(String(rng.int(60)).leftPadded(2, "0")):00Z"
    }

    mutating func chron(_ ref: String, _ date: SchoolDate, _ kind: ChronologyEntry.Kind, _ text: String, author: String? = nil,
                        type: String? = nil, outcome: String? = nil, link: Int64? = nil) {
        chronSeq += 1
        out.chronology.append(ChronologyEntry(id: chronSeq, caseRef: ref, date: date, recordedAt: stamp(date),
                                              author: author ?? rng.pick(Names.officers), kind: kind, text: text,
                                              contactType: type, outcome: outcome, linkId: link))
    }

    mutating func newChild(school: String?, year: Int, flags: [ChildFlag] = [], sen: SENStatus? = nil, scripted: Bool = false) -> Child {
        childSeq += 1
        let ref = "C" + String(childSeq).leftPadded(5, "0")
        let girl = rng.chance(0.48)
        var forename: String, surname: String, preferred: String?
        if scripted || (usedScripted < Names.scripted.count && rng.chance(0.06)) {
            let s = Names.scripted[usedScripted % Names.scripted.count]
            usedScripted += 1
            (forename, surname, preferred) = (s.forename, s.surname, s.preferred)
        } else {
            let pool = rng.chance(0.45) ? Names.pools[0] : rng.pick(Names.pools)
            forename = rng.pick(girl ? pool.girls : pool.boys)
            surname = rng.pick(pool.surnames)
            preferred = Names.preferredFor[forename].flatMap { rng.chance(0.7) ? $0 : nil }
        }
        // NC year y in 2026/27 means age y + 4 on 31 Aug 2026.
        let birthYear = 2026 - (year + 4) - 1
        let dob = SchoolDate(year: birthYear, month: 9, day: 1)!.adding(days: rng.int(365))
        let senStatus = sen ?? (rng.chance(0.3) ? .support : rng.chance(0.12) ? .ehcp : SENStatus.none)
        let need: SENNeed? = senStatus == .none ? nil : rng.pick([.SEMH, .SEMH, .SEMH, .ASD, .ASD, .SLCN, .SPLD, .MLD, .OTH])
        var fl = Set(flags)
        if rng.chance(0.35) { fl.insert(.FSM) }
        if fl.contains(.FSM) || rng.chance(0.1) { fl.insert(.PP) }
        if rng.chance(0.12) { fl.insert(.EAL) }
        if rng.chance(0.04) { fl.insert(.YC) }
        if flags.isEmpty, rng.chance(0.05) { fl.insert(.CIN) }
        var upn: UPN?
        if rng.chance(0.9) {
            let body = "938" + String(4000 + rng.int(999)) + String(birthYear % 100 + 5).leftPadded(2, "0") + String(childSeq % 1000).leftPadded(3, "0")
            upn = rng.chance(0.03)
                ? UPN.withCheckLetter(body: String(body.prefix(11)) + String(rng.pick(Array("ABCDEFGHJKLMNPQRTUVWXYZ"))))
                : UPN.withCheckLetter(body: body)
        }
        let parent = rng.pick(["Mum", "Dad", "Grandmother", "Foster carer", "Aunt", "Mum and stepdad"])
        let c = Child(ref: ref, upn: upn, forename: forename, surname: surname, preferredName: preferred, dob: dob,
                      sex: girl ? .female : .male, schoolURN: school, sen: senStatus, senNeed: need, flags: FlagSet(fl),
                      strengths: rng.chance(0.92) ? rng.pick(Phrases.strengths) : nil,
                      interests: rng.chance(0.7) ? "\(rng.pick(Phrases.interests)), \(rng.pick(Phrases.interests))" : nil,
                      pupilVoice: rng.chance(0.8) ? rng.pick(Phrases.pupilVoice) : nil,
                      parentVoice: rng.chance(0.75) ? rng.pick(Phrases.parentVoice) : nil,
                      contacts: "\(fl.contains(.LAC) ? "Foster carer" : parent): 07700 9\(String(rng.int(99999)).leftPadded(5, "0"))")
        out.children.append(c)
        return c
    }

    mutating func newCase(_ child: Child, _ kind: CaseKind, status: CaseStatus = .open, opened: SchoolDate? = nil,
                          review: SchoolDate? = nil, flagged: Bool = false) -> Case {
        caseSeq += 1
        let ref = "WM-" + String(caseSeq).leftPadded(5, "0")
        let open = opened ?? today.adding(days: -rng.int(10...300))
        let owner = rng.pick(Names.officers)
        let next = review ?? today.adding(days: rng.int(-20...45))
        var c = Case(ref: ref, childRef: child.ref, kind: kind, status: status, opened: open, owner: owner,
                     summary: rng.pick(Phrases.summaries[kind.rawValue] ?? ["Referred by school"]),
                     nextReview: status == .closed ? nil : next, flaggedForPanel: flagged)
        chron(ref, open, .opened, "\(kind.label) case opened, owner \(owner)", author: owner)
        let notes = target > 2000 ? 5 : rng.int(4...8)  // about ten chronology lines a case at scale
        for _ in 0..<notes {
            let when = open.adding(days: rng.int(0...max(1, open.days(to: today))))
            if kind.isOutOfSchool {
                let seen = rng.chance(0.3)
                let outcome = seen ? "child seen, well" : rng.pick(Phrases.contactOutcomes)
                chron(ref, when, seen ? .seen : .contact, "\(rng.pick(Phrases.contactTypes).capitalisedFirst): \(outcome)",
                      type: rng.pick(Phrases.contactTypes), outcome: outcome)
            } else {
                chron(ref, when, .note, rng.pick(Phrases.notes))
            }
        }
        if status == .closed {
            c.closedOn = today.adding(days: -rng.int(1...60))
            c.closureReason = rng.pick(["Back in school full time", "Moved out of the authority", "Place at new school secured", "Needs met by school support"])
            chron(ref, c.closedOn!, .closed, "status open → closed (\(c.closureReason!))")
        } else if status == .monitoring || status == .referral {
            chron(ref, open.adding(days: 3), .status, "status open → \(status.rawValue)")
        }
        out.cases.append(c)
        addActions(c)
        addTeam(c)
        return c
    }

    mutating func addActions(_ c: Case) {
        let n = c.status == .closed ? 1 : rng.int(1...4)
        for _ in 0..<n {
            actionSeq += 1
            let (agency, what) = rng.pick(Phrases.actionsByAgency)
            let created = c.opened.adding(days: rng.int(0...max(1, c.opened.days(to: today) / 2)))
            let due = created.adding(days: rng.int(7...60))
            var status: ActionStatus = .open
            var completed: SchoolDate?, outcome: String?
            if c.status == .closed || (due < today && rng.chance(0.55)) {
                status = rng.chance(0.9) ? .done : .cancelled
                completed = min(today, due.adding(days: rng.int(-5...5)))
                outcome = status == .done ? rng.pick(["Completed; shared at review", "Done, family engaged", "Report received"]) : "No longer needed"
            }
            let a = CaseAction(id: actionSeq, caseRef: c.ref, agency: agency, owner: rng.pick(Names.professionals), description: what,
                               due: due, status: status, completed: completed, outcome: outcome, created: created)
            out.actions.append(a)
            chron(c.ref, created, .action, "Action (\(agency)): \(what), due \(due.iso)", link: actionSeq)
            if let done = completed {
                chron(c.ref, done, status == .done ? .actionDone : .actionCancelled, "Action \(status.rawValue) (\(agency)): \(what)", link: actionSeq)
            }
        }
    }

    mutating func addTeam(_ c: Case) {
        guard c.status != .closed else { return }
        let n = rng.int(1...4)
        var agencies = Set<String>()
        for i in 0..<n {
            let agency = rng.pick(["school", "education welfare", "CAMHS", "early help", "social care", "educational psychology", "school nurse", "AP provider"])
            guard agencies.insert(agency).inserted else { continue }
            proSeq += 1
            out.team.append(Professional(id: proSeq, caseRef: c.ref, agency: agency,
                                         role: agency == "school" ? rng.pick(["SENCo", "Head of year", "DSL"]) : rng.pick(["Practitioner", "Caseworker", "Lead worker"]),
                                         name: rng.pick(Names.professionals), contact: "01632 \(String(rng.int(999999)).leftPadded(6, "0"))",
                                         since: c.opened.adding(days: rng.int(0...20)), isLead: i == 0))
        }
    }

    mutating func suspend(_ child: Child, _ start: SchoolDate, _ days: Double, _ reason: ReasonCode, type: SuspensionType = .suspension,
                          reflect: Bool? = nil, notifyAll: Bool = true) -> Suspension {
        susSeq += 1
        var s = Suspension(id: susSeq, childRef: child.ref, start: start, days: days, reason: reason, schoolURN: child.schoolURN, type: type,
                           noticeDate: start, notifiedLA: notifyAll || rng.chance(0.6) ? start : nil)
        if child.flags.contains(.LAC) { s.notifiedVirtualSchool = notifyAll ? start : nil; s.notifiedSocialWorker = start }
        if child.flags.contains(.CP) || child.flags.contains(.CIN) { s.notifiedSocialWorker = notifyAll ? start.adding(days: 1) : nil }
        out.suspensions.append(s)
        if reflect ?? rng.chance(0.5) {
            out.reflections.append(Reflection(suspensionId: susSeq, date: start.adding(days: Int(days.rounded(.up)) + 1),
                                              whatHappened: "Incident: \(reason.label.lowercased())",
                                              triggers: rng.pick(["Unstructured time at lunch", "Supply teacher, change of routine", "Conflict with a peer online", "Tired after a bad night"]),
                                              pupilView: rng.pick(Phrases.pupilVoice), whatWillChange: rng.pick(["Key adult check-in at 8.40", "Pass to leave class to a safe space", "Lunchtime club place"]),
                                              author: rng.pick(Names.officers)))
        }
        return s
    }

    /// Chronology lines for a child's suspensions on each of their cases.
    mutating func chronicleSuspensions(_ child: Child, _ cases: [Case]) {
        for s in out.suspensions where s.childRef == child.ref {
            for c in cases where c.opened <= s.start {
                chron(c.ref, s.start, .suspension, "\(s.type.label) from \(s.start.iso): \(formatDaysSample(s.days)) school days, \(s.reason?.rawValue ?? "")", link: s.id)
            }
        }
    }

    mutating func attend(_ child: Child, missedFraction: Double, records: Int = 2) {
        let periods: [(String, String, Int)] = [("2025-09-02", "2026-07-21", 378), ("2026-09-02", "2026-10-23", 70), ("2026-11-02", "2026-11-20", 28)]
        for (i, p) in periods.suffix(records).enumerated() {
            attSeq += 1
            let possible = p.2
            let frac = i == records - 1 ? missedFraction : max(0, missedFraction + Double(rng.int(-8...4)) / 100)
            let missed = Int((Double(possible) * frac).rounded())
            let unauth = missed / 2
            out.attendance.append(AttendanceRecord(id: attSeq, childRef: child.ref, from: d(p.0), to: d(p.1), possible: possible,
                                                   present: possible - missed, authorised: missed - unauth, unauthorised: unauth))
        }
    }
}

func formatDaysSample(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
