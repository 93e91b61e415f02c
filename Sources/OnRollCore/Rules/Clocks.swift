/// Every dated duty on a case, computed from the case file, the school calendar and today.
///
/// Pure: nothing is fetched and nothing is stored. A clock that needs school days the calendar does not
/// hold is never guessed and never thrown: it becomes one `calendar.missing` deadline per missing year,
/// whose detail names the year to import. See docs/rules.md for every rule, figure and source.
public enum Clocks {
    public static func deadlines(for file: CaseFile, calendar: SchoolCalendar, today: SchoolDate) -> [Deadline] {
        let ledger = SuspensionLedger.build(suspensions: file.suspensions, year: AcademicYear(containing: today),
                                            calendar: calendar, lookedAfter: file.child.flags.contains(.LAC))
        return deadlines(for: file, calendar: calendar, today: today, ledger: ledger)
    }

    /// As above, reusing a ledger already built for today's academic year.
    public static func deadlines(for file: CaseFile, calendar: SchoolCalendar, today: SchoolDate,
                                 ledger: SuspensionLedger) -> [Deadline] {
        var b = ClockBuilder(file: file, calendar: calendar, today: today)
        b.suspensions(ledger)
        b.permanentExclusions(ledger)
        b.partTime()
        b.outOfSchool()
        b.ehc()
        b.fairAccess()
        b.offsite()
        b.plans()
        b.caseWork()
        return b.finish()
    }
}

// MARK: - Rule texts (one place, so docs/rules.md and the screens say the same thing)

enum RuleText {
    static let cap = "At most 45 school days of suspension in an academic year (1 Aug–31 Jul), counting every school; OnRoll warns from 35 and flags a breach above 45 (DfE suspension and permanent exclusion guidance 2023)"
    static let day6 = "Full-time provision from the 6th school day of a suspension; back-to-back suspensions add up (DfE suspension guidance 2023; 2014 amendment)"
    static let day1 = "A looked-after child needs full-time provision from the 1st day of a suspension (DfE suspension guidance 2023)"
    static let gov15 = "Governors must consider reinstatement within 15 school days of notice when a pupil's suspensions pass 15 school days in a term; notice is the recorded notice date, else the start of the suspension that passed 15 (DfE suspension guidance 2023)"
    static let gov50 = "Term total over 5 and up to 15 school days: governors meet within 50 school days only if parents make representations (DfE suspension guidance 2023)"
    static let govExam = "A suspension that makes a pupil miss a public exam or national test: governors must consider reinstatement within 15 school days, before the exam if practicable; with the exam's date recorded, by the day before it when that is sooner (DfE suspension guidance 2023)"
    static let day6Notice = "Parents are told of the day-6 provision at least 48 hours before it starts, unless they waive that notice; OnRoll counts dates, so notice is due 2 calendar days before day 6 (DfE suspension and permanent exclusion guidance 2023; domain.md corrections)"
    static let pexDay6 = "The local authority arranges full-time education from the 6th school day of a permanent exclusion (DfE exclusion guidance 2023)"
    static let pexDay1 = "A looked-after child needs full-time provision from the 1st day of an exclusion (DfE exclusion guidance 2023)"
    static let pexGov = "Governors must consider reinstatement within 15 school days of notice of a permanent exclusion (DfE exclusion guidance 2023)"
    static let pexLetter = "Governors' decision is sent to parents without delay: OnRoll allows 1 school day after the meeting (OnRoll choice; the guidance gives no figure)"
    static let pexIRPRequest = "Parents may apply for an independent review within 15 school days of the governors' decision letter (SI 2012/1033; DfE exclusion guidance 2023)"
    static let pexIRPPanel = "The independent review panel meets within 15 school days of the application (SI 2012/1033)"
    static let pexReconsider = "Governors reconsider within 10 school days of notice of the panel's decision where it recommends or quashes; posted first class, notice is deemed given on the 2nd working day after posting, by hand on delivery (SI 2012/1033 reg 17)"
    static let pexOutcome = "Once review ends without reinstatement the pupil leaves the roll; otherwise they are reinstated: record which (DfE exclusion guidance 2023)"
    static let notifyLA = "The school tells the local authority without delay of every suspension and permanent exclusion, whatever its length (since Sept 2022); OnRoll reads 'without delay' as by the start date"
    static let notifySW = "The school tells the child's social worker without delay (CP, CIN or looked after) (DfE suspension guidance 2023); due by the start date"
    static let notifyVSH = "The school tells the Virtual School Head without delay when the child is looked after (DfE suspension guidance 2023); due by the start date"
    static let notifyHomeLA = "The school tells the home authority without delay when the child lives in another LA (DfE suspension guidance 2023); shown only when recorded"
    static let ptEnd = "A part-time timetable is temporary and must have an agreed end date (DfE Working Together to Improve School Attendance 2024)"
    static let ptReview = "A part-time timetable must have a review date and be reviewed by it (DfE Working Together to Improve School Attendance 2024)"
    static let cmeEnquiries = "Reasonable enquiries (school, home visit, siblings, health, social care, police, other LAs) before the 20-school-day point (CME statutory guidance 2024; OnRoll choice of 20 school days)"
    static let cmeLost = "After 20 school days of failed tracing, record the child on the S2S Lost Pupil Database (DfE S2S guide; local practice)"
    static let eheAnnual = "Contact with a home-educating family at least once a year, 12 months after the last annual contact (DfE EHE guidance 2019, non-statutory; OnRoll choice)"
    static let ehc6 = "Decision whether to carry out an EHC needs assessment within 6 weeks of the request (SEND Regulations 2014 reg 5(1))"
    static let ehc16 = "Notice if no EHC plan will be issued within 16 weeks of the request (SEND Regulations 2014; SEND Code of Practice 2015)"
    static let ehc20 = "Final EHC plan within 20 weeks of the request (SEND Regulations 2014 reg 13; SEND Code of Practice 2015)"
    static let ehcAnnual = "An EHC plan is reviewed at least every 12 months (SEND Regulations 2014 reg 18)"
    static let offsiteNotice = "A direction to off-site provision needs written notice to the parents (and the LA where the pupil has an EHC plan) at least 2 school days before its first day (s29A Education Act 2002; SI 2010/1156 reg 3(2))"
    static let offsiteReview = "A review meeting must be held as soon as reasonably practicable when the parents or the LA ask, unless one was held in the 10 weeks before the request; OnRoll allows 10 school days (SI 2010/1156 reg 4A, inserted by SI 2012/2532)"
    static let fairAccess = "A child accepted under the Fair Access Protocol is allocated a place within 20 school days (School Admissions Code 2021)"
    static let planReview = "A reintegration plan is reviewed every agreed number of school days (OnRoll plan setting)"
    static let caseReview = "The case's next review date set by its officer (OnRoll)"
    static let action = "An agreed action's due date (OnRoll)"
    static let calendar = "School-day clocks count the school's stored term dates; OnRoll never guesses school days"
}

