/// A version number as defined by Semantic Versioning 2.0.0 (https://semver.org).
///
/// Equality and ordering follow semver precedence: build metadata is kept for
/// display but ignored when comparing, so `1.0.0+a == 1.0.0+b`.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// One dot-separated pre-release identifier: numeric or alphanumeric.
    public enum Identifier: Sendable, Hashable, Comparable, CustomStringConvertible {
        case numeric(UInt64)
        case alphanumeric(String)

        // semver 11.4: numeric < alphanumeric; numerics by value; others in ASCII order.
        public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
            switch (lhs, rhs) {
            case (.numeric(let a), .numeric(let b)): return a < b
            case (.numeric, .alphanumeric): return true
            case (.alphanumeric, .numeric): return false
            case (.alphanumeric(let a), .alphanumeric(let b)):
                return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
            }
        }

        public var description: String {
            switch self {
            case .numeric(let n): return String(n)
            case .alphanumeric(let s): return s
            }
        }
    }

    public let major: UInt64
    public let minor: UInt64
    public let patch: UInt64
    /// Pre-release identifiers; empty for a normal version.
    public let preRelease: [Identifier]
    /// Build metadata identifiers, ignored for precedence.
    public let build: [String]

    /// Makes a version from its parts.
    public init(
        _ major: UInt64, _ minor: UInt64, _ patch: UInt64, preRelease: [Identifier] = [],
        build: [String] = []
    ) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
        self.build = build
    }

    /// Parses `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, or returns nil.
    public init?(_ description: String) {
        guard let parsed = try? SemanticVersion(parsing: description) else { return nil }
        self = parsed
    }

    /// Parses `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]` strictly per semver 2.0.0.
    /// - Throws: ``ManifestError`` with code `invalid-version`.
    public init(parsing text: String) throws(ManifestError) {
        let invalid = ManifestError(
            .invalidVersion, file: nil, "'\(text.prefix(64))' is not a semantic version",
            fix: "write MAJOR.MINOR.PATCH, e.g. 1.2.0")
        var rest = Substring(text)
        var build: [String] = []
        if let plus = rest.firstIndex(of: "+") {
            build = rest[rest.index(after: plus)...].split(
                separator: ".", omittingEmptySubsequences: false
            )
            .map(String.init)
            rest = rest[..<plus]
            guard build.allSatisfy(Self.isIdentifier) else { throw invalid }
        }
        var preRelease: [Identifier] = []
        if let dash = rest.firstIndex(of: "-") {
            let parts = rest[rest.index(after: dash)...].split(
                separator: ".", omittingEmptySubsequences: false)
            for part in parts {
                guard Self.isIdentifier(part) else { throw invalid }
                if part.allSatisfy(\.isASCIIDigit) {
                    guard let n = Self.numeric(part) else { throw invalid }
                    preRelease.append(.numeric(n))
                } else {
                    preRelease.append(.alphanumeric(String(part)))
                }
            }
            rest = rest[..<dash]
        }
        let core = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard core.count == 3, let major = Self.numeric(core[0]), let minor = Self.numeric(core[1]),
            let patch = Self.numeric(core[2])
        else { throw invalid }
        self.init(major, minor, patch, preRelease: preRelease, build: build)
    }

    public var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !preRelease.isEmpty {
            text += "-" + preRelease.map(\.description).joined(separator: ".")
        }
        if !build.isEmpty { text += "+" + build.joined(separator: ".") }
        return text
    }

    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) == (rhs.major, rhs.minor, rhs.patch)
            && lhs.preRelease == rhs.preRelease
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(preRelease)
    }

    // semver 11: compare the core numerically; a pre-release sorts before its
    // normal version; pre-releases compare identifier by identifier, and a
    // shorter list that is a prefix of a longer one sorts first.
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.preRelease.isEmpty, rhs.preRelease.isEmpty) {
        case (true, _): return false
        case (false, true): return true
        case (false, false): return lhs.preRelease.lexicographicallyPrecedes(rhs.preRelease)
        }
    }

    /// The same version without pre-release or build parts.
    public var release: SemanticVersion { SemanticVersion(major, minor, patch) }

    private static func isIdentifier(_ part: some StringProtocol) -> Bool {
        !part.isEmpty && part.allSatisfy { $0.isASCIIDigit || $0.isASCIILetter || $0 == "-" }
    }

    // Numeric parts: ASCII digits, no leading zero (semver 2 and 9), fits 64 bits.
    private static func numeric(_ part: some StringProtocol) -> UInt64? {
        guard !part.isEmpty, part.allSatisfy(\.isASCIIDigit) else { return nil }
        guard part.count == 1 || part.first != "0" else { return nil }
        return UInt64(part)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}
