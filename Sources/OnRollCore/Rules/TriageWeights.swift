/// The named coefficients of the triage score, Taskwarrior-urgency style: the score is a plain sum of
/// terms, each term is a coefficient times a measure, and every coefficient can be tuned by name
/// (`onroll config set triage.<key> <value>`). docs/triage.md gives the reasoning for each default.
public struct TriageWeights: Hashable, Sendable {
    public struct Factor: Hashable, Sendable {
        /// Stable key, e.g. `kind.cme`.
        public let key: String
        public let defaultValue: Double
        /// What one unit is ("case", "day", "deadline").
        public let per: String
        /// Most units counted (nil: no cap).
        public let cap: Double?
        /// Why the default is what it is, one line.
        public let reason: String
    }

    public static let factors: [Factor] = [
        Factor(key: "kind.cme", defaultValue: 12, per: "case", cap: nil,
               reason: "nobody knows where the child is or whether they are safe"),
        Factor(key: "kind.exclusion", defaultValue: 10, per: "case", cap: nil,
               reason: "permanent exclusion: the LA owns provision from day 6 and a statutory review clock is running"),
        Factor(key: "kind.offroll", defaultValue: 6, per: "case", cap: nil,
               reason: "a child removed from a roll in the school's interest may have no education at all"),
        Factor(key: "kind.part-time", defaultValue: 4, per: "case", cap: nil,
               reason: "a reduced timetable is lost education and must stay short"),
        Factor(key: "kind.suspension", defaultValue: 3, per: "case", cap: nil,
               reason: "repeated suspensions predict permanent exclusion"),
        Factor(key: "kind.ebsa", defaultValue: 3, per: "case", cap: nil,
               reason: "emotionally based school avoidance deepens the longer it lasts"),
        Factor(key: "kind.ehe", defaultValue: 2, per: "case", cap: nil,
               reason: "elective home education is lawful; the duty is light-touch unless something else is flagged"),
        Factor(key: "flag.cp", defaultValue: 10, per: "child", cap: nil,
               reason: "a child protection plan: known risk of significant harm, and school is a safeguard"),
        Factor(key: "flag.lac", defaultValue: 8, per: "child", cap: nil,
               reason: "a looked-after child: the authority is the corporate parent"),
        Factor(key: "flag.cin", defaultValue: 5, per: "child", cap: nil,
               reason: "a child in need: social care is involved"),
        Factor(key: "sen.ehcp", defaultValue: 4, per: "child", cap: nil,
               reason: "an EHC plan: the authority must secure the provision in it"),
        Factor(key: "sen.support", defaultValue: 2, per: "child", cap: nil,
               reason: "SEN support: unmet need is a common driver of exclusion and absence"),
        Factor(key: "attendance.persistent", defaultValue: 5, per: "latest record", cap: nil,
               reason: "missing 10% or more of sessions (persistent absence)"),
        Factor(key: "attendance.severe", defaultValue: 12, per: "latest record", cap: nil,
               reason: "missing half or more of sessions (severe absence); replaces the persistent term"),
        Factor(key: "attendance.worsening", defaultValue: 2, per: "trend", cap: nil,
               reason: "absence rose by a percentage point or more since the previous record"),
        Factor(key: "suspension.days", defaultValue: 0.4, per: "school day suspended this academic year", cap: 45,
               reason: "each day out of school counts; capped at the 45-day limit (18 points)"),
        Factor(key: "suspension.repeat-no-reflection", defaultValue: 5, per: "case", cap: nil,
               reason: "a repeat suspension after one nobody reflected on: the pattern is not being broken"),
        Factor(key: "deadline.breached", defaultValue: 5, per: "deadline", cap: 3,
               reason: "a statutory limit was missed; up to 3 count (15 points)"),
        Factor(key: "deadline.overdue", defaultValue: 6, per: "deadline", cap: 4,
               reason: "still not done after its due date: actionable now, so it outweighs a past breach; up to 4 count"),
        Factor(key: "deadline.imminent", defaultValue: 2, per: "deadline", cap: 3,
               reason: "due within 7 days (about 5 school days); up to 3 count"),
        Factor(key: "deadline.no-calendar", defaultValue: 2, per: "case", cap: nil,
               reason: "a clock could not be counted (term dates missing), so nobody can see whether it is late"),
        Factor(key: "action.overdue", defaultValue: 2, per: "action", cap: 5,
               reason: "an agreed action past its due date; up to 5 count"),
        Factor(key: "contact.days", defaultValue: 0.25, per: "day since last contact beyond 10 (out-of-school cases)", cap: 60,
               reason: "a child not on a roll is seen by nobody else; weeks unseen climb steadily (up to 15 points)"),
        Factor(key: "review.overdue", defaultValue: 4, per: "case", cap: nil,
               reason: "the officer's own review date has passed"),
        Factor(key: "status.referral", defaultValue: 3, per: "case", cap: nil,
               reason: "a referral nobody has triaged yet"),
        Factor(key: "referral.unowned", defaultValue: 5, per: "school day a referral has waited with no owner", cap: 6,
               reason: "nobody is working it: a week unowned outranks a part-time timetable at 38; at most 30 points, from the 6th school day"),
        Factor(key: "status.monitoring", defaultValue: -3, per: "case", cap: nil,
               reason: "in monitoring: the plan is working, so it sinks below active work"),
        Factor(key: "panel.flagged", defaultValue: 3, per: "case", cap: nil,
               reason: "an officer put the case on the next panel's agenda"),
    ]

    static let index: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, f) in factors.enumerated() { d[f.key] = i }
        return d
    }()

    public static var keys: [String] { factors.map(\.key) }

    public static func factor(_ key: String) -> Factor? { index[key].map { factors[$0] } }

    private var values: [Double]

    /// The defaults.
    public init() { values = TriageWeights.factors.map(\.defaultValue) }

    /// Defaults with stored overrides applied (as `config set triage.<key>` stores them).
    public init(overrides: [String: Double]) throws(ValidationError) {
        self.init()
        for (k, v) in overrides.sorted(by: { $0.key < $1.key }) { try set(k, v) }
    }

    /// The coefficient for `key`, or nil for an unknown key.
    public subscript(key: String) -> Double? { TriageWeights.index[key].map { values[$0] } }

    /// Coefficient by key; unknown keys read 0 (internal use with known constants).
    public func value(_ key: String) -> Double { TriageWeights.index[key].map { values[$0] } ?? 0 }

    /// Sets one coefficient. Accepts the bare key or `triage.<key>`.
    public mutating func set(_ key: String, _ value: Double) throws(ValidationError) {
        var k = key.trimmingSpaces
        if k.hasPrefix("triage.") { k = String(k.dropFirst("triage.".count)) }
        guard let i = TriageWeights.index[k] else {
            throw ValidationError("'\(k.prefix(40))' is not a triage factor (one of: \(TriageWeights.keys.joined(separator: ", ")))",
                                  field: "triage")
        }
        guard value.isFinite, abs(value) <= 1000 else {
            throw ValidationError("triage.\(k) must be a number between -1000 and 1000", field: "triage.\(k)")
        }
        values[i] = value
    }

    /// Only what differs from the defaults: what the store keeps.
    public var overrides: [String: Double] {
        var d: [String: Double] = [:]
        for (i, f) in TriageWeights.factors.enumerated() where values[i] != f.defaultValue { d[f.key] = values[i] }
        return d
    }
}
