import OnRollCore
import TerminalKit

/// A modal form: labelled fields, Tab/↑↓ between them, Enter on the last field (or Ctrl-S) saves.
/// Date fields are checked as you leave them; pick lists cycle with ←/→ or a typed first letter.
public struct Form: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case note(caseRef: String)
        case action(caseRef: String)
        case completeAction(id: Int64)
        case suspension(childRef: String, caseRef: String)
        case status(caseRef: String, version: Int)
        case owner(caseRef: String, version: Int)
        case openCase(childRef: String)
        case contact(caseRef: String)
        case planReview(planId: Int64, caseRef: String)
        case planPhase(planId: Int64, caseRef: String)
        case planTarget(planId: Int64, caseRef: String)
        case planEnd(planId: Int64, caseRef: String)
        case ehc(caseRef: String, version: Int)
        case panelDecision(itemId: Int64, caseRef: String)
        case panelAction(itemId: Int64, caseRef: String)
        case panelJump(panelId: Int64)
        case panelAddItem(panelId: Int64)
        case panelRemoveItem(panelId: Int64, caseRef: String)
        case panelAttendee(panelId: Int64)
        case reflection(suspensionId: Int64, caseRef: String)
        case suspensionDates(suspensionId: Int64, caseRef: String)
        case offsite(caseRef: String, version: Int)
        case professional(caseRef: String)
        case enquiry(childRef: String, caseRef: String)
        case outOfSchool(childRef: String, caseRef: String)
        case annualContact(caseRef: String)
        case nextReview(caseRef: String, version: Int)
        case cancelAction(id: Int64, caseRef: String)
        case rescheduleAction(id: Int64, caseRef: String)
        case voice(childRef: String, caseRef: String)
    }

    public enum Kind: Equatable, Sendable {
        case text
        case date
        case number
        case pick([String])
    }

    public struct Field: Equatable, Sendable {
        public var key: String
        public var label: String
        public var kind: Kind
        public var required: Bool
        public var editor: LineEditor
        public var error: String?
        /// Letters typed into a pick list so far: "ed" finds "educational psychology".
        public var typed = ""

        public init(_ key: String, _ label: String, _ kind: Kind = .text, required: Bool = false, value: String = "") {
            self.key = key; self.label = label; self.kind = kind; self.required = required
            editor = LineEditor(value)
            if case .pick(let options) = kind, value.isEmpty, let first = options.first { editor = LineEditor(first) }
        }

        public var value: String { editor.string.trimmingSpaces }
    }

    public var title: String
    public var purpose: Purpose
    public var fields: [Field]
    public var focus = 0
    public var dirty = false

    public init(title: String, purpose: Purpose, fields: [Field]) {
        self.title = title; self.purpose = purpose; self.fields = fields
    }

    public subscript(key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    public enum Outcome: Equatable { case editing, submit, cancel }

    /// Routes a key to the form. Returns `.submit` once every field validates.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape:
            return .cancel
        case .tab, .down:
            move(1)
        case .backTab, .up:
            move(-1)
        case .enter:
            if focus < fields.count - 1 { move(1) } else { return validateAll() ? .submit : .editing }
        case .ctrl("s"):
            return validateAll() ? .submit : .editing
        default:
            if case .pick(let options) = fields[focus].kind {
                pick(key, options)
            } else if fields[focus].editor.handle(key) {
                dirty = true
                fields[focus].error = nil
            }
        }
        return .editing
    }

    private mutating func move(_ d: Int) {
        validate(focus)
        fields[focus].typed = ""
        focus = min(max(0, focus + d), fields.count - 1)
    }

    private mutating func pick(_ key: Key, _ options: [String]) {
        guard !options.isEmpty else { return }
        let current = options.firstIndex(of: fields[focus].value) ?? 0
        var next = current
        // A space continues a typed name ("educational p"); on its own it cycles like →.
        let spaceCycles = key == .char(" ") && fields[focus].typed.isEmpty
        switch key {
        case .right: next = (current + 1) % options.count
        case .char(" ") where spaceCycles: next = (current + 1) % options.count
        case .left: next = (current - 1 + options.count) % options.count
        case .char(let c):
            // Type-ahead: extend what was typed while an option still starts with it; otherwise
            // start again from this letter and move to the next option starting with it.
            let extended = fields[focus].typed + String(c).lowercased()
            if let hit = options.firstIndex(where: { $0.lowercased().hasPrefix(extended) }), extended.count > 1 {
                next = hit
                fields[focus].typed = extended
            } else {
                let lc = String(c).lowercased()
                let order = (1...options.count).map { (current + $0) % options.count }
                if let hit = order.first(where: { options[$0].lowercased().hasPrefix(lc) }) { next = hit }
                fields[focus].typed = lc
            }
        default: return
        }
        fields[focus].editor = LineEditor(options[next])
        dirty = true
    }

    @discardableResult
    mutating func validate(_ i: Int) -> Bool {
        let f = fields[i]
        var problem: String?
        if f.required && f.value.isEmpty { problem = "required" }
        else if !f.value.isEmpty {
            switch f.kind {
            case .date:
                do { _ = try SchoolDate.parse(f.value) } catch { problem = error.message }
            case .number:
                if Double(f.value) == nil { problem = "not a number" }
            default: break
            }
        }
        fields[i].error = problem
        return problem == nil
    }

    mutating func validateAll() -> Bool {
        var ok = true
        for i in fields.indices where !validate(i) {
            if ok { focus = i }
            ok = false
        }
        return ok
    }
}
