/// A record of something that happened (a contact, a note, a review, attendance) can't be dated after
/// the day it is recorded: a contact dated 25 December typed on 23 November showed "last contact -32
/// days ago" and lifted a child out of the queue. Plans, reviews due and actions look forward and are
/// not checked here.
public enum RecordedDate {
    /// Nil when `date` is today or earlier; otherwise the reason, naming the field.
    public static func problem(_ date: SchoolDate, today: SchoolDate, what: String) -> String? {
        guard date > today else { return nil }
        return "\(what) is dated \(date.iso), after today (\(today.iso)): record it on or after the day it happens"
    }
}
