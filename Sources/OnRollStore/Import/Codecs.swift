import GRDB
import OnRollCore

/// The CSV formats of contract.md, plus OnRoll's own kinds (docs/file-formats.md).
enum Codecs {
    nonisolated(unsafe) static let schools = Codec<School>(
        kind: "schools",
        columns: ["urn", "name", "phase", "type", "trust", "roll", "laestab"],
        required: ["urn", "name"],
        decode: { r in
            var urn = r.required("urn")
            if !urn.isEmpty, !(urn.count == 6 && urn.allSatisfy(\.isNumber)) {
                r.fail("urn", "'\(urn.prefix(20))' is not a 6-digit URN"); urn = ""
            }
            var laestab = r.text("laestab")
            if let l = laestab, !School.isLAESTAB(l) {
                r.fail("laestab", "'\(l.prefix(20))' is not a 7-digit DfE number (LA code + establishment, e.g. 8014001)"); laestab = nil
            }
            return School(urn: urn, name: r.name("name") ?? "", phase: r.code("phase", SchoolPhase.self),
                          type: r.code("type", SchoolType.self), trust: r.name("trust", required: false),
                          roll: r.int("roll"), laestab: laestab)
        },
        encode: { [$0.urn, $0.name, $0.phase?.rawValue ?? "", $0.type?.rawValue ?? "", $0.trust ?? "", CSVField.int($0.roll),
                   $0.laestab ?? ""] },
        existing: { db, e in try School.cached(db, where: "urn = ?", [e.urn]) },
        merge: { _, new in new },
        describe: { "school \($0.urn) \($0.name)" }
    )

    nonisolated(unsafe) static let children = Codec<Child>(
        kind: "children",
        columns: ["ref", "upn", "forename", "surname", "preferred_name", "dob", "sex", "school_urn", "sen", "sen_need",
                  "flags", "strengths", "interests", "pupil_voice", "parent_voice", "contacts", "former_upn"],
        required: ["ref", "forename", "surname", "dob"],
        decode: { r in
            Child(ref: r.name("ref", maxLength: 30) ?? "", upn: r.upn("upn"), forename: r.name("forename") ?? "",
                  surname: r.name("surname") ?? "", preferredName: r.name("preferred_name", required: false),
                  dob: r.date("dob", required: true) ?? SchoolDate(dayNumber: 0), sex: r.code("sex", Sex.self),
                  schoolURN: r.text("school_urn"), sen: r.code("sen", SENStatus.self) ?? .none,
                  senNeed: r.code("sen_need", SENNeed.self), flags: r.flags("flags"), strengths: r.note("strengths"),
                  interests: r.note("interests"), pupilVoice: r.note("pupil_voice"), parentVoice: r.note("parent_voice"),
                  contacts: r.note("contacts"), formerUPN: r.upn("former_upn"))
        },
        encode: { c in [c.ref, c.upn?.value ?? "", c.forename, c.surname, c.preferredName ?? "", c.dob.iso,
                        c.sex?.rawValue ?? "", c.schoolURN ?? "", c.sen.rawValue, c.senNeed?.rawValue ?? "",
                        c.flags.description, c.strengths ?? "", c.interests ?? "", c.pupilVoice ?? "",
                        c.parentVoice ?? "", c.contacts ?? "", c.formerUPN?.value ?? ""] },
        references: { c in c.schoolURN.map { [("school_urn", "schools", $0)] } ?? [] },
        existing: { db, e in try Child.cached(db, where: "ref = ?", [e.ref]) },
        merge: { old, new in keeping(old, new) },
        describe: { "child \($0.ref)" },
        schoolColumns: ["school_urn"]
    ).withVersion()

