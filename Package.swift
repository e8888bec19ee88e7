// swift-tools-version: 6.1
import PackageDescription

/// Diagnostics go through swift-log (quiet in the CLI unless --verbose; Docs/cli.md).
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")

let package = Package(
    name: "Carryover",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "carryover", targets: ["carryover"]),
        .library(name: "CarryoverErrors", targets: ["CarryoverErrors"]),
        .library(name: "CarryoverCore", targets: ["CarryoverCore"]),
        .library(name: "CarryoverManifest", targets: ["CarryoverManifest"]),
        .library(name: "CarryoverLua", targets: ["CarryoverLua"]),
        .library(name: "CarryoverPluginKit", targets: ["CarryoverPluginKit"]),
        .library(name: "CarryoverStore", targets: ["CarryoverStore"]),
        .library(name: "CarryoverSQLite", targets: ["CarryoverSQLite"]),
        .library(name: "CarryoverPostgres", targets: ["CarryoverPostgres"]),
        .library(name: "CarryoverPacks", targets: ["CarryoverPacks"]),
        .library(name: "CarryoverExport", targets: ["CarryoverExport"]),
        .library(name: "CarryoverModalities", targets: ["CarryoverModalities"]),
        .library(name: "CarryoverPractice", targets: ["CarryoverPractice"]),
        .library(name: "CarryoverServer", targets: ["CarryoverServer"]),
    ],
    traits: [
        .trait(
            name: "Postgres",
            description: "PostgreSQL store for clinics (builds postgres-nio and SwiftNIO)."
        )
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // `swift package generate-documentation` for the DocC catalogues (.ci/docs.sh).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The client portal (`carryover serve`): HTTP, templates, sessions.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Markdown for reading material on the portal (made safe in SafeMarkdown).
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // The error protocol every module's error conforms to, and its categories.
        .target(name: "CarryoverErrors"),
        // The sandbox's C side: capped allocator, hook, guards, entry points.
        .target(name: "CLuaSandbox", dependencies: ["CLua"]),
        .target(name: "CarryoverCore", dependencies: ["CarryoverErrors"]),
        // homework.toml: the one parser and rules that the build tool, lint, packs and the
        // catalogue share (and semantic versions, ids and portable paths).
        .target(
            name: "CarryoverManifest",
            dependencies: ["CarryoverErrors", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The Lua runtime: sandbox, DSL prelude, homework types, the plugin test runner.
        .target(
            name: "CarryoverLua",
            dependencies: ["CLua", "CLuaSandbox", "CarryoverCore", "CarryoverErrors"],
            plugins: ["EmbedLuaFiles"]),
        // A target's .lua files (preludes, test library) as Swift string constants.
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(name: "EmbedLuaFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),
        // Author tooling over the runtime: plugin folders, lint, fuzz, scaffold, run, test reports.
        .target(
            name: "CarryoverPluginKit",
            dependencies: ["CarryoverCore", "CarryoverLua", "CarryoverManifest"]),
        // The built-in homework types in Modalities/, embedded into the binary at build time.
        .executableTarget(
            name: "EmbedModalitiesTool", dependencies: ["CLua", "CarryoverManifest"]),
        .plugin(
            name: "EmbedModalities", capability: .buildTool(),
            dependencies: ["EmbedModalitiesTool"]
        ),
        .target(name: "CarryoverModalities", plugins: ["EmbedModalities"]),
        .plugin(
            name: "LintModalities",
            capability: .command(
                intent: .custom(
                    verb: "lint-modalities",
                    description: "Run `carryover plugin lint` on every built-in modality"))
        ),
        // The store contract: the PracticeStore protocol, its model types and errors, and the
        // JSON Lines import pipeline, the same over every store.
        .target(
            name: "CarryoverStore",
            dependencies: [
                "CarryoverCore", "CarryoverErrors", logging,
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The embedded default store: one SQLite file per practice (GRDB).
        .target(
            name: "CarryoverSQLite",
            dependencies: [
                "CarryoverCore", "CarryoverStore", logging,
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, for reading another program's file without side files.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Compiled empty unless the `Postgres` trait is on (its code is under `#if Postgres`).
        .target(
            name: "CarryoverPostgres",
            dependencies: [
                "CarryoverCore", "CarryoverStore",
                .product(
                    name: "PostgresNIO", package: "postgres-nio",
                    condition: .when(traits: ["Postgres"])),
                // SCRAM verifiers of the clinic's passwords (Clinic/SCRAMVerifier.swift).
                .product(
                    name: "Crypto", package: "swift-crypto", condition: .when(traits: ["Postgres"])),
            ]
        ),
        .target(
            name: "CarryoverPacks",
            dependencies: [
                "CarryoverErrors", "CarryoverManifest", logging,
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(name: "CarryoverExport", dependencies: ["CarryoverCore", "CarryoverErrors"]),
        // The therapist workflow over the modules; every front end calls it.
        .target(
            name: "CarryoverPractice",
            dependencies: [
                "CarryoverCore", "CarryoverErrors", "CarryoverLua", "CarryoverManifest",
                "CarryoverStore", "CarryoverSQLite", "CarryoverPacks", "CarryoverModalities",
                "CarryoverExport", logging,
                .target(name: "CarryoverPostgres", condition: .when(traits: ["Postgres"])),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The client portal: HTTP, templates and security only; the workflow is Practice's.
        .target(
            name: "CarryoverServer",
            dependencies: [
                "CarryoverCore", "CarryoverErrors", "CarryoverPractice", "CarryoverExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        // What the test targets share: temporary folders, the project's test Python.
        .target(name: "CarryoverTestSupport"),
        // Test helper: a child process the store tests kill mid-import and run side by side.
        .executableTarget(
            name: "carryover-store-probe", dependencies: ["CarryoverStore", "CarryoverSQLite"]),
        // Benchmarks: each scenario side by side with a bare baseline (`make bench`).
        .executableTarget(
            name: "carryover-bench",
            dependencies: [
                "CLua", "CarryoverCore", "CarryoverLua", "CarryoverStore", "CarryoverModalities",
                "CarryoverPractice", "CarryoverServer",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(
            name: "carryover",
            dependencies: [
                "CarryoverCore", "CarryoverErrors", "CarryoverLua", "CarryoverManifest",
                "CarryoverPluginKit",
                "CarryoverStore", "CarryoverPacks", "CarryoverExport", "CarryoverModalities",
                "CarryoverPractice", "CarryoverServer", logging,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CarryoverCoreTests", dependencies: ["CarryoverCore"]),
        .testTarget(
            name: "CarryoverManifestTests",
            dependencies: [
                "CarryoverManifest", "CarryoverPacks", "CarryoverPluginKit", "EmbedModalitiesTool",
                "CarryoverTestSupport",
            ]),
        .testTarget(
            name: "CarryoverLuaTests",
            dependencies: ["CarryoverLua", "CarryoverModalities", "CarryoverTestSupport"]),
        .testTarget(
            name: "CarryoverPluginKitTests",
            dependencies: ["CarryoverPluginKit", "CarryoverModalities", "CarryoverTestSupport"]),
        .testTarget(
            name: "CarryoverStoreTests",
            dependencies: [
                "CarryoverStore", "CarryoverSQLite", "carryover-store-probe", "CarryoverTestSupport",
                .target(name: "CarryoverPostgres", condition: .when(traits: ["Postgres"])),
            ]
        ),
        .testTarget(
            name: "CarryoverPacksTests",
            dependencies: ["CarryoverManifest", "CarryoverPacks", "CarryoverTestSupport"]),
        .testTarget(
            name: "CarryoverExportTests", dependencies: ["CarryoverExport", "CarryoverTestSupport"]),
        .testTarget(
            name: "CarryoverPracticeTests",
            dependencies: [
                "CarryoverManifest", "CarryoverPractice", "CarryoverSQLite", "CarryoverTestSupport",
            ]),
        .testTarget(
            name: "CarryoverServerTests",
            dependencies: [
                "CarryoverServer", "CarryoverErrors", "CarryoverPractice", "CarryoverTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "carryover", "CarryoverErrors", "CarryoverCore", "CarryoverExport", "CarryoverLua",
                "CarryoverManifest", "CarryoverPacks", "CarryoverPractice", "CarryoverServer",
                "CarryoverStore", "CarryoverTestSupport",
            ]),
        .testTarget(name: "CarryoverBenchTests", dependencies: ["carryover-bench"]),
    ],
    swiftLanguageModes: [.v6]
)
