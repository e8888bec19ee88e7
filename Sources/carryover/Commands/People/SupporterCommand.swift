import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

extension SupporterRelation: ExpressibleByArgument {}

struct SupporterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supporter",
        abstract:
            "Add a client's supporters (a parent, partner, carer, teacher), say what they may do, invite them.",
        discussion: """
            A supporter signs in to the portal with their own link and does only what you
            allow, assignment by assignment: see that homework is due and done (never
            scores, notes or flags), confirm that practice happened (counting for the
            completion rule and the reinforcement only with --count-confirmations), send the
            client a short encouragement, or fill in the type's informant form.
            """,
        subcommands: [
            Add.self, List.self, Allow.self, Invite.self, Pause.self, Resume.self, Remove.self,
            SignOut.self,
        ])

    /// Pauses, resumes or removes a supporter.
    static func move(
        _ id: String, to status: Supporter.Status, _ reason: String?, _ options: PracticeOptions
    ) async throws -> Supporter {
        try await options.open().setSupporterStatus(id, to: status, reason: reason)
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a supporter of a client (allowed nothing until 'supporter allow').",
            discussion: """
                Example:
                  carryover supporter add c-017 --name "Maria" --relation parent
                """)

        @Argument(help: "The client id.") var client: String
        @Option(help: "The supporter's name, as the client knows them.") var name: String
        @Option(
            help: ArgumentHelp(
                "parent, partner, carer, teacher or other.", valueName: "relation"))
        var relation: SupporterRelation
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let supporter = try await options.open().addSupporter(
                clientID: client, name: name, relation: relation)
            if output.json { return try printJSON(supporter) }
            print(
                "Added supporter \(supporter.id): \(supporter.label) of \(supporter.clientID). "
                    + "Next: carryover supporter allow \(supporter.id) ASSIGNMENT --can see,confirm"
            )
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a client's supporters with what each may do.",
            discussion: """
                Example:
                  carryover supporter list c-017
                """)

        @Argument(help: "The client id.") var client: String
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let supporters = try await options.open().supporters(clientID: client)
            if output.json { return try printJSON(supporters) }
            if supporters.isEmpty { return print("\(client) has no supporters.") }
            for supporter in supporters {
                print("\(supporter.id)  \(supporter.label)  \(supporter.status.rawValue)")
                for grant in supporter.grants {
                    print("  \(grant.assignmentID): \(grant.summary)")
                }
            }
        }
    }

    struct Allow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allow",
            abstract: "Say what a supporter may do for one assignment (replaces what was allowed).",
            discussion: """
                --can takes a comma-separated list of see, confirm, encourage, informant, or
                none to take everything away. A supporter's confirmations are a witness's note
                unless --count-confirmations lets them count like the client's own entries.
                Examples:
                  carryover supporter allow c-017-s1 c-017-1 --can see,confirm,encourage --count-confirmations
                  carryover supporter allow c-017-s1 c-017-1 --can none
                """)

        @Argument(help: "The supporter id.") var supporter: String
        @Argument(help: "The assignment id.") var assignment: String
        @Option(
            help: ArgumentHelp("see, confirm, encourage, informant, or none.", valueName: "list"))
        var can: String
        @Flag(help: "Let the supporter's confirmations count for the rule and the reinforcement.")
        var countConfirmations = false
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let updated = try await options.open().allow(
                supporterID: supporter, assignmentID: assignment,
                permissions: try Self.permissions(can), confirmationsCount: countConfirmations)
            if output.json { return try printJSON(updated) }
            let summary = updated.grant(for: assignment)?.summary ?? "nothing"
            print("\(updated.label) may now do for \(assignment): \(summary)")
        }

        static func permissions(_ text: String) throws -> Set<SupporterPermission> {
            if text == "none" { return [] }
            var result: Set<SupporterPermission> = []
            for word in text.split(separator: ",") {
                let name = word.trimmingCharacters(in: .whitespaces)
                guard let permission = SupporterPermission(rawValue: name) else {
                    throw CommandFailure(
                        .invalidInput,
                        "'\(name)' is not a permission; write --can with see, confirm, "
                            + "encourage, informant (comma-separated) or none")
                }
                result.insert(permission)
            }
            guard !result.isEmpty else {
                throw CommandFailure(
                    .invalidInput, "--can needs see, confirm, encourage, informant or none")
            }
            return result
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Print a single-use link that signs the supporter in to the portal.",
            discussion: """
                As 'carryover client invite': the link works once and expires after 7 days
                (--expires); only its hash is stored. The supporter reaches their own pages
                only, never the client's. --revoke withdraws their unused links instead.
                Examples:
                  carryover supporter invite c-017-s1 --base-url https://portal.example.org
                  carryover supporter invite c-017-s1 --revoke
                """)

        @Argument(help: "The supporter id.") var supporter: String
        @OptionGroup var lifetime: InviteLifetimeOptions
        @Flag(help: "Withdraw every unused link of the supporter instead of making one.")
        var revoke = false
        @OptionGroup var portal: PortalURLOptions
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let practice = try await options.open()
            if revoke {
                let count = try await practice.revokeSupporterInvites(supporter)
                if output.json { return try printJSON(["revoked": count]) }
                return print("Withdrew \(count) unused link(s) of \(supporter).")
            }
            let validFor = try lifetime.seconds()
            let base = try portal.base()
            let invite = try await practice.inviteSupporter(supporter, validFor: validFor)
            let link = "\(base)/invite/\(invite.token)"
            if output.json {
                return try printJSON(
                    InviteJSON(
                        clientID: invite.clientID, inviteID: invite.id, url: link,
                        expiresAt: invite.expiresAt, supporterID: invite.supporterID))
            }
            print(link)
            printError(
                "Single-use link for supporter \(supporter), valid until "
                    + "\(localText(invite.expiresAt, try await practice.client(invite.clientID).timeZone)) "
                    + "(client's time). Send it to them; it is not shown again.")
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pause",
            abstract: "Pause a supporter: they can look but do nothing until resumed.",
            discussion: """
                Example:
                  carryover supporter pause c-017-s1 --reason "family holiday"
                """)

        @Argument(help: "The supporter id.") var supporter: String
        @Option(help: "Why, for the record.") var reason: String?
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let updated = try await SupporterCommand.move(supporter, to: .paused, reason, options)
            print("Paused \(updated.label).")
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume",
            abstract: "Resume a paused supporter.",
            discussion: """
                Example:
                  carryover supporter resume c-017-s1
                """)

        @Argument(help: "The supporter id.") var supporter: String
        @Option(help: "Why, for the record.") var reason: String?
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let updated = try await SupporterCommand.move(supporter, to: .active, reason, options)
            print("Resumed \(updated.label).")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a supporter for good; their past entries and messages stay.",
            discussion: """
                Every device of theirs is signed out and their unused links are withdrawn.
                Example:
                  carryover supporter remove c-017-s1 --reason "no longer involved"
                """)

        @Argument(help: "The supporter id.") var supporter: String
        @Option(help: "Why, for the record.") var reason: String?
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let updated = try await SupporterCommand.move(supporter, to: .removed, reason, options)
            print(
                "Removed \(updated.label); their past entries stay in \(updated.clientID)'s record."
            )
        }
    }

    struct SignOut: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign-out",
            abstract: "End every portal session of a supporter (all their devices are signed out).",
            discussion: """
                Example:
                  carryover supporter sign-out c-017-s1
                """)

        @Argument(help: "The supporter id.") var supporter: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let count = try await options.open().endSupporterSessions(supporter)
            print("Signed \(supporter) out of the portal (\(count) session(s) ended).")
        }
    }
}
