import Foundation
import XCTest

/// Runs the real `onroll` binary (built next to the test bundle) on a temp store.
struct CLI {
    let dir: String
    var store: String { dir + "/caseload.onroll" }

    init() throws {
        dir = NSTemporaryDirectory() + "onroll-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    static var binary: URL {
        // The test bundle lives in .build/<triple>/debug/; so does onroll.
        var url = Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("onroll").path) {
            url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug")
        }
        return url.appendingPathComponent("onroll")
    }

    struct Result { var code: Int32; var out: String; var err: String }

    @discardableResult
    func run(_ args: [String], stdin: String? = nil, store useStore: Bool = true, env extra: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args + (useStore ? ["--store", store] : [])
        var env = ProcessInfo.processInfo.environment
        env["ONROLL_TODAY"] = "2026-11-23"
        env["ONROLL_USER"] = "tester"
        // Each test its own witness, so no test sees another's store heads (or the officer's own).
        env["XDG_STATE_HOME"] = dir + "/state"
        env["COLUMNS"] = "160"
        env.merge(extra) { $1 }
        p.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let s = stdin { inp.fileHandleForWriting.write(Data(s.utf8)) }
        try inp.fileHandleForWriting.close()
        let (o, e) = CLI.drain(out, err)
        p.waitUntilExit()
        return Result(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// Runs a shell line in the store's directory with `$ONROLL` the binary and `$STORE` the store,
    /// for what a pipe can't show: a full or closed stdout, a umask.
    @discardableResult
    func shell(_ script: String) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["ONROLL_TODAY"] = "2026-11-23"
        env["ONROLL_USER"] = "tester"
        // Each test its own witness, so no test sees another's store heads (or the officer's own).
        env["XDG_STATE_HOME"] = dir + "/state"
        env["ONROLL"] = CLI.binary.path
        env["STORE"] = store
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let (o, e) = CLI.drain(out, err)
        p.waitUntilExit()
        return Result(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// Reads both pipes at once: reading one to its end first deadlocks once the other fills its buffer.
    static func drain(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
        nonisolated(unsafe) var e = Data()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { e = err.fileHandleForReading.readDataToEndOfFile(); done.signal() }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        return (o, e)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func json(_ args: [String]) throws -> Any {
        let r = try run(args)
        XCTAssertEqual(r.code, 0, r.err)
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8))
    }
}

final class Marker {}

extension CLI {
    /// A new store with these files imported, in order (kind, CSV text); each import must succeed.
    static func withFiles(_ files: [(String, String)], file: StaticString = #filePath, line: UInt = #line) throws -> CLI {
        let cli = try CLI()
        XCTAssertEqual(try cli.run(["init"]).code, 0, file: file, line: line)
        for (kind, text) in files {
            let r = try cli.run(["import", kind, try cli.write(kind + ".csv", text)])
            XCTAssertEqual(r.code, 0, r.err, file: file, line: line)
        }
        return cli
    }

    /// Runs a command that must succeed; its output, trimmed.
    func ok(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try run(args)
        XCTAssertEqual(r.code, 0, "\(args): \(r.err)", file: file, line: line)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
