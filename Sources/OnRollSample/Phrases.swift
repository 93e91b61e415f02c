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
        "Fishing", "Music production", "Dance", "Horses", "Coding", "Cycling and BMX",
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
        "I'm worried about {carer} when I'm at school.",
        "I'd like to do my GCSEs, just not in that building.",
    ]

    /// Notes on a child in school. `{Carer}` is the child's main carer ("Mum", "Foster carer").
    static let schoolNotes = [
        "Spoke with head of year; agreed a check-in each morning.",
        "{Carer} called: worried about the coming week, reassured and gave the duty number.",
        "School shared updated behaviour log.",
        "Attendance reviewed with education welfare: improving slowly.",
        "Pupil met in school; talked about what helps on a bad morning.",
        "Emailed SENCo for the latest SEN support plan.",
        "Discussed at team meeting; keep at current level.",
        "Received CAMHS letter: on the waiting list, triage done.",
        "School reports a good week: full attendance for the first time this term.",
        "{Carer} did not attend planned meeting; rearranged.",
        "Transport arranged for the first two weeks.",
        "Early help assessment started with the family.",
        "Timetable adjusted: English and maths in the small group.",
        "Pupil enjoyed the taster morning at the college.",
        "Social worker updated the team; plan unchanged.",
    ]

    /// Notes on a child off a school roll and educated at home (EHE, off-rolling): nothing about school days.
    static let homeNotes = [
        "{Carer} called: worried about the coming week, reassured and gave the duty number.",
        "Sent the home education guidance and the offer of a visit.",
        "{Carer} emailed a sample of recent work.",
        "Discussed at team meeting; keep at current level.",
        "Emailed the former school for the pupil's records.",
        "Admissions checked: no application for a school place yet.",
        "Shared the list of local clubs and the library's study space.",
    ]

    /// Notes on a child missing education: the enquiries between the formal checks, no sightings.
    static let missingNotes = [
        "Checked council tax and housing records: no new address.",
        "Admissions checked: no application for a school place in Westmarch.",
        "Discussed at team meeting; keep at current level.",
        "Asked the former school for any other contact numbers on file.",
        "Checked the health visiting record for younger siblings: no new address.",
    ]

    static let closureReasons: [String] = [
        "Attendance sustained above 90% for a term", "Moved out of area; records transferred",
        "Full-time place secured and settled", "Reintegration completed", "Suitable home education confirmed",
        "Child located, on roll at a school in another authority", "Family declined further support; no concerns",
        "Part-time timetable ended, back to full time",
    ]
}
