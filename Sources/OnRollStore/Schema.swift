import GRDB

/// The store's schema as GRDB migrations. A migration, once released, is never edited: a later
/// change is a new migration, so a store made by an older build opens in a newer one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-caseload", migrate: v1)
        m.registerMigration("v2-ehc-steps") { db in
            try db.alter(table: "cases") { t in
                t.add(column: "ehcDecision", .text)
                t.add(column: "ehcNoPlanNotice", .text)
            }
        }
        // Redacted minutes show an item's free text only where the chair marked it safe to share.
        m.registerMigration("v3-panel-note-shared") { db in
            try db.alter(table: "panelItems") { t in
                t.add(column: "noteShared", .boolean).notNull().defaults(to: false)
            }
        }
        // An imported chronology line is the importer's; the file's author and time are kept beside it.
        m.registerMigration("v4-chronology-reported") { db in
            try db.alter(table: "chronology") { t in
                t.add(column: "reportedBy", .text)
                t.add(column: "reportedAt", .text)
            }
        }
        // The caseload's read model: one summary row per case, kept in the write path (SummaryWriter),
        // and a trigram index of each summary's folded search text (rowid = the summary's id).
        m.registerMigration("v5-case-summary") { db in
            try db.create(table: "caseSummary") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("caseRef", .text).notNull().unique()
                t.column("childRef", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("status", .text).notNull()
                t.column("owner", .text)
                t.column("opened", .integer).notNull()
                t.column("nextReview", .integer)
                t.column("childName", .text).notNull()
                t.column("dob", .integer).notNull()
                t.column("schoolURN", .text)
                t.column("schoolName", .text)
                t.column("flags", .text).notNull()
                t.column("searchText", .text).notNull()
                t.column("asOf", .integer).notNull()
                t.column("validUntil", .integer).notNull()
                t.column("fixedTenths", .integer).notNull()
                t.column("contactBase", .integer)
                t.column("contactWeight", .double).notNull()
                t.column("contactCap", .double).notNull()
                t.column("overdue", .boolean).notNull()
                t.column("nextDue", .integer)
                t.column("nextDueTitle", .text)
                t.column("openDue", .integer)
                t.column("lastContact", .integer)
                t.column("rulesVersion", .integer).notNull()
            }
            try db.create(index: "caseSummary_child", on: "caseSummary", columns: ["childRef"])
            try db.create(index: "caseSummary_school", on: "caseSummary", columns: ["schoolURN"])
            try db.execute(sql: "CREATE VIRTUAL TABLE caseSearch USING fts5(text, tokenize = 'trigram')")
        }
        // The first page of the caseload is found through the fixed part of the score (Store+Summaries,
        // `caseRowsFirstPage`), not by computing every case's score and sorting 100,000 rows.
        m.registerMigration("v6-summary-fixed-index") { db in
            try db.create(index: "caseSummary_fixed", on: "caseSummary", columns: ["fixedTenths"])
        }
        // Data from schools (issue 16): a child's former UPN to match a school's file by, the DfE number
        // schools name themselves by, and an exclusions return's reasons as reported and its lunchtimes.
        m.registerMigration("v7-school-data") { db in
            try db.alter(table: "children") { t in t.add(column: "formerUPN", .text) }
            try db.alter(table: "schools") { t in t.add(column: "laestab", .text) }
            try db.alter(table: "suspensions") { t in
                // NULL, not a default: see Suspension.reportedReasons.
                t.add(column: "reportedReasons", .text)
                t.add(column: "lunchtime", .boolean)
            }
            try db.create(index: "children_upn", on: "children", columns: ["upn"])
            try db.create(index: "children_formerUPN", on: "children", columns: ["formerUPN"])
        }
        // Common Transfer Files (issue 16.2): a year's attendance per school, the details only a CTF brings,
        // and the schools a child has been on the roll of.
        m.registerMigration("v8-ctf-transfers") { db in
            try db.alter(table: "attendance") { t in t.add(column: "laestab", .text) }
            try db.create(table: "pupilTransfers") { t in
                t.column("childRef", .text).primaryKey().references("children")
                for c in ["ncYear", "preferredSurname", "senNeeds", "address", "contacts", "sourceLAESTAB"] { t.column(c, .text) }
            }
            try db.create(table: "schoolHistory") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("childRef", .text).notNull().references("children")
                t.column("laestab", .text).notNull()
                t.column("schoolName", .text)
                t.column("entry", .text).notNull()
                t.column("leaving", .text)
                t.column("leavingReason", .text)
                t.uniqueKey(["childRef", "laestab", "entry"])
            }
        }
        // The whole meeting in panel mode (issue 17.3): who sent apologies rather than attending, and why a
        // case was taken off the agenda (the item stays, marked removed, so the minutes can say so).
        m.registerMigration("v9-panelmode") { db in
            try db.alter(table: "panelAttendees") { t in t.add(column: "apologies", .boolean).notNull().defaults(to: false) }
            try db.alter(table: "panelItems") { t in t.add(column: "removalReason", .text) }
        }
        // The rules of issue 16.5: an exam's date, the day-6 provision notice, the panel decision's
        // sending (the reconsideration clock runs from its deemed service), and off-site directions.
        // NULL when unset, not a default, so audit snapshots of older rows still match (Suspension.lunchtimeFlag).
        m.registerMigration("v9-rules") { db in
            try db.alter(table: "suspensions") { t in
                t.add(column: "examDate", .text)
                t.add(column: "provisionNotice", .text)
                t.add(column: "provisionNoticeWaived", .boolean)
                t.add(column: "panelDecisionSent", .text)
                t.add(column: "panelDecisionByHand", .boolean)
            }
            try db.alter(table: "cases") { t in
                for c in ["offsiteFirstDay", "offsiteNotice", "offsiteReviewRequested", "offsiteReviewHeld"] { t.add(column: c, .text) }
            }
        }
        // A panel attendee's login on a server store, which row-level security keys on (issue 15). Kept
        // on a file store too, so it travels with export and restore.
        m.registerMigration("v9-server-logins") { db in
            try db.alter(table: "panelAttendees") { t in t.add(column: "login", .text) }
        }
        return m
    }

    static func v1(_ db: Database) throws {
        try db.create(table: "schools") { t in
            t.column("urn", .text).primaryKey()
            t.column("name", .text).notNull()
            t.column("phase", .text)
            t.column("type", .text)
            t.column("trust", .text)
            t.column("roll", .integer)
        }
        try db.create(table: "children") { t in
            t.column("ref", .text).primaryKey()
            t.column("upn", .text)
            t.column("forename", .text).notNull()
            t.column("surname", .text).notNull()
            t.column("preferredName", .text)
            t.column("dob", .text).notNull()
            t.column("sex", .text)
            t.column("schoolURN", .text).references("schools")
            t.column("sen", .text).notNull()
            t.column("senNeed", .text)
            t.column("flags", .text).notNull()
            t.column("strengths", .text)
            t.column("interests", .text)
            t.column("pupilVoice", .text)
            t.column("parentVoice", .text)
            t.column("contacts", .text)
            t.column("version", .integer).notNull()
        }
        try db.create(index: "children_school", on: "children", columns: ["schoolURN"])
        try db.create(table: "cases") { t in
            t.column("ref", .text).primaryKey()
            t.column("childRef", .text).notNull().references("children")
            t.column("kind", .text).notNull()
            t.column("status", .text).notNull()
            t.column("opened", .text).notNull()
            t.column("owner", .text)
            t.column("summary", .text)
            t.column("nextReview", .text)
            t.column("closedOn", .text)
            t.column("closureReason", .text)
            t.column("flaggedForPanel", .boolean).notNull()
            t.column("ehcRequest", .text)
            t.column("ehcLastReview", .text)
            t.column("partTimeEnd", .text)
            t.column("partTimeReview", .text)
            t.column("fairAccessAccepted", .text)
            t.column("fairAccessPlaced", .text)
            t.column("version", .integer).notNull()
        }
        try db.create(index: "cases_child", on: "cases", columns: ["childRef"])
        try db.create(index: "cases_status", on: "cases", columns: ["status"])
        try db.create(table: "chronology") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("caseRef", .text).notNull().references("cases")
            t.column("date", .text).notNull()
            t.column("recordedAt", .text).notNull()
            t.column("author", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("text", .text).notNull()
            t.column("contactType", .text)
            t.column("outcome", .text)
            t.column("linkId", .integer)
        }
        try db.create(index: "chronology_case", on: "chronology", columns: ["caseRef", "date", "id"])
        try db.create(table: "actions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("caseRef", .text).notNull().references("cases")
            t.column("agency", .text).notNull()
            t.column("owner", .text)
            t.column("description", .text).notNull()
            t.column("due", .text)
            t.column("status", .text).notNull()
            t.column("completed", .text)
            t.column("outcome", .text)
            t.column("created", .text).notNull()
            t.column("panelId", .integer)
            t.column("version", .integer).notNull()
        }
        try db.create(index: "actions_case", on: "actions", columns: ["caseRef"])
        try db.create(table: "suspensions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("childRef", .text).notNull().references("children")
            t.column("start", .text).notNull()
            t.column("days", .double).notNull()
            t.column("reason", .text)
            t.column("schoolURN", .text)
            t.column("type", .text).notNull()
            t.column("noticeDate", .text)
            t.column("examMissed", .boolean).notNull()
            t.column("notifiedLA", .text)
            t.column("notifiedSocialWorker", .text)
            t.column("notifiedVirtualSchool", .text)
            t.column("notifiedHomeLA", .text)
            t.column("provisionFrom", .text)
            t.column("governorsMet", .text)
            t.column("decisionLetter", .text)
            t.column("reviewRequested", .text)
            t.column("reviewPanel", .text)
            t.column("reconsidered", .text)
            t.column("pexOutcome", .text)
            t.column("version", .integer).notNull()
        }
        try db.create(index: "suspensions_child", on: "suspensions", columns: ["childRef", "start"])
        try db.create(table: "reflections") { t in
            t.column("suspensionId", .integer).primaryKey().references("suspensions")
            t.column("date", .text).notNull()
            t.column("whatHappened", .text).notNull()
            t.column("triggers", .text)
            t.column("pupilView", .text)
            t.column("whatWillChange", .text)
            t.column("author", .text).notNull()
        }
        try db.create(table: "attendance") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("childRef", .text).notNull().references("children")
            t.column("from", .text).notNull()
            t.column("to", .text).notNull()
            t.column("possible", .integer).notNull()
            t.column("present", .integer).notNull()
            t.column("authorised", .integer)
            t.column("unauthorised", .integer)
        }
        try db.create(index: "attendance_child", on: "attendance", columns: ["childRef", "from"])
        try db.create(table: "terms") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("academicYear", .text).notNull()
            t.column("term", .text).notNull()
            t.column("start", .text).notNull()
            t.column("end", .text).notNull()
            t.column("closures", .text).notNull()
            t.uniqueKey(["academicYear", "start"])
        }
        try db.create(table: "plans") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("caseRef", .text).notNull().references("cases")
            t.column("fromURN", .text).notNull()
            t.column("toURN", .text).notNull()
            t.column("start", .text).notNull()
            t.column("target", .text).notNull()
            t.column("reviewEvery", .integer).notNull()
            t.column("successCriteria", .text)
            t.column("support", .text)
            t.column("status", .text).notNull()
            t.column("endedOn", .text)
            t.column("endReason", .text)
            t.column("version", .integer).notNull()
        }
        try db.create(index: "plans_case", on: "plans", columns: ["caseRef"])
        try db.create(table: "planPhases") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("planId", .integer).notNull().references("plans")
            t.column("from", .text).notNull()
            t.column("to", .text).notNull()
            t.column("sessions", .integer).notNull()
            t.column("description", .text)
        }
        try db.create(index: "phases_plan", on: "planPhases", columns: ["planId"])
        try db.create(table: "planReviews") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("planId", .integer).notNull().references("plans")
            t.column("date", .text).notNull()
            t.column("attended", .integer).notNull()
            t.column("planned", .integer).notNull()
            t.column("rag", .text).notNull()
            t.column("working", .text)
            t.column("notWorking", .text)
            t.column("pupilVoice", .text)
            t.column("parentVoice", .text)
            t.column("decision", .text)
            t.column("note", .text)
            t.column("author", .text).notNull()
        }
        try db.create(index: "reviews_plan", on: "planReviews", columns: ["planId"])
        try db.create(table: "professionals") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("caseRef", .text).notNull().references("cases")
            t.column("agency", .text).notNull()
            t.column("role", .text)
            t.column("name", .text).notNull()
            t.column("contact", .text)
            t.column("since", .text)
            t.column("isLead", .boolean).notNull()
            t.column("left", .text)
            t.column("version", .integer).notNull()
        }
        try db.create(index: "professionals_case", on: "professionals", columns: ["caseRef"])
        try db.create(table: "deletions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("childRef", .text).notNull().references("children")
            t.column("schoolURN", .text).notNull()
            t.column("date", .text).notNull()
            t.column("ground", .text).notNull()
            t.column("laNotified", .boolean).notNull()
            t.column("notifiedOn", .text)
            t.column("destination", .text)
        }
        try db.create(table: "outOfSchool") { t in
            t.column("childRef", .text).primaryKey().references("children")
            for c in ["childAddress", "parent1Name", "parent1Address", "parent2Name", "parent2Address",
                      "educator", "otherProviders", "lastSeen", "lastAnnualContact", "enquirySchool",
                      "enquiryHomeVisit", "enquirySiblings", "enquiryHealth", "enquirySocialCare",
                      "enquiryPolice", "enquiryOtherLA", "lostPupilDatabase"] {
                t.column(c, .text)
            }
            t.column("educatorHours", .double)
            t.column("s47Enquiry", .boolean).notNull()
            t.column("cpPlan", .boolean).notNull()
            t.column("specialSchool", .boolean).notNull()
            t.column("version", .integer).notNull()
        }
        try db.create(table: "panels") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("date", .text).notNull()
            t.column("type", .text).notNull()
            t.column("chair", .text)
            t.column("status", .text).notNull()
            t.column("startedAt", .text)
            t.column("endedAt", .text)
            t.column("version", .integer).notNull()
        }
        try db.create(table: "panelAttendees") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("panelId", .integer).notNull().references("panels")
            t.column("name", .text).notNull()
            t.column("organisation", .text)
            t.column("role", .text)
        }
        try db.create(table: "panelItems") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("panelId", .integer).notNull().references("panels")
            t.column("caseRef", .text).notNull().references("cases")
            t.column("position", .integer).notNull()
            t.column("reasons", .text).notNull()
            t.column("status", .text).notNull()
            t.column("decision", .text)
            t.column("decisionNote", .text)
            t.column("seconds", .integer).notNull()
            t.column("version", .integer).notNull()
        }
        try db.create(index: "items_panel", on: "panelItems", columns: ["panelId", "position"])
        try db.create(table: "agencies") { t in
            t.column("name", .text).primaryKey()
        }
        try db.create(table: "config") { t in
            t.column("key", .text).primaryKey()
            t.column("value", .text).notNull()
        }
        // The audit log: append-only, each entry's hash chains to the previous one.
        try db.create(table: "audit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("user", .text).notNull()
            t.column("op", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entityId", .text).notNull()
            t.column("caseRef", .text)
            t.column("summary", .text).notNull()
            t.column("before", .text)
            t.column("after", .text)
            t.column("prevHash", .text).notNull()
            t.column("hash", .text).notNull()
        }
        try db.create(index: "audit_entity", on: "audit", columns: ["entity", "entityId"])
        try db.create(index: "audit_case", on: "audit", columns: ["caseRef"])
        // Nothing the store writes ever deletes or rewrites an audit entry; make SQLite refuse too.
        try db.execute(sql: """
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER chronology_no_delete BEFORE DELETE ON chronology BEGIN SELECT RAISE(ABORT, 'the chronology is append-only'); END;
            """)
    }
}
