import GRDB
import OnRollCore

/// CSV formats for OnRoll's own record kinds: they let a whole caseload go to a spreadsheet and back.
extension Codecs {
    nonisolated(unsafe) static let chronology = Codec<ChronologyEntry>(
        kind: "chronology",
        columns: ["id", "case_ref", "date", "recorded_at", "author", "kind", "text", "contact_type", "outcome", "link_id",
                  "reported_by", "reported_at"],
        required: ["case_ref", "date", "kind", "text"],
        decode: { r in
            let date = r.date("date", required: true) ?? SchoolDate(dayNumber: 0)
            return ChronologyEntry(id: r.id(), caseRef: r.required("case_ref"), date: date,
                                   recordedAt: r.text("recorded_at") ?? "\(date.iso)T00:00:00Z", author: r.text("author") ?? "import",
                                   kind: r.code("kind", ChronologyEntry.Kind.self, required: true) ?? .note, text: r.required("text"),
                                   contactType: r.text("contact_type"), outcome: r.text("outcome"), linkId: r.id("link_id"),
                                   reportedBy: r.text("reported_by"), reportedAt: r.text("reported_at"))
        },
        encode: { e in [CSVField.id(e.id), e.caseRef, e.date.iso, e.recordedAt, e.author, e.kind.rawValue, e.text,
                        e.contactType ?? "", e.outcome ?? "", CSVField.id(e.linkId), e.reportedBy ?? "", e.reportedAt ?? ""] },
        references: { e in [("case_ref", "cases", e.caseRef)] },
        existing: { db, e in
            if let id = e.id { return try ChronologyEntry.cached(db, where: "id = ?", [id]) }
            return try ChronologyEntry.cached(db, where: "\"caseRef\" IS ? AND \"date\" IS ? AND \"kind\" IS ? AND \"text\" IS ?", [e.caseRef, e.date, e.kind.rawValue, e.text])
        },
        caseRef: { $0.caseRef },
        merge: { old, _ in old },  // chronology is append-only: a re-imported line never rewrites the stored one
        describe: { "\($0.caseRef): \($0.kind.label)" },
        happened: { e in (e.date, "date", "the \(e.kind.label)") },
        stamp: { e, ctx, options in
            // The file's author and time are what it reports; the line is the importing officer's,
            // at the time of the import (a file once credited another officer with a "seen" visit).
            guard !options.keepFileAuthors else { return }
            if e.reportedBy == nil, e.author != ctx.user, e.author != "import" { e.reportedBy = e.author }
            if e.reportedAt == nil, e.reportedBy != nil { e.reportedAt = e.recordedAt }
            e.author = ctx.user
            e.recordedAt = ctx.now
        },
        namesChild: .openCase("case_ref")
    )

    nonisolated(unsafe) static let plans = Codec<ReintegrationPlan>(
        kind: "plans",
        columns: ["id", "case_ref", "from_urn", "to_urn", "start", "target", "review_every", "success_criteria", "support",
                  "status", "ended_on", "end_reason"],
        required: ["id", "case_ref", "from_urn", "to_urn", "start", "target"],
        decode: { r in
            ReintegrationPlan(id: r.id(), caseRef: r.required("case_ref"), fromURN: r.required("from_urn"), toURN: r.required("to_urn"),
                              start: r.date("start", required: true) ?? SchoolDate(dayNumber: 0),
                              target: r.date("target", required: true) ?? SchoolDate(dayNumber: 0),
                              reviewEvery: r.int("review_every", min: 1) ?? 10, successCriteria: r.note("success_criteria"),
                              support: r.note("support"), status: r.code("status", ReintegrationPlan.Status.self) ?? .active,
                              endedOn: r.date("ended_on"), endReason: r.note("end_reason"))
        },
        encode: { p in [CSVField.id(p.id), p.caseRef, p.fromURN, p.toURN, p.start.iso, p.target.iso, String(p.reviewEvery),
                        p.successCriteria ?? "", p.support ?? "", p.status.rawValue, CSVField.date(p.endedOn), p.endReason ?? ""] },
        references: { p in [("case_ref", "cases", p.caseRef), ("from_urn", "schools", p.fromURN), ("to_urn", "schools", p.toURN)] },
        existing: { db, e in try e.id.flatMap { try ReintegrationPlan.cached(db, where: "id = ?", [$0]) } },
        caseRef: { $0.caseRef },
        merge: { old, new in keeping(old, new, id: \.id) },
        describe: { "\($0.caseRef): reintegration plan" },
        namesChild: .openCase("case_ref"), schoolColumns: ["from_urn", "to_urn"]
    ).withVersion()

