import Foundation
import XCTest

/// Issue 12.1, 12.9 and 13.7: an output path never destroys anything, a failed print is reported,
/// and every file OnRoll writes is private whatever the umask.
final class OutputSafetyCLITests: XCTestCase {
    private func sampleStore() throws -> CLI {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        return cli
    }

    private func mode(_ path: String) throws -> Int {
        try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue)
    }

    func testAnOutputThatIsADirectoryIsRefusedAndTheDirectoryKept() throws {
        let cli = try sampleStore()
        let docs = cli.dir + "/docs"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        _ = try cli.write("docs/keep.txt", "mine")
        for args in [["panel", "minutes", "1", "--output", docs], ["panel", "ics", "1", "--output", docs],
                     ["report", "caseload", "--output", docs], ["export", "--output", docs]] {
            let r = try cli.run(args)
            XCTAssertEqual(r.code, 64, "\(args): \(r.err)")
            XCTAssertTrue(r.err.contains("is a directory; give a file name inside it; nothing was written"), r.err)
            XCTAssertEqual(try String(contentsOfFile: docs + "/keep.txt", encoding: .utf8), "mine", "\(args) touched the folder")
        }
    }

    func testTheStoreAndItsJournalAreNeverAnOutput() throws {
        let cli = try sampleStore()
        let before = try cli.run(["list", "--format", "csv"]).out
        for target in [cli.store, cli.store + "-wal", cli.dir + "/./caseload.onroll"] {
            for args in [["panel", "minutes", "1", "--output", target], ["report", "caseload", "--output", target],
                         ["panel", "ics", "1", "--output", target]] {
                let r = try cli.run(args)
                XCTAssertEqual(r.code, 64, "\(args): \(r.err)")
                XCTAssertTrue(r.err.contains("is the open store"), r.err)
            }
        }
        let bad = try cli.write("bad.csv", "ref,child_ref,kind,opened\nWM-99999,NOPE,cme,2026-11-02\n")
        let imp = try cli.run(["import", "cases", bad, "--skip-invalid", "--rejects", cli.store])
        XCTAssertEqual(imp.code, 64, imp.err)
        XCTAssertEqual(try cli.run(["list", "--format", "csv"]).out, before, "the store still holds the caseload")
        XCTAssertEqual(try cli.run(["check"]).code, 0)
    }

    func testASymlinkIsRefusedAndItsTargetUntouched() throws {
        let cli = try sampleStore()
        let target = try cli.write("elsewhere.txt", "precious")
        let link = cli.dir + "/link.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try cli.run(["panel", "minutes", "1", "--output", link])
        XCTAssertEqual(r.code, 64, r.err)
        XCTAssertTrue(r.err.contains("is a symbolic link"), r.err)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "precious")
    }

    func testARejectsPathThatCantBeWrittenIsFoundBeforeImporting() throws {
        let cli = try sampleStore()
        let cases = try cli.write("cases.csv", "ref,child_ref,kind,opened\nWM-99998,C00001,cme,2026-11-02\nWM-99999,NOPE,cme,2026-11-02\n")
        let r = try cli.run(["import", "cases", cases, "--skip-invalid", "--rejects", cli.dir + "/no-such-dir/rejects.csv"])
        XCTAssertEqual(r.code, 64, r.err)
        XCTAssertTrue(r.err.contains("does not exist"), r.err)
        XCTAssertFalse(try cli.run(["list", "--format", "csv"]).out.contains("WM-99998"), "the good row was not imported either")
    }

    func testAConfirmationThatCantBePrintedSaysTheChangeWasSaved() throws {
        let cli = try sampleStore()
        let r = try cli.shell(#""$ONROLL" --store "$STORE" note WM-00001 "seen at school" >/dev/full"#)
        XCTAssertEqual(r.code, 1, r.err)
        XCTAssertEqual(r.err, "error: saved, but could not print the confirmation (No space left on device)\n")
        XCTAssertTrue(try cli.run(["show", "WM-00001"]).out.contains("seen at school"), "the note was saved")
        let read = try cli.shell(#""$ONROLL" --store "$STORE" list >/dev/full"#)
        XCTAssertEqual(read.code, 1)
        XCTAssertEqual(read.err, "error: could not write to standard output (No space left on device)\n")
    }

    func testVersionIsPrinted() throws {
        let r = try CLI().run(["--version"], store: false)
        XCTAssertEqual(r.code, 0)
        XCTAssertEqual(r.out, "0.19.0\n")
    }

    func testAnEmptyOrForeignFileIsNotTakenForAStore() throws {
        let cli = try CLI()
        FileManager.default.createFile(atPath: cli.store, contents: Data())
        let r = try cli.run(["list"])
        XCTAssertEqual(r.code, 66, r.err)
        XCTAssertTrue(r.err.contains("is an empty file, not an OnRoll store"), r.err)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: cli.store)[.size] as? NSNumber, 0, "still empty")
        try "name,notes\n".write(toFile: cli.store, atomically: true, encoding: .utf8)
        let csv = try cli.run(["note", "WM-00001", "x"])
        XCTAssertEqual(csv.code, 66)
        XCTAssertTrue(csv.err.contains("is not an OnRoll store (it is not an SQLite database)"), csv.err)
    }

    func testEveryFileIsPrivateUnderAnOpenUmask() throws {
        let cli = try sampleStore()
        let bad = try cli.write("bad.csv", "ref,child_ref,kind,opened\nWM-99999,NOPE,cme,2026-11-02\n")
        let r = try cli.shell("""
            umask 000
            "$ONROLL" --store "$STORE" report caseload --output report.md &&
            "$ONROLL" --store "$STORE" panel minutes 1 --output minutes.md &&
            "$ONROLL" --store "$STORE" panel ics 1 --output panel.ics &&
            "$ONROLL" --store "$STORE" export --output all.json &&
            "$ONROLL" --store "$STORE" export --format csv out/csv &&
            "$ONROLL" --store "$STORE" import cases bad.csv --skip-invalid --rejects rejects.csv
            """)
        XCTAssertEqual(r.code, 0, r.err)
        for f in ["report.md", "minutes.md", "panel.ics", "all.json", "out/csv/cases.csv", "rejects.csv"] {
            XCTAssertEqual(try mode(cli.dir + "/" + f), 0o600, f)
        }
        XCTAssertEqual(try mode(cli.dir + "/out/csv"), 0o700)
        XCTAssertEqual(try mode(cli.dir + "/out"), 0o700)
    }
}