// MARK: - Builder

struct ClockBuilder {
    let file: CaseFile
    let calendar: SchoolCalendar
    let today: SchoolDate
    let ref: String
    let flags: FlagSet
    var out: [Deadline] = []
    var missing: [SchoolCalendar.Failure] = []

    init(file: CaseFile, calendar: SchoolCalendar, today: SchoolDate) {
        self.file = file; self.calendar = calendar; self.today = today
        ref = file.case.ref
        flags = file.child.flags
        out.reserveCapacity(8)
    }

    mutating func fail(_ e: SchoolCalendar.Failure) {
        if !missing.contains(e) { missing.append(e) }
    }

    mutating func emit(_ kind: String, _ title: String, due: SchoolDate, done: SchoolDate?, rule: String,
                       detail: String? = nil, informational: Bool = false) {
        out.append(Deadline(kind: kind, title: title, due: due, state: .of(due: due, done: done, today: today),
                            rule: rule, detail: detail, caseRef: ref, informational: informational))
    }

    mutating func emit(_ kind: String, _ title: String, due: SchoolDate, state: DeadlineState, rule: String,
                       detail: String? = nil, informational: Bool = false) {
        out.append(Deadline(kind: kind, title: title, due: due, state: state, rule: rule, detail: detail,
                            caseRef: ref, informational: informational))
    }

    mutating func finish() -> [Deadline] {
        for e in missing {
            let y: AcademicYear
            switch e { case .noTerms(let year): y = year }
            out.append(Deadline(kind: DeadlineKind.calendarMissing, title: "Import \(y) term dates", due: today,
                                state: .noCalendar, rule: RuleText.calendar, detail: e.description, caseRef: ref))
        }
        out.sort { ($0.due, $0.kind, $0.title) < ($1.due, $1.kind, $1.title) }
        return out
    }


