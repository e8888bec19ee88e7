import ArgumentParser
import CarryoverPractice
import CarryoverStore
import Foundation

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "A clinic's therapist accounts on PostgreSQL: add, list, roles, supervision.",
        discussion: """
            Each account is a database role of its own: its holder signs in with their own
            user and password in the URL, and the database shows them only their caseload
            (a supervisor also reads their supervisees' caseloads; an admin manages accounts
            and caseloads and reads no client record). Only an admin, or the database's
            owner, changes accounts. A SQLite practice has one therapist and no accounts.
            See Docs/clinic.md.
            Examples:
              carryover account add dr-ana --name "Ana Ruiz" --role therapist
              CARRYOVER_DATABASE_URL=postgres://dr-ana:PASSWORD@db.clinic/carryover carryover status
              carryover account supervise dr-sam dr-ana
            """,
        subcommands: [
            Add.self, List.self, Whoami.self, Role.self, Disable.self, Enable.self,
            Supervise.self, Password.self,
        ])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account (a database role that can sign in) with a role.",
            discussion: """
                Without --password-stdin carryover makes a random password and prints it once:
                hand it to the account's holder privately; they can change it with
                'carryover account password'. The server keeps a SCRAM-SHA-256 verifier only.
                Example:
                  carryover account add dr-ana --name "Ana Ruiz" --role therapist
                """)

        @Argument(help: "The account id, which is also its database user, e.g. dr-ana.")
        var id: String
        @Option(help: "The name colleagues see.") var name: String
        @Option(help: "therapist, supervisor or admin.") var role: AccountRoleArgument
        @Flag(help: "Read the password from standard input (one line) instead of making one.")
        var passwordStdin = false
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let chosen = try passwordStdin ? readPasswordLine() : nil
            let password = try await options.open().addAccount(
                id: id, displayName: name, role: role.role, password: chosen)
            print("Added account \(id) (\(role.role.rawValue))")
            if chosen == nil {
                print("Password for \(id) (shown once; hand it over privately): \(password)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the clinic's accounts, their roles and supervisees.",
            discussion: "Example:\n  carryover account list --json")

        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let accounts = try await options.open(.readOnly).clinic().accounts()
            if output.json { return try printJSON(accounts) }
            if accounts.isEmpty { print("No accounts yet: add one with 'carryover account add'.") }
            for account in accounts {
                let supervises =
                    account.supervisees.isEmpty
                    ? "" : "  supervises \(account.supervisees.joined(separator: ", "))"
                let disabled = account.isDisabled ? "  DISABLED" : ""
                print(
                    "\(account.id)  \(account.displayName)  \(account.role.rawValue)\(supervises)\(disabled)"
                )
            }
        }
    }

    struct Whoami: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whoami",
            abstract: "Show the account this connection is signed in as.",
            discussion: "Example:\n  carryover account whoami --json")

        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let account = try await options.open(.readOnly).clinic().signedInAccount()
            if output.json { return try printJSON(WhoamiJSON(account: account)) }
            guard let account else {
                return print("Signed in as the database's owner (no account: not subject to roles)")
            }
            print("Signed in as \(account.id) (\(account.role.rawValue))")
        }

        struct WhoamiJSON: Encodable {
            let owner: Bool
            let account: Account?

            init(account: Account?) {
                self.owner = account == nil
                self.account = account
            }
        }
    }

    struct Role: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: "Change an account's role (an admin; not their own).",
            discussion: "Example:\n  carryover account role dr-sam supervisor")

        @Argument(help: "The account id.") var id: String
        @Argument(help: "therapist, supervisor or admin.") var role: AccountRoleArgument
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            try await options.open().clinic().setRole(of: id, to: role.role)
            print("Account \(id) is now \(role.role.rawValue)")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: "Disable an account: it can no longer sign in or read anything.",
            discussion: """
                Its clients stay on its caseload until an admin moves them
                ('carryover caseload assign'); everything it recorded stays.
                Example:
                  carryover account disable dr-ana
                """)

        @Argument(help: "The account id.") var id: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            try await options.open().clinic().setDisabled(id, true)
            print("Disabled account \(id)")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable",
            abstract: "Enable a disabled account again.",
            discussion: "Example:\n  carryover account enable dr-ana")

        @Argument(help: "The account id.") var id: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            try await options.open().clinic().setDisabled(id, false)
            print("Enabled account \(id)")
        }
    }
}
