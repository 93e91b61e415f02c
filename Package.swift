// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "OnRoll",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "onroll", targets: ["onroll"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // libpq: PostgreSQL's reference client (docs/decisions.md says why not postgres-nio).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // A small synchronous PostgreSQL client over libpq. Knows nothing of cases.
        .target(name: "PostgresClient", dependencies: ["CLibPQ"]),
        // The one rule for text that reaches a terminal: what is shown as a placeholder, never obeyed.
        .target(name: "SafeText"),
        // Pure domain: value types, entities and rules. No I/O, no clock.
        .target(name: "OnRollCore", dependencies: ["SafeText"]),
        // Deterministic synthetic caseloads: the sample data and the benchmark stores.
        .target(name: "OnRollSample", dependencies: ["OnRollCore"]),
        // The SQLite file, the one audited write path, import/export codecs.
        .target(
            name: "OnRollStore",
            dependencies: [
                "OnRollCore",
                "PostgresClient",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Cell grid, text width, sanitising, keys, backends. Knows nothing of cases.
        .target(name: "TerminalKit", dependencies: ["CNcurses", "SafeText"]),
        .target(name: "OnRollConsole", dependencies: ["OnRollCore", "OnRollStore", "TerminalKit"]),
        .target(
            name: "OnRollCLI",
            dependencies: [
                "OnRollCore", "OnRollStore", "OnRollConsole", "TerminalKit", "OnRollSample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "onroll", dependencies: ["OnRollCLI"]),
        .executableTarget(name: "onroll-bench", dependencies: ["OnRollCore", "OnRollStore", "OnRollConsole", "TerminalKit", "OnRollSample"], path: "Benchmarks/onroll-bench"),
        // Helpers shared by the test targets (a seeded generator of hostile input).
        .target(name: "OnRollTestSupport", path: "Tests/Support"),
        .testTarget(name: "OnRollCoreTests", dependencies: ["OnRollCore", "OnRollTestSupport"]),
        .testTarget(name: "OnRollSampleTests", dependencies: ["OnRollSample", "OnRollCore"]),
        .testTarget(name: "OnRollStoreTests", dependencies: ["OnRollStore", "OnRollCore", "OnRollTestSupport", "PostgresClient"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "OnRollConsoleTests", dependencies: ["OnRollConsole", "OnRollStore", "OnRollCore", "TerminalKit", "OnRollTestSupport",
                                                              .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "OnRollCLITests", dependencies: ["OnRollCLI", "OnRollStore", "OnRollCore", "OnRollSample", "OnRollTestSupport"]),
    ]
)
