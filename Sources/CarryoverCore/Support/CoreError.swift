import CarryoverErrors

/// The one error type of the core module: a stable code and a message that
/// tells the user what to do.
public typealias CoreError = ModuleError<CoreErrorCode>

/// What went wrong in the core module; stable strings.
public enum CoreErrorCode: String, Sendable, Codable, CarryoverErrorCode {
    case invalidSchedule = "invalid-schedule"
    case invalidTimeZone = "invalid-time-zone"
    case invalidRule = "invalid-rule"
    case invalidReinforcement = "invalid-reinforcement"
    case invalidEntry = "invalid-entry"
    case invalidGoal = "invalid-goal"
    case invalidTransition = "invalid-transition"
    case insufficientTokens = "insufficient-tokens"
    case unknownReward = "unknown-reward"
    case vetoed = "vetoed"
    case invalidMeasure = "invalid-measure"
    case invalidJSON = "invalid-json"
    case invalidDeclaration = "invalid-declaration"

    public var category: ErrorCategory {
        switch self {
        case .invalidTransition, .insufficientTokens, .vetoed: .refused
        case .unknownReward: .notFound
        case .invalidSchedule, .invalidTimeZone, .invalidRule, .invalidReinforcement,
            .invalidEntry, .invalidGoal, .invalidMeasure, .invalidJSON, .invalidDeclaration:
            .invalidInput
        }
    }
}