    static func describe(_ s: Suspension) -> String {
        let kind = s.isPermanent ? "permanent exclusion" : "suspension of \(formatDays(s.days)) day\(s.days == 1 ? "" : "s")"
        return "\(kind) from \(s.start.long)"
    }

    // MARK: Suspensions

    mutating func suspensions(_ ledger: SuspensionLedger) {
        switch ledger.capStatus {
        case .within: break
        case .over:
            let s = ledger.overCap!
            emit(DeadlineKind.suspensionCap, "45-day cap breached", due: s.start, state: .breached, rule: RuleText.cap,
                 detail: "\(formatDays(ledger.total)) school days in \(ledger.year), \(formatDays(ledger.total - SuspensionLedger.cap)) over the cap; passed by the \(Self.describe(s))")
        case .atCap:
            emit(DeadlineKind.suspensionCap, "At the 45-day cap", due: ledger.year.lastDay, state: .upcoming, rule: RuleText.cap,
                 detail: "45 school days in \(ledger.year): any further suspension this year breaches the cap")
        case .nearing:
            emit(DeadlineKind.suspensionCap, "Nearing the 45-day cap", due: ledger.year.lastDay, state: .upcoming, rule: RuleText.cap,
                 detail: "\(formatDays(ledger.total)) of 45 school days used in \(ledger.year); \(formatDays(ledger.remaining)) left")
        }

        if let e = ledger.calendarError { fail(e) }
        for run in ledger.runs {
            guard let due = run.provisionDue else { continue }
            let detail = run.suspensions.count > 1
                ? "\(run.suspensions.count) back-to-back suspensions, \(formatDays(run.days)) days from \(run.start.long)"
                : Self.describe(run.suspensions[0])
            if run.dayOne {
                emit(DeadlineKind.suspensionDay1, "Day-1 provision (looked after)", due: due, done: run.provisionFrom,
                     rule: RuleText.day1, detail: detail)
            } else {
                emit(DeadlineKind.suspensionDay6, "Day-6 provision", due: due, done: run.provisionFrom,
                     rule: RuleText.day6, detail: detail)
                day6Notice(run, provisionDue: due)
            }
        }

        for t in ledger.terms {
            if let s = t.overFifteen {
                do throws(SchoolCalendar.Failure) {
                    let notice = s.noticeDate ?? s.start
                    let (due, exam) = Self.beforeExam(try calendar.add(15, after: notice), ledger.suspensions.filter {
                        $0.start >= s.start && calendar.term(of: $0.start)?.term == t.term
                    }, after: notice)
                    // Met by a governors' meeting on or after the notice, recorded on this or a later suspension of the term.
                    var met: SchoolDate?
                    for o in ledger.suspensions where o.start >= s.start {
                        guard let g = o.governorsMet, g >= notice else { continue }
                        guard o == s || calendar.term(of: o.start)?.term == t.term else { continue }
                        met = min(met ?? g, g)
                    }
                    emit(DeadlineKind.governors15, "Governors: reinstatement (\(t.term.label) >15 days)", due: due,
                         done: met, rule: RuleText.gov15,
                         detail: "\(formatDays(t.days)) school days in the \(t.term.rawValue) term; notice \(notice.long) (\(s.noticeDate == nil ? "start of the suspension that passed 15" : "recorded notice date"))\(exam)")
                } catch { fail(error) }
            } else if let s = t.overFive {
                do throws(SchoolCalendar.Failure) {
                    let notice = s.noticeDate ?? s.start
                    let due = try calendar.add(50, after: notice)
                    emit(DeadlineKind.governors50, "Governors: representations (\(t.term.label) >5 days)", due: due,
                         done: s.governorsMet, rule: RuleText.gov50,
                         detail: "\(formatDays(t.days)) school days in the \(t.term.rawValue) term; only if parents make representations",
                         informational: true)
                } catch { fail(error) }
            }
        }

        let overFifteen = Set(ledger.terms.compactMap(\.overFifteen))
        for s in ledger.suspensions where s.missesExam && !overFifteen.contains(s) {
            do throws(SchoolCalendar.Failure) {
                let notice = s.noticeDate ?? s.start
                let (due, exam) = Self.beforeExam(try calendar.add(15, after: notice), [s], after: notice)
                emit(DeadlineKind.governorsExam, "Governors: missed exam", due: due, done: s.governorsMet,
                     rule: RuleText.govExam,
                     detail: "\(Self.describe(s))" + (exam.isEmpty ? "; meet before the exam if practicable (record its date)" : exam))
            } catch { fail(error) }
        }

        for s in ledger.suspensions { notifications(s) }
    }

