/// The one error type of the core module: a stable code and a message that
/// tells the user what to do.
public struct CoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
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
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
