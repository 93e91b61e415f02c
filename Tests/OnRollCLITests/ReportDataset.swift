import Foundation
import XCTest

/// A small caseload built for the report tests, whose every figure is worked out by hand in
/// ReportCLITests. Today is 16 Mar 2026; the period is 2025/26 unless a test says otherwise.
enum ReportDataset {
    static let today = "2026-03-16"

    /// Things that must never appear in a publishable report.
    static let personal = ["Zebedee", "Quill", "Ottoline", "Vantablack", "Peregrine", "Thistlewood", "Marigold", "Fenwick",
                           "Barnaby", "Quicksilver", "Clementine", "Ashgrove", "Ignatius", "Moorcroft", "Rosalind", "Heathcote",
                           "V201001250017", "Q201002250027", "L201003250037",
                           "K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "RPT-", "officer.alpha", "officer.bravo"]

    static let files: [(kind: String, csv: String)] = [
        ("schools", """
            urn,name,phase,type,trust,roll
            100001,Ashby High,secondary,academy,Northern Trust,1000
            100002,Beacon Primary,primary,maintained,,400
            100003,Castle Academy,secondary,academy,Northern Trust,
            100009,Riverside PRU,ap,pru,,60
            """),
        ("terms", """
            academic_year,term,start,end,closures
            2025/26,autumn,2025-09-03,2025-10-24,
            2025/26,autumn,2025-11-03,2025-12-19,
            2025/26,spring,2026-01-05,2026-02-13,
            2025/26,spring,2026-02-23,2026-03-27,
            2025/26,summer,2026-04-13,2026-05-22,
            2025/26,summer,2026-06-01,2026-07-22,
            """),
        ("children", """
            ref,upn,forename,surname,dob,school_urn,contacts
            K01,V201001250017,Zebedee,Quill,2011-05-01,100001,Mother: Ms Quill 07700 900001
            K02,,Ottoline,Vantablack,2012-02-02,100001,
            K03,Q201002250027,Peregrine,Thistlewood,2016-03-03,100002,
            K04,L201003250037,Marigold,Fenwick,2015-04-04,100002,
            K05,,Barnaby,Quicksilver,2011-06-06,100003,
            K06,,Clementine,Ashgrove,2010-07-07,100009,
            K07,,Ignatius,Moorcroft,2012-08-08,,
            K08,,Rosalind,Heathcote,2016-09-09,100002,
            """),
        ("cases", """
            ref,child_ref,kind,status,opened,owner,summary,closed_on,closure_reason
            RPT-001,K01,suspension,open,2025-09-20,officer.alpha,Zebedee Quill: repeat suspensions,,
            RPT-002,K02,ebsa,open,2025-10-01,officer.alpha,Ottoline anxious about school,,
            RPT-003,K03,suspension,closed,2025-09-10,officer.bravo,,2025-12-01,Settled
            RPT-004,K05,ehe,open,2026-01-12,officer.bravo,,,
            RPT-005,K06,part-time,monitoring,2025-11-03,officer.alpha,,,
            RPT-006,K07,cme,referral,2026-02-02,,Not seen since January,,
            RPT-007,K04,offroll,open,2025-06-01,officer.bravo,,,
            """),
        ("chronology", """
            case_ref,date,kind,text
            RPT-004,2026-03-06,contact,Home visit: Barnaby seen with his father
            RPT-007,2026-02-14,seen,Seen at the library
            """),
        ("suspensions", """
            child_ref,start,days,reason,school_urn,type
            K01,2025-06-10,1,DB,100001,suspension
            K01,2025-09-15,2,PA,100001,suspension
            K01,2025-11-10,1.5,VA,100001,suspension
            K02,2026-01-20,1,DB,100001,suspension
            K03,2025-10-06,3,DB,100002,suspension
            K08,2025-10-13,2,DB,100002,suspension
            K08,2026-02-02,0.5,VP,100002,suspension
            K05,2026-02-23,1,PA,100003,permanent
            """),
        ("actions", """
            case_ref,agency,description,owner,due,status,completed,created
            RPT-001,CAMHS,Referral,dr.lee,2026-03-01,open,,2026-01-10
            RPT-001,school,Reintegration meeting,head,2026-04-01,open,,2026-01-10
            RPT-002,CAMHS,Assessment,dr.lee,,open,,2026-01-10
            RPT-004,education welfare,Home visit,ewo.kim,2026-02-01,done,2026-02-03,2026-01-15
            RPT-006,police,Welfare check,pc.ray,2026-03-10,open,,2026-02-03
            """),
        ("plans", """
            id,case_ref,from_urn,to_urn,start,target,review_every,status,ended_on
            1,RPT-005,100009,100001,2025-11-10,2026-01-30,10,completed,2026-01-16
            2,RPT-001,100009,100001,2026-01-05,2026-03-27,10,active,
            3,RPT-003,100002,100002,2025-09-22,2025-11-28,10,broken-down,2025-10-20
            """),
        ("deletions", """
            child_ref,school_urn,date,ground,la_notified,notified_on,destination
            K04,100002,2025-10-15,off-roll,false,,
            K05,100003,2026-01-09,home education,true,2026-01-09,EHE
            """),
    ]

    /// Imports the dataset into the CLI's store.
    static func load(into cli: CLI) throws {
        XCTAssertEqual(try cli.run(["init"]).code, 0)
        for f in files {
            let path = try cli.write(f.kind + ".csv", f.csv + "\n")
            let r = try cli.run(["import", f.kind, path])
            XCTAssertEqual(r.code, 0, "\(f.kind): \(r.err)")
        }
    }
}
