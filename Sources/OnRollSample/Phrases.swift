/// Phrase pools for the text officers write: strengths first, then voice, then what happened.
enum Phrases {
    static let strengths = [
        "Kind to younger pupils; a loyal friend", "Excellent at art and design", "Plays football for a local club",
        "Loves animals and helps at a city farm", "Strong reader who enjoys fantasy novels", "Good with computers, built a gaming PC",
        "Funny and quick-witted; well liked by peers", "Cares for a younger sibling with real patience", "Talented drummer",
        "Keen cook, runs the family breakfast", "Resilient after a hard year", "Practical and good with tools",
        "Enjoys maths when it is hands-on", "Sings in a community choir", "Loyal, honest, says what they think",
    ]
    static let interests = ["football", "drawing manga", "gaming", "horse riding", "baking", "YouTube editing", "fishing",
                            "dance", "BMX", "music production", "swimming", "chess"]
    static let pupilVoice = [
        "“I want to go back but the corridors are too loud.”", "“Nobody listens until I shout.”",
        "“I'm good at PE, it's the lessons after lunch that go wrong.”", "“I miss my friends.”",
        "“I'd go in if I could start with one lesson.”", "“The PRU staff get me.”", "“I don't want to talk about it yet.”",
        "“I want to be a mechanic.”", "“Mornings are the worst.”",
    ]
    static let parentVoice = [
        "Mum says mornings are a battle and she is exhausted.", "Dad wants a school that understands autism.",
        "Carer feels the school gave up too quickly.", "Gran worries about who the child spends time with.",
        "Parents are supportive and want a phased return.", "Mum asks for one contact person, not five.",
        "Parents are considering home education but are unsure.",
    ]
    static let summaries: [String: [String]] = [
        "ebsa": ["Not attending since October half term; anxiety around crowds", "Attendance falling; stomach aches on Mondays",
                 "Refusing to enter the building since a friendship breakdown"],
        "suspension": ["Repeat suspensions for disruption this term", "Suspended after incident with a member of staff",
                       "Several short suspensions; reflection work not yet done"],
        "exclusion": ["Permanently excluded after serious incident; AP place needed from day 6",
                      "Permanent exclusion under governors' review"],
        "ehe": ["Parents elected home education after a difficult term", "EHE notice received; suitability of education to check"],
        "offroll": ["Removed from roll without clear ground; possible off-rolling", "School removed from roll citing EHE; parents say they were pressured"],
        "cme": ["Not seen since family moved; enquiries under way", "Missing from education after leaving primary; no school place"],
        "part-time": ["Part-time timetable while CAMHS assessment completes", "Reduced timetable after return from hospital"],
    ]
    static let notes = [
        "Spoke to parent by phone; agreed to meet next week.", "School reports better week, attended 7 of 10 sessions.",
        "Discussed at team meeting; keep at current level.", "Email from SENCo with updated support plan.",
        "Child seen at home; presented well, talked about football.", "Home visit, no answer; card left.",
        "Consulted educational psychologist about next steps.", "Letter sent to parents about attendance meeting.",
        "Social worker updated: family engaging with early help.", "School asked for advice on reintegration.",
    ]
    static let actionsByAgency: [(String, String)] = [
        ("school", "Share attendance data weekly"), ("school", "Nominate a key adult for mornings"),
        ("LA inclusion", "Arrange a reintegration meeting"), ("education welfare", "Home visit to discuss attendance"),
        ("early help", "Offer family support worker"), ("social care", "Update on strategy discussion"),
        ("CAMHS", "Complete anxiety assessment"), ("educational psychology", "Observation and consultation"),
        ("speech and language", "Screen for language needs"), ("school nurse", "Health review"),
        ("youth justice", "Share risk assessment"), ("police", "Safeguarding information check"),
        ("virtual school", "Review PEP and PP+ spending"), ("AP provider", "Confirm timetable and transport"),
        ("family", "Attend the review meeting"),
    ]
    static let contactTypes = ["home visit", "phone call", "letter", "school enquiry", "agency enquiry", "email"]
    static let contactOutcomes = ["no answer", "spoke to parent", "child seen, well", "no trace at address",
                                  "school has no record", "left message", "parent declined visit"]
}