    nonisolated(unsafe) static let cases = Codec<Case>(
        kind: "cases",
        columns: ["ref", "child_ref", "kind", "status", "opened", "owner", "summary", "next_review", "closed_on",
                  "closure_reason", "flagged_for_panel", "ehc_request", "ehc_last_review", "ehc_decision", "ehc_no_plan_notice", "part_time_end",
                  "part_time_review", "fair_access_accepted", "fair_access_placed", "offsite_first_day", "offsite_notice",
                  "offsite_review_requested", "offsite_review_held"],
        required: ["ref", "child_ref", "kind", "opened"],
        decode: { r in
            let status = r.code("status", CaseStatus.self) ?? .open
            var c = Case(ref: r.name("ref", maxLength: 30) ?? "", childRef: r.required("child_ref"),
                         kind: r.code("kind", CaseKind.self, required: true) ?? .ebsa, status: status,
                         opened: r.date("opened", required: true) ?? SchoolDate(dayNumber: 0),
                         owner: r.name("owner", required: false), summary: r.note("summary"),
                         nextReview: r.date("next_review"), closedOn: r.date("closed_on"),
                         closureReason: r.note("closure_reason"), flaggedForPanel: r.bool("flagged_for_panel"),
                         ehcRequest: r.date("ehc_request"), ehcLastReview: r.date("ehc_last_review"),
                         ehcDecision: r.date("ehc_decision"), ehcNoPlanNotice: r.date("ehc_no_plan_notice"),
                         partTimeEnd: r.date("part_time_end"), partTimeReview: r.date("part_time_review"),
                         fairAccessAccepted: r.date("fair_access_accepted"), fairAccessPlaced: r.date("fair_access_placed"))
            c.offsiteFirstDay = r.date("offsite_first_day"); c.offsiteNotice = r.date("offsite_notice")
            c.offsiteReviewRequested = r.date("offsite_review_requested"); c.offsiteReviewHeld = r.date("offsite_review_held")
            if status == .closed && c.closureReason == nil { r.fail("closure_reason", "is required for a closed case") }
            if status == .closed && c.closedOn == nil { c.closedOn = c.opened }
            return c
        },
        encode: { c in [c.ref, c.childRef, c.kind.rawValue, c.status.rawValue, c.opened.iso, c.owner ?? "", c.summary ?? "",
                        CSVField.date(c.nextReview), CSVField.date(c.closedOn), c.closureReason ?? "",
                        CSVField.bool(c.flaggedForPanel), CSVField.date(c.ehcRequest), CSVField.date(c.ehcLastReview),
                        CSVField.date(c.ehcDecision), CSVField.date(c.ehcNoPlanNotice),
                        CSVField.date(c.partTimeEnd), CSVField.date(c.partTimeReview),
                        CSVField.date(c.fairAccessAccepted), CSVField.date(c.fairAccessPlaced),
                        CSVField.date(c.offsiteFirstDay), CSVField.date(c.offsiteNotice),
                        CSVField.date(c.offsiteReviewRequested), CSVField.date(c.offsiteReviewHeld)] },
        references: { c in [("child_ref", "children", c.childRef)] },
        existing: { db, e in try Case.cached(db, where: "ref = ?", [e.ref]) },
        caseRef: { $0.ref },
        merge: { old, new in keeping(old, new) },
        describe: { "\($0.ref): \($0.kind.label) case" },
        chronicle: { ctx, c, _ in
            try ctx.chronicle(c.ref, date: c.opened, kind: .opened, text: "\(c.kind.label) case opened (imported)" + (c.owner.map { ", owner \($0)" } ?? ""))
        },
        chroniclesChanges: true,
        namesChild: .child("child_ref")
    ).withVersion()

