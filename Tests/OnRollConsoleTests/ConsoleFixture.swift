import Foundation
import OnRollConsole
import OnRollCore
import OnRollStore
import OnRollTestSupport
import TerminalKit
import XCTest

/// A small real store, a console on it, and helpers to press keys and read the grid.
final class ConsoleFixture {
    let dir: String
    let store: Store
    let console: Console
    let today = try! SchoolDate.parse("2026-11-23")

    init(width: Int = 80, height: Int = 24, children extra: String = "") throws {
        setenv("ONROLL_NOW", "2026-11-23T09:00:00Z", 1)
        dir = NSTemporaryDirectory() + "onroll-console-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try Store.create(path: dir + "/test.onroll")
        self.store = store
        func imp(_ k: ImportKind, _ t: String) throws {
            _ = try store.importCSV(k, data: Data(t.utf8), fileName: k.rawValue, user: "setup")
        }
        try imp(.schools, """
            urn,name,phase,type,trust,roll
            140001,Hillcrest Academy,secondary,academy,Northern Lights Trust,1000
            140002,Westmarch PRU,ap,pru,,60
            140003,Riverside Primary,primary,maintained,,300
            """)
        try imp(.terms, """
            academic_year,term,start,end,closures
            2026/27,autumn,2026-09-02,2026-10-23,
            2026/27,autumn,2026-11-02,2026-12-18,
            2026/27,spring,2027-01-05,2027-02-12,
            2026/27,spring,2027-02-22,2027-03-26,
            2026/27,summer,2027-04-12,2027-05-28,
            2026/27,summer,2027-06-07,2027-07-21,
            """)
        try imp(.children, """
            ref,upn,forename,surname,preferred_name,dob,sex,school_urn,sen,sen_need,flags,strengths,pupil_voice,parent_voice
            C1,H801200001001,Samuel,Okafor,Sam,2012-03-14,M,140001,K,SEMH,FSM;PP,"Loves football, kind to younger pupils",Wants to be listened to,Worried about mornings
            C2,,Amira,Haddad,,2013-09-01,F,140001,N,,CP,Art and drawing,,
            C3,,小明,王,,2011-05-05,M,140002,E,ASD,LAC,Maths,,
            C4,,Maya,Levi,,2015-01-20,F,140003,N,,,Singing,,
            """ + extra)
        try imp(.cases, """
            ref,child_ref,kind,status,opened,owner,summary,next_review
            WM-00001,C1,suspension,open,2026-09-10,asha.patel,Repeat suspensions this term,2026-11-30
            WM-00002,C2,cme,open,2026-10-01,tom.reid,Not seen since half term,2026-11-20
            WM-00003,C3,part-time,monitoring,2026-09-15,asha.patel,Part-time timetable at the PRU,2026-12-10
            WM-00004,C4,ebsa,referral,2026-11-16,tom.reid,Anxious about school,2026-12-01
            """)
        try imp(.suspensions, """
            child_ref,start,days,reason,type
            C1,2026-09-21,3,PA,suspension
            C1,2026-10-12,2,VA,suspension
            """)
        try imp(.actions, """
            case_ref,agency,description,owner,due,status,created
            WM-00001,CAMHS,Referral for assessment,dr.lee,2026-11-10,open,2026-10-01
            WM-00002,education welfare,Home visit,ewo.kim,2026-11-30,open,2026-11-01
            """)
        console = try Console(store: store, user: "asha.patel", today: today, width: width, height: height)
    }

    func press(_ keys: [Key]) { for k in keys { console.handle(k) } }
    func type(_ s: String) { press(MemoryBackend.typing(s)) }

    func screen() -> Screen {
        let s = Screen(width: console.state.width, height: console.state.height)
        RootView.render(console.state, on: s)
        return s
    }

    var text: String { screen().text }
}

/// The console's snapshots live in Snapshots/ (`UPDATE_GOLDEN=1` re-records them).
func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    assertGolden(text, named: "\(name).txt", in: "Snapshots", file: file, line: line)
}
