import Foundation
import XCTest
@testable import OnRollCore

final class ReportsRenderTests: XCTestCase {
    /// A table with awkward text: commas, quotes, a newline, a pipe, a backslash and a control character.
    static let awkward: ReportBundle = {
        let t = ReportTable(
            id: "t", title: "Awkward \"title\"", subtitle: "2025/26",
            columns: [ReportColumn(key: "name", header: "Name"),
                      ReportColumn(key: "n", header: "Count of things", role: .count(summed: true)),
                      ReportColumn(key: "rate", header: "Rate", role: .rate(numerator: "n")),
                      ReportColumn(key: "median", header: "Median", role: .measure(summed: false))],
            rows: [
                [.text("Smith, \"Jo\""), .count(12), .per100(12, of: 400), .measure(2.5, basis: 12)],
                [.text("Line one\nline two"), .count(0), .notApplicable, .measure(nil, basis: 0)],
                [.text("Pipe | back\\slash \u{01}"), .suppressed, .suppressed, .suppressed],
            ],
            totalRow: [.text("Total"), .count(1234567), .per100(12, of: 400), .measure(2.5, basis: 12)],
            notes: ["A note with \"quotes\"."])
        return ReportBundle(name: "awkward", title: "Awkward", period: "2025/26", tables: [t])
    }()

    func testCSVQuotesCommasQuotesAndNewlines() {
        let csv = ReportRender.csv(Self.awkward)
        XCTAssertEqual(csv, [
            "Name,Count of things,Rate,Median",
            "\"Smith, \"\"Jo\"\"\",12,3.0,2.5",
            "\"Line one\nline two\",0,z,z",
            "Pipe | back\\slash \u{01},c,c,c",
            "Total,1234567,3.0,2.5",
        ].joined(separator: "\n") + "\n")
        XCTAssertFalse(csv.contains("\r"))
        XCTAssertEqual(ReportRender.csvField("a\r\nb"), "\"a\r\nb\"")
        XCTAssertEqual(ReportRender.csvField("plain"), "plain")
        // Two tables: a CSV file holds one, the first unless another is named.
        var two = Self.awkward
        var second = two.tables[0]
        second.id = "second"
        second.columns[0].header = "Trust"
        two.tables.append(second)
        XCTAssertEqual(ReportRender.csv(two), csv)
        XCTAssertTrue(ReportRender.csv(two, table: "second").hasPrefix("Trust,Count of things,Rate,Median\n"))
        XCTAssertEqual(ReportRender.csv(two, table: "second").components(separatedBy: "Count of things").count, 2)
    }

    func testMarkdownPipeTable() {
        let md = ReportRender.markdown(Self.awkward)
        XCTAssertTrue(md.hasPrefix("# Awkward\n\nPeriod: 2025/26\n\n## Awkward \"title\"\n\n_2025/26_\n\n"))
        XCTAssertTrue(md.contains("| Name | Count of things | Rate | Median |\n| --- | ---: | ---: | ---: |\n"))
        XCTAssertTrue(md.contains("| Smith, \"Jo\" | 12 | 3.0 | 2.5 |"))
        XCTAssertTrue(md.contains("| Line one<br>line two | 0 | z | z |"))
        XCTAssertTrue(md.contains("| Pipe \\| back\\\\slash \u{01} | c | c | c |"))
        XCTAssertTrue(md.contains("| **Total** | **1234567** | **3.0** | **2.5** |"))
        XCTAssertTrue(md.contains("\n- A note with \"quotes\".\n"))
        // Every table line has the same number of unescaped pipes.
        let tableLines = md.split(separator: "\n").filter { $0.hasPrefix("|") }
        let pipes = tableLines.map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        XCTAssertEqual(Set(pipes), [5])
    }

