import CarryoverManifest
import Foundation

/// A set of versions, written as comma-separated comparators that must all hold.
///
/// Supported forms, following node-semver (https://github.com/npm/node-semver#ranges):
/// `>=1.2.0, <2.0.0`, `>1.0.0`, `<=1.4.0`, `=1.2.3` or `1.2.3` (exact),
/// `^1.2.3` (same major; for 0.x same minor; for 0.0.x same patch) and
/// `~1.2.3` (same minor). Versions compare by semver precedence.
public struct VersionRange: Sendable, Hashable, CustomStringConvertible {
    /// One bound on a version.
    public struct Comparator: Sendable, Hashable {
        public enum Operator: String, Sendable, Hashable {
            case less = "<"
            case lessOrEqual = "<="
            case greater = ">"
            case greaterOrEqual = ">="
            case equal = "="
        }
        public let op: Operator
        public let version: SemanticVersion

        func accepts(_ candidate: SemanticVersion) -> Bool {
            switch op {
            case .less: return candidate < version
            case .lessOrEqual: return candidate <= version
            case .greater: return candidate > version
            case .greaterOrEqual: return candidate >= version
            case .equal: return candidate == version
            }
        }
    }

    /// The comparators, all of which must accept a version.
    public let comparators: [Comparator]
    /// The text the range was parsed from, kept for messages and manifests.
    public let description: String

    /// Parses a range such as `>=0.1.0, <0.2.0` or `^1.2.0`.
    /// - Throws: ``PackError`` with code `invalidRange`.
    public init(parsing text: String) throws(PackError) {
        let invalid = PackError(
            .invalidRange,
            "'\(text.prefix(64))' is not a version range; write e.g. \">=0.1.0, <0.2.0\" or \"^1.2.0\""
        )
        var comparators: [Comparator] = []
        for rawPart in text.split(separator: ",", omittingEmptySubsequences: false) {
            let part = rawPart.trimmingCharacters(in: .whitespaces)
            guard !part.isEmpty else { throw invalid }
            do {
                comparators += try Self.expand(part)
            } catch {
                throw invalid
            }
        }
        self.comparators = comparators
        self.description = text
    }

    /// Whether `version` lies in the range.
    public func contains(_ version: SemanticVersion) -> Bool {
        comparators.allSatisfy { $0.accepts(version) }
    }

    private static func expand(_ part: String) throws(ManifestError) -> [Comparator] {
        for op in [">=", "<=", ">", "<", "="] where part.hasPrefix(op) {
            let version = try SemanticVersion(parsing: String(part.dropFirst(op.count)))
            return [Comparator(op: Comparator.Operator(rawValue: op)!, version: version)]
        }
        if part.hasPrefix("^") || part.hasPrefix("~") {
            let base = try SemanticVersion(parsing: String(part.dropFirst()))
            let upper: SemanticVersion
            if part.hasPrefix("~") || (base.major == 0 && base.minor > 0) {
                upper = SemanticVersion(base.major, base.minor + 1, 0)
            } else if base.major == 0 {
                upper = SemanticVersion(0, 0, base.patch + 1)
            } else {
                upper = SemanticVersion(base.major + 1, 0, 0)
            }
            // A pre-release of the upper bound (e.g. 2.0.0-rc.1) sorts below it, so
            // bound by its lowest pre-release to keep it out, as node-semver does.
            let floor = SemanticVersion(
                upper.major, upper.minor, upper.patch, preRelease: [.numeric(0)])
            return [
                Comparator(op: .greaterOrEqual, version: base),
                Comparator(op: .less, version: floor),
            ]
        }
        return [Comparator(op: .equal, version: try SemanticVersion(parsing: part))]
    }
}
