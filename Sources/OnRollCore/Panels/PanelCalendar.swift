/// The panel's actions as an iCalendar file (RFC 5545): one all-day event on each action's due
/// date, and one for the next panel. Cases are named by ref and initials only: calendars travel.
/// DTSTAMP is the panel's date, so the same panel always gives the same bytes.
public enum PanelCalendar {
    public static func ics(_ r: PanelRecord) -> String {
        let stamp = "\(basic(r.panel.date))T000000Z"
        let pid = r.panel.id.map(String.init) ?? "0"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//OnRoll//Panel actions//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + text("\(r.title): actions")]
        for (item, a) in r.allActions {
            guard let due = a.due else { continue }
            lines += [
                "BEGIN:VEVENT",
                "UID:panel-\(pid)-action-\(a.id.map(String.init) ?? "0")@onroll",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(basic(due))",
                "DTEND;VALUE=DATE:\(basic(due.adding(days: 1)))",
                // Ref, initials and agency only: an action's wording and its owner can name people.
                "SUMMARY:" + text("Due: \(a.agency) action for \(item.item.caseRef) (\(item.initials))"),
                "DESCRIPTION:" + text("Agreed at the \(r.title) for \(item.item.caseRef) (\(item.initials)).\nAgency: \(a.agency)\nThe action is in OnRoll and the panel's minutes."),
                "CATEGORIES:" + text(a.agency),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        if let n = r.nextPanel {
            lines += [
                "BEGIN:VEVENT",
                "UID:panel-\(n.id.map(String.init) ?? "next")@onroll",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(basic(n.date))",
                "DTEND;VALUE=DATE:\(basic(n.date.adding(days: 1)))",
                "SUMMARY:" + text("\(n.type.label) panel"),
                "DESCRIPTION:" + text("Next \(n.type.label.lowercased()) panel\(n.chair.map { ", chaired by \($0)" } ?? "")."),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261126`
    static func basic(_ d: SchoolDate) -> String { d.iso.filter { $0 != "-" } }

    /// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newline; other
    /// control characters are dropped, as no calendar can show them.
    public static func text(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space,
    /// which counts towards their 75, and a UTF-8 sequence is never split.
    public static func fold(_ line: String) -> String {
        var out = "", used = 0
        for u in line.unicodeScalars {
            let n = String(u).utf8.count
            if used + n > 75 {
                out += "\r\n "
                used = 1
            }
            out.unicodeScalars.append(u)
            used += n
        }
        return out
    }

    /// Undoes `fold`: what a calendar reader does before parsing.
    public static func unfold(_ text: String) -> String {
        let u = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView(), i = 0
        while i < u.count {
            if u[i] == "\r", i + 2 < u.count, u[i + 1] == "\n", u[i + 2] == " " { i += 3; continue }
            out.append(u[i]); i += 1
        }
        return String(out)
    }
}

/// The panel's action list as CSV (RFC 4180), overall or for one agency: what is sent to each
/// agency after the meeting. Children appear by case ref and initials only.
public enum PanelActionList {
    public static let header = ["panel_id", "panel_date", "case_ref", "child", "agency", "action", "owner", "due", "status", "action_id"]

    public static func csv(_ r: PanelRecord, agency: String? = nil) -> String {
        var rows = [header]
        let picked = agency.map { AgencyMatch.filter(r.allActions.map(\.1.agency), by: $0) }
        for (item, a) in r.allActions where picked.map({ $0.contains(a.agency) }) ?? true {
            rows.append([r.panel.id.map(String.init) ?? "", r.panel.date.iso, item.item.caseRef, item.initials,
                         a.agency, a.description,
                         a.owner ?? "", a.due?.iso ?? "", a.status.rawValue, a.id.map(String.init) ?? ""])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ s: String) -> String { CSVQuote.field(s) }
}
