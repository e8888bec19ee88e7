import Foundation

/// Who makes the changes a store records in its audit journal.
public struct Principal: Sendable, Hashable, Codable {
    /// A therapist's name given with `--as`, or the operating-system user.
    public var name: String

    public init(name: String) {
        self.name = name
    }

    /// The operating-system user running this process.
    public static func currentUser() -> Principal {
        let env = ProcessInfo.processInfo.environment
        return Principal(name: env["USER"] ?? env["LOGNAME"] ?? NSUserName())
    }
}
