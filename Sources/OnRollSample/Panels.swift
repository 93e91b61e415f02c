import OnRollCore

/// Two inclusion panels: last week's (closed, with decisions and actions) and the next one,
/// planned for the Thursday after `today` and ready to run.
extension Builder {
    func buildPanels() {
        let next = today.adding(days: (4 - today.weekday + 7) % 7 == 0 ? 7 : (4 - today.weekday + 7) % 7)
        let past = next.adding(days: -7)

        let pastId = nextId(out.panels.count)
        out.panels.append(Panel(id: pastId, date: past, type: .inclusion, chair: "Asha Patel", status: .closed,
                                startedAt: "\(past.iso)T13:30:00Z", endedAt: "\(past.iso)T15:05:00Z"))
        for (name, org, role) in [("Asha Patel", "Westmarch Council, Inclusion Team", "Chair"),
                                  ("Dan Kowalski", "Westmarch Council, Inclusion Team", "Inclusion officer"),
                                  ("Marcia Campbell", "The Bridge Centre (Westmarch PRU)", "Headteacher"),
                                  ("Ravi Nair", "Westmarch Educational Psychology Service", "Senior educational psychologist")] {
            out.attendees.append(PanelAttendee(id: nextId(out.attendees.count), panelId: pastId, name: name, organisation: org, role: role))
        }
        // Last week's panel discussed a handful of open cases opened before it: a decision line and an action each.
        var discussed = 0
        for c in out.cases.indices where discussed < 5 && out.cases[c].isOpen && out.cases[c].opened < past
            && out.cases[c].kind != .ehe && c % 3 == 0 {
            let kase = out.cases[c]
            let decision = textRng.pick(["Agreed: request an EP consultation and review in four weeks.",
                                         "Agreed: AP taster placement, two days a week, from next half-term.",
                                         "Agreed: team-around-the-child meeting within ten school days.",
                                         "Agreed: bring back to panel after the governors' review."])
            log(c, past, .decision, "Inclusion panel \(past.short): \(decision)", author: "asha.patel")
            let id = nextId(out.actions.count)
            out.actions.append(CaseAction(id: id, caseRef: kase.ref, agency: "LA inclusion", owner: kase.owner ?? "dan.kowalski",
                                          description: "Panel action: \(decision.dropFirst(8))", due: cal.forward(10, from: past),
                                          created: past, panelId: pastId))
            log(c, past, .action, "Action for LA inclusion agreed at panel (due \(cal.forward(10, from: past).short)).", link: id)
            discussed += 1
        }

        let nextIdValue = nextId(out.panels.count)
        out.panels.append(Panel(id: nextIdValue, date: next, type: .inclusion, chair: "Asha Patel", status: .planned))
        for (name, org, role) in [("Asha Patel", "Westmarch Council, Inclusion Team", "Chair"),
                                  ("Tom Reid", "Westmarch Council, Inclusion Team", "Inclusion officer"),
                                  ("Marcia Campbell", "The Bridge Centre (Westmarch PRU)", "Headteacher"),
                                  ("Ruth Adeyemi", "Westmarch Virtual School", "Virtual school head"),
                                  ("Piotr Nowak", "Westmarch Education Welfare Service", "Senior education welfare officer"),
                                  ("Gareth Hale", "Kingsmead Academy", "Deputy headteacher (inclusion)")] {
            out.attendees.append(PanelAttendee(id: nextId(out.attendees.count), panelId: nextIdValue, name: name, organisation: org, role: role))
        }
    }
}
