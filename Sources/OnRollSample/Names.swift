/// Obviously fictional names from the communities an English county serves, some in their own script.
enum Names {
    struct Pool { let boys: [String]; let girls: [String]; let surnames: [String] }

    static let pools: [Pool] = [
        Pool(boys: ["Oliver", "Harry", "Jack", "Alfie", "Charlie", "Thomas", "George", "Leo", "Finley", "Archie", "Reggie", "Tyler",
                    "Noah", "Freddie", "Arthur", "Louie", "Ethan", "Mason", "Riley", "Jenson", "Theo", "Ollie", "Billy", "Kai"],
             girls: ["Amelia", "Isla", "Ava", "Poppy", "Freya", "Lily", "Evie", "Ruby", "Millie", "Daisy", "Phoebe", "Grace",
                     "Rosie", "Ivy", "Florence", "Willow", "Matilda", "Elsie", "Harper", "Maisie", "Esme", "Sienna", "Lottie", "Nancy"],
             surnames: ["Hartley", "Pemberton", "Ashworth", "Fairweather", "Thornbury", "Whitlock", "Brannigan", "Coldwell", "Marsh", "Fenwick",
                        "Oakes", "Tilbury", "Cropper", "Haddleton", "Pennock", "Strickland", "Moorcroft", "Elphick", "Gathercole", "Brightwell",
                        "Sowerby", "Larkham", "Trevethan", "Quillfeather", "Dimmock", "Yardley", "Ormerod", "Bickerstaff", "Tunnicliffe", "Wadsworth"]),
        Pool(boys: ["Aarav", "Rohan", "Ishaan", "Arjun", "Zain", "Hamza", "Imran"], girls: ["Priya", "Anika", "Aisha", "Zara", "Meera", "Saanvi"],
             surnames: ["Chaudhry", "Patelski", "Ranawat", "Qureshi", "Bhattar", "Malikzai", "Sandhuwal", "Mirzakhan", "Desaiya", "Kapoorji"]),
        Pool(boys: ["Kacper", "Jakub", "Szymon", "Filip"], girls: ["Zofia", "Hanna", "Maja", "Lena"],
             surnames: ["Wiśniewicz", "Kowalczak", "Zielarski", "Dąbrowiec", "Pawłowiak", "Szymańczyk", "Grabarek"]),
        Pool(boys: ["Abdirahman", "Mohamed", "Yusuf", "Liban", "Hassan"], girls: ["Hodan", "Ayaan", "Fadumo", "Sagal", "Idil"], surnames: ["Warsame", "Abdilahi", "Farahow", "Jama-Nur", "Osmanley", "Hirsiye"]),
        Pool(boys: ["Chidi", "Tobenna", "Femi", "Kelechi"], girls: ["Adaeze", "Temi", "Ngozi", "Chiamaka"], surnames: ["Okonkwoh", "Adeyemo", "Nwachukwe", "Balogunde", "Eze-Obi", "Olawumi", "Chukwuma-Hill"]),
        Pool(boys: ["Wei", "Hao", "Jun", "Ming", "Bo"], girls: ["Mei", "Xiu", "Lan", "Ying", "Hua"], surnames: ["Zhaoyu", "Linhart", "Chenwick", "Huangfu", "Xuyang", "Tangwell"]),
        Pool(boys: ["Minh", "Bao", "Quang", "Duc", "Khoa"], girls: ["Linh", "Thao", "Ngoc", "Mai", "Anh"], surnames: ["Nguyenthi", "Trandinh", "Phamvo", "Lehuu", "Vuongtran", "Doanle"]),
        Pool(boys: ["Omar", "Karim", "Yousef", "Sami", "Tariq"], girls: ["Layla", "Noor", "Yasmin", "Rania", "Huda"], surnames: ["Haddadi", "Nasrallo", "Khaldoun", "Mansouri", "Bazzi-Aoun", "Qassemi"]),
        Pool(boys: ["Andrei", "Mihai", "Luca", "Stefan", "Radu"], girls: ["Ioana", "Bianca", "Elena", "Sorina", "Alina"], surnames: ["Popescuța", "Ionelescu", "Dumitrache", "Vasilache", "Munteanuș", "Rădulescu"]),
        Pool(boys: ["Cian", "Oisín", "Darragh", "Tadhg", "Rory"], girls: ["Niamh", "Aoife", "Saoirse", "Clodagh", "Róisín"], surnames: ["Ó Briain", "McGillicuddy", "Fitzmaurice", "Mac Giolla", "Dunleavy", "Ní Mhaoil"]),
        Pool(boys: ["Marcus", "Jaylen", "Kofi", "Tyrell", "Andre"], girls: ["Shanice", "Aaliyah", "Keisha", "Tia", "Kezia"], surnames: ["Campbell-Reid", "Ffrench", "Blackwood", "Grant-Pryce", "Lindo", "Stennett"]),
        Pool(boys: ["Emre", "Kerem", "Deniz", "Baran", "Arda"], girls: ["Elif", "Zeynep", "Defne", "Ece", "Nehir"], surnames: ["Yıldızoğlu", "Karataşlı", "Öztürkmen", "Demirkale", "Aksoylu", "Ertuğrulcan"]),
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