/// Issue 12.9's full disk: one line, "disk full: nothing was imported", not a row error per line.
/// Needs a small tmpfs, so it runs where the test may mount one (as root) and is skipped elsewhere.
final class FullDiskCLITests: XCTestCase {
    func testAFullDiskIsOneLineAndNothingImported() throws {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init", "--sample"]).code, 0)
        let big = cli.dir + "/big"
        XCTAssertEqual(try cli.run(["sample", "--out", big, "--cases", "3000"], store: false).code, 0)
        let mnt = cli.dir + "/small"
        try FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
        let size = (try FileManager.default.attributesOfItem(atPath: cli.store)[.size] as? NSNumber)?.intValue ?? 0
        let mount = try cli.shell("mount -t tmpfs -o size=\(size + 400_000) tmpfs '\(mnt)' 2>&1")
        guard mount.code == 0 else { throw XCTSkip("cannot mount a tmpfs here: \(mount.out)") }
        defer { _ = try? cli.shell("umount '\(mnt)'") }
        let small = mnt + "/caseload.onroll"
        XCTAssertEqual(try cli.shell("cp '\(cli.store)' '\(small)'").code, 0)
        let before = try cli.run(["list", "--format", "csv", "--store", small], store: false).out
        let r = try cli.run(["import", "schools", big + "/schools.csv", "--store", small], store: false)
        let r2 = r.code == 0 ? try cli.run(["import", "children", big + "/children.csv", "--store", small, "--update-existing"], store: false) : r
        XCTAssertEqual(r2.code, 1, r2.err)
        XCTAssertEqual(r2.err, "error: disk full: nothing was imported\n")
        XCTAssertEqual(try cli.run(["list", "--format", "csv", "--store", small], store: false).out, before, "the store is as it was")
    }
}
