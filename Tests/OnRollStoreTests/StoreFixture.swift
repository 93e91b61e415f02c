import Foundation
import OnRollCore
@testable import OnRollStore
import XCTest

/// A real store in a fresh temp directory, with a small caseload loaded through the importer: a file, or
/// — with `ONROLL_TEST_BACKEND=server` (`make test` runs the store suite both ways) — a fresh database
/// on the test PostgreSQL server, so one suite checks the rules on both backends.
struct StoreFixture {
    let dir: String
    let path: String
    let store: Store
    let today = try! SchoolDate.parse("2026-11-23")

    /// True when this run's fixtures are server stores.
    static var onServer: Bool { ProcessInfo.processInfo.environment["ONROLL_TEST_BACKEND"] == "server" }

    /// For a test of something only a file has (its bytes, its permissions, SQLite's locks), or that names
    /// officers other than the login a server store acts as.
    static func fileOnly(_ why: String) throws {
        if onServer { throw XCTSkip("file store only: \(why)") }
    }

    /// Who the store records for a write made as `name`: that name on a file; on a server the login the
    /// store is connected as, whatever name the caller passed (the server sets who).
    func who(_ name: String) -> String {
        guard let login = store.server?.login else { return name }
        return colleagues.logins[name] ?? login
    }

    /// The store as a colleague called `name` sees it: on a file the same store (the name is passed to
    /// each write), on a server a login of their own, an officer, with its own connection.
    func colleague(_ name: String) throws -> Store {
        guard let fresh = server else { return store }
        let login = fresh.login(name.filter { $0.isLetter || $0.isNumber })
        if colleagues.logins[name] == nil {
            _ = try ServerStore(url: fresh.ownerURL).addUser(login, role: .officer, password: "\(login)-password")
            colleagues.logins[name] = login
        }
        return try Store(path: fresh.url(as: login, password: "\(login)-password"))
    }

    /// Filled in by `colleague` on the test's own thread only.
    final class Colleagues: @unchecked Sendable { var logins: [String: String] = [:] }
    private let colleagues = Colleagues()
    /// The server database of this fixture, nil for a file.
    let server: TestServer.Fresh?

    init(load: Bool = true, name: String = #function) throws {
        dir = NSTemporaryDirectory() + "onroll-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if StoreFixture.onServer {
            let fresh = try TestServer.fresh(name)
            server = fresh
            path = fresh.ownerURL
            _ = try ServerStore.initialize(url: path)
            store = try Store(path: path)
        } else {
            server = nil
            path = dir + "/caseload.onroll"
            store = try Store.create(path: path)
        }
        if load {
            try imp(.schools, """
                urn,name,phase,type,trust,roll
                140001,Hillcrest Academy,secondary,academy,Northern Lights Trust,1000
                140002,Westmarch PRU,ap,pru,,60
                """)
            try imp(.children, """
                ref,upn,forename,surname,preferred_name,dob,sex,school_urn,sen,sen_need,flags,strengths
                C1,H801200001001,Samuel,Okafor,Sam,2012-03-14,M,140001,K,SEMH,FSM;PP,Loves football
                C2,,Amira,Haddad,,2013-09-01,F,140001,N,,,Art
                """)
            try imp(.cases, """
                ref,child_ref,kind,status,opened,owner,summary,next_review
                WM-00001,C1,suspension,open,2026-09-10,asha.patel,Repeat suspensions,2026-11-30
                WM-00002,C2,ebsa,referral,2026-10-01,tom.reid,Not attending since half term,2026-11-20
                """)
        }
    }

    @discardableResult
    func imp(_ kind: ImportKind, _ text: String, options: ImportOptions = ImportOptions()) throws -> ImportResult {
        try store.importCSV(kind, data: Data(text.utf8), fileName: "\(kind.rawValue).csv", user: "tester", options: options)
    }

    func sqlite(_ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        p.waitUntilExit()
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}
