import TerminalKit

/// The key table: one list per screen, plus the keys that work everywhere. `update` dispatches on
/// it and the `?` overlay prints it, so help can never disagree with what the keys do.
public enum KeyMap {
    public struct Binding: Sendable {
        public let keys: [Key]
        public let command: Command
        public var label: String { keys.map(\.label).joined(separator: " ") }
    }

    static func b(_ command: Command, _ keys: Key...) -> Binding { Binding(keys: keys, command: command) }

    public static let global: [Binding] = [
        b(.help, .char("?")), b(.palette, .char(":"), .ctrl("p")), b(.undo, .char("u")),
        b(.refresh, .ctrl("r")), b(.redraw, .ctrl("l")),
    ]

    public static let movement: [Binding] = [
        b(.down, .char("j"), .down), b(.up, .char("k"), .up), b(.pageDown, .pageDown, .ctrl("d")),
        b(.pageUp, .pageUp, .ctrl("u")), b(.top, .char("g"), .home), b(.bottom, .char("G"), .end),
    ]

    public static let caseload: [Binding] = movement + [
        b(.open, .enter), b(.search, .char("/")), b(.clearFilter, .escape), b(.nextView, .char("v")),
        b(.viewMine, .char("1")), b(.viewOverdue, .char("2")), b(.viewDueThisWeek, .char("3")),
        b(.viewOutOfSchool, .char("4")), b(.viewDeadlinesWeek, .char("5")), b(.viewAll, .char("0")),
        b(.filterKind, .char("f")), b(.filterOwner, .char("o")), b(.cycleSort, .char("S")),
        b(.newNote, .char("n")), b(.newAction, .char("a")), b(.newSuspension, .char("s")),
        b(.planReviews, .char("P")), b(.openReports, .char("R")), b(.panelMode, .char("M")),
        b(.overdueActions, .char("A")), b(.frontDoor, .char("N")), b(.quit, .char("q")),
    ]

    public static let caseScreen: [Binding] = movement + [
        b(.nextTab, .tab, .right, .char("l")), b(.prevTab, .backTab, .left, .char("h")),
        b(.newNote, .char("n")), b(.newAction, .char("a")), b(.completeAction, .char("d")),
        b(.newSuspension, .char("s")), b(.changeStatus, .char("t")), b(.changeOwner, .char("w")),
        b(.recordContact, .char("c")), b(.reviewPlan, .char("r")), b(.openCaseForChild, .char("O")),
        b(.reflectSuspension, .char("R")), b(.addProfessional, .char("m")), b(.recordEnquiry, .char("e")),
        b(.editOutOfSchool, .char("E")), b(.recordEHC, .char("H")),
        b(.suspensionDates, .char("S")), b(.recordOffsite, .char("W")),
        b(.annualContact, .char("A")), b(.setNextReview, .char("V")), b(.togglePanelFlag, .char("F")),
        b(.cancelAction, .char("x")), b(.rescheduleAction, .char("D")), b(.recordVoice, .char("v")),
        b(.addPlanPhase, .char("p")), b(.changePlanTarget, .char("T")), b(.endPlan, .char("X")),
        b(.back, .char("q"), .escape),
    ]

    public static let planList: [Binding] = movement + [
        b(.reviewPlan, .char("r"), .enter), b(.addPlanPhase, .char("p")), b(.changePlanTarget, .char("T")),
        b(.endPlan, .char("X")), b(.open, .char("o")), b(.back, .char("q"), .escape),
    ]

    /// The overdue actions across the caseload: Enter opens the case on its Actions tab.
    public static let overdueActionList: [Binding] = movement + [
        b(.open, .enter, .char("o")), b(.completeAction, .char("d")), b(.cancelAction, .char("x")),
        b(.rescheduleAction, .char("D")), b(.back, .char("q"), .escape),
    ]

    /// What arrived since the officer last looked, by school: Enter opens the child's case.
    public static let frontDoorList: [Binding] = movement + [
        b(.open, .enter, .char("o")), b(.back, .char("q"), .escape),
    ]

    public static let reports: [Binding] = movement + [
        b(.nextReport, .right, .tab, .char("l")), b(.prevReport, .left, .backTab, .char("h")),
        b(.reportCaseload, .char("1")), b(.reportSuspensions, .char("2")), b(.reportReintegration, .char("3")),
        b(.reportOutOfSchool, .char("4")), b(.reportActions, .char("5")),
        b(.reportYearBack, .char("[")), b(.reportYearForward, .char("]")), b(.reportTerm, .char("t")),
        b(.reportPublish, .char("p")), b(.reportChartGroup, .char("c")), b(.reportWrite, .char("w")),
        b(.back, .char("q"), .escape),
    ]

    /// Panel mode: one key for each thing a chair does, n/p (or g and a number) through the agenda,
    /// J/K to scroll the case beside it.
    public static let panel: [Binding] = [
        b(.panelStart, .char("S")),
        b(.panelNext, .char("n"), .char("j"), .down), b(.panelPrev, .char("p"), .char("k"), .up),
        b(.panelDecide, .char("d")), b(.panelAction, .char("a")), b(.panelDefer, .char("f")),
        b(.panelDiscussed, .char("x")), b(.panelEnd, .char("E")), b(.panelReopen, .char("O")),
        b(.panelJump, .char("g")), b(.panelAddItem, .char("+")), b(.panelRemoveItem, .char("-")),
        b(.panelItemUp, .char("<")), b(.panelItemDown, .char(">")), b(.panelAttendee, .char("A")),
        b(.panelPaneDown, .char("J"), .pageDown), b(.panelPaneUp, .char("K"), .pageUp),
        b(.open, .enter, .char("o")), b(.back, .char("q"), .escape),
    ]

    public static func bindings(for mode: ScreenMode) -> [Binding] {
        switch mode {
        case .caseload: caseload + global
        case .caseDetail: caseScreen + global
        case .plans: planList + global
        case .overdueActions: overdueActionList + global
        case .frontDoor: frontDoorList + global
        case .reports: reports + global
        case .panel: panel + global
        }
    }

    public static func command(for key: Key, in mode: ScreenMode) -> Command? {
        bindings(for: mode).first { $0.keys.contains(key) }?.command
    }
}

public enum ScreenMode: Sendable, Equatable {
    case caseload, caseDetail, plans, reports, panel, overdueActions, frontDoor
}
