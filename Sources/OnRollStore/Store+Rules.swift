import OnRollCore

/// The dated facts the statutory clocks of issue 16.5 need: an off-site direction on a case, and the
/// day-6 notice, exam and panel-decision dates on a suspension. Each is an audited, chronicled edit.
extension Store {
    /// A direction to off-site provision (s29A Education Act 2002); nil fields are left as they are.
    public struct OffsiteDirection: Equatable, Sendable {
        public var firstDay: SchoolDate?
        public var notice: SchoolDate?
        public var reviewRequested: SchoolDate?
        public var reviewHeld: SchoolDate?
        public init(firstDay: SchoolDate? = nil, notice: SchoolDate? = nil, reviewRequested: SchoolDate? = nil,
                    reviewHeld: SchoolDate? = nil) {
            self.firstDay = firstDay; self.notice = notice; self.reviewRequested = reviewRequested; self.reviewHeld = reviewHeld
        }
        public var isEmpty: Bool { self == OffsiteDirection() }
    }

    /// Records the off-site direction's dates. The notice, a request and a review are things that have
    /// happened, so none may be after today; the first day may be ahead.
    @discardableResult
    public func recordOffsite(user: String, ref: String, _ d: OffsiteDirection, today: SchoolDate,
                              expectedVersion: Int? = nil) throws -> Case {
        guard !d.isEmpty else { throw StoreError.invalid("give at least one of the first day, notice, review requested, review held") }
        for (date, what) in [(d.notice, "the off-site notice"), (d.reviewRequested, "the review request"), (d.reviewHeld, "the review meeting")] {
            if let date, let p = RecordedDate.problem(date, today: today, what: what) { throw StoreError.invalid(p) }
        }
        return try editCase(user: user, ref: ref, expectedVersion: expectedVersion, date: today, kind: .status, op: .caseOffsite,
                            describe: { _, c in Store.describeOffsite(c) }) { c in
            if let x = d.firstDay { c.offsiteFirstDay = x }
            if let x = d.notice { c.offsiteNotice = x }
            if let x = d.reviewRequested { c.offsiteReviewRequested = x }
            if let x = d.reviewHeld { c.offsiteReviewHeld = x }
            guard c.offsiteFirstDay != nil else {
                throw StoreError.invalid("an off-site direction needs its first day before its notice or reviews")
            }
        }
    }

    public static func describeOffsite(_ c: Case) -> String {
        "Off-site direction: first day \(c.offsiteFirstDay?.iso ?? "—"), notice \(c.offsiteNotice?.iso ?? "—"), "
            + "review requested \(c.offsiteReviewRequested?.iso ?? "—"), review held \(c.offsiteReviewHeld?.iso ?? "—")"
    }

    /// The dates a suspension's clocks read beyond its steps; nil fields are left as they are.
    public struct SuspensionFacts: Equatable, Sendable {
        public var examDate: SchoolDate?
        public var provisionNotice: SchoolDate?
        public var noticeWaived: Bool?
        public var panelDecisionSent: SchoolDate?
        public var panelDecisionByHand: Bool?
        public init(examDate: SchoolDate? = nil, provisionNotice: SchoolDate? = nil, noticeWaived: Bool? = nil,
                    panelDecisionSent: SchoolDate? = nil, panelDecisionByHand: Bool? = nil) {
            self.examDate = examDate; self.provisionNotice = provisionNotice; self.noticeWaived = noticeWaived
            self.panelDecisionSent = panelDecisionSent; self.panelDecisionByHand = panelDecisionByHand
        }

        /// The words for the audit and chronology line, or nil when nothing is set.
        public var describe: String? {
            var out: [String] = []
            if let d = examDate { out.append("exam on \(d.iso)") }
            if let d = provisionNotice { out.append("day-6 provision notice given \(d.iso)") }
            if let w = noticeWaived { out.append(w ? "parents waived the day-6 notice" : "day-6 notice not waived") }
            if let d = panelDecisionSent {
                out.append("panel's decision \(panelDecisionByHand == true ? "delivered by hand" : "posted") \(d.iso)")
            } else if let h = panelDecisionByHand {
                out.append("panel's decision sent \(h ? "by hand" : "by first-class post")")
            }
            return out.isEmpty ? nil : out.joined(separator: "; ")
        }

        /// Applies the facts; the notice and the panel decision's sending have happened, so not after today.
        public func apply(to s: inout Suspension, today: SchoolDate) throws {
            if let d = provisionNotice, let p = RecordedDate.problem(d, today: today, what: "the day-6 notice") { throw StoreError.invalid(p) }
            if let d = panelDecisionSent, let p = RecordedDate.problem(d, today: today, what: "the panel's decision") { throw StoreError.invalid(p) }
            if (panelDecisionSent != nil || panelDecisionByHand != nil) && s.type != .permanent {
                throw StoreError.invalid("suspension \(s.id ?? 0) is not a permanent exclusion: it has no review panel")
            }
            if let d = panelDecisionSent, let panel = s.reviewPanel, d < panel {
                throw StoreError.invalid("the panel's decision is dated \(d.iso), before the panel met (\(panel.iso))")
            }
            if let d = examDate { s.examDate = d; s.examMissed = true }
            if let d = provisionNotice { s.provisionNotice = d }
            if let w = noticeWaived { s.provisionNoticeWaived = w }
            if let d = panelDecisionSent { s.panelDecisionSent = d }
            if let h = panelDecisionByHand { s.panelDecisionByHand = h }
        }
    }

    /// Records the facts on suspension `id`: audited, and a line in the chronology of the child's open cases.
    @discardableResult
    public func recordSuspensionFacts(user: String, id: Int64, _ f: SuspensionFacts, today: SchoolDate) throws -> Suspension {
        guard let text = f.describe else { throw StoreError.invalid("nothing to record") }
        return try updateSuspension(user: user, id: id, date: today, describe: text) { s in try f.apply(to: &s, today: today) }
    }
}
