import OnRollCore
import TerminalKit

/// The team around the child, in the case Summary: the lead first, each with agency, role and contact.
enum TeamPane {
    static func lines(_ team: [Professional], width w: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        let current = team.filter { $0.left == nil }.sorted { ($0.isLead ? 0 : 1, $0.id ?? 0) < ($1.isLead ? 0 : 1, $1.id ?? 0) }
        if current.isEmpty { out.append(StyledLine("  nobody recorded yet · m adds a professional", Theme.dim)) }
        if !current.isEmpty, !current.contains(where: \.isLead) {
            out.append(StyledLine("  ! no lead professional", Theme.warning))
        }
        for p in current {
            let role = p.role.map { ", \($0)" } ?? ""
            let contact = p.contact.map { " · \($0)" } ?? ""
            let since = p.since.map { w >= 100 ? " · since \($0.iso)" : "" } ?? ""
            out.append(StyledLine("  \(p.isLead ? "★ lead " : "       ")\(p.name) — \(p.agency)\(role)\(contact)\(since)", p.isLead ? Theme.good : Theme.plain))
        }
        let left = team.filter { $0.left != nil }
        if !left.isEmpty {
            out.append(StyledLine("  left: " + left.map { "\($0.name) (\($0.agency), \($0.left!.iso))" }.joined(separator: "; "), Theme.dim))
        }
        return out
    }
}

/// A child out of sight, in the case Summary: the CNIS fields, consent flags, last contact and the
/// CME enquiry checklist.
enum OutOfSchoolPane {
    static func lines(_ f: CaseFile, today: SchoolDate, width w: Int) -> [StyledLine] {
        var out = [StyledLine(""), StyledLine("Out of school", Theme.header)]
        guard let o = f.outOfSchool else {
            out.append(StyledLine("  no out-of-school record yet · E records the address, parents and educator", Theme.dim))
            return out
        }
        let contact = f.lastContact.map { "last contact \($0.iso) (\($0.days(to: today)) days ago)" } ?? "no contact recorded"
        out.append(StyledLine("  Last seen \(o.lastSeen?.iso ?? "never recorded") · \(contact)", (f.lastContact.map { $0.days(to: today) > 28 } ?? true) ? Theme.warning : Theme.plain))
        out += Wrap.labelled("  Address", o.childAddress ?? "not recorded", width: w)
        let p1 = o.parent1Name.map { $0 + (o.parent1Address.map { ", \($0)" } ?? "") } ?? "not recorded"
        out += Wrap.labelled("  Parent 1", p1, width: w)
        if let p2 = o.parent2Name { out += Wrap.labelled("  Parent 2", p2 + (o.parent2Address.map { ", \($0)" } ?? ""), width: w) }
        out += Wrap.labelled("  Educator", (o.educator ?? "unknown") + (o.educatorHours.map { ", \(CaseloadView.fmt($0)) h/week" } ?? ""), width: w)
        if let pr = o.otherProviders { out += Wrap.labelled("  Other providers", pr, width: w) }
        if o.needsConsentToWithdraw {
            out.append(StyledLine("  ! Withdrawal to home education needs the authority's consent (\(o.consentGrounds.joined(separator: ", ")))", Theme.danger))
        }
        if f.case.kind == .cme || !o.enquiriesDone.isEmpty {
            let done = o.enquiriesDone
            out.append(StyledLine("  CME enquiries \(done.count)/\(CMEEnquiry.allCases.count): "
                + CMEEnquiry.allCases.map { (done.contains($0) ? "✓" : "·") + $0.rawValue }.joined(separator: " "), done.count == CMEEnquiry.allCases.count ? Theme.good : Theme.plain))
        }
        out.append(StyledLine("  E edits this record · e records an enquiry step · c records a contact", Theme.dim))
        return out
    }
}