    nonisolated(unsafe) static let phases = Codec<PlanPhase>(
        kind: "phases",
        columns: ["id", "plan_id", "from", "to", "sessions", "description"],
        required: ["plan_id", "from", "to", "sessions"],
        decode: { r in
            let p = PlanPhase(id: r.id(), planId: r.id("plan_id") ?? 0, from: r.date("from", required: true) ?? SchoolDate(dayNumber: 0),
                              to: r.date("to", required: true) ?? SchoolDate(dayNumber: 0),
                              sessions: r.int("sessions", required: true) ?? 0, description: r.note("description"))
            if p.sessions > 10 { r.fail("sessions", "\(p.sessions) is more than 10 (full time is 10 sessions a week)") }
            if p.to < p.from { r.fail("to", "\(p.to.iso) is before from \(p.from.iso)") }
            return p
        },
        encode: { p in [CSVField.id(p.id), String(p.planId), p.from.iso, p.to.iso, String(p.sessions), p.description ?? ""] },
        references: { p in [("plan_id", "plans", String(p.planId))] },
        existing: { db, e in
            if let id = e.id { return try PlanPhase.cached(db, where: "id = ?", [id]) }
            return try PlanPhase.cached(db, where: "\"planId\" IS ? AND \"from\" IS ?", [e.planId, e.from])
        },
        merge: { old, new in var e = new; e.id = old.id; return e },
        describe: { "plan \($0.planId): phase from \($0.from.iso)" }
    )

    nonisolated(unsafe) static let reviews = Codec<PlanReview>(
        kind: "reviews",
        columns: ["id", "plan_id", "date", "attended", "planned", "rag", "working", "not_working", "pupil_voice", "parent_voice",
                  "decision", "note", "author"],
        required: ["plan_id", "date", "attended", "planned", "rag"],
        decode: { r in
            PlanReview(id: r.id(), planId: r.id("plan_id") ?? 0, date: r.date("date", required: true) ?? SchoolDate(dayNumber: 0),
                       attended: r.int("attended", required: true) ?? 0, planned: r.int("planned", required: true) ?? 0,
                       rag: r.code("rag", RAG.self, required: true) ?? .amber, working: r.note("working"),
                       notWorking: r.note("not_working"), pupilVoice: r.note("pupil_voice"), parentVoice: r.note("parent_voice"),
                       decision: r.code("decision", PlanReview.Decision.self), note: r.note("note"), author: r.text("author") ?? "import")
        },
        encode: { v in [CSVField.id(v.id), String(v.planId), v.date.iso, String(v.attended), String(v.planned), v.rag.rawValue,
                        v.working ?? "", v.notWorking ?? "", v.pupilVoice ?? "", v.parentVoice ?? "", v.decision?.rawValue ?? "",
                        v.note ?? "", v.author] },
        references: { v in [("plan_id", "plans", String(v.planId))] },
        existing: { db, e in
            if let id = e.id { return try PlanReview.cached(db, where: "id = ?", [id]) }
            return try PlanReview.cached(db, where: "\"planId\" IS ? AND \"date\" IS ?", [e.planId, e.date])
        },
        merge: { old, new in var e = new; e.id = old.id; return e },
        describe: { "plan \($0.planId): review \($0.date.iso)" }
    )

    nonisolated(unsafe) static let team = Codec<Professional>(
        kind: "team",
        columns: ["id", "case_ref", "agency", "role", "name", "contact", "since", "lead", "left"],
        required: ["case_ref", "agency", "name"],
        decode: { r in
            Professional(id: r.id(), caseRef: r.required("case_ref"), agency: r.name("agency", maxLength: 60) ?? "", role: r.note("role"),
                         name: r.name("name") ?? "", contact: r.note("contact"), since: r.date("since"), isLead: r.bool("lead"),
                         left: r.date("left"))
        },
        encode: { p in [CSVField.id(p.id), p.caseRef, p.agency, p.role ?? "", p.name, p.contact ?? "", CSVField.date(p.since),
                        CSVField.bool(p.isLead), CSVField.date(p.left)] },
        references: { p in [("case_ref", "cases", p.caseRef)] },
        existing: { db, e in
            if let id = e.id { return try Professional.cached(db, where: "id = ?", [id]) }
            return try Professional.cached(db, where: "\"caseRef\" IS ? AND \"name\" IS ? AND \"agency\" IS ?", [e.caseRef, e.name, e.agency])
        },
        caseRef: { $0.caseRef },
        merge: { old, new in keeping(old, new, id: \.id) },
        describe: { "\($0.caseRef): team member (\($0.agency))" },
        namesChild: .openCase("case_ref")
    ).withVersion()