    mutating func notifications(_ s: Suspension) {
        let what = Self.describe(s)
        emit(DeadlineKind.notifyLA, "Tell the LA", due: s.start, done: s.notifiedLA, rule: RuleText.notifyLA, detail: what)
        if flags.contains(.CP) || flags.contains(.CIN) || flags.contains(.LAC) {
            emit(DeadlineKind.notifySocialWorker, "Tell the social worker", due: s.start, done: s.notifiedSocialWorker,
                 rule: RuleText.notifySW, detail: what)
        }
        if flags.contains(.LAC) {
            emit(DeadlineKind.notifyVirtualSchool, "Tell the virtual school head", due: s.start,
                 done: s.notifiedVirtualSchool, rule: RuleText.notifyVSH, detail: what)
        }
        if let h = s.notifiedHomeLA {
            emit(DeadlineKind.notifyHomeLA, "Tell the home LA", due: s.start, done: h, rule: RuleText.notifyHomeLA, detail: what)
        }
    }

    // MARK: Permanent exclusions

    mutating func permanentExclusions(_ ledger: SuspensionLedger) {
        for s in file.suspensions where s.isPermanent && (s.pexOutcome == nil || ledger.year.contains(s.start)) {
            pex(s)
        }
    }

    mutating func pex(_ s: Suspension) {
        let what = Self.describe(s)
        notifications(s)
        do throws(SchoolCalendar.Failure) {
            let d1 = try calendar.schoolDayOnOrAfter(s.start)
            if flags.contains(.LAC) {
                emit(DeadlineKind.pexDay1, "Day-1 provision (looked after)", due: d1, done: s.provisionFrom,
                     rule: RuleText.pexDay1, detail: what)
            } else {
                emit(DeadlineKind.pexDay6, "Day-6 provision (LA)", due: try calendar.add(5, after: d1),
                     done: s.provisionFrom, rule: RuleText.pexDay6, detail: what)
            }
        } catch { fail(error) }

        var settled: SchoolDate?   // the date the review process could end, if it has
        do throws(SchoolCalendar.Failure) { settled = try pexSteps(s, what) } catch { fail(error) }

        if let outcome = s.pexOutcome {
            let last = [s.reconsidered, s.reviewPanel, s.reviewRequested, s.decisionLetter, s.governorsMet, settled]
                .compactMap { $0 }.max() ?? s.start
            emit(DeadlineKind.pexOutcome, "Off roll or reinstated", due: last, state: .met, rule: RuleText.pexOutcome,
                 detail: "outcome: \(outcome)")
        } else if let end = settled {
            emit(DeadlineKind.pexOutcome, "Off roll or reinstated", due: end, done: nil, rule: RuleText.pexOutcome,
                 detail: "the review has ended: record the outcome (off-roll or reinstated)")
        }
    }

