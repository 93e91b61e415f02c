/// Name pools by family background. Forenames and surnames are mixed freely within a pool, so no
/// generated child is a real person; the pools only make the caseload look like a real county's.
struct Background {
    let label: String
    let boys: [String]
    let girls: [String]
    let surnames: [String]
    /// Share of children from this background recorded as EAL.
    let eal: Double
}

enum Names {
    static let backgrounds: [(Background, Int)] = [
        (Background(label: "British", boys: ["Oliver", "Harry", "Jack", "Charlie", "Alfie", "Leo", "Freddie", "Archie",
                                              "Noah", "Tommy", "Ethan", "Callum", "Kieran", "Jayden", "Riley", "Mason",
                                              "Reece", "Dylan", "Owen", "Lewis"],
                    girls: ["Olivia", "Amelia", "Isla", "Ava", "Poppy", "Lily", "Evie", "Grace", "Freya", "Ruby",
                            "Millie", "Holly", "Chloe", "Megan", "Jessica", "Ellie", "Summer", "Kayla", "Macy", "Rosie"],
                    surnames: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
                               "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
                               "Jackson", "Clarke", "Hughes", "Harrison", "Marsh", "Pickering", "Ashworth", "Fletcher"],
                    eal: 0), 44),
        (Background(label: "Irish", boys: ["Cian", "Oisín", "Conor", "Seán", "Darragh", "Ronan"],
                    girls: ["Aoife", "Niamh", "Siobhán", "Róisín", "Saoirse", "Ciara"],
                    surnames: ["Murphy", "O'Brien", "Kelly", "Byrne", "Ó Súilleabháin", "McCarthy", "Doyle", "Gallagher"],
                    eal: 0), 4),
        (Background(label: "Caribbean", boys: ["Jerome", "Tyrese", "Malachi", "Kai", "Isaiah", "Marcus"],
                    girls: ["Shanice", "Aaliyah", "Keisha", "Tianna", "Nia", "Jada"],
                    surnames: ["Campbell", "Francis", "Henry", "Bailey", "Grant", "Samuels", "Thomas", "Reid"],
                    eal: 0), 5),
        (Background(label: "South Asian", boys: ["Mohammed", "Ayaan", "Zayn", "Arjun", "Rohan", "Imran", "Harjit", "Rayyan"],
                    girls: ["Aisha", "Zara", "Priya", "Anaya", "Maryam", "Simran", "Inaaya", "Fatima"],
                    surnames: ["Khan", "Hussain", "Patel", "Begum", "Ahmed", "Singh", "Sharma", "Chowdhury", "Iqbal", "Rahman"],
                    eal: 0.45), 11),
        (Background(label: "Polish", boys: ["Jakub", "Szymon", "Kacper", "Filip", "Wojciech", "Mateusz"],
                    girls: ["Zuzanna", "Julia", "Wiktoria", "Maja", "Zofia", "Agnieszka"],
                    surnames: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zieliński"],
                    eal: 0.7), 5),
        (Background(label: "Romanian", boys: ["Andrei", "Mihai", "Ionuț", "Alexandru", "Stefan"],
                    girls: ["Ioana", "Andreea", "Elena", "Bianca", "Daria"],
                    surnames: ["Popescu", "Ionescu", "Dumitru", "Stan", "Constantin", "Munteanu"],
                    eal: 0.8), 4),
        (Background(label: "Somali", boys: ["Abdi", "Mahad", "Hamza", "Liban", "Yusuf"],
                    girls: ["Hodan", "Ayaan", "Sagal", "Hibo", "Amina"],
                    surnames: ["Hassan", "Warsame", "Farah", "Abdullahi", "Mohamud", "Jama"],
                    eal: 0.6), 3),
        (Background(label: "Nigerian", boys: ["Chidi", "Tobi", "Emeka", "Femi", "Oluwaseun", "Daniel"],
                    girls: ["Adaeze", "Funmi", "Chiamaka", "Temi", "Precious", "Blessing"],
                    surnames: ["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Adebayo", "Nwosu"],
                    eal: 0.2), 5),
        (Background(label: "Chinese", boys: ["Hao", "Jun", "Wei", "Ethan", "Zihan"],
                    girls: ["Mei", "Xinyi", "Yan", "Lucy", "Ruoxi"],
                    surnames: ["Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Wong"],
                    eal: 0.5), 3),
        (Background(label: "Vietnamese", boys: ["Minh", "Duc", "Khoa", "Bao"],
                    girls: ["Linh", "Thao", "Huong", "Anh"],
                    surnames: ["Nguyễn", "Tran", "Pham", "Le", "Vu", "Hoang"],
                    eal: 0.6), 2),
        (Background(label: "Arabic", boys: ["Omar", "Yousef", "Karim", "Ahmad", "Tariq", "Sami"],
                    girls: ["Layla", "Noor", "Rania", "Salma", "Yasmin", "Hana"],
                    surnames: ["Haddad", "Al-Sayed", "Mansour", "Khalil", "Nasser", "Saleh"],
                    eal: 0.7), 4),
        (Background(label: "Turkish", boys: ["Emre", "Mehmet", "Can", "Yusuf", "Deniz"],
                    girls: ["Elif", "Zeynep", "Ayşe", "Defne", "Ecem"],
                    surnames: ["Yılmaz", "Demir", "Şahin", "Kaya", "Çelik", "Aydın"],
                    eal: 0.5), 3),
        (Background(label: "Lithuanian", boys: ["Lukas", "Matas", "Dovydas"],
                    girls: ["Gabija", "Emilija", "Austėja"],
                    surnames: ["Kazlauskas", "Petrauskaitė", "Jankauskas"],
                    eal: 0.7), 2),
        (Background(label: "Portuguese", boys: ["Tiago", "Rodrigo", "Gonçalo"],
                    girls: ["Beatriz", "Inês", "Mariana"],
                    surnames: ["Silva", "Ferreira", "Gonçalves", "Rodrigues"],
                    eal: 0.6), 2),
    ]

    /// Children whose names are recorded in their own script, in the surname or the preferred name,
    /// so every screen and export is exercised with wide, right-to-left and non-Latin text.
    /// (forename, surname, preferred name, is a boy)
    static let ownScript: [(String, String, String?, Bool)] = [
        ("Xiaoming", "Li", "小明", true),
        ("Yuxin", "王", nil, false),
        ("Layla", "Haddad", "ليلى", false),
        ("Omar", "الحسيني", nil, true),
        ("Dmytro", "Коваленко", nil, true),
        ("Anastasia", "Smirnova", "Настя", false),
        ("Eleni", "Παπαδάκη", nil, false),
        ("Nikos", "Georgiou", "Νίκος", true),
    ]

    /// Preferred names people actually go by (forename → preferred).
    static let shortForms: [String: String] = [
        "Oliver": "Ollie", "Alexandru": "Alex", "Mohammed": "Mo", "Jessica": "Jess", "Wiktoria": "Wiki",
        "Oluwaseun": "Seun", "Alfie": "Alf", "Zuzanna": "Zuzia", "Andreea": "Andi", "Callum": "Cal",
        "Daniel": "Danny", "Mariana": "Mari", "Elizabeth": "Lizzie", "Isaiah": "Zay", "Chiamaka": "Chi",
    ]

    /// Adults' forenames for parents, carers and professionals (split so "Mum" gets a woman's name).
    static let women = [
        "Sarah", "Michelle", "Gemma", "Lisa", "Nadia", "Joanna", "Fatima", "Grace", "Ngozi", "Ewa", "Mariam",
        "Karen", "Claire", "Rebecca", "Helen", "Priya", "Hodan", "Lan", "Ayşe", "Siobhan", "Marcia", "Irina",
    ]
    static let men = ["Paul", "Darren", "Lee", "Tariq", "Piotr", "Samuel", "Gareth", "Ravi", "Kwame", "Adrian", "Chris", "Steve"]
    static let adultForenames = women + men
}