    nonisolated(unsafe) static let deletions = Codec<RollDeletion>(
        kind: "deletions",
        columns: ["id", "child_ref", "school_urn", "date", "ground", "la_notified", "notified_on", "destination"],
        required: ["child_ref", "school_urn", "date", "ground"],
        decode: { r in
            RollDeletion(id: r.id(), childRef: r.required("child_ref"), schoolURN: r.required("school_urn"),
                         date: r.date("date", required: true) ?? SchoolDate(dayNumber: 0), ground: r.required("ground"),
                         laNotified: r.bool("la_notified"), notifiedOn: r.date("notified_on"), destination: r.text("destination"))
        },
        encode: { d in [CSVField.id(d.id), d.childRef, d.schoolURN, d.date.iso, d.ground, CSVField.bool(d.laNotified),
                        CSVField.date(d.notifiedOn), d.destination ?? ""] },
        references: { d in [("child_ref", "children", d.childRef), ("school_urn", "schools", d.schoolURN)] },
        existing: { db, e in
            if let id = e.id { return try RollDeletion.cached(db, where: "id = ?", [id]) }
            return try RollDeletion.cached(db, where: "\"childRef\" IS ? AND \"schoolURN\" IS ? AND \"date\" IS ?", [e.childRef, e.schoolURN, e.date])
        },
        merge: { old, new in var e = new; e.id = old.id; return e },
        describe: { "\($0.childRef): deleted from roll of \($0.schoolURN)" },
        namesChild: .child("child_ref"), schoolColumns: ["school_urn"]
    )

    nonisolated(unsafe) static let outOfSchool = Codec<OutOfSchoolRecord>(
        kind: "outofschool",
        columns: ["child_ref", "child_address", "parent1_name", "parent1_address", "parent2_name", "parent2_address", "educator",
                  "educator_hours", "other_providers", "last_seen", "last_annual_contact", "s47_enquiry", "cp_plan",
                  "special_school", "enquiry_school", "enquiry_home_visit", "enquiry_siblings", "enquiry_health",
                  "enquiry_social_care", "enquiry_police", "enquiry_other_la", "lost_pupil_database"],
        required: ["child_ref"],
        decode: { r in
            OutOfSchoolRecord(childRef: r.required("child_ref"), childAddress: r.note("child_address"), parent1Name: r.note("parent1_name"),
                              parent1Address: r.note("parent1_address"), parent2Name: r.note("parent2_name"),
                              parent2Address: r.note("parent2_address"), educator: r.note("educator"),
                              educatorHours: r.double("educator_hours"), otherProviders: r.note("other_providers"),
                              lastSeen: r.date("last_seen"), lastAnnualContact: r.date("last_annual_contact"),
                              s47Enquiry: r.bool("s47_enquiry"), cpPlan: r.bool("cp_plan"), specialSchool: r.bool("special_school"),
                              enquirySchool: r.date("enquiry_school"), enquiryHomeVisit: r.date("enquiry_home_visit"),
                              enquirySiblings: r.date("enquiry_siblings"), enquiryHealth: r.date("enquiry_health"),
                              enquirySocialCare: r.date("enquiry_social_care"), enquiryPolice: r.date("enquiry_police"),
                              enquiryOtherLA: r.date("enquiry_other_la"), lostPupilDatabase: r.date("lost_pupil_database"))
        },
        encode: { o in [o.childRef, o.childAddress ?? "", o.parent1Name ?? "", o.parent1Address ?? "", o.parent2Name ?? "",
                        o.parent2Address ?? "", o.educator ?? "", CSVField.double(o.educatorHours), o.otherProviders ?? "",
                        CSVField.date(o.lastSeen), CSVField.date(o.lastAnnualContact), CSVField.bool(o.s47Enquiry),
                        CSVField.bool(o.cpPlan), CSVField.bool(o.specialSchool), CSVField.date(o.enquirySchool),
                        CSVField.date(o.enquiryHomeVisit), CSVField.date(o.enquirySiblings), CSVField.date(o.enquiryHealth),
                        CSVField.date(o.enquirySocialCare), CSVField.date(o.enquiryPolice), CSVField.date(o.enquiryOtherLA),
                        CSVField.date(o.lostPupilDatabase)] },
        references: { o in [("child_ref", "children", o.childRef)] },
        existing: { db, e in try OutOfSchoolRecord.cached(db, where: "childRef = ?", [e.childRef]) },
        merge: { old, new in keeping(old, new) },
        describe: { "\($0.childRef): out-of-school record" },
        keyColumn: "child_ref",
        namesChild: .child("child_ref")
    ).withVersion()

