/// The one error type of the export module: a stable code and a message that
/// tells the user what to do.
///
/// Messages name the offending input by its role (e.g. "the RRULE of a
/// reminder"), never by client data, so an error cannot leak a health record.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        case invalidTimeZone = "invalid-time-zone"
        case invalidDate = "invalid-date"
        case invalidRecurrenceRule = "invalid-recurrence-rule"
        case invalidInput = "invalid-input"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
