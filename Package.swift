// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Carryover",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "carryover", targets: ["carryover"]),
        .library(name: "CarryoverCore", targets: ["CarryoverCore"]),
        .library(name: "CarryoverLua", targets: ["CarryoverLua"]),
        .library(name: "CarryoverStore", targets: ["CarryoverStore"]),
        .library(name: "CarryoverModalities", targets: ["CarryoverModalities"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .target(name: "CarryoverCore"),
        .target(name: "CarryoverLua", dependencies: ["CLua", "CarryoverCore"]),
        .executableTarget(name: "EmbedModalitiesTool", dependencies: ["CLua"]),
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
                    description: "Check the built-in modalities' manifests and Lua syntax")),
            dependencies: ["EmbedModalitiesTool"]
        ),
        .target(
            name: "CarryoverStore",
            dependencies: ["CarryoverCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "carryover",
            dependencies: [
                "CarryoverCore", "CarryoverLua", "CarryoverStore", "CarryoverModalities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CarryoverCoreTests", dependencies: ["CarryoverCore"]),
        .testTarget(
            name: "CarryoverLuaTests", dependencies: ["CarryoverLua", "CarryoverModalities"]),
        .testTarget(name: "CarryoverStoreTests", dependencies: ["CarryoverStore"]),
        .testTarget(name: "CLITests", dependencies: ["carryover"]),
    ],
    swiftLanguageModes: [.v6]
)
