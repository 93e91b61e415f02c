import Foundation
import XCTest

/// The one golden-file check of every test target. A golden file holds recorded *layout*; values a
/// rule computes are asserted from the facts in the test itself, so a wrong figure is never recorded
/// as right. `UPDATE_GOLDEN=1 swift test` re-records every golden file; read the diff before committing.
///
/// - Parameters:
///   - directory: the folder beside the calling test file that holds the golden files.
///   - name: the file's name within it, extension included.
public func assertGolden(_ text: String, named name: String, in directory: String,
                         file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent(directory).appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
    if recording || !FileManager.default.fileExists(atPath: url.path) {
        try? text.write(to: url, atomically: true, encoding: .utf8)
        if !recording { XCTFail("golden \(directory)/\(name) did not exist; recorded it — check it and run again", file: file, line: line) }
        return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    if expected != text {
        XCTFail("golden \(directory)/\(name) differs:\n--- expected\n\(expected)\n--- actual\n\(text)", file: file, line: line)
    }
}
