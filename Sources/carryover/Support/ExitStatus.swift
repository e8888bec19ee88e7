import ArgumentParser
import CarryoverCore
import CarryoverExport
import CarryoverLua
import CarryoverPacks
import CarryoverPractice
import CarryoverServer
import CarryoverStore
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
    /// A practice already exists where one was to be created.
    case cannotCreate = 73
    /// The store could not be read or written.
    case storage = 74
    /// The store is busy (another process holds it); try again.
    case busy = 75
    /// Not permitted (sysexits' EX_NOPERM): a pack's signature, trust or lock
    /// was refused, or a clinic's database refused the signed-in account.
    case untrusted = 77
}

/// One line for standard error and the exit status for one of Carryover's
/// errors; `nil` for errors swift-argument-parser reports itself.
func describe(_ error: any Error) -> (line: String, status: ExitStatus)? {
    switch error {
    case let error as PracticeError:
        let status: ExitStatus =
            switch error.code {
            case .notFound, .practiceMissing, .gone: .notFound
            case .invalidInput, .entryRejected: .invalidInput
            case .notActive, .refused, .rateLimited: .refused
            case .practiceExists: .cannotCreate
            case .pluginFailed: .pluginFailed
            case .revoked: .untrusted
            }
        return (error.message, status)
    case let error as CoreError:
        let refused: Set<CoreError.Code> = [.invalidTransition, .insufficientTokens, .vetoed]
        if error.code == .unknownReward { return (error.message, .notFound) }
        return (error.message, refused.contains(error.code) ? .refused : .invalidInput)
    case let error as SandboxError:
        return (error.description, error.code == .invalidPlugin ? .invalidInput : .pluginFailed)
    case let error as StoreError:
        let status: ExitStatus =
            switch error.code {
            case .notFound, .notAPractice: .notFound
            case .duplicate, .conflict: .refused
            case .invalidInput: .invalidInput
            case .locked: .busy
            case .corrupt, .io, .unsupported: .storage
            case .readOnly: .internalError
            case .permissionDenied: .untrusted
            }
        return (error.message, status)
    case let error as PackError:
        let trust: Set<PackError.Code> = [
            .unsigned, .badSignature, .untrustedKey, .revokedKey, .keyMismatch, .tampered,
            .lockMismatch, .unsafePath,
        ]
        switch error.code {
        case .notFound: return (error.message, .notFound)
        case .busy: return (error.message, .busy)
        case .io: return (error.message, .storage)
        default: return (error.message, trust.contains(error.code) ? .untrusted : .invalidInput)
        }
    case let error as ExportError:
        return (error.message, .invalidInput)
    case let error as PortalError:
        return (error.message, .invalidInput)
    case let error as CommandFailure:
        return (error.message, error.status)
    default:
        // Help, usage and exit requests are swift-argument-parser's to print
        // (its help command throws an internal error type from run()).
        if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return nil }
        return ("unexpected error: \(error)", .internalError)
    }
}

/// A failure the CLI itself detects (a file that cannot be read, ...).
struct CommandFailure: Error {
    let message: String
    let status: ExitStatus

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}
