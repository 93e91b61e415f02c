import GRDB
import OnRollCore

/// A schools' exclusions return (issue 16): one row per suspension or exclusion, as schools' systems
/// report them. Each row lands as an ordinary suspension or permanent exclusion, so a PERM starts the
/// same statutory clocks as one recorded by hand; a row matching a stored record (same child, start
/// date and category) is that record, so a return imported twice changes nothing.
extension Codecs {
    static let reasonColumns = ["reason_1", "reason_2", "reason_3"]

    nonisolated(unsafe) static let exclusions = Codec<Suspension>(
        kind: "exclusions",
        columns: ["child_ref", "start_date", "category", "reason_1", "reason_2", "reason_3", "sessions", "school_urn"],
        required: ["child_ref", "start_date", "category", "reason_1", "sessions"],
        decode: { r in
            var category: ExclusionCategory?
            if let t = r.text("category") {
                // FIXD is SUSP's name before 2021; older MIS exports still write it.
                if t.uppercased() == "FIXD" { category = .SUSP } else { category = r.code("category", ExclusionCategory.self) }
            } else { r.fail("category", "is required (SUSP, PERM or LNCH)") }
            let sessions = r.int("sessions")
            var days = 0.0
            if let c = category, r.errors.allSatisfy({ !$0.contains(": sessions: ") }) {
                do { days = try c.days(sessions: sessions) } catch { r.fail("sessions", error.message) }
            }
            var codes: [String] = []
            for column in reasonColumns {
                guard let t = r.text(column) else {
                    if column == "reason_1" { r.fail(column, "is required (a DfE reason code, e.g. PA)") }
                    continue
                }
                let code = t.uppercased()
                if code.count > 20 || NameText.problem(code) != nil {
                    r.fail(column, "'\(t.prefix(20))' is not a reason code"); continue
                }
                // Schools' systems run ahead of and behind the DfE list: the raw code is kept, never refused.
                if ReasonCode(rawValue: code) == nil {
                    r.warn(column, "'\(code)' is not a reason code OnRoll knows; imported as \(code)")
                }
                codes.append(code)
            }
            return Suspension(childRef: r.required("child_ref"),
                              start: r.date("start_date", required: true) ?? SchoolDate(dayNumber: 0), days: days,
                              reason: codes.first.flatMap { ReasonCode(rawValue: $0) }, schoolURN: r.text("school_urn"),
                              type: category?.type ?? .suspension, reportedReasons: ReportedReasons(codes),
                              lunchtime: category == .LNCH)
        },
        encode: { s in
            let codes = s.reasonCodes
            return [s.childRef, s.start.iso, ExclusionCategory.of(s).rawValue]
                + (0..<ReportedReasons.limit).map { $0 < codes.count ? codes[$0] : "" }
                + [String(Int((s.days * 2).rounded())), s.schoolURN ?? ""]
        },
        references: { s in [("child_ref", "children", s.childRef)] + (s.schoolURN.map { [("school_urn", "schools", $0)] } ?? []) },
        existing: { db, e in
            try Suspension.filter(Column("childRef") == e.childRef && Column("start") == e.start && Column("type") == e.type.rawValue
                                  && (e.lunchtime ? Column("lunchtime") == true : Column("lunchtime") == nil || Column("lunchtime") == false)).fetchOne(db)
        },
        // The return says what the school reports; the steps and notifications officers recorded stay.
        merge: { old, new in
            var e = old
            e.days = new.days; e.reason = new.reason; e.reportedReasons = new.reportedReasons
            if let urn = new.schoolURN { e.schoolURN = urn }
            return e
        },
        describe: { "\($0.childRef): \(ExclusionCategory.of($0).label.lowercased()) \($0.start.iso)" },
        chronicle: { ctx, s, file in
            let school = try s.schoolURN.flatMap { try School.fetchOne(ctx.db, key: $0) }
            let from = school.map { "\($0.name) (URN \($0.urn))" } ?? "a school"
            let what = s.lunchtime ? "Lunchtime exclusion" : s.type.label
            let text = "\(what) from \(s.start.iso): \(formatDays(s.days)) school day\(s.days == 1 ? "" : "s")"
                + (s.reasonCodes.isEmpty ? "" : ", \(s.reasonsText)")
                + " — exclusions return \(ImportChanges.baseName(file)) from \(from)"
            for ref in try String.fetchAll(ctx.db, sql: "SELECT ref FROM cases WHERE childRef = ? AND status != 'closed' ORDER BY ref",
                                           arguments: [s.childRef]) {
                try ctx.chronicle(ref, date: s.start, kind: .suspension, text: text, linkId: s.id)
            }
        },
        // A row without a school is the child's current school's report.
        stamp: { s, ctx, _ in
            if s.schoolURN == nil {
                s.schoolURN = try? String.fetchOne(ctx.db, sql: "SELECT schoolURN FROM children WHERE ref = ?", arguments: [s.childRef])
            }
        },
        namesChild: .child("child_ref"), schoolColumns: ["school_urn"]
    )
}
