import OnRollCore

/// One change this officer made in this console session, kept so `u` can offer it back.
///
/// Undo is per session and per case: `u` offers only the newest entry for the case on screen, so it
/// can never reach another child's change or an older one. Each reversal carries the version the
/// record had just after the change, so an undo after anyone else's edit is refused, not applied.
public struct UndoEntry: Sendable, Equatable {
    public enum Reversal: Sendable, Equatable {
        case status(to: CaseStatus, version: Int)
        case owner(to: String, version: Int)
        case ehc(EHCSteps, version: Int)
        case cancelAction(id: Int64, version: Int)
        case reopenAction(id: Int64, version: Int)
        case withdrawNote(noteId: Int64)
        case outOfSchool(before: OutOfSchoolRecord, version: Int)
        /// The change is part of a record that is never rewritten; the text says what to do instead.
        case refuse(String)
    }

    /// The EHC dates a case had before an edit.
    public struct EHCSteps: Sendable, Equatable {
        public var request, decision, noPlanNotice, lastReview: SchoolDate?
    }

    public var caseRef: String
    /// The human diff shown before undoing: "WM-00012: status open → closed".
    public var description: String
    public var reversal: Reversal

    public init(caseRef: String, description: String, reversal: Reversal) {
        self.caseRef = caseRef; self.description = description; self.reversal = reversal
    }
}

/// What `u` says for the records it will not reverse.
enum UndoRefusal {
    static let offsite = "an off-site direction's dates are its record: type the right date with W instead"
    static let contact = "a contact is part of the chronology and is never removed: record a correction note instead"
    static let planReview = "a plan review is part of the plan's record and is never removed: record a corrected review instead"
    static let planRecord = "a plan's phases, target and ending are its history: change them again with p, T or a review instead"
    static let reflection = "a reflection is kept as written: add a note to correct it"
    static let professional = "the team's history is kept: record that they left with `onroll team leave` instead"
    static let suspension = "a suspension is part of the child's record and is never removed: add a note saying what is wrong"
    static let openCase = "a case is never removed: close it with t (status) if it was opened by mistake"
    static let newRecord = "the out-of-school record this created is kept: edit it with E instead"
    static let panelDecision = "a panel decision is in the minutes and the chronology: record the corrected decision with d while the panel is open"
    static let panelDeferral = "a deferral is in the chronology and on the next panel's agenda: take it off there with - (or `onroll panel remove … --reason`)"
    static let panelAgenda = "an agenda change is in the chronology and the audit log: put the case back with +, or take it off with -"
    static let panelDiscussed = "'discussed' is in the chronology: record a decision with d if one was made"
}