    nonisolated(unsafe) static let suspensions = Codec<Suspension>(
        kind: "suspensions",
        columns: ["id", "child_ref", "start", "days", "reason", "school_urn", "type", "notice_date", "exam_missed",
                  "notified_la", "notified_social_worker", "notified_virtual_school", "notified_home_la", "provision_from",
                  "governors_met", "decision_letter", "review_requested", "review_panel", "reconsidered", "pex_outcome",
                  "reasons", "lunchtime", "exam_date", "provision_notice", "provision_notice_waived", "panel_decision_sent",
                  "panel_decision_by_hand"],
        required: ["child_ref", "start", "days"],
        decode: { r in
            let days = r.double("days", required: true) ?? 0
            if days != 0 { do { try Suspension.validateDays(days) } catch { r.fail("days", error.message) } }
            var s = Suspension(id: r.id(), childRef: r.required("child_ref"), start: r.date("start", required: true) ?? SchoolDate(dayNumber: 0),
                              days: days, reason: r.code("reason", ReasonCode.self), schoolURN: r.text("school_urn"),
                              type: r.code("type", SuspensionType.self) ?? .suspension, noticeDate: r.date("notice_date"),
                              examMissed: r.bool("exam_missed"), notifiedLA: r.date("notified_la"),
                              notifiedSocialWorker: r.date("notified_social_worker"),
                              notifiedVirtualSchool: r.date("notified_virtual_school"), notifiedHomeLA: r.date("notified_home_la"),
                              provisionFrom: r.date("provision_from"), governorsMet: r.date("governors_met"),
                              decisionLetter: r.date("decision_letter"), reviewRequested: r.date("review_requested"),
                              reviewPanel: r.date("review_panel"), reconsidered: r.date("reconsidered"),
                              pexOutcome: r.text("pex_outcome"), reportedReasons: r.text("reasons").map(ReportedReasons.parse),
                              lunchtime: r.bool("lunchtime"))
            s.examDate = r.date("exam_date")
            if s.examDate != nil { s.examMissed = true }
            s.provisionNotice = r.date("provision_notice"); s.provisionNoticeWaived = r.bool("provision_notice_waived")
            s.panelDecisionSent = r.date("panel_decision_sent"); s.panelDecisionByHand = r.bool("panel_decision_by_hand")
            return s
        },
        encode: { s in [CSVField.id(s.id), s.childRef, s.start.iso, formatDays(s.days), s.reason?.rawValue ?? "", s.schoolURN ?? "",
                        s.type.rawValue, CSVField.date(s.noticeDate), CSVField.bool(s.examMissed), CSVField.date(s.notifiedLA),
                        CSVField.date(s.notifiedSocialWorker), CSVField.date(s.notifiedVirtualSchool),
                        CSVField.date(s.notifiedHomeLA), CSVField.date(s.provisionFrom), CSVField.date(s.governorsMet),
                        CSVField.date(s.decisionLetter), CSVField.date(s.reviewRequested), CSVField.date(s.reviewPanel),
                        CSVField.date(s.reconsidered), s.pexOutcome ?? "", s.reportedReasons?.description ?? "", CSVField.bool(s.lunchtime),
                        CSVField.date(s.examDate), CSVField.date(s.provisionNotice), CSVField.bool(s.provisionNoticeWaived),
                        CSVField.date(s.panelDecisionSent), CSVField.bool(s.panelDecisionByHand)] },
        references: { s in [("child_ref", "children", s.childRef)] + (s.schoolURN.map { [("school_urn", "schools", $0)] } ?? []) },
        existing: { db, e in
            if let id = e.id { return try Suspension.cached(db, where: "id = ?", [id]) }
            return try Suspension.cached(db, where: "\"childRef\" IS ? AND \"start\" IS ? AND \"type\" IS ?", [e.childRef, e.start, e.type.rawValue])
        },
        merge: { old, new in keeping(old, new, id: \.id) },
        describe: { "\($0.childRef): \($0.type.label.lowercased()) \($0.start.iso)" },
        chronicle: { ctx, s, _ in
            for ref in try String.fetchAll(ctx.db, sql: "SELECT ref FROM cases WHERE childRef = ? AND status != 'closed'", arguments: [s.childRef]) {
                try ctx.chronicle(ref, date: s.start, kind: .suspension,
                                  text: "\(s.type.label) from \(s.start.iso): \(formatDays(s.days)) school days" + (s.reason.map { ", \($0.rawValue)" } ?? ""),
                                  linkId: s.id)
            }
        },
        namesChild: .child("child_ref"), schoolColumns: ["school_urn"]
    ).withVersion()

    nonisolated(unsafe) static let attendance = Codec<AttendanceRecord>(
        kind: "attendance",
        columns: ["id", "child_ref", "from", "to", "possible", "present", "authorised", "unauthorised"],
        required: ["child_ref", "from", "to", "possible", "present"],
        decode: { r in
            let a = AttendanceRecord(id: r.id(), childRef: r.required("child_ref"), from: r.date("from", required: true) ?? SchoolDate(dayNumber: 0),
                                     to: r.date("to", required: true) ?? SchoolDate(dayNumber: 0),
                                     possible: r.int("possible", required: true) ?? 0, present: r.int("present", required: true) ?? 0,
                                     authorised: r.int("authorised"), unauthorised: r.int("unauthorised"))
            if r.errors.isEmpty { do { try a.validate() } catch { r.fail(error.field ?? "present", error.message) } }
            return a
        },
        encode: { a in [CSVField.id(a.id), a.childRef, a.from.iso, a.to.iso, String(a.possible), String(a.present),
                        CSVField.int(a.authorised), CSVField.int(a.unauthorised)] },
        references: { a in [("child_ref", "children", a.childRef)] },
        existing: { db, e in
            if let id = e.id { return try AttendanceRecord.cached(db, where: "id = ?", [id]) }
            return try AttendanceRecord.cached(db, where: "\"childRef\" IS ? AND \"from\" IS ? AND \"to\" IS ?", [e.childRef, e.from, e.to])
        },
        merge: { old, new in var e = new; e.id = old.id; return e },
        describe: { "\($0.childRef): attendance \($0.from.iso)..\($0.to.iso)" },
        happened: { a in (a.to, "to", "the attendance period") },
        namesChild: .child("child_ref")
    )