    func testJSONEscapingAndShape() throws {
        let json = ReportRender.json(Self.awkward)
        XCTAssertTrue(json.contains(#"{"name": "Smith, \"Jo\"", "n": 12, "rate": 3.0, "median": 2.5}"#))
        XCTAssertTrue(json.contains(#""name": "Line one\nline two""#))
        XCTAssertTrue(json.contains(#""name": "Pipe | back\\slash \u0001", "n": "c", "rate": "c", "median": "c""#))
        XCTAssertTrue(json.contains(#""total": {"name": "Total", "n": 1234567, "rate": 3.0, "median": 2.5}"#))
        XCTAssertEqual(ReportRender.jsonString("tab\there\u{1F}é\u{2028}"), #""tab\there\u001Fé\u2028""#)
        // Keys in a fixed order.
        let keys = ["\"name\":", "\"title\":", "\"period\":", "\"published\":", "\"tables\":"]
        let positions = keys.map { json.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
        // A real JSON parser agrees.
        let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        XCTAssertEqual(obj["name"] as? String, "awkward")
        let table = (obj["tables"] as! [[String: Any]])[0]
        let rows = table["rows"] as! [[String: Any]]
        XCTAssertEqual(rows[0]["name"] as? String, "Smith, \"Jo\"")
        XCTAssertEqual(rows[0]["n"] as? Int, 12)
        XCTAssertEqual(rows[0]["rate"] as? Double, 3.0)
        XCTAssertEqual(rows[1]["name"] as? String, "Line one\nline two")
        XCTAssertEqual(rows[1]["rate"] as? String, "z")
        XCTAssertEqual(rows[2]["n"] as? String, "c")
        XCTAssertEqual(rows[2]["name"] as? String, "Pipe | back\\slash \u{01}")
        XCTAssertEqual((table["columns"] as! [[String: Any]]).map { $0["key"] as! String }, ["name", "n", "rate", "median"])
        // Every real report renders to valid JSON, published or not.
        for b in ReportsFixture.all() + ReportsFixture.all().map({ Disclosure.publish($0, pseudonymiseSchools: true) }) {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(ReportRender.json(b).utf8)), b.name)
        }
    }

    func testTableFitsWidthAndKeepsNumbersWhole() {
        let b = Reports.suspensions(ReportsFixture.data, period: ReportsFixture.autumn, today: ReportsFixture.today)
        // The suspensions table needs 65 characters with every text column cut to 4: at 70 and over it fits.
        for width in [70, 80, 120] {
            let text = ReportRender.text(b, width: width)
            for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, width, String(line)) }
            let tableLines = ReportRender.textLines(b.tables[0], width: width)
            XCTAssertLessThanOrEqual(tableLines.first { $0.hasPrefix("─") }!.count, width)
            let total = tableLines.last { $0.contains("1460") }!
            for figure in ["1460", "10", "0.6", "11.5"] { XCTAssertTrue(total.contains(figure), "\(figure) in \(total)") }
        }
        // Too narrow: numbers still whole (the line overflows rather than cut a figure).
        let narrow = ReportRender.textLines(b.tables[0], width: 40)
        XCTAssertTrue(narrow.last { $0.contains("1460") }!.contains("11.5"))
        // A narrow table truncates the long text column with … and keeps counts.
        let t = ReportTable(id: "x", title: "T", subtitle: "",
                            columns: [ReportColumn(key: "a", header: "School"), ReportColumn(key: "n", header: "Open", role: .count(summed: true))],
                            rows: [[.text("The Very Long Name Academy of Somewhere"), .count(123456)]])
        let lines = ReportRender.textLines(t, width: 20)
        // School shrinks to 12 (20 − 2 − 6): 11 characters and an ellipsis.
        XCTAssertEqual(lines, ["T", "School          Open", String(repeating: "─", count: 20), "The Very Lo…  123456"])
        XCTAssertTrue(lines.allSatisfy { $0.count <= 20 })
        XCTAssertTrue(lines[3].hasSuffix("123456"))
    }

    func testTableHeadersWrapAndNumbersRightAlign() {
        let lines = ReportRender.textLines(Self.awkward.tables[0], width: 60)
        // "Count of things" wraps over the 7-digit total; numbers right-aligned under it.
        XCTAssertTrue(lines.contains { $0.hasSuffix("Count") || $0.contains("Count  ") || $0.contains("Count of") })
        let total = lines.last { $0.hasPrefix("Total") }!
        XCTAssertTrue(total.contains("1234567"))
        let twelve = lines.first { $0.hasPrefix("Smith") }!
        // 12 ends where 1234567 ends.
        XCTAssertEqual(twelve.range(of: "12 ")!.upperBound.utf16Offset(in: twelve) - 1,
                       total.range(of: "1234567")!.upperBound.utf16Offset(in: total))
        XCTAssertTrue(lines.contains { $0.hasPrefix("Line one line two") }, "newlines become spaces in the text table")
    }

    func testBarChart() {
        let lines = BarChart.lines([("Ashby High", 12.0), ("Beacon", 6.0), ("None", 0)], width: 40)
        // Label 10 wide (+1), value "12.0" 4 wide (+1): bar 24 cells = 192 eighths.
        XCTAssertEqual(lines[0], "Ashby High " + String(repeating: "█", count: 24) + " 12.0")
        // 6/12 × 192 = 96 eighths = 12 full blocks.
        XCTAssertEqual(lines[1], "Beacon     " + String(repeating: "█", count: 12) + String(repeating: " ", count: 12) + "  6.0")
        XCTAssertEqual(lines[2], "None       " + String(repeating: " ", count: 24) + "  0.0")
        XCTAssertTrue(lines.allSatisfy { $0.count == 40 })
        // Partial blocks: width 14 leaves a bar of 8 cells = 64 eighths; 1/3 of 64 = 21.3 → 21 = 2 full + ▋ (5/8).
        let partial = BarChart.lines([("a", 3), ("b", 1)], width: 14)
        XCTAssertEqual(partial, ["a ████████ 3.0", "b ██▋      1.0"])
        XCTAssertTrue(BarChart.lines([], width: 40).isEmpty)
    }

    func testFormatParsing() {
        XCTAssertEqual(ReportFormat.parse("md"), .markdown)
        XCTAssertEqual(ReportFormat.parse("JSON"), .json)
        XCTAssertEqual(ReportFormat.parse("csv"), .csv)
        XCTAssertEqual(ReportFormat.parse("table", width: 72), .table(width: 72))
        XCTAssertNil(ReportFormat.parse("xml"))
        XCTAssertEqual(Self.awkward.rendered(.csv), ReportRender.csv(Self.awkward))
    }
}

final class CSVQuoteTests: XCTestCase {
    func testQuotesOnlyWhereNeeded() {
        XCTAssertEqual(CSVQuote.field("plain"), "plain")
        XCTAssertEqual(CSVQuote.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVQuote.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVQuote.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVQuote.field(" padded "), "\" padded \"")
        XCTAssertEqual(CSVQuote.field(" lead"), "\" lead\"", "a space at either end alone is quoted")
        XCTAssertEqual(CSVQuote.field("trail "), "\"trail \"")
        XCTAssertEqual(CSVQuote.field("'=x"), "''=x", "an apostrophe before a formula gets one more")
        XCTAssertEqual(CSVQuote.field("e\u{301},x"), "\"e\u{301},x\"", "a comma after a combining mark is still seen")
    }

    func testEveryCSVFieldDefusesAFormulaButNotANumber() {
        XCTAssertEqual(CSVQuote.field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"")
        XCTAssertEqual(CSVQuote.field("+44 7700"), "'+44 7700")
        XCTAssertEqual(CSVQuote.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVQuote.field("-2+3"), "'-2+3")
        XCTAssertEqual(CSVQuote.field("\tcmd"), "'\tcmd")
        XCTAssertEqual(CSVQuote.field("\rcmd"), "\"'\rcmd\"")
        XCTAssertEqual(CSVQuote.field("Home visit"), "Home visit")
        for number in ["-5", "+1.5", "-0.25", "12"] { XCTAssertEqual(CSVQuote.field(number), number) }
        XCTAssertEqual(CSVQuote.field("-"), "'-", "a lone sign is not a number")
    }

    func testNeutralisingIsUndoneExactlyOnRead() {
        for text in ["=1+1", "'=1+1", "''=x", "'Tis", "plain", "-5", "+44 7700", "@me", "'", "''", ""] {
            XCTAssertEqual(CSVQuote.restored(CSVQuote.neutralised(text)), text, text)
        }
        XCTAssertEqual(CSVQuote.neutralised("'=x"), "''=x", "an apostrophe already there is kept")
        XCTAssertEqual(CSVQuote.neutralised("'Tis"), "'Tis", "an apostrophe before ordinary text is left alone")
    }
}
