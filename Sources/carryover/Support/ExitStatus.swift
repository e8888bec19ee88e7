import CarryoverErrors
import Foundation

/// The exit statuses of `carryover`, after BSD sysexits(3); Docs/cli.md
/// lists them. Every failure prints one line on standard error.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// A rule refused the action: the assignment is paused, the balance is short, ...
    case refused = 1
    /// The command line is wrong (swift-argument-parser's usage errors).
    case usage = 64
    /// Invalid input: an entry, params, a schedule phrase, a JSON file.
    case invalidInput = 65
    /// Something named does not exist: client, assignment, homework type, file, practice.
    case notFound = 66
    /// A plugin failed in the sandbox (error or limit hit).
    case pluginFailed = 69
    /// A bug in carryover: anything not foreseen above.
    case internalError = 70
    /// Something could not be created: a practice exists there, an output file is not writable.
    case cannotCreate = 73
    /// The store could not be read or written.
    case storage = 74
    /// The store is busy (another process holds it); try again.
    case busy = 75
    /// Not permitted (sysexits' EX_NOPERM): a pack's signature, trust or lock
    /// was refused, or a clinic's database refused the signed-in account.
    case untrusted = 77

    /// The one table from an error's category to the exit status.
    init(_ category: ErrorCategory) {
        self =
            switch category {
            case .refused: .refused
            case .usage: .usage
            case .invalidInput: .invalidInput
            case .notFound, .gone: .notFound
            case .pluginFailed: .pluginFailed
            case .internal: .internalError
            case .cannotCreate: .cannotCreate
            case .storage: .storage
            case .busy, .rateLimited: .busy
            case .notPermitted, .unauthenticated: .untrusted
            }
    }
}

/// One line for standard error and the exit status for one of Carryover's
/// errors; `nil` for errors swift-argument-parser reports itself.
func describe(_ error: any Error) -> (line: String, status: ExitStatus)? {
    if let error = error as? any CarryoverError {
        return (error.description, ExitStatus(error.category))
    }
    // Help, usage and exit requests are swift-argument-parser's to print
    // (its help command throws an internal error type from run()).
    if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return nil }
    return ("unexpected error: \(error)", .internalError)
}

/// A failure the CLI itself detects (a file that cannot be read, ...): no
/// more than its category and a message.
typealias CommandFailure = ModuleError<ErrorCategory>
