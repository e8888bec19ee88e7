import CarryoverCore
import CarryoverManifest
import CarryoverPacks
import CarryoverTestSupport
import Foundation

@testable import CarryoverPractice

/// Signed packs holding the example clinic's activity log, at 1.0.0 and at
/// made-up later versions, installed into a practice the way a clinic would.
struct ClinicPackFixture {
    static let packID = "org.example.upgrade-test"
    static let typeID = "org.exampleclinic.activity-log"

    /// The repository's `Examples/clinic-pack/activity-log`.
    static let activityLog = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/clinic-pack/activity-log")

    /// An entry of the 1.0.0 form. By hand: 2 planned, 1 of them done (50%),
    /// mean pleasure 6 and mastery 4 over the one done activity.
    static let entry: Value = [
        "activities": [
            ["activity": "Walk", "planned": true, "done": true, "pleasure": 6, "mastery": 4],
            ["activity": "Call Sam", "planned": true, "done": false],
        ],
        "note": "Felt better after the walk",
    ]

    let key = SecretKey.generate()
    /// The packs this fixture builds, removed with the fixture.
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-packs") }

    /// Trusts this fixture's key in `practice`.
    func trust(in practice: Practice) throws {
        try TrustStore(practice: practice.folder).trust(key.publicKey, name: "Example Clinic")
    }

    /// A practice that trusts this key with the activity log 1.0.0 installed
    /// (its Lua changed by `lua`, when given), assigned to c-017 (Berlin)
    /// daily at 20:00 for 3 weeks on Mon 2026-11-30.
    func assigned(lua: ((String) -> String)? = nil) async throws -> (PracticeFixture, Assignment) {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        try trust(in: fixture.practice)
        try PackShelf(root: fixture.folder).install(from: pack(version: "1.0.0", lua: lua))
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        let assignment = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: Self.typeID,
                schedule: "daily at 20:00 for 3 weeks"))
        return (fixture, assignment)
    }

    /// A signed pack folder with the activity log at `version`.
    ///
    /// 1.0.0 is the example as committed. Later versions rename the `note`
    /// field to `reflection`; with `migrate` they also carry the hook that
    /// moves an old note across, without it old entries no longer fit.
    /// `lua`, when given, changes the plugin's Lua before the pack is signed;
    /// `packID` names another pack holding the same homework type.
    func pack(
        version: String, migrate: Bool = true, packID: String = Self.packID,
        lua: ((String) -> String)? = nil
    ) throws -> URL {
        let root = try scratch.subfolder("pack-\(version)")
        let folder = root.appendingPathComponent("activity-log")
        try FileManager.default.copyItem(at: Self.activityLog, to: folder)
        if version != "1.0.0" {
            try edit(folder.appendingPathComponent("homework.toml")) {
                $0.replacingOccurrences(of: "version = \"1.0.0\"", with: "version = \"\(version)\"")
            }
            try edit(folder.appendingPathComponent("activity_log.lua")) {
                Self.renamed($0, version: version, migrate: migrate)
            }
        }
        if let lua { try edit(folder.appendingPathComponent("activity_log.lua"), lua) }
        let semver = try SemanticVersion(parsing: version)
        try Pack.create(
            at: root,
            manifest: PackManifest(
                id: packID, version: semver, engine: try VersionRange(parsing: "^0.1.0"),
                publisherName: "Example Clinic", publisherKeyID: key.keyID, license: "CC-BY-4.0",
                homework: [.init(id: Self.typeID, version: semver, path: "activity-log")]))
        try Pack.build(at: root)
        try Pack.sign(at: root, with: key)
        return root
    }

    /// The 1.0.0 Lua with `note` renamed and, optionally, the migrate hook.
    static func renamed(_ lua: String, version: String, migrate: Bool) -> String {
        let hook = """
              -- Later versions call the note a reflection.
              migrate = function(entry, from_version)
                local migrated = {}
                for key, value in pairs(entry) do migrated[key] = value end
                migrated.reflection = entry.note
                migrated.note = nil
                return migrated
              end,

              summarize = function(history)
            """
        var text = lua.replacingOccurrences(
            of: "version = \"1.0.0\",", with: "version = \"\(version)\",")
        text = text.replacingOccurrences(
            of: "field.text(\"note\"", with: "field.text(\"reflection\"")
        if migrate {
            text = text.replacingOccurrences(
                of: "  summarize = function(history)\n", with: hook + "\n")
        }
        return text
    }

    private func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        guard changed != text else { throw FixtureEditFailed(file: file.lastPathComponent) }
        try Data(changed.utf8).write(to: file)
    }
}

/// The example's text changed so a fixture edit no longer applies.
struct FixtureEditFailed: Error {
    let file: String
}
