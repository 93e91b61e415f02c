import OnRollCore

extension Builder {
    enum Band { case fine, persistent, severe }

    /// Sessions missed as a fraction, drawn inside a band (domain.md: persistent ≥ 10%, severe ≥ 50%).
    func missedFraction(_ band: Band) -> Double {
        switch band {
        case .fine: return Double(rng.int(0...9)) / 100 + rng.double() / 100
        case .persistent: return 0.10 + Double(rng.int(0...38)) / 100 + rng.double() / 100
        case .severe: return 0.50 + Double(rng.int(0...44)) / 100
        }
    }

    /// One register summary: present + authorised + unauthorised == possible.
    @discardableResult
    func addAttendance(child: Int, from: SchoolDate, to: SchoolDate, missed fraction: Double,
                       possible fixed: Int? = nil) -> Int64 {
        let possible = fixed ?? cal.sessions(from: from, to: to)
        let missed = min(possible, Int((Double(possible) * fraction).rounded()))
        let authorised = Int((Double(missed) * (0.3 + rng.double() * 0.5)).rounded())
        let id = nextId(out.attendance.count)
        out.attendance.append(AttendanceRecord(id: id, childRef: out.children[child].ref, from: from, to: to,
                                               possible: possible, present: possible - missed,
                                               authorised: authorised, unauthorised: missed - authorised))
        childHasAttendance[child] = true
        return id
    }

    /// Last year's whole-year figure and this year's to date (sometimes split at half-term).
    func randomAttendance(child: Int, kind: CaseKind) {
        let weights: [(Band, Int)] = switch kind {
        case .ebsa: [(.fine, 10), (.persistent, 50), (.severe, 40)]
        case .partTime: [(.fine, 15), (.persistent, 60), (.severe, 25)]
        case .suspension, .exclusion: [(.fine, 35), (.persistent, 50), (.severe, 15)]
        case .ehe, .cme, .offroll: [(.fine, 20), (.persistent, 45), (.severe, 35)]
        }
        let last = out.terms.filter { $0.academicYear == year.previous }
        let this = out.terms.filter { $0.academicYear == year }
        let lastTo = min(last.last!.end, today)
        // Year 1 children were in Reception last year: no statutory record.
        if SchoolAge.ncYear(dob: out.children[child].dob, in: year) > 1 {
            addAttendance(child: child, from: last[0].start, to: lastTo, missed: missedFraction(rng.weighted(weights)))
        }
        // Children out of school have no register this year.
        guard !kind.isOutOfSchool, this[0].start < today else { return }
        let toDate = cal.back(1, from: today)
        if rng.chance(0.4), this[1].start < toDate {
            addAttendance(child: child, from: this[0].start, to: this[0].end, missed: missedFraction(rng.weighted(weights)))
            addAttendance(child: child, from: this[1].start, to: toDate, missed: missedFraction(rng.weighted(weights)))
        } else {
            addAttendance(child: child, from: this[0].start, to: toDate, missed: missedFraction(rng.weighted(weights)))
        }
    }
}
