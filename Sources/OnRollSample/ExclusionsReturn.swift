import OnRollCore

/// One row of a schools' exclusions return: the child by UPN, as schools name them.
public struct ReturnRow: Sendable, Hashable {
    public var upn: UPN
    public var suspension: Suspension
}

extension Schools {
    /// A fictional 7-digit DfE number: LA 960 (no real authority), then an establishment number in the
    /// DfE's ranges by phase (2xxx primary, 4xxx secondary, 7xxx special, 11xx PRU and AP).
    static func laestab(_ s: School) -> String {
        let n = (Int(s.urn) ?? 0) % 1000
        let base: Int
        switch (s.type, s.phase) {
        case (.pru?, _), (.ap?, _): base = 1100
        case (.special?, _), (_, .special?): base = 7000
        case (_, .primary?): base = 2000
        default: base = 4000
        }
        return "960" + String(base + n)
    }
}

extension Builder {
    /// The return the schools sent in the week before today, for the README's tour: rows the store
    /// does not hold yet in every category (SUSP, LNCH, PERM), a code OnRoll does not know, one child
    /// named by the temporary UPN the school still holds, one school by its DfE number, and a row
    /// already on the caseload (importing it changes nothing).
    func buildExclusionsReturn() {
        for i in out.schools.indices { out.schools[i].laestab = Schools.laestab(out.schools[i]) }
        let childIndex = Dictionary(uniqueKeysWithValues: out.children.enumerated().map { ($1.ref, $0) })
        let excluded = Set(out.suspensions.filter(\.isPermanent).map(\.childRef))
        var picked: [Int] = []
        for c in out.cases where c.kind == .suspension && c.isOpen && !excluded.contains(c.childRef) {
            guard let i = childIndex[c.childRef], let upn = out.children[i].upn, !upn.isTemporary,
                  out.children[i].schoolURN != nil, !picked.contains(i) else { continue }
            picked.append(i)
            if picked.count == 4 { break }
        }
        guard picked.count == 4 else { return }
        // The five school days before today.
        let week = (0..<5).map { cal.forward(-5 + $0, from: today) }
        func row(_ child: Int, _ start: SchoolDate, _ days: Double, _ type: SuspensionType, _ codes: [String], lunchtime: Bool = false) {
            let kid = out.children[child]
            let s = Suspension(childRef: kid.ref, start: start, days: days, reason: codes.first.flatMap { ReasonCode(rawValue: $0) },
                               schoolURN: kid.schoolURN, type: type, reportedReasons: ReportedReasons(codes), lunchtime: lunchtime)
            out.exclusionsReturn.append(ReturnRow(upn: kid.formerUPN ?? kid.upn!, suspension: s))
        }
        // A temporary UPN the school never replaced: the child was given a permanent one since.
        let renamed = picked[1]
        if let upn = out.children[renamed].upn {
            out.children[renamed].formerUPN = UPN.withCheckLetter(body: String(upn.value.dropFirst().prefix(11)) + "Z")
        }
        row(picked[0], week[3], 2, .suspension, ["VA", "DB"])
        row(picked[1], week[2], 0.5, .suspension, ["DB"], lunchtime: true)
        row(picked[2], week[4], 0.5, .suspension, ["MP"])  // mobile phone: on schools' lists, not yet the DfE's
        row(picked[3], week[4], 1, .permanent, ["PA", "VA", "DM"])
        // Already on the caseload, as the school reports it again.
        if let s = out.suspensions.filter({ !$0.isPermanent && $0.reason != nil && $0.days >= 1 && $0.start < week[0] })
            .max(by: { ($0.start, $0.id ?? 0) < ($1.start, $1.id ?? 0) }),
           let i = childIndex[s.childRef], let upn = out.children[i].upn {
            out.exclusionsReturn.append(ReturnRow(upn: upn, suspension: s))
        }
    }
}
