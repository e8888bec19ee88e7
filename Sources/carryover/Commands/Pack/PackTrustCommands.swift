import ArgumentParser
import CarryoverPacks
import Foundation

/// `pack trust`: add a publisher key to the practice's trust store.
struct PackTrust: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Trust a publisher's public key, so its signed packs install.",
        discussion: """
            Check the key id with the publisher by another channel first. Example:
              carryover pack trust clinic.pub --name "Clinic B"
            """)

    @Argument(help: "The publisher's public key file.") var key: String
    @Option(help: "Who the publisher is, in your words.") var name: String
    @OptionGroup var options: PracticeOptions

    func run() throws {
        let trusted = try options.shelf().trustStore.trust(
            KeyFiles.readPublicKey(at: fileURL(key)), name: name)
        print("Trusted key \(trusted.keyID) as '\(trusted.name)'")
    }
}

/// `pack trusted`: the practice's publisher keys.
struct PackTrusted: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trusted",
        abstract: "List the publisher keys this practice trusts or has revoked.",
        discussion: "Examples:\n  carryover pack trusted\n  carryover pack trusted --json")

    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let keys = try options.shelf().trustStore.list()
        if output.json {
            return try printJSON(
                keys.map {
                    TrustedKeyJSON(
                        keyID: $0.keyID.description, name: $0.name, status: $0.status.rawValue)
                })
        }
        if keys.isEmpty { print("No publisher keys yet; add one with pack trust.") }
        for key in keys { print("\(key.keyID)  \(key.status.rawValue)  \(key.name)") }
    }
}

/// The `--json` shape of `pack trusted`.
struct TrustedKeyJSON: Encodable {
    let keyID, name, status: String
}

/// `pack revoke`: refuse a publisher key from now on.
struct PackRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a publisher key for good: its packs no longer install or load.",
        discussion: "Example:\n  carryover pack revoke 0123456789abcdef")

    @Argument(help: "The key id (16 hex digits, see pack trusted).") var keyID: String
    @OptionGroup var options: PracticeOptions

    func run() throws {
        guard let id = KeyID(hex: keyID) else {
            throw CommandFailure(
                .invalidInput, "'\(keyID.prefix(40))' is not a key id; see pack trusted")
        }
        let revoked = try options.shelf().trustStore.revoke(id)
        print("Revoked key \(revoked.keyID) ('\(revoked.name)'); its packs no longer load")
    }
}