    /// The dated review steps; returns the date the process could end (window closed, panel or reconsideration).
    mutating func pexSteps(_ s: Suspension, _ what: String) throws(SchoolCalendar.Failure) -> SchoolDate? {
        var settled: SchoolDate?
        let notice = s.noticeDate ?? s.start
        let (govDue, exam) = Self.beforeExam(try calendar.add(15, after: notice), [s], after: notice)
        emit(DeadlineKind.pexGovernors, "Governors: consider reinstatement", due: govDue,
             done: s.governorsMet, rule: RuleText.pexGov,
             detail: "\(what); notice \(notice.long)\(s.noticeDate == nil ? " (start date: no notice date recorded)" : "")\(exam)")
        guard let met = s.governorsMet else { return nil }
        emit(DeadlineKind.pexDecisionLetter, "Decision letter to parents", due: try calendar.add(1, after: met),
             done: s.decisionLetter, rule: RuleText.pexLetter, detail: "governors met \(met.long)")
        guard let letter = s.decisionLetter else { return nil }
        let windowEnd = try calendar.add(15, after: letter)
        if let req = s.reviewRequested {
            emit(DeadlineKind.pexIRPRequest, "IRP request window", due: windowEnd, done: req,
                 rule: RuleText.pexIRPRequest, detail: "review requested \(req.long)", informational: true)
        } else if windowEnd < today {
            emit(DeadlineKind.pexIRPRequest, "IRP request window", due: windowEnd, state: .met,
                 rule: RuleText.pexIRPRequest, detail: "window closed with no request: the governors' decision stands",
                 informational: true)
            settled = windowEnd
        } else {
            emit(DeadlineKind.pexIRPRequest, "IRP request window", due: windowEnd, done: nil,
                 rule: RuleText.pexIRPRequest, detail: "parents may still apply", informational: true)
        }
        guard let req = s.reviewRequested else { return settled }
        emit(DeadlineKind.pexIRPPanel, "IRP panel", due: try calendar.add(15, after: req), done: s.reviewPanel,
             rule: RuleText.pexIRPPanel, detail: "review requested \(req.long)")
        guard let panel = s.reviewPanel else { return nil }
        let (decisionNotice, noticeText) = Self.panelDecisionNotice(s, panel: panel)
        let reconsiderDue = try calendar.add(10, after: decisionNotice)
        if s.reconsidered == nil, let outcome = s.pexOutcome {
            emit(DeadlineKind.pexReconsider, "Governors reconsider", due: reconsiderDue, state: .met,
                 rule: RuleText.pexReconsider,
                 detail: "outcome '\(outcome)' recorded with no reconsideration (the panel upheld the decision)")
        } else {
            emit(DeadlineKind.pexReconsider, "Governors reconsider", due: reconsiderDue, done: s.reconsidered,
                 rule: RuleText.pexReconsider, detail: "panel met \(panel.long); \(noticeText); needed only if the panel recommended or quashed")
        }
        return s.reconsidered ?? reconsiderDue
    }

    /// The day notice of the panel's decision counts from, and how it was reached. Without a recorded
    /// sending date the hearing is the earliest notice could be given, so the clock is never later than the law's.
    static func panelDecisionNotice(_ s: Suspension, panel: SchoolDate) -> (SchoolDate, String) {
        guard let sent = s.panelDecisionSent else {
            return (panel, "no date recorded for sending the panel's decision: counted from the hearing until it is")
        }
        if s.panelDecisionByHand { return (sent, "decision delivered by hand \(sent.long)") }
        let given = WorkingDays.deemedGiven(sent: sent, byHand: false)
        return (given, "decision posted \(sent.long), deemed given \(given.long) (2nd working day after posting)"
                    + (WorkingDays.isKnown(sent) ? "" : "; bank holidays for \(sent.year) not known, weekends only"))
    }

    /// A 15-day governors' deadline brought forward to the day before the earliest recorded exam of
    /// `suspensions` falling after their notice, where that is sooner; with the words for the detail.
    static func beforeExam(_ due: SchoolDate, _ suspensions: [Suspension], after notice: SchoolDate) -> (SchoolDate, String) {
        guard let exam = suspensions.compactMap(\.examDate).filter({ $0 > notice }).min() else { return (due, "") }
        let eve = exam.adding(days: -1)
        return eve < due ? (eve, "; brought forward: the exam is on \(exam.long)")
                         : (due, "; the exam on \(exam.long) is after the 15 school days")
    }

    /// Notice of the day-6 provision for a run of suspensions: due 2 calendar days before day 6, met by
    /// the earliest notice recorded on the run, or by the parents waiving it.
    mutating func day6Notice(_ run: SuspensionLedger.Run, provisionDue: SchoolDate) {
        let due = provisionDue.adding(days: -2)
        if let w = run.suspensions.first(where: \.provisionNoticeWaived) {
            emit(DeadlineKind.suspensionDay6Notice, "Day-6 provision: notice to parents", due: due, state: .met,
                 rule: RuleText.day6Notice, detail: "the parents waived the 48 hours' notice (suspension from \(w.start.long))")
            return
        }
        let given = run.suspensions.compactMap(\.provisionNotice).min()
        emit(DeadlineKind.suspensionDay6Notice, "Day-6 provision: notice to parents", due: due, done: given,
             rule: RuleText.day6Notice,
             detail: given.map { "notice given \($0.long); provision from \(provisionDue.long)" }
                ?? "provision from \(provisionDue.long): tell the parents by \(due.long), or record that they waived it")
    }

