/// Obviously fictional names from the communities an English county serves, some in their own script.
enum Names {
    struct Pool { let boys: [String]; let girls: [String]; let surnames: [String] }

    static let pools: [Pool] = [
        Pool(boys: ["Oliver", "Harry", "Jack", "Alfie", "Charlie", "Thomas", "George", "Leo", "Finley", "Archie", "Reggie", "Tyler"],
             girls: ["Amelia", "Isla", "Ava", "Poppy", "Freya", "Lily", "Evie", "Ruby", "Millie", "Daisy", "Phoebe", "Grace"],
             surnames: ["Hartley", "Pemberton", "Ashworth", "Fairweather", "Thornbury", "Whitlock", "Brannigan", "Coldwell", "Marsh", "Fenwick", "Oakes", "Tilbury"]),
        Pool(boys: ["Aarav", "Rohan", "Ishaan", "Arjun", "Zain", "Hamza", "Imran"], girls: ["Priya", "Anika", "Aisha", "Zara", "Meera", "Saanvi"],
             surnames: ["Chaudhry", "Patelski", "Ranawat", "Qureshi", "Bhattar", "Malikzai"]),
        Pool(boys: ["Kacper", "Jakub", "Szymon", "Filip"], girls: ["Zofia", "Hanna", "Maja", "Lena"],
             surnames: ["Wiśniewicz", "Kowalczak", "Zielarski", "Dąbrowiec"]),
        Pool(boys: ["Abdirahman", "Mohamed", "Yusuf"], girls: ["Hodan", "Ayaan", "Fadumo"], surnames: ["Warsame", "Abdilahi", "Farahow"]),
        Pool(boys: ["Chidi", "Tobenna", "Femi", "Kelechi"], girls: ["Adaeze", "Temi", "Ngozi", "Chiamaka"], surnames: ["Okonkwoh", "Adeyemo", "Nwachukwe", "Balogunde"]),
        Pool(boys: ["Wei", "Hao", "Jun"], girls: ["Mei", "Xiu", "Lan"], surnames: ["Zhaoyu", "Linhart", "Chenwick"]),
        Pool(boys: ["Minh", "Bao", "Quang"], girls: ["Linh", "Thao", "Ngoc"], surnames: ["Nguyenthi", "Trandinh", "Phamvo"]),
        Pool(boys: ["Omar", "Karim", "Yousef"], girls: ["Layla", "Noor", "Yasmin"], surnames: ["Haddadi", "Nasrallo", "Khaldoun"]),
        Pool(boys: ["Andrei", "Mihai", "Luca"], girls: ["Ioana", "Bianca", "Elena"], surnames: ["Popescuța", "Ionelescu", "Dumitrache"]),
        Pool(boys: ["Cian", "Oisín", "Darragh"], girls: ["Niamh", "Aoife", "Saoirse"], surnames: ["Ó Briain", "McGillicuddy", "Fitzmaurice"]),
        Pool(boys: ["Marcus", "Jaylen", "Kofi"], girls: ["Shanice", "Aaliyah", "Keisha"], surnames: ["Campbell-Reid", "Ffrench", "Blackwood"]),
        Pool(boys: ["Emre", "Kerem", "Deniz"], girls: ["Elif", "Zeynep", "Defne"], surnames: ["Yıldızoğlu", "Karataşlı", "Öztürkmen"]),
    ]

    /// Names written in their own script: the console must align them and never mangle them.
    static let scripted: [(forename: String, surname: String, preferred: String?)] = [
        ("小明", "王", "Ming"), ("美玲", "陈", nil), ("Αλέξανδρος", "Παπαδόπουλος", "Alex"), ("Дмитрий", "Соколов", "Dima"),
        ("يوسف", "الحسيني", "Yusuf"), ("서연", "김", "Seo-yeon"), ("Zoë", "Brontë-Hale", nil), ("Siân", "Llewelyn-Ōta", nil),
    ]

    static let preferredFor: [String: String] = [
        "Thomas": "Tom", "Oliver": "Ollie", "Alexander": "Alex", "Abdirahman": "Abdi", "Mohamed": "Mo", "Adaeze": "Ada",
        "Chiamaka": "Chi", "Kacper": "Kaz", "Yousef": "Joe", "Darragh": "Daz", "Temi": "T",
    ]

    static let officers = ["asha.patel", "tom.reid", "grace.owusu", "dan.kowal", "lucy.brennan", "sam.wright"]

    static let professionals = ["Dr R. Lee", "J. Amadi", "K. Morrow", "P. Sandhu", "H. Nowak", "T. Green", "L. Ferreira",
                                "M. Oyelaran", "S. Whitby", "C. Dunmore", "E. Varga", "B. Achebe", "N. Holt", "F. Rahman"]
}
