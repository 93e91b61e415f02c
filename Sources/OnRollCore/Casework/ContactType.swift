/// The kinds of contact an officer records about a child. One list for the console's pick list and
/// the CLI's `--type`, so a report counting home visits never meets "home vist" or "visit".
public enum ContactType {
    /// Every type OnRoll accepts, most used first (the order of the console's pick list).
    public static let known = [EHEAnnualContact.homeVisit, "phone call", "letter", "email", "school enquiry",
                               "agency enquiry", "seen in school", "meeting elsewhere", "report from parents"]

    /// The annual-contact form's choices: the ways a home-educating family is usually contacted.
    public static let annualContactChoices = [EHEAnnualContact.homeVisit, "meeting elsewhere", "phone call", "letter",
                                              "email", "report from parents"]

    /// The listed spelling of a typed type ("Phone-Call" is "phone call"), or nil if it is not one.
    public static func canonical(_ typed: String) -> String? {
        let t = EHEAnnualContact.normalised(typed)
        return known.first { $0 == t }
    }

    /// Why a type is refused, naming every accepted one.
    public static func refusal(_ typed: String) -> String {
        "contact type '\(typed)' is not one OnRoll knows; use one of: \(known.joined(separator: ", "))"
    }
}
