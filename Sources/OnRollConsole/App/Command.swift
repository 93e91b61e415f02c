/// Everything a key can ask the console to do. Keys map to commands through `KeyMap`, the palette
/// lists commands by title, and help is generated from the same table.
public enum Command: String, CaseIterable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open, back, quit
    case search, clearFilter
    case nextView, viewAll, viewMine, viewOverdue, viewDueThisWeek, viewOutOfSchool, viewDeadlinesWeek
    case filterKind, filterOwner, cycleSort
    case nextTab, prevTab
    case newNote, newAction, completeAction, newSuspension, changeStatus, changeOwner, openCaseForChild
    case recordContact, reviewPlan, planReviews, recordEHC
    case addPlanPhase, changePlanTarget, endPlan
    case reflectSuspension, addProfessional, recordEnquiry, editOutOfSchool, suspensionDates, recordOffsite
    case annualContact, setNextReview, togglePanelFlag, cancelAction, rescheduleAction, recordVoice, overdueActions
    case frontDoor
    case panelMode, panelStart, panelNext, panelPrev, panelDecide, panelAction, panelDefer, panelDiscussed, panelEnd, panelReopen
    case panelJump, panelAddItem, panelRemoveItem, panelItemUp, panelItemDown, panelAttendee, panelPaneDown, panelPaneUp
    case undo, help, palette, refresh, redraw
    case openReports, nextReport, prevReport
    case reportCaseload, reportSuspensions, reportReintegration, reportOutOfSchool, reportActions
    case reportYearBack, reportYearForward, reportTerm, reportPublish, reportChartGroup, reportWrite

    public var title: String {
        switch self {
        case .up: "Move up"
        case .down: "Move down"
        case .pageUp: "Page up"
        case .pageDown: "Page down"
        case .top: "Go to top"
        case .bottom: "Go to bottom"
        case .open: "Open the selected case"
        case .back: "Back"
        case .quit: "Quit (or back)"
        case .search: "Search by name, UPN or ref"
        case .clearFilter: "Clear search and filters"
        case .nextView: "Next saved view"
        case .viewAll: "View: all open cases"
        case .viewMine: "View: my caseload"
        case .viewOverdue: "View: overdue reviews and actions"
        case .viewDueThisWeek: "View: due this week"
        case .viewOutOfSchool: "View: children out of school (EHE/CME/off-roll)"
        case .viewDeadlinesWeek: "View: deadlines this week"
        case .filterKind: "Filter by case kind (cycles)"
        case .filterOwner: "Filter by owner (cycles)"
        case .cycleSort: "Change sort order"
        case .nextTab: "Next tab"
        case .prevTab: "Previous tab"
        case .newNote: "Add a note"
        case .newAction: "Add an action"
        case .completeAction: "Mark an action done"
        case .newSuspension: "Record a suspension"
        case .changeStatus: "Change status"
        case .changeOwner: "Change owner (hand the case over)"
        case .openCaseForChild: "Open a new case for this child"
        case .recordContact: "Record a contact or enquiry"
        case .reviewPlan: "Record a plan review"
        case .recordEHC: "Record EHC needs assessment steps"
        case .addPlanPhase: "Add a phase to the plan"
        case .changePlanTarget: "Move the plan's target date"
        case .endPlan: "End the plan (completed, extended, broken down)"
        case .planReviews: "PRU review view: plans by setting"
        case .reflectSuspension: "Reflect on the selected suspension"
        case .suspensionDates: "Record dates on the selected suspension (exam, day-6 notice, exclusion steps)"
        case .recordOffsite: "Record an off-site direction (first day, notice, reviews)"
        case .addProfessional: "Add a professional to the team"
        case .recordEnquiry: "Record a CME enquiry step"
        case .editOutOfSchool: "Edit the out-of-school (CNIS) record"
        case .annualContact: "Record the EHE annual contact (home visit, child seen)"
        case .setNextReview: "Set the next review date"
        case .togglePanelFlag: "Flag or unflag for panel"
        case .cancelAction: "Cancel an action (a reason is required)"
        case .rescheduleAction: "Reschedule an action (new due date, why)"
        case .recordVoice: "Record pupil and parent voice"
        case .overdueActions: "Overdue actions across the caseload"
        case .frontDoor: "What arrived since you last looked"
        case .panelMode: "Panel mode: open the next planned panel (does not start it)"
        case .panelStart: "Panel: start the meeting (starts its clock)"
        case .panelReopen: "Panel: reopen this ended panel to correct it"
        case .panelNext: "Panel: next item"
        case .panelPrev: "Panel: previous item"
        case .panelDecide: "Panel: record the decision"
        case .panelAction: "Panel: add an agreed action"
        case .panelDefer: "Panel: defer to the next panel"
        case .panelDiscussed: "Panel: mark discussed"
        case .panelEnd: "Panel: end the meeting (asks first)"
        case .panelJump: "Panel: go to item N"
        case .panelAddItem: "Panel: add a case to the agenda"
        case .panelRemoveItem: "Panel: take the item off the agenda (with a reason)"
        case .panelItemUp: "Panel: move the item up the agenda"
        case .panelItemDown: "Panel: move the item down the agenda"
        case .panelAttendee: "Panel: record an attendee or apologies"
        case .panelPaneDown: "Panel: scroll the case pane down"
        case .panelPaneUp: "Panel: scroll the case pane up"
        case .undo: "Undo my last change"
        case .help: "Help: keys for this screen"
        case .palette: "Command palette"
        case .refresh: "Reload from the store"
        case .redraw: "Redraw the screen"
        case .openReports: "Open the reports screen"
        case .nextReport: "Report: next"
        case .prevReport: "Report: previous"
        case .reportCaseload: "Report: caseload"
        case .reportSuspensions: "Report: suspensions and exclusions"
        case .reportReintegration: "Report: reintegration plans"
        case .reportOutOfSchool: "Report: children out of school"
        case .reportActions: "Report: actions by agency"
        case .reportYearBack: "Report: previous academic year"
        case .reportYearForward: "Report: next academic year"
        case .reportTerm: "Report: whole year / autumn / spring / summer"
        case .reportPublish: "Report: toggle publishable (suppress 1–5)"
        case .reportChartGroup: "Report: chart by school or by trust"
        case .reportWrite: "Report: write it to a markdown file"
        }
    }
}
