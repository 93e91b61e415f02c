import XCTest
@testable import OnRollCore

/// Issue 13.1's input side: what a name or ref may hold, and how a search compares names.
final class NameAndSearchTextTests: XCTestCase {
    func testANameMayNotHoldControlBidiOrInvisibleCharacters() {
        XCTAssertNil(NameText.problem("Zoë Wiśniewska-O'Neill"))
        XCTAssertNil(NameText.problem("Oisín Ó Briain"))
        XCTAssertEqual(NameText.problem("tom\u{1B}]0;x\u{07}"), "contains a control character (line break, tab or escape)")
        XCTAssertEqual(NameText.problem("a\u{9B}2J"), "contains a control character (line break, tab or escape)")
        XCTAssertEqual(NameText.problem("two\nlines"), "contains a control character (line break, tab or escape)")
        XCTAssertEqual(NameText.problem("asha\u{202E}letap"), "contains a bidi control character (it changes the order the name is shown in)")
        XCTAssertEqual(NameText.problem("x\u{2066}y"), "contains a bidi control character (it changes the order the name is shown in)")
        XCTAssertEqual(NameText.problem("Jaz\u{200B}mine"), "contains an invisible character (a zero-width space, joiner or soft hyphen)")
        XCTAssertEqual(NameText.problem("Jaz\u{AD}mine"), "contains an invisible character (a zero-width space, joiner or soft hyphen)")
    }

    func testSearchFoldsCaseDiacriticsAndInvisibleCharacters() {
        XCTAssertEqual(SearchText.key("Zoë"), "zoe")
        XCTAssertEqual(SearchText.key("Zoe\u{308}"), "zoe", "a decomposed diaeresis folds the same")
        XCTAssertEqual(SearchText.key("Wiśniewski"), "wisniewski")
        XCTAssertEqual(SearchText.key("Oisín"), "oisin")
        XCTAssertEqual(SearchText.key("Łukasz Øverås"), "lukasz overas")
        XCTAssertEqual(SearchText.key("Jaz\u{200B}mine"), "jazmine")
        XCTAssertEqual(SearchText.key("Jaz\u{AD}mine"), "jazmine")
        XCTAssertEqual(SearchText.key("Straße"), "straße", "a letter that is not a letter with a mark stays")
        XCTAssertEqual(SearchText.key("KACPER"), "kacper")
    }

    func testACaseFilterSearchFindsNamesWhateverTheirMarks() {
        let child = Child(ref: "C1", upn: nil, forename: "Jaz\u{200B}mine", surname: "Wiśniewska", preferredName: "Zoë",
                          dob: SchoolDate(year: 2012, month: 1, day: 1)!, sex: nil, schoolURN: nil)
        let file = CaseFile(case: Case(ref: "WM-1", childRef: "C1", kind: .cme, opened: SchoolDate(year: 2026, month: 9, day: 1)!), child: child)
        for query in ["jazmine", "wisniewska", "zoe", "ZOË", "jazmine wisn"] {
            var f = CaseFilter()
            f.search = query
            XCTAssertTrue(f.matches(file, overdue: false), query)
        }
        var miss = CaseFilter()
        miss.search = "zoey"
        XCTAssertFalse(miss.matches(file, overdue: false))
    }
}
