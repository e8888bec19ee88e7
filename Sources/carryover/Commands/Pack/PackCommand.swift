import ArgumentParser
import CarryoverManifest
import CarryoverPacks
import CarryoverPractice
import Foundation

/// `carryover pack`: publish, check, trust, install and upgrade plugin packs.
struct PackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Share homework types between clinics as signed packs.",
        discussion: """
            A publisher makes a key once, then builds, signs and archives each release:
              carryover pack keygen --public clinic.pub --secret clinic.sec
              carryover pack create clinic-pack --id org.example.clinic --pack-version 1.0.0 \\
                  --publisher "Example Clinic" --key clinic.pub --license CC-BY-4.0
              carryover pack build clinic-pack && carryover pack sign clinic-pack --secret clinic.sec
              carryover pack archive clinic-pack --out clinic-pack-1.0.0.tar
            A practice checks the key with the publisher, trusts it, then installs:
              carryover pack trust clinic.pub --name "Example Clinic"
              carryover pack install clinic-pack-1.0.0.tar
            Refusals of a signature, key or lockfile exit with status 77. See Docs/packs.md.
            """,
        subcommands: [
            PackKeygen.self, PackCreate.self, PackBuild.self, PackSign.self, PackVerify.self,
            PackInspect.self, PackArchiveCommand.self, PackTrust.self, PackTrusted.self,
            PackRevoke.self, PackInstall.self, PackList.self, PackUpgrade.self, PackRemove.self,
        ])
}

/// A path given on the command line, relative to the working folder.
func fileURL(_ path: String) -> URL {
    URL(fileURLWithPath: path).standardizedFileURL
}

extension PracticeOptions {
    /// The practice's packs, once the practice is known to exist.
    func shelf() throws -> PackShelf {
        if database == nil {
            _ = try Practice.open(at: folder, access: .readOnly, clock: try Self.clock())
        } else if !FileManager.default.fileExists(atPath: folder.path) {
            throw CommandFailure(
                .notFound, "no practice folder \(folder.path); create it with 'carryover init'")
        }
        return PackShelf(root: folder)
    }
}

/// A version from the command line; 65 when it is not semver.
func semanticVersion(_ text: String) throws -> SemanticVersion {
    do {
        return try SemanticVersion(parsing: text)
    } catch {
        throw CommandFailure(.invalidInput, error.message)
    }
}
