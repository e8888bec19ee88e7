import ArgumentParser
import CarryoverPractice

/// Runs `body`; a ``PracticeError`` that lists problems (an entry or params
/// the homework type rejected) becomes its line plus one indented line per
/// problem on standard error, so the user sees every field to fix at once.
func reportingProblems<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as PracticeError where !error.problems.isEmpty {
        printError("carryover: \(error.message)")
        for problem in error.problems { printError("  \(problem.description)") }
        throw ExitCode(ExitStatus(error.category).rawValue)
    }
}
