import CarryoverErrors

/// The one error type of the manifest module: a stable code, where the
/// problem is, and a message that says what to do.
///
/// Messages quote manifest text only (ids, versions, paths); manifests never
/// hold client data.
public struct ManifestError: CarryoverError, Sendable, Hashable {
    /// What is wrong, stable across releases so callers can map it.
    public enum Code: String, Sendable, Hashable, CaseIterable, CarryoverErrorCode {
        /// The file is not UTF-8 text.
        case notText = "not-text"
        /// The file is not valid TOML (a duplicate key, text after a value, ...).
        case syntax
        /// A required key is absent.
        case missingKey = "missing-key"
        /// A key holds the wrong kind of value (a number for a string, ...).
        case wrongType = "wrong-type"
        /// A key the format does not have.
        case unknownKey = "unknown-key"
        /// The id is not lowercase reverse-DNS.
        case invalidID = "invalid-id"
        /// The version is not Semantic Versioning 2.0.0.
        case invalidVersion = "invalid-version"
        /// A file path is absolute, climbs out with `..` or has unportable characters.
        case unsafePath = "unsafe-path"
        /// A file the manifest names is not there.
        case missingFile = "missing-file"

        /// A manifest is input: every problem in one is invalid input.
        public var category: ErrorCategory { .invalidInput }
    }

    /// The stable code.
    public let code: Code
    /// The file the problem is in (as the caller named it), or nil for a bare value.
    public let file: String?
    /// The line of the key the problem is about, from 1 (1 for the file as a whole).
    public let line: Int
    /// What is wrong, e.g. `version '1.0' is not semantic`.
    public let problem: String
    /// What to do about it, e.g. `use MAJOR.MINOR.PATCH, e.g. 1.0.0`.
    public let fix: String

    /// Makes an error; `problem` says what is wrong and `fix` what to do.
    public init(_ code: Code, file: String?, line: Int = 1, _ problem: String, fix: String) {
        self.code = code
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    /// None: a manifest problem is found in the text, never made from another error.
    public var cause: (any Error)? { nil }

    /// The problem and the fix in one sentence.
    public var message: String { "\(problem); \(fix)" }

    /// `file:line: message`, or the message alone for a bare value.
    public var description: String {
        file.map { "\($0):\(line): \(message)" } ?? message
    }
}
