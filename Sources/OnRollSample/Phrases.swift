/// Phrase pools for the free-text fields. Strengths first, in the words families and workers use.
enum Phrases {
    static let strengths = [
        "Kind to younger children", "Very good at fixing things", "Loyal friend", "Strong sense of fairness",
        "Creative writer", "Great sense of humour", "Patient with animals", "Works hard when work is practical",
        "Confident speaker in small groups", "Talented artist", "Caring towards siblings", "Good at maths puzzles",
        "Determined once engaged", "Helps adults without being asked", "Honest about how they feel",
        "Remembers everyone's names", "Keen reader of graphic novels", "Good at calming others down",
        "Strong football player", "Learns languages quickly", "Thinks carefully before answering",
        "Brilliant at cooking", "Responds well to one trusted adult", "Enjoys responsibility",
    ]

    static let interests = [
        "Football", "Drawing and anime", "Minecraft", "Baking", "Boxing club", "Gaming with friends online",
        "Fishing with grandad", "Music production", "Dance", "Horses", "Coding", "Cycling and BMX",
        "K-pop", "Dinosaurs", "Motorbikes", "Photography", "Looking after the family dog", "Nature and birds",
        "Basketball", "Making videos", "Lego", "Singing in church choir", "Car mechanics", "Chess",
    ]

    static let pupilVoice = [
        "I want to go back but the corridors are too loud.",
        "Ms Khan in the library is the only one who listens.",
        "I get in trouble for things other people start.",
        "Mornings are the worst, my stomach hurts.",
        "I like the small group, I can actually think there.",
        "I don't want to be the one who's always sent out.",
        "Maths makes sense when someone shows me step by step.",
        "I'd go in if I could start later and go to a quiet room first.",
        "I miss my friends but I don't know what to say to them now.",
        "People stare when I walk in late.",
        "I want to do a mechanics course when I'm older.",
        "Lunchtimes are too long and there's nowhere to go.",
        "I try but nobody notices when I'm good.",
        "I liked it at primary. Secondary is too big.",
        "I want a fresh start somewhere nobody knows me.",
        "Home is where I feel safe.",
        "I'm worried about Mum when I'm at school.",
        "I'd like to do my GCSEs, just not in that building.",
    ]

    static let parentVoice = [
        "Mum says he is a different child at home: calm, funny and helpful.",
        "Dad feels school only ever calls with bad news.",
        "Mum wants a plan that starts small and builds up.",
        "Parents worried the part-time timetable has gone on too long.",
        "Gran (main carer) says the morning routine is a battle every day.",
        "Mum asks for one named person to contact at school.",
        "Parents feel their concerns about SEN were not heard.",
        "Carer reports she sleeps badly before school days.",
        "Mum is exhausted and would welcome early help support.",
        "Dad says the last reintegration meeting felt like a telling-off.",
        "Parents keen for an EHC needs assessment.",
        "Mum says the anxiety started after the move to Year 7.",
        "Foster carer very positive about the PRU's small classes.",
        "Parents chose home education after months of struggle, and want it respected.",
        "Mum needs an interpreter for meetings (Polish).",
        "Family want him kept away from older peers in the town centre.",
    ]

    static let notes = [
        "Spoke with head of year; agreed a check-in each morning.",
        "Parent called: worried about the coming week, reassured and gave the duty number.",
        "School shared updated behaviour log.",
        "Attendance reviewed with education welfare: improving slowly.",
        "Pupil met in school; talked about what helps on a bad morning.",
        "Emailed SENCo for the latest SEN support plan.",
        "Discussed at team meeting; keep at current level.",
        "Received CAMHS letter: on the waiting list, triage done.",
        "Safe and well check completed; no new concerns.",
        "School reports a good week: full attendance for the first time this term.",
        "Parent did not attend planned meeting; rearranged.",
        "Transport arranged for the first two weeks.",
        "Early help assessment started with the family.",
        "Timetable adjusted: English and maths in the small group.",
        "Pupil enjoyed the taster morning at the college.",
        "Social worker updated the team; plan unchanged.",
    ]

    static let closureReasons: [String] = [
        "Attendance sustained above 90% for a term", "Moved out of area; records transferred",
        "Full-time place secured and settled", "Reintegration completed", "Suitable home education confirmed",
        "Child located, on roll at a school in another authority", "Family declined further support; no concerns",
        "Part-time timetable ended, back to full time",
    ]
}
