/// Something the therapist should look at, with a suggested change.
///
/// Messages are built only from counts, weekdays, times and instrument
/// names: never from entry text or client details, so a flag can be shown
/// or logged without leaking a health record.
public struct ProgressFlag: Sendable, Hashable, Codable {
    /// How urgent the flag is, from least to most.
    public enum Level: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        /// A pattern worth discussing at the next session.
        case info
        /// Needs the therapist's attention before the next session.
        case attention
        /// A possible safety risk: act now.
        case risk

        public static func < (lhs: Level, rhs: Level) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Stable codes, for filters and exports.
    public enum Code: String, Sendable, Hashable, Codable {
        /// Several occurrences in a row were missed, up to now.
        case consecutiveMisses = "consecutive-misses"
        /// Misses cluster on one weekday or at one time of day.
        case timeConstraints = "barrier-time-constraints"
        /// Rejected or incomplete entries, or misses from the very start.
        case unclearInstructions = "barrier-unclear-instructions"
        /// Adherence falling week over week after a good start.
        case lowMotivation = "barrier-low-motivation"
        /// A measure item that asks about self-harm scored above 0.
        case selfHarmRisk = "self-harm-risk"
    }

    /// How urgent it is.
    public var level: Level
    public var code: Code
    /// What was seen, for the therapist.
    public var message: String
    /// The change to the assignment (or the action) we suggest.
    public var suggestion: String

    public init(level: Level, code: Code, message: String, suggestion: String) {
        self.level = level
        self.code = code
        self.message = message
        self.suggestion = suggestion
    }
}
