import ArgumentParser
import CarryoverPractice
import Foundation

/// Where the portal is reached from a client's phone, for the links printed.
/// How long an invite link works (`client invite`, `supporter invite`).
struct InviteLifetimeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "How long the link works: minutes, hours or days, e.g. 30m, 48h, 7d (5m to 30d).",
            valueName: "duration"))
    var expires: String = "7d"

    /// "30m", "48h", "7d" in seconds.
    func seconds() throws -> TimeInterval {
        let units: [Character: TimeInterval] = ["m": 60, "h": 3600, "d": 86_400]
        guard let unit = expires.last.flatMap({ units[$0] }), let count = Int(expires.dropLast()),
            count > 0
        else {
            throw CommandFailure(
                .invalidInput, "'\(expires)' is not a duration; write e.g. 30m, 48h or 7d")
        }
        return TimeInterval(count) * unit
    }
}

struct PortalURLOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The portal's public address (default: $CARRYOVER_PORTAL_URL, else http://127.0.0.1:8080).",
            valueName: "url"))
    var baseURL: String?

    /// The base URL without a trailing slash, checked.
    func base() throws -> String {
        let text =
            baseURL ?? ProcessInfo.processInfo.environment["CARRYOVER_PORTAL_URL"]
            ?? "http://127.0.0.1:8080"
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""),
            url.host != nil, url.query == nil
        else {
            throw CommandFailure(
                .invalidInput,
                "'\(text)' is not a portal address; give --base-url such as https://portal.example.org"
            )
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}

extension ClientCommand {
    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Print a single-use link that signs the client in to the portal.",
            discussion: """
                The link works once and expires after 7 days (--expires). Only a hash of
                its token is stored: copy the link now and send it to the client yourself.
                Opening it asks the client to continue; a second use is refused with what to do.
                --revoke withdraws every unused link of the client instead.
                Examples:
                  carryover client invite c-017
                  carryover client invite c-017 --expires 48h --base-url https://portal.example.org
                  carryover client invite c-017 --json
                  carryover client invite c-017 --revoke
                """)

        @Argument(help: "The client id.") var id: String
        @OptionGroup var lifetime: InviteLifetimeOptions
        @Flag(help: "Withdraw every unused link of the client instead of making one.")
        var revoke = false
        @OptionGroup var portal: PortalURLOptions
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let practice = try await options.open()
            if revoke {
                let count = try await practice.revokeInvites(clientID: id)
                if output.json { return try printJSON(["revoked": count]) }
                return print("Withdrew \(count) unused link(s) of \(id).")
            }
            let validFor = try lifetime.seconds()
            let base = try portal.base()
            let invite = try await practice.invite(clientID: id, validFor: validFor)
            let link = "\(base)/invite/\(invite.token)"
            if output.json {
                return try printJSON(
                    InviteJSON(
                        clientID: invite.clientID, inviteID: invite.id, url: link,
                        expiresAt: invite.expiresAt))
            }
            print(link)
            printError(
                "Single-use link for \(invite.clientID), valid until "
                    + "\(localText(invite.expiresAt, try await practice.client(id).timeZone)) "
                    + "(client's time). Send it to the client; it is not shown again.")
        }
    }

    struct SignOut: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign-out",
            abstract: "End every portal session of the client (all devices are signed out).",
            discussion: """
                The client needs a new link from 'carryover client invite' to sign in again.
                Example:
                  carryover client sign-out c-017
                """)

        @Argument(help: "The client id.") var id: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let count = try await options.open().endPortalSessions(clientID: id)
            print("Signed \(id) out of the portal (\(count) session(s) ended).")
        }
    }

    struct CalendarLink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar",
            abstract: "Give the client a secret calendar subscription link for their reminders.",
            discussion: """
                The link serves the same iCalendar as 'carryover export ics' while
                'carryover serve' runs, so the client's calendar app shows the homework with
                alarms and follows schedule changes by itself. Each call makes a new link and
                the old one stops working (rotation); --revoke removes the link.
                Examples:
                  carryover client calendar c-017 --base-url https://portal.example.org
                  carryover client calendar c-017 --revoke
                """)

        @Argument(help: "The client id.") var id: String
        @Flag(help: "Remove the client's calendar link.") var revoke = false
        @OptionGroup var portal: PortalURLOptions
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let practice = try await options.open()
            if revoke {
                let removed = try await practice.revokeCalendarFeed(clientID: id)
                if output.json { return try printJSON(["revoked": removed]) }
                return print(
                    removed ? "Removed \(id)'s calendar link." : "\(id) had no calendar link.")
            }
            let base = try portal.base()
            let token = try await practice.issueCalendarFeed(clientID: id)
            let https = "\(base)/calendar/\(token).ics"
            let webcal = "webcal://" + https.drop { $0 != ":" }.dropFirst(3)
            if output.json {
                return try printJSON(CalendarJSON(clientID: id, url: https, webcal: webcal))
            }
            print(webcal)
            print(https)
            printError(
                "Calendar link for \(id): the webcal:// one opens the calendar app; it is not "
                    + "shown again, and any older link has stopped working.")
        }
    }
}

/// `carryover client invite --json`.
struct InviteJSON: Encodable {
    let clientID: String
    let inviteID: String
    let url: String
    let expiresAt: Date
    /// The supporter the link signs in (`supporter invite --json`); absent for the client's.
    var supporterID: String? = nil
}

/// `carryover client calendar --json`.
struct CalendarJSON: Encodable {
    let clientID: String
    let url: String
    let webcal: String
}
