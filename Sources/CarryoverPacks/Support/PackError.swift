import CarryoverErrors

/// The one error type of the packs module: a stable code and a message that
/// tells the user what to do.
///
/// Messages name pack files and key ids only; packs never hold client data.
public typealias PackError = ModuleError<PackErrorCode>

/// What went wrong, stable across releases so scripts and the CLI can map it.
public enum PackErrorCode: String, Sendable, Codable, CaseIterable, CarryoverErrorCode {
    /// A version string is not semver 2.0.0.
    case invalidVersion = "invalid-version"
    /// A version range is not one of the supported forms.
    case invalidRange = "invalid-range"
    /// `pack.toml` or a `homework.toml` is missing, unreadable or incomplete.
    case invalidManifest = "invalid-manifest"
    /// A key file is not a signify Ed25519 key Carryover can use.
    case invalidKey = "invalid-key"
    /// The pack has no `CHECKSUMS` or no `CHECKSUMS.sig`.
    case unsigned = "unsigned"
    /// The signature does not verify against the publisher's key.
    case badSignature = "bad-signature"
    /// The signing key is not in the practice's trust store.
    case untrustedKey = "untrusted-key"
    /// The signing key was revoked in the practice's trust store.
    case revokedKey = "revoked-key"
    /// The manifest names a different key than the one that signed the pack.
    case keyMismatch = "key-mismatch"
    /// A file was changed, added or removed after signing.
    case tampered = "tampered"
    /// A path is absolute, contains `..`, is a link or is not a plain file.
    case unsafePath = "unsafe-path"
    /// A file or the whole pack is over the size or count cap.
    case tooLarge = "too-large"
    /// The pack's engine range does not include this engine.
    case incompatibleEngine = "incompatible-engine"
    /// The pack is older than the installed version.
    case downgrade = "downgrade"
    /// The pack (or key) is already there.
    case alreadyExists = "already-exists"
    /// The pack (or key) is not there.
    case notFound = "not-found"
    /// The pack differs from what `carryover.lock` pins.
    case lockMismatch = "lock-mismatch"
    /// The archive is not a ustar archive Carryover can read.
    case invalidArchive = "invalid-archive"
    /// Another process is changing the practice's packs right now.
    case busy = "busy"
    /// Reading or writing a file failed.
    case io = "io"

    public var category: ErrorCategory {
        switch self {
        case .unsigned, .badSignature, .untrustedKey, .revokedKey, .keyMismatch, .tampered,
            .lockMismatch, .unsafePath:
            .notPermitted
        case .notFound: .notFound
        case .busy: .busy
        case .io: .storage
        case .invalidVersion, .invalidRange, .invalidManifest, .invalidKey, .tooLarge,
            .incompatibleEngine, .downgrade, .alreadyExists, .invalidArchive:
            .invalidInput
        }
    }
}
