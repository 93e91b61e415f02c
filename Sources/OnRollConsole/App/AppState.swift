import OnRollCore
import OnRollStore

/// The console's whole state, as a value: views draw it, `update` changes it.
public struct AppState: Sendable {
    public enum SavedView: String, CaseIterable, Sendable {
        case all = "All open cases"
        case mine = "My caseload"
        case overdue = "Overdue reviews and actions"
        case dueThisWeek = "Due this week"
        case outOfSchool = "Children out of school"
        case deadlinesWeek = "Deadlines this week"
    }

    public enum SortKey: String, CaseIterable, Sendable {
        case triage = "triage score"
        case review = "next review"
        case name = "child's name"
        case ref = "case ref"
    }

    public enum CaseTab: String, CaseIterable, Sendable {
        case summary = "Summary"
        case why = "Why"
        case chronology = "Chronology"
        case actions = "Actions"
        case suspensions = "Suspensions & attendance"
        case plan = "Plan"
    }

    /// A yes/no question in the status line; `y` runs `onYes`.
    public struct Confirm: Sendable, Equatable {
        public enum Action: Sendable, Equatable {
            case discardForm
            /// Save the open form after all (an action already overdue).
            case saveForm
            /// Index into `undo` of the change offered.
            case undo(Int)
            case endPanel
            case reopenPanel(Int64)
        }
        public var question: String
        public var action: Action
    }

    public struct Palette: Sendable, Equatable {
        public var query = LineEditor()
        public var selection = 0
        public var matches: [Command] { Fuzzy.rank(Command.allCases, by: \.title, query: query.string) }
    }

    public enum Overlay: Sendable, Equatable { case help, palette(Palette) }

    // Context
    public var user: String
    public var today: SchoolDate
    public var storeName: String
    public var width = 80
    public var height = 24

    // Caseload: each open case's summary row (the read model), never the whole case files.
    public var all: [CaseRow] = []
    public var visible: [Int] = []
    public var view: SavedView = .all
    public var filter = CaseFilter()
    public var sort: SortKey = .triage
    public var searching = false
    public var searchEditor = LineEditor()
    public var selection = 0
    public var scroll = 0

    // Case screen
    public var mode: ScreenMode = .caseload
    public var detail: AssessedCase?
    public var tab: CaseTab = .summary
    public var detailScroll = 0
    public var actionSelection = 0
    /// The suspension picked on the Suspensions tab (newest first, as shown) for `R`, the reflection form.
    public var suspensionSelection = 0

    // Plan review view (PRU head)
    public var planSetting: String?
    public var planRows: [PlanRow] = []
    public var planSelection = 0

    // Overdue actions across the caseload
    public var overdueActions: [OverdueAction] = []
    public var overdueSelection = 0
    /// The front door as it was when opened (the look is recorded then), and the arrival picked.
    public var frontDoor: FrontDoor?
    public var frontDoorSelection = 0
    /// Where Esc from a case goes back to: the caseload (its view and filters as left), the plans
    /// view or the overdue-actions list.
    public var returnMode: ScreenMode = .caseload

    // Reports screen
    public var reports = ReportScreenState()
    // Panel mode (the weekly meeting)
    public var panel: PanelSession?

    // Modal layers
    public var form: Form?
    public var confirm: Confirm?
    public var overlay: Overlay?

    public var message = ""
    /// The open form could not be saved because the server store was unreachable: it is saved again on
    /// each poll until the server answers (Esc gives up, the form as typed is dropped only then).
    public var retryingSave = false
    /// The last poll could not reach the server store.
    public var serverUnavailable = false
    public var undo: [UndoEntry] = []
    public var quit = false
    /// Set by Ctrl-L; the runtime asks the backend to repaint the whole terminal, then clears it.
    public var repaintRequested = false

    public init(user: String, today: SchoolDate, storeName: String) {
        self.user = user; self.today = today; self.storeName = storeName
    }

    public var selected: CaseRow? {
        visible.indices.contains(selection) ? all[visible[selection]] : nil
    }

    /// The minimum the console draws into; below it a notice asks for a bigger terminal.
    public static let minWidth = 60
    public static let minHeight = 16
    public var tooSmall: Bool { width < AppState.minWidth || height < AppState.minHeight }

    /// Rows available to the caseload table (title, header, status and hint lines take five).
    public var listHeight: Int { max(1, height - 5) }
}

/// One row of the PRU head's review view.
public struct PlanRow: Sendable, Equatable {
    public var plan: PlanDetail
    public var caseRef: String
    public var childName: String
    public var weeksIn: Int
    public var phaseSessions: Int?
    public var nextReview: SchoolDate?
    public var overdue: Bool
    public var lastRAG: RAG?
    /// Attended ÷ planned per review, oldest first (the sparkline).
    public var attendance: [Double]

    public init(plan: PlanDetail, caseRef: String, childName: String, weeksIn: Int, phaseSessions: Int?,
                nextReview: SchoolDate?, overdue: Bool, lastRAG: RAG?, attendance: [Double]) {
        self.plan = plan; self.caseRef = caseRef; self.childName = childName; self.weeksIn = weeksIn
        self.phaseSessions = phaseSessions; self.nextReview = nextReview; self.overdue = overdue
        self.lastRAG = lastRAG; self.attendance = attendance
    }
}

/// Fuzzy matching for the palette: every typed letter in order, tighter matches first.
public enum Fuzzy {
    public static func score(_ candidate: String, _ query: String) -> Int? {
        let c = Array(candidate.lowercased()), q = Array(query.lowercased().filter { $0 != " " })
        if q.isEmpty { return 0 }
        var i = 0, last = -1, gaps = 0
        for (j, ch) in c.enumerated() where i < q.count && ch == q[i] {
            if last >= 0 { gaps += j - last - 1 }
            last = j; i += 1
        }
        return i == q.count ? gaps : nil
    }

    public static func rank<T>(_ items: [T], by title: (T) -> String, query: String) -> [T] {
        items.compactMap { item in score(title(item), query).map { (item, $0) } }
            .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
    }
}
