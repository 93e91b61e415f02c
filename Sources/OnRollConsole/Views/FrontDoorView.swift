import OnRollCore
import TerminalKit

/// The front door: each school's arrivals under a heading that counts them, newest at the bottom.
enum FrontDoorView {
    static func render(_ s: AppState, on screen: Screen) {
        let w = screen.width
        let door = s.frontDoor
        let total = (door?.arrivals.count ?? 0) + (door?.more ?? 0)
        let since = door?.sinceAt.map { "since you last looked (\($0.prefix(16).replacingOccurrences(of: "T", with: " ")))" } ?? "your first look"
        screen.line("OnRoll · What arrived · \(total) \(since)", y: 0, style: Theme.title)
        guard let door, !door.arrivals.isEmpty else {
            screen.line("Nothing new since you last looked.", y: 2, style: Theme.dim)
            return
        }
        // Lines: a heading per school, then its arrivals; the selection is an arrival's index.
        var lines: [(text: String, arrival: Int?)] = []
        var i = 0
        for g in door.bySchool {
            lines.append(("\(g.school) — \(FrontDoor.counts(g.arrivals))", nil))
            for a in g.arrivals {
                let row = "  " + TextWidth.pad(TextWidth.truncate(a.kind.label, toWidth: 19), toWidth: 20)
                    + TextWidth.pad(a.caseRef ?? "no case", toWidth: 10)
                    + TextWidth.pad(TextWidth.truncate(a.childName, toWidth: 19), toWidth: 20) + a.detail
                lines.append((row, i)); i += 1
            }
        }
        if door.more > 0 { lines.append(("… and \(door.more) older: `onroll changes --limit N` lists them", nil)) }
        let h = max(1, screen.height - 4)
        let selLine = lines.firstIndex { $0.arrival == s.frontDoorSelection } ?? 0
        let top = max(0, min(selLine - h / 2, lines.count - h))
        for (y, l) in lines.dropFirst(top).prefix(h).enumerated() {
            let selected = l.arrival == s.frontDoorSelection
            let style = l.arrival == nil ? Theme.header : selected ? Theme.selected : Theme.plain
            screen.text((selected ? "›" : " ") + l.text, x: 0, y: 2 + y, width: w, style: style)
        }
    }
}