    nonisolated(unsafe) static let reflections = Codec<Reflection>(
        kind: "reflections",
        columns: ["suspension_id", "date", "what_happened", "triggers", "pupil_view", "what_will_change", "author"],
        required: ["suspension_id", "date", "what_happened"],
        decode: { r in
            Reflection(suspensionId: r.id("suspension_id") ?? 0, date: r.date("date", required: true) ?? SchoolDate(dayNumber: 0),
                       whatHappened: r.required("what_happened"), triggers: r.note("triggers"), pupilView: r.note("pupil_view"),
                       whatWillChange: r.note("what_will_change"), author: r.text("author") ?? "import")
        },
        encode: { x in [String(x.suspensionId), x.date.iso, x.whatHappened, x.triggers ?? "", x.pupilView ?? "", x.whatWillChange ?? "", x.author] },
        references: { x in [("suspension_id", "suspensions", String(x.suspensionId))] },
        existing: { db, e in try Reflection.cached(db, where: "suspensionId = ?", [e.suspensionId]) },
        merge: { _, new in new },
        describe: { "reflection on suspension \($0.suspensionId)" },
        keyColumn: "suspension_id",
        namesChild: .suspension("suspension_id")
    )

    nonisolated(unsafe) static let panels = Codec<Panel>(
        kind: "panels",
        columns: ["id", "date", "type", "chair", "status", "started_at", "ended_at"],
        required: ["id", "date", "type"],
        decode: { r in
            Panel(id: r.id(), date: r.date("date", required: true) ?? SchoolDate(dayNumber: 0),
                  type: r.code("type", Panel.Kind.self, required: true) ?? .inclusion, chair: r.name("chair", required: false),
                  status: r.code("status", Panel.Status.self) ?? .planned, startedAt: r.text("started_at"), endedAt: r.text("ended_at"))
        },
        encode: { p in [CSVField.id(p.id), p.date.iso, p.type.rawValue, p.chair ?? "", p.status.rawValue, p.startedAt ?? "", p.endedAt ?? ""] },
        existing: { db, e in try e.id.flatMap { try Panel.cached(db, where: "id = ?", [$0]) } },
        merge: { old, new in keeping(old, new, id: \.id) },
        describe: { "panel \($0.date.iso)" }
    ).withVersion()

    nonisolated(unsafe) static let attendees = Codec<PanelAttendee>(
        kind: "attendees",
        columns: ["id", "panel_id", "name", "organisation", "role", "apologies", "login"],
        required: ["panel_id", "name"],
        decode: { r in
            PanelAttendee(id: r.id(), panelId: r.id("panel_id") ?? 0, name: r.name("name") ?? "",
                          organisation: r.name("organisation", required: false), role: r.name("role", required: false),
                          apologies: r.bool("apologies"), login: r.login("login"))
        },
        encode: { a in [CSVField.id(a.id), String(a.panelId), a.name, a.organisation ?? "", a.role ?? "", CSVField.bool(a.apologies), a.login ?? ""] },
        references: { a in [("panel_id", "panels", String(a.panelId))] },
        existing: { db, e in
            if let id = e.id { return try PanelAttendee.cached(db, where: "id = ?", [id]) }
            return try PanelAttendee.cached(db, where: "\"panelId\" IS ? AND \"name\" IS ?", [e.panelId, e.name])
        },
        merge: { old, new in var e = new; e.id = old.id; return e },
        describe: { "panel \($0.panelId): attendee" }
    )

    nonisolated(unsafe) static let panelItems = Codec<PanelItem>(
        kind: "panelitems",
        columns: ["id", "panel_id", "case_ref", "position", "reasons", "status", "decision", "decision_note", "note_shared", "seconds",
                  "removal_reason"],
        required: ["panel_id", "case_ref", "position"],
        decode: { r in
            PanelItem(id: r.id(), panelId: r.id("panel_id") ?? 0, caseRef: r.required("case_ref"), position: r.int("position", required: true) ?? 0,
                      reasons: r.note("reasons") ?? "", status: r.code("status", PanelItem.Status.self) ?? .pending,
                      decision: r.note("decision"), decisionNote: r.note("decision_note"), noteShared: r.bool("note_shared"),
                      seconds: r.int("seconds") ?? 0, removalReason: r.note("removal_reason"))
        },
        encode: { i in [CSVField.id(i.id), String(i.panelId), i.caseRef, String(i.position), i.reasons, i.status.rawValue,
                        i.decision ?? "", i.decisionNote ?? "", CSVField.bool(i.noteShared), String(i.seconds), i.removalReason ?? ""] },
        references: { i in [("panel_id", "panels", String(i.panelId)), ("case_ref", "cases", i.caseRef)] },
        existing: { db, e in
            if let id = e.id { return try PanelItem.cached(db, where: "id = ?", [id]) }
            return try PanelItem.cached(db, where: "\"panelId\" IS ? AND \"caseRef\" IS ?", [e.panelId, e.caseRef])
        },
        caseRef: { $0.caseRef },
        merge: { old, new in keeping(old, new, id: \.id) },
        describe: { "panel \($0.panelId): item \($0.caseRef)" },
        namesChild: .openCase("case_ref")
    ).withVersion()
}