    nonisolated(unsafe) static let actions = Codec<CaseAction>(
        kind: "actions",
        columns: ["id", "case_ref", "agency", "description", "owner", "due", "status", "completed", "outcome", "created", "panel_id"],
        required: ["case_ref", "agency", "description"],
        decode: { r in
            let status = r.code("status", ActionStatus.self) ?? .open
            let completed = r.date("completed")
            if status == .done && completed == nil { r.fail("completed", "is required for a done action") }
            return CaseAction(id: r.id(), caseRef: r.required("case_ref"), agency: r.name("agency", maxLength: 60) ?? "",
                              owner: r.name("owner", required: false), description: r.required("description"),
                              due: r.date("due"), status: status, completed: completed, outcome: r.note("outcome"),
                              created: r.date("created") ?? r.date("due") ?? SchoolDate(dayNumber: 0), panelId: r.id("panel_id"))
        },
        encode: { a in [CSVField.id(a.id), a.caseRef, a.agency, a.description, a.owner ?? "", CSVField.date(a.due), a.status.rawValue,
                        CSVField.date(a.completed), a.outcome ?? "", a.created.iso, CSVField.id(a.panelId)] },
        references: { a in [("case_ref", "cases", a.caseRef)] },
        existing: { db, e in
            if let id = e.id { return try CaseAction.cached(db, where: "id = ?", [id]) }
            return try CaseAction.cached(db, where: "\"caseRef\" IS ? AND \"agency\" IS ? AND \"description\" IS ?", [e.caseRef, e.agency, e.description])
        },
        caseRef: { $0.caseRef },
        merge: { old, new in var e = keeping(old, new, id: \.id); if new.created.dayNumber == 0 { e.created = old.created }; return e },
        describe: { "\($0.caseRef): action for \($0.agency)" },
        chronicle: { ctx, a, _ in
            try ctx.chronicle(a.caseRef, date: a.created, kind: .action, text: "Action (\(a.agency)): \(a.description)", linkId: a.id)
        },
        namesChild: .openCase("case_ref")
    ).withVersion()

    nonisolated(unsafe) static let terms = Codec<TermDates>(
        kind: "terms",
        columns: ["academic_year", "term", "start", "end", "closures"],
        required: ["academic_year", "term", "start", "end"],
        decode: { r in
            var year = AcademicYear(startYear: 1900)
            if let t = r.text("academic_year") {
                do { year = try AcademicYear.parse(t) } catch { r.fail("academic_year", error.message) }
            } else { r.fail("academic_year", "is required") }
            let start = r.date("start", required: true), end = r.date("end", required: true)
            if let s = start, let e = end {
                if e < s { r.fail("end", "\(e.iso) is before start \(s.iso)") }
                if year.startYear != 1900, !year.contains(s) || !year.contains(e) {
                    r.fail("start", "\(s.iso)..\(e.iso) is not inside academic year \(year) (1 Aug–31 Jul)")
                }
            }
            let closures = r.closures("closures")
            if let s = start, let e = end {
                for c in closures where c.from < s || c.to > e {
                    r.fail("closures", "\(c) is outside the row's dates \(s.iso)..\(e.iso)")
                }
            }
            return TermDates(academicYear: year, term: r.code("term", Term.self, required: true) ?? .autumn,
                             start: start ?? SchoolDate(dayNumber: 0), end: end ?? SchoolDate(dayNumber: 0), closures: closures)
        },
        encode: { t in [t.academicYear.description, t.term.rawValue, t.start.iso, t.end.iso, t.closures.map(\.description).joined(separator: ";")] },
        existing: { db, e in try TermDates.cached(db, where: "\"academicYear\" IS ? AND \"start\" IS ?", [e.academicYear, e.start]) },
        merge: { old, new in var e = new; e.id = old.id; return e },
        describe: { "terms \($0.academicYear) \($0.term.rawValue) \($0.start.iso)" }
    )
}
