import CarryoverErrors

/// The one error type of the export module: a stable code and a message that
/// tells the user what to do.
///
/// Messages name the offending input by its role (e.g. "the RRULE of a
/// reminder"), never by client data, so an error cannot leak a health record.
public typealias ExportError = ModuleError<ExportErrorCode>

/// What went wrong in an export; stable strings.
public enum ExportErrorCode: String, Sendable, Codable, CarryoverErrorCode {
    case invalidTimeZone = "invalid-time-zone"
    case invalidDate = "invalid-date"
    case invalidRecurrenceRule = "invalid-recurrence-rule"
    case invalidInput = "invalid-input"

    /// Every export error is about its input.
    public var category: ErrorCategory { .invalidInput }
}
