import CarryoverCore
import CarryoverErrors
import CarryoverExport
import CarryoverLua
import CarryoverManifest
import CarryoverPacks
import CarryoverPractice
import CarryoverServer
import CarryoverStore
import Testing

@testable import carryover

/// One table maps every error's category to the exit status Docs/cli.md
/// documents, whatever module the error comes from.
@Suite struct ExitStatusTests {
    /// The table of Docs/cli.md's "Exit statuses", by category.
    static let documented: [ErrorCategory: Int32] = [
        .refused: 1, .usage: 64, .invalidInput: 65, .notFound: 66, .pluginFailed: 69,
        .internal: 70, .cannotCreate: 73, .storage: 74, .busy: 75, .notPermitted: 77,
        .gone: 66, .rateLimited: 75, .unauthenticated: 77,
    ]

    @Test(arguments: ErrorCategory.allCases)
    func everyCategoryHasItsDocumentedStatus(_ category: ErrorCategory) {
        #expect(ExitStatus(category).rawValue == Self.documented[category])
    }

    /// What each module's errors exit with (the statuses the CLI had before
    /// the one table, and the manifest's, which used to be "internal").
    @Test func moduleErrorsKeepTheirStatuses() {
        let cases: [(any Error, Int32)] = [
            (StoreError(.locked, ""), 75), (StoreError(.corrupt, ""), 74),
            (StoreError(.io, ""), 74), (StoreError(.notFound, ""), 66),
            (StoreError(.notAPractice, ""), 66), (StoreError(.duplicate, ""), 1),
            (StoreError(.readOnly, ""), 70), (StoreError(.invalidInput, ""), 65),
            (PracticeError(.practiceExists, ""), 73), (PracticeError(.revoked, ""), 77),
            (PracticeError(.notActive, ""), 1), (PracticeError(.pluginFailed, ""), 69),
            (PracticeError(.entryRejected, ""), 65), (PracticeError(.practiceMissing, ""), 66),
            (CoreError(.unknownReward, ""), 66), (CoreError(.vetoed, ""), 1),
            (CoreError(.invalidSchedule, ""), 65),
            (SandboxError(.invalidPlugin, plugin: "p", message: ""), 65),
            (SandboxError(.timeLimit, plugin: "p", message: ""), 69),
            (PackError(.revokedKey, ""), 77), (PackError(.tampered, ""), 77),
            (PackError(.busy, ""), 75), (PackError(.io, ""), 74), (PackError(.notFound, ""), 66),
            (PackError(.alreadyExists, ""), 65), (ExportError(.invalidDate, ""), 65),
            (ManifestError(.syntax, file: "homework.toml", "is not TOML", fix: "fix it"), 65),
            (CommandFailure(.cannotCreate, ""), 73),
            // The clinic's roles and the portal (merged from main with their statuses).
            (StoreError(.permissionDenied, ""), 77), (PracticeError(.gone, ""), 66),
            (PortalError(.configuration, ""), 65),
            // Was 1 (refused) on main; a lock-out that passes is "try again later".
            (PracticeError(.rateLimited, ""), 75),
        ]
        for (error, status) in cases {
            #expect(describe(error)?.status.rawValue == status, "\(error)")
        }
    }

    @Test func theLineIsTheErrorsOwnNeverItsCause() throws {
        struct DatabaseText: Error, CustomStringConvertible {
            var description: String { "UNIQUE constraint failed: client.name = 'Ana Real'" }
        }
        let store = StoreError(.conflict, "the change breaks a rule", cause: DatabaseText())
        let wrapped = PracticeError(.refused, store.message, cause: store)
        let (line, status) = try #require(describe(wrapped))
        #expect(line == "the change breaks a rule" && status == .refused)
        #expect(wrapped.causes.count == 2 && wrapped.causes.last is DatabaseText)
    }

    @Test func anUnforeseenErrorIsInternal() {
        struct Surprise: Error {}
        #expect(describe(Surprise())?.status == .internalError)
    }
}
