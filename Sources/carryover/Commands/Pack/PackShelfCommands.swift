import ArgumentParser
import CarryoverCore
import CarryoverPacks
import CarryoverPractice
import Foundation

/// `pack install`: verify a pack against the trust store and pin it.
struct PackInstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a signed pack from a trusted publisher and pin it in carryover.lock.",
        discussion: """
            Refuses (status 77) an unsigned, untrusted, revoked, tampered or unpinned pack and then
            changes nothing. Examples:
              carryover pack install clinic-pack-1.0.0.tar
              carryover pack install clinic-pack-1.0.0.tar --locked   (exactly what carryover.lock pins)
            """)

    @Argument(help: "A pack folder or .tar archive.") var source: String
    @Flag(help: "Install only the exact pack carryover.lock pins; never change the lockfile.")
    var locked = false
    @OptionGroup var options: PracticeOptions

    func run() throws {
        let pack = try options.shelf().install(
            from: fileURL(source), mode: locked ? .locked : .normal)
        print("Installed \(pack.id) \(pack.version) (key \(pack.keyID))")
    }
}

/// `pack list`: every installed version and which one is pinned.
struct PackList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List installed packs; the pinned version is the one new assignments use.",
        discussion: "Examples:\n  carryover pack list\n  carryover pack list --json")

    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let packs = try options.shelf().installed()
        if output.json {
            return try printJSON(
                packs.map {
                    InstalledPackJSON(
                        id: $0.id, version: $0.version.description, pinned: $0.isPinned,
                        keyID: $0.keyID.description, checksumsSHA256: $0.checksumsSHA256)
                })
        }
        if packs.isEmpty { print("No packs installed.") }
        for pack in packs {
            print(
                "\(pack.id)  \(pack.version)  key \(pack.keyID)\(pack.isPinned ? "  pinned" : "")")
        }
    }
}

/// The `--json` shape of `pack list`.
struct InstalledPackJSON: Encodable {
    let id, version: String
    let pinned: Bool
    let keyID, checksumsSHA256: String
}

/// `pack upgrade`: a newer version of an installed pack.
struct PackUpgrade: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Install a newer version of an installed pack and pin it; older versions stay.",
        discussion: """
            Running assignments keep their version until moved with assignment upgrade. Example:
              carryover pack upgrade clinic-pack-1.1.0.tar
              carryover assignment upgrade c-017-2 --to 1.1.0 --reason "new form" --migrate-entries
            """)

    @Argument(help: "A pack folder or .tar archive.") var source: String
    @Flag(help: "Go back to an older version on purpose.") var allowDowngrade = false
    @OptionGroup var options: PracticeOptions

    func run() async throws {
        let practice = try await options.open(.readOnly)
        let pack = try PackShelf(root: options.folder).upgrade(
            from: fileURL(source), allowDowngrade: allowDowngrade)
        print("Installed \(pack.id) \(pack.version) and pinned it")
        for (assignment, newest) in try await practice.assignmentsBehind(packID: pack.id) {
            print(
                "  \(assignment.id) still uses \(assignment.homeworkType) \(assignment.homeworkVersion); "
                    + "move it with: carryover assignment upgrade \(assignment.id) --to \(newest) "
                    + "--reason ...")
        }
    }
}

/// `pack remove`: one version, or the whole pack and its pin.
struct PackRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an installed pack, or one of its versions.",
        discussion: """
            Refuses (status 1) while assignments use it: entries logged with a removed version
            could no longer be checked. To stop a pack from running, revoke its key instead.
            Examples:
              carryover pack remove org.example.clinic --pack-version 1.0.0
              carryover pack remove org.example.clinic
            """)

    @Argument(help: "The pack id.") var id: String
    // Not `--version`: that is every command's "show carryover's version".
    @Option(help: "Only this version (not the pinned one).") var packVersion: String?
    @Flag(help: "Remove it even though assignments use it.") var evenIfUsed = false
    @OptionGroup var options: PracticeOptions

    func run() async throws {
        let practice = try await options.open(.readOnly)
        let semver = try packVersion.map(semanticVersion)
        let users = try await practice.assignmentsUsing(packID: id, version: packVersion)
        if !users.isEmpty && !evenIfUsed {
            throw CommandFailure(
                .refused,
                "\(users.count) assignment(s) use \(id)\(packVersion.map { " \($0)" } ?? "") "
                    + "(\(users.prefix(5).joined(separator: ", "))); keep it so their entries "
                    + "still load, or pass --even-if-used")
        }
        try PackShelf(root: options.folder).remove(id: id, version: semver)
        print("Removed \(id)\(packVersion.map { " \($0)" } ?? "")")
    }
}
