import ArgumentParser
import CarryoverPractice
import CarryoverStore
import Foundation

extension AccountCommand {
    struct Supervise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "supervise",
            abstract: "Let a supervisor read a supervisee's caseload (read only), or stop it.",
            discussion: """
                The supervisor's account must have the supervisor role.
                Examples:
                  carryover account supervise dr-sam dr-ana
                  carryover account supervise dr-sam dr-ana --end
                """)

        @Argument(help: "The supervisor's account id.") var supervisor: String
        @Argument(help: "The supervisee's account id.") var supervisee: String
        @Flag(help: "End the supervision instead.") var end = false
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            try await options.open().clinic().setSupervision(
                supervisor: supervisor, supervisee: supervisee, active: !end)
            print(
                end
                    ? "\(supervisor) no longer supervises \(supervisee)"
                    : "\(supervisor) now reads \(supervisee)'s caseload")
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set your own password, or (an admin) reset another account's.",
            discussion: """
                Without --password-stdin carryover makes a random password and prints it once.
                A reset by an admin is journalled, and the account's holder sees it.
                Examples:
                  carryover account password --password-stdin < new-password.txt
                  carryover account password dr-ana
                """)

        @Argument(help: "The account id (default: the account signed in).") var id: String?
        @Flag(help: "Read the password from standard input (one line) instead of making one.")
        var passwordStdin = false
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let chosen = try passwordStdin ? readPasswordLine() : nil
            let practice = try await options.open()
            let password = try await practice.setPassword(of: id, to: chosen)
            print("Set the password of \(id ?? practice.actor.name)")
            if chosen == nil { print("New password (shown once): \(password)") }
        }
    }
}

/// `--role`: one of the clinic's roles.
struct AccountRoleArgument: ExpressibleByArgument {
    let role: Account.Role

    init?(argument: String) {
        guard let role = Account.Role(rawValue: argument) else { return nil }
        self.role = role
    }

    static var allValueStrings: [String] { Account.Role.allCases.map(\.rawValue) }
}

/// One line of standard input: a password given with --password-stdin.
func readPasswordLine() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw CommandFailure(
            .usage, "--password-stdin reads one line from standard input, and it was empty")
    }
    return line
}
