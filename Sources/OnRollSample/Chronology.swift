import OnRollCore

extension Builder {
    /// Tops each case up to 6–12 entries with notes, puts them in date order and gives them ids and
    /// timestamps. Anything that happened before the case opened (an earlier suspension, the roll
    /// deletion) is recorded on the opening date as history, so every entry sits inside the case's life.
    func finishChronology() {
        var noteRng = Random(seed: seed, stream: 4)
        // Draw the sizes first so the million-entry array is allocated once, not regrown.
        let wants = out.cases.indices.map { _ in noteRng.int(6...12) }
        out.chronology.reserveCapacity(out.cases.indices.reduce(0) { $0 + max(wants[$1], pending[$1].count) })
        for c in out.cases.indices {
            let kase = out.cases[c]
            let end = kase.closedOn ?? today
            var entries = pending[c]
            pending[c] = []   // free as we go: at 100k cases the queue is a million entries
            let want = wants[c]
            let pool: [String] = switch kase.kind {
            case .cme: Phrases.missingNotes
            case .ehe, .offroll: Phrases.homeNotes
            default: Phrases.schoolNotes
            }
            let carer = carers(caseChild[c])[0].relation
            while entries.count < want {
                let d = noteRng.int(0...max(0, kase.opened.days(to: end)))
                entries.append(ChronologyEntry(caseRef: kase.ref, date: cal.weekday(kase.opened.adding(days: d)), recordedAt: "",
                                               author: kase.owner ?? Builder.officers[c % Builder.officers.count],
                                               kind: .note, text: noteRng.pick(pool).replacing("{Carer}", with: carer)))
            }
            for i in entries.indices {
                if entries[i].date < kase.opened {
                    entries[i].text = "Before referral (\(entries[i].date.long)): " + entries[i].text
                    entries[i].date = kase.opened
                }
                if entries[i].date > end { entries[i].date = end }
            }
            // Opening first, closing last, otherwise by date and then the order things were made.
            // Sorting packed integer keys keeps the sort from copying entries (it matters at 100k cases).
            let keys = entries.indices.map { i -> Int in
                let k = entries[i].kind
                let rank = k == .opened ? 0 : (k == .closed ? 2 : 1)
                return ((rank << 24 | entries[i].date.dayNumber) << 16) | i
            }.sorted()
            let order = keys.map { $0 & 0xFFFF }
            var lastDate: SchoolDate?
            var seq = 0
            for i in order {
                var e = entries[i]
                seq = e.date == lastDate ? seq + 1 : 0
                lastDate = e.date
                e.id = nextId(out.chronology.count)
                e.recordedAt = "\(e.date.iso)T\(Builder.pad(9 + seq / 12, 2)):\(Builder.pad((seq % 12) * 5, 2)):00Z"
                out.chronology.append(e)
            }
        }
    }
}