    // MARK: Off-site directions

    mutating func offsite() {
        let c = file.case
        guard let first = c.offsiteFirstDay else { return }
        do throws(SchoolCalendar.Failure) {
            let due = try calendar.subtract(2, before: first)
            emit(DeadlineKind.offsiteNotice, "Off-site direction: written notice", due: due, done: c.offsiteNotice,
                 rule: RuleText.offsiteNotice,
                 detail: "first day \(first.long); 2 school days before is \(due.long)"
                    + (file.child.sen == .ehcp ? "; the LA must be told too (EHC plan)" : ""))
        } catch { fail(error) }
        guard let asked = c.offsiteReviewRequested else { return }
        let held = c.offsiteReviewHeld
        if let h = held, h < asked, asked.adding(days: -70) <= h {
            emit(DeadlineKind.offsiteReview, "Off-site direction: review on request", due: asked, state: .met,
                 rule: RuleText.offsiteReview,
                 detail: "requested \(asked.long); not required: a review was held \(h.long), within the 10 weeks before",
                 informational: true)
            return
        }
        do throws(SchoolCalendar.Failure) {
            emit(DeadlineKind.offsiteReview, "Off-site direction: review on request", due: try calendar.add(10, after: asked),
                 done: held.flatMap { $0 >= asked ? $0 : nil }, rule: RuleText.offsiteReview,
                 detail: "requested \(asked.long)" + (held.map { $0 < asked ? "; last review \($0.long), more than 10 weeks before" : "" } ?? ""))
        } catch { fail(error) }
    }

    // MARK: Part-time timetables

    mutating func partTime() {
        let c = file.case
        guard c.kind == .partTime || c.partTimeEnd != nil || c.partTimeReview != nil else { return }
        if let end = c.partTimeEnd {
            emit(DeadlineKind.partTimeEnd, "Part-time timetable ends", due: end, done: nil, rule: RuleText.ptEnd,
                 detail: end < today ? "past its agreed end: return to full time or agree a new end date" : nil)
        } else {
            emit(DeadlineKind.partTimeNoEnd, "No end date set", due: c.opened, state: .breached, rule: RuleText.ptEnd,
                 detail: "a part-time timetable with no end date")
        }
        if let review = c.partTimeReview {
            emit(DeadlineKind.partTimeReview, "Part-time review", due: review, done: nil, rule: RuleText.ptReview)
        } else {
            emit(DeadlineKind.partTimeNoReview, "No review date set", due: c.opened, state: .breached, rule: RuleText.ptReview,
                 detail: "a part-time timetable with no review date")
        }
    }

    // MARK: Children out of school

    mutating func outOfSchool() {
        let c = file.case
        let oos = file.outOfSchool
        if c.kind == .cme {
            do throws(SchoolCalendar.Failure) {
                let day20 = try calendar.add(20, after: c.opened)
                let steps: [(String, SchoolDate?)] = [
                    ("school", oos?.enquirySchool), ("home visit", oos?.enquiryHomeVisit),
                    ("siblings", oos?.enquirySiblings), ("health", oos?.enquiryHealth),
                    ("social care", oos?.enquirySocialCare), ("police", oos?.enquiryPolice),
                    ("other LAs", oos?.enquiryOtherLA),
                ]
                let outstanding = steps.filter { $0.1 == nil }.map(\.0)
                let done: SchoolDate? = outstanding.isEmpty ? steps.compactMap(\.1).max() : nil
                emit(DeadlineKind.cmeEnquiries, "CME enquiries", due: day20, done: done, rule: RuleText.cmeEnquiries,
                     detail: outstanding.isEmpty ? "all 7 enquiries made"
                        : "\(7 - outstanding.count) of 7 made; outstanding: \(outstanding.joined(separator: ", "))")
                emit(DeadlineKind.cmeLostPupil, "20 school days: Lost Pupil Database", due: day20,
                     done: oos?.lostPupilDatabase, rule: RuleText.cmeLost,
                     detail: "20th school day after the case opened on \(c.opened.long)")
            } catch { fail(error) }
        }
        if c.kind == .ehe {
            let base = oos?.lastAnnualContact ?? c.opened
            emit(DeadlineKind.eheAnnualContact, "EHE annual contact", due: base.adding(months: 12), done: nil,
                 rule: RuleText.eheAnnual,
                 detail: oos?.lastAnnualContact == nil ? "no annual contact recorded; counted from the case opening \(base.long)"
                    : "last annual contact \(base.long)")
        }
    }

