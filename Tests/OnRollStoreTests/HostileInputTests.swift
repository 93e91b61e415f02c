import OnRollTestSupport
import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// Hostile and random files through the CSV reader and the importer (seeded, so a failure replays):
/// every file is either imported correctly or refused with `FILE:LINE: …` and nothing written.
final class HostileInputTests: XCTestCase {
    static let header = "ref,upn,forename,surname,preferred_name,dob,sex,school_urn,sen,sen_need,flags,strengths"
    static let goodRows = [
        "K1,,Samuel,Okafor,Sam,2012-03-14,M,140001,K,SEMH,FSM;PP,Loves football",
        "K2,,Amira,Haddad,,2013-09-01,F,140001,N,,,\"Art, drawing\"",
        "K3,,\"O'Neil \"\"Jo\"\"\",Smith,,01/02/2011,F,,N,,LAC,\"two\nlines\"",
    ]
    static var goodFile: [UInt8] { Array((([header] + goodRows).joined(separator: "\n") + "\n").utf8) }

    // MARK: The reader

    func testParseNeverCrashesOnRandomBytes() {
        var rng = FuzzRNG(seed: 21)
        let alphabet: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x00, 0x41, 0x61, 0x20, 0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0xFF, 0x80, 0x1B, 0x09]
        for _ in 0..<5_000 {
            let bytes = (0..<rng.int(200)).map { _ in rng.pick(alphabet) }
            do {
                let t = try CSVTable.parse(Data(bytes))
                for r in t.records { XCTAssertGreaterThanOrEqual(r.line, 2) }
            } catch {
                XCTAssertGreaterThanOrEqual(error.line, 1)
                XCTAssertFalse(error.reason.isEmpty)
            }
        }
    }

    func testParseRoundTripsWhatCSVTextWrites() throws {
        var rng = FuzzRNG(seed: 22)
        for _ in 0..<2_000 {
            let cols = 1 + rng.int(5)
            let rows = (0...rng.int(6)).map { _ in (0..<cols).map { _ in
                // No NUL (refused by design); filtered by scalar, as NUL + a combining mark is one Character.
                String(String.UnicodeScalarView(rng.hostileString(maxLength: 12).unicodeScalars.filter { $0 != "\u{0}" }))
            } }
            // Headers are trimmed and lowercased by the reader; keep them plain.
            let header = (0..<cols).map { "c\($0)" }
            let text = CSVText.write(rows: [header] + rows)
            let t = try CSVTable.parse(Data(text.utf8))
            // A row of one empty field is a blank line, which the reader skips by design.
            let expected = rows.filter { !($0.count == 1 && $0[0].isEmpty) }
            XCTAssertEqual(t.records.map(\.fields), expected, text.debugDescription)
        }
    }

    func testSpecificHostileFiles() throws {
        func refuses(_ bytes: [UInt8], line: Int, _ fragment: String, file: StaticString = #filePath, l: UInt = #line) {
            XCTAssertThrowsError(try CSVTable.parse(Data(bytes)), file: file, line: l) { e in
                let f = e as! CSVTable.Failure
                XCTAssertEqual(f.line, line, "\(f)", file: file, line: l)
                XCTAssertTrue(f.reason.contains(fragment), "\(f.reason)", file: file, line: l)
            }
        }
        refuses(Array("a,b\n1,2\n3,\u{0}\n".utf8), line: 3, "NUL")
        refuses(Array("a,b\n1,2\n".utf8) + [0xC3, 0x28] + Array(",x\n".utf8), line: 3, "UTF-8")
        refuses(Array("a,b\n1,\"x\"y\n".utf8), line: 2, "after a closing quote")
        refuses(Array("a,b\n1,x\"y\n".utf8), line: 2, "quote inside an unquoted field")
        refuses(Array("a,b\n1,\"never closed\n2,3\n".utf8), line: 2, "never closed")
        refuses([], line: 1, "empty")
        refuses([0xEF, 0xBB, 0xBF], line: 1, "empty")

        // BOM dropped, CRLF and lone CR both end records, doubled quotes are quotes.
        let t = try CSVTable.parse(Data([0xEF, 0xBB, 0xBF] + Array("Ref,Name\r\n1,\"say \"\"hi\"\"\"\r2,x\n".utf8)))
        XCTAssertEqual(t.header, ["ref", "name"])
        XCTAssertEqual(t.records.map(\.fields), [["1", "say \"hi\""], ["2", "x"]])
        XCTAssertEqual(t.records.map(\.line), [2, 3])
    }

    func testOneMegabyteCellIsAcceptedAndOneByteMoreIsRefused() throws {
        let ok = String(repeating: "a", count: CSVTable.maxCellBytes)
        let t = try CSVTable.parse(Data("a,b\n1,\(ok)\n".utf8))
        XCTAssertEqual(t.records[0].fields[1].utf8.count, CSVTable.maxCellBytes)
        XCTAssertThrowsError(try CSVTable.parse(Data("a,b\n1,\"\(ok)a\"\n".utf8))) { e in
            let f = e as! CSVTable.Failure
            XCTAssertEqual(f.line, 2)
            XCTAssertTrue(f.reason.contains("limit is 1 MB"), f.reason)
        }
    }

    // MARK: The importer

    func testImporterTakesMutatedFilesWhole_orRefusesThemCleanly() throws {
        let fx = try StoreFixture()
        var rng = FuzzRNG(seed: 23)
        let hostile: [UInt8] = [0x00, 0x22, 0x2C, 0x0A, 0x0D, 0x1B, 0xFF, 0xC3, 0x3B, 0x2F, 0x2D, 0x20, 0x39]
        var imported = 0, refused = 0
        for i in 0..<1_500 {
            var bytes = Self.goodFile
            // A few random edits; refs made unique per iteration so a success adds new children.
            bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\nK", with: "\nF\(i)-").utf8)
            for _ in 0...rng.int(3) {
                let at = rng.int(bytes.count)
                switch rng.int(3) {
                case 0: bytes.insert(rng.pick(hostile), at: at)
                case 1: bytes.remove(at: at)
                default: bytes[at] = rng.pick(hostile)
                }
            }
            let before = try fx.store.counts()
            do {
                let r = try fx.store.importCSV(.children, data: Data(bytes), fileName: "fuzz.csv", user: "fuzzer")
                imported += 1
                let after = try fx.store.counts()
                XCTAssertEqual(after["children"]! - before["children"]!, r.inserted)
            } catch let e as StoreError {
                refused += 1
                guard case .importRejected(let problems) = e else { return XCTFail("unexpected \(e)") }
                for p in problems { XCTAssertTrue(p.hasPrefix("fuzz.csv:"), p) }
                XCTAssertEqual(try fx.store.counts(), before, "a refused import wrote something")
            }
        }
        XCTAssertGreaterThan(imported, 0); XCTAssertGreaterThan(refused, 0)
        XCTAssertTrue(try fx.store.check().isClean)
    }

    func testImportOfOneMegabyteNoteAndTooBigNote() throws {
        let fx = try StoreFixture()
        let big = String(repeating: "b", count: CSVTable.maxCellBytes)
        let r = try fx.imp(.children, "ref,forename,surname,dob,strengths\nB1,Big,Note,2012-01-01,\(big)\n")
        XCTAssertEqual(r.inserted, 1)
        XCTAssertEqual(try fx.store.child("B1")?.strengths?.utf8.count, CSVTable.maxCellBytes)
        XCTAssertThrowsError(try fx.imp(.children, "ref,forename,surname,dob,strengths\nB2,Big,Note,2012-01-01,\(big)b\n")) { e in
            XCTAssertTrue("\(e)".contains("children.csv:2: field 5 is 1048577 bytes; the limit is 1 MB"), "\(e)")
        }
        XCTAssertNil(try fx.store.child("B2"))
    }

    func testHundredThousandRowFile() throws {
        try StoreFixture.fileOnly("a 100,000-row import takes minutes on a server (row-by-row round trips; docs/performance.md)")
        let fx = try StoreFixture()
        var text = "ref,forename,surname,dob\n"
        for i in 0..<100_000 { text += "H\(i),Forename\(i),Surname,2012-01-01\n" }
        // One bad row among 100k: the whole file is refused, naming its line.
        let bad = text.replacingOccurrences(of: "H77777,Forename77777,Surname,2012-01-01", with: "H77777,Forename77777,Surname,2012-02-31")
        XCTAssertThrowsError(try fx.imp(.children, bad)) { e in
            XCTAssertTrue("\(e)".contains("children.csv:77779: dob"), "\(e)")
        }
        XCTAssertNil(try fx.store.child("H1"))
        let r = try fx.imp(.children, text)
        XCTAssertEqual(r.inserted, 100_000)
        XCTAssertEqual(try fx.store.counts()["children"], 100_002)
    }
}
