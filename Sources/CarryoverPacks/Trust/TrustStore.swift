import CarryoverManifest
import Foundation

/// A publisher key the practice knows about.
public struct TrustedKey: Sendable, Hashable {
    /// Whether packs signed by the key may be installed.
    public enum Status: String, Sendable, Hashable {
        case trusted
        /// Revoked keys stay on record so their packs keep being refused.
        case revoked
    }

    public let publicKey: PublicKey
    /// The name the clinic gave the publisher when trusting the key.
    public let name: String
    public let status: Status

    public var keyID: KeyID { publicKey.keyID }
}

/// The practice's publisher keys, kept in `<practice>/trust/keys.toml`.
///
/// Trusting adds a key; revoking marks it revoked for good (a revoked key
/// cannot be trusted again: the publisher must make a new key).
public struct TrustStore: Sendable {
    /// The file the keys are kept in.
    public let file: URL

    /// The trust store of the practice at `practice`.
    public init(practice: URL) {
        file = practice.appendingPathComponent("trust", isDirectory: true)
            .appendingPathComponent("keys.toml")
    }

    /// All known keys, sorted by key id.
    public func list() throws(PackError) -> [TrustedKey] {
        guard FileIO.exists(file) else { return [] }
        let fields = try TOMLFields(
            FileIO.read(file, limit: 1 << 20, what: "the trust store"), file: "trust/keys.toml")
        var keys: [TrustedKey] = []
        for entry in try fields.tables("key") {
            guard let status = TrustedKey.Status(rawValue: try entry.string("status")) else {
                throw PackError(
                    .invalidManifest,
                    "trust/keys.toml has an unknown status; use trusted or revoked")
            }
            let publicKey = try PublicKey(base64: entry.string("public-key"))
            guard try entry.string("id") == publicKey.keyID.description else {
                throw PackError(
                    .invalidManifest, "trust/keys.toml has a key whose id does not match it")
            }
            keys.append(
                TrustedKey(publicKey: publicKey, name: try entry.string("name"), status: status))
        }
        return keys.sorted { $0.keyID < $1.keyID }
    }

    /// The record for `keyID`, or nil when the key is unknown.
    public func key(_ keyID: KeyID) throws(PackError) -> TrustedKey? {
        try list().first { $0.keyID == keyID }
    }

    /// Trusts `publicKey` under `name`.
    /// - Throws: `revokedKey` if it was revoked, `alreadyExists` if it is already trusted.
    @discardableResult
    public func trust(_ publicKey: PublicKey, name: String) throws(PackError) -> TrustedKey {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw PackError(.invalidKey, "give the publisher a name when trusting a key")
        }
        var keys = try list()
        if let known = keys.first(where: { $0.keyID == publicKey.keyID }) {
            switch known.status {
            case .revoked:
                throw PackError(
                    .revokedKey,
                    "key \(known.keyID) was revoked; ask the publisher for a new key")
            case .trusted:
                throw PackError(
                    .alreadyExists, "key \(known.keyID) is already trusted as '\(known.name)'")
            }
        }
        let added = TrustedKey(publicKey: publicKey, name: trimmed, status: .trusted)
        keys.append(added)
        try save(keys)
        return added
    }

    /// Revokes a known key; packs it signed will no longer install.
    /// - Throws: `notFound` when the key is unknown.
    @discardableResult
    public func revoke(_ keyID: KeyID) throws(PackError) -> TrustedKey {
        var keys = try list()
        guard let index = keys.firstIndex(where: { $0.keyID == keyID }) else {
            throw PackError(.notFound, "key \(keyID) is not in the trust store; see pack trusted")
        }
        let revoked = TrustedKey(
            publicKey: keys[index].publicKey, name: keys[index].name, status: .revoked)
        keys[index] = revoked
        try save(keys)
        return revoked
    }

    /// The key that may verify packs signed by `keyID`.
    /// - Throws: `untrustedKey` when unknown, `revokedKey` when revoked.
    func requireTrusted(_ keyID: KeyID) throws(PackError) -> PublicKey {
        guard let known = try key(keyID) else {
            throw PackError(
                .untrustedKey,
                "the pack is signed by key \(keyID), which this practice does not trust; "
                    + "check the key with the publisher, then run pack trust")
        }
        guard known.status == .trusted else {
            throw PackError(
                .revokedKey,
                "the pack is signed by key \(keyID), which was revoked; do not install it")
        }
        return known.publicKey
    }

    private func save(_ keys: [TrustedKey]) throws(PackError) {
        var lines = ["# Publisher keys this practice trusts or has revoked. Written by carryover."]
        for key in keys.sorted(by: { $0.keyID < $1.keyID }) {
            lines += [
                "", "[[key]]", "id = \(TOMLText.quoted(key.keyID.description))",
                "name = \(TOMLText.quoted(key.name))",
                "status = \(TOMLText.quoted(key.status.rawValue))",
                "public-key = \(TOMLText.quoted(key.publicKey.base64))",
            ]
        }
        try FileIO.createDirectory(file.deletingLastPathComponent())
        try FileIO.writeAtomically(Data((lines.joined(separator: "\n") + "\n").utf8), to: file)
    }
}
