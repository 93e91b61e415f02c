import XCTest
@testable import OnRollCore

/// `d("2026-11-04")`: dates in tests are literals, so a typo should fail loudly.
func d(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> SchoolDate {
    do { return try SchoolDate.parse(s) } catch {
        XCTFail("bad test date \(s): \(error)", file: file, line: line)
        return SchoolDate(dayNumber: 0)
    }
}

let y2025 = AcademicYear(startYear: 2025)
let y2026 = AcademicYear(startYear: 2026)

/// A small calendar (checked by hand against a wall calendar):
/// - 2025/26: summer 2 only, Mon 1 Jun – Wed 22 Jul 2026.
/// - 2026/27: autumn Mon 7 Sep (INSET) – Fri 23 Oct; Mon 2 Nov – Fri 18 Dec (18 Dec pm closed, so 0.5);
///   spring Mon 4 Jan – Fri 12 Feb; Mon 22 Feb – Thu 25 Mar 2027;
///   summer Mon 12 Apr – Fri 28 May (Mon 3 May bank holiday); Mon 7 Jun – Tue 20 Jul 2027.
/// - 2027/28: not stored.
func testCalendar(withPreviousYear: Bool = true) -> SchoolCalendar {
    var rows = [
        TermDates(academicYear: y2026, term: .autumn, start: d("2026-09-07"), end: d("2026-10-23"),
                  closures: [Closure(from: d("2026-09-07"), to: d("2026-09-07"))]),
        TermDates(academicYear: y2026, term: .autumn, start: d("2026-11-02"), end: d("2026-12-18"),
                  closures: [Closure(from: d("2026-12-18"), to: d("2026-12-18"), halfDay: true)]),
        TermDates(academicYear: y2026, term: .spring, start: d("2027-01-04"), end: d("2027-02-12")),
        TermDates(academicYear: y2026, term: .spring, start: d("2027-02-22"), end: d("2027-03-25")),
        TermDates(academicYear: y2026, term: .summer, start: d("2027-04-12"), end: d("2027-05-28"),
                  closures: [Closure(from: d("2027-05-03"), to: d("2027-05-03"))]),
        TermDates(academicYear: y2026, term: .summer, start: d("2027-06-07"), end: d("2027-07-20")),
    ]
    if withPreviousYear {
        rows.append(TermDates(academicYear: y2025, term: .summer, start: d("2026-06-01"), end: d("2026-07-22")))
    }
    return SchoolCalendar(rows: rows)
}

func child(_ ref: String = "C1", flags: [ChildFlag] = [], sen: SENStatus = .none) -> Child {
    Child(ref: ref, forename: "Sam", surname: "Test", dob: d("2013-05-01"), sen: sen, flags: FlagSet(flags))
}

func caseFile(kind: CaseKind = .suspension, status: CaseStatus = .open, opened: String = "2026-09-14",
              flags: [ChildFlag] = [], sen: SENStatus = .none, suspensions: [Suspension] = [],
              configure: (inout Case) -> Void = { _ in }) -> CaseFile {
    var c = Case(ref: "K1", childRef: "C1", kind: kind, status: status, opened: d(opened))
    configure(&c)
    return CaseFile(case: c, child: child(flags: flags, sen: sen), suspensions: suspensions)
}

func susp(_ start: String, _ days: Double, id: Int64? = nil, type: SuspensionType = .suspension,
          configure: (inout Suspension) -> Void = { _ in }) -> Suspension {
    var s = Suspension(id: id, childRef: "C1", start: d(start), days: days, type: type)
    configure(&s)
    return s
}

extension Array where Element == Deadline {
    func of(_ kind: String) -> [Deadline] { filter { $0.kind == kind } }
    func one(_ kind: String, file: StaticString = #filePath, line: UInt = #line) -> Deadline? {
        let m = of(kind)
        XCTAssertEqual(m.count, 1, "expected one \(kind), got \(m.map { "\($0.due) \($0.state)" })", file: file, line: line)
        return m.first
    }
}