    // MARK: EHC needs assessment and plan

    mutating func ehc() {
        let c = file.case
        if let r = c.ehcRequest {
            let issued = c.ehcLastReview.flatMap { $0 >= r ? $0 : nil }
            let w6 = r.adding(days: 42), w16 = r.adding(days: 112), w20 = r.adding(days: 140)
            // A recorded step is judged by its own date; without one, an issued plan shows the step happened.
            if let d = c.ehcDecision {
                emit(DeadlineKind.ehcWeek6, "EHC week 6: decide to assess", due: w6, done: d, rule: RuleText.ehc6,
                     detail: "decided \(d.long)")
            } else if let i = issued {
                emit(DeadlineKind.ehcWeek6, "EHC week 6: decide to assess", due: w6, state: .met, rule: RuleText.ehc6,
                     detail: "no date recorded for this step; met because a plan was issued \(i.long)")
            } else {
                emit(DeadlineKind.ehcWeek6, "EHC week 6: decide to assess", due: w6, done: nil, rule: RuleText.ehc6,
                     detail: "requested \(r.long)")
            }
            if let n = c.ehcNoPlanNotice {
                // No plan will be issued: the week-16 notice is the end of the clock; week 20 does not apply.
                emit(DeadlineKind.ehcWeek16, "EHC week 16: plan or no plan", due: w16, done: n, rule: RuleText.ehc16,
                     detail: "notice that no plan will be issued, \(n.long)")
            } else {
                if let i = issued {
                    emit(DeadlineKind.ehcWeek16, "EHC week 16: plan or no plan", due: w16, state: .met, rule: RuleText.ehc16,
                         detail: "no date recorded for this step; met because a plan was issued \(i.long)")
                } else {
                    emit(DeadlineKind.ehcWeek16, "EHC week 16: plan or no plan", due: w16, done: nil, rule: RuleText.ehc16,
                         detail: "requested \(r.long)")
                }
                emit(DeadlineKind.ehcWeek20, "EHC week 20: final plan", due: w20, done: issued, rule: RuleText.ehc20,
                     detail: "requested \(r.long)")
            }
        }
        if let last = c.ehcLastReview {
            emit(DeadlineKind.ehcAnnualReview, "EHCP annual review", due: last.adding(months: 12), done: nil,
                 rule: RuleText.ehcAnnual, detail: "last review or issue \(last.long)")
        }
    }

    // MARK: Fair access

    mutating func fairAccess() {
        guard let accepted = file.case.fairAccessAccepted else { return }
        do throws(SchoolCalendar.Failure) {
            emit(DeadlineKind.fairAccessPlace, "Fair access: place allocated", due: try calendar.add(20, after: accepted),
                 done: file.case.fairAccessPlaced, rule: RuleText.fairAccess, detail: "accepted \(accepted.long)")
        } catch { fail(error) }
    }

    // MARK: Plans, reviews, actions

    mutating func plans() {
        for p in file.plans where p.plan.status == .active {
            let last = p.reviews.map(\.date).max() ?? p.plan.start
            do throws(SchoolCalendar.Failure) {
                emit(DeadlineKind.planReview, "Reintegration plan review",
                     due: try calendar.add(Double(max(1, p.plan.reviewEvery)), after: last), done: nil,
                     rule: RuleText.planReview, detail: "every \(p.plan.reviewEvery) school days; last \(last.long)")
            } catch { fail(error) }
        }
    }

    mutating func caseWork() {
        if let r = file.case.nextReview {
            emit(DeadlineKind.caseReview, "Case review", due: r, done: nil, rule: RuleText.caseReview)
        }
        for a in file.actions where a.status == .open {
            guard let due = a.due else { continue }
            let who = [a.agency, a.owner].compactMap { $0 }.joined(separator: ", ")
            emit(DeadlineKind.actionDue, "Action: \(a.description.prefix(40))", due: due, done: nil, rule: RuleText.action,
                 detail: "\(a.description) (\(who))")
        }
    }
}
