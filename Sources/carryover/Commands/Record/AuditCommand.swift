import ArgumentParser
import CarryoverCore
import CarryoverPractice
import CarryoverStore
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit journal: who changed what and when, oldest first.",
        discussion: """
            The journal holds ids and actions only, never field values. Filters combine.
            --action matches an action or its family ("entry" matches entry.record,
            entry.amend, entry.void). Dates are days in UTC, --until exclusive.
            Examples:
              carryover audit --client c-017
              carryover audit --action flag.ack --since 2026-12-01
              carryover audit --actor dr-ana --json
            """)

    @Option(help: "Only records about this client.") var client: String?
    @Option(help: "Only this action, or family of actions (e.g. entry, flag.ack).") var action:
        String?
    @Option(help: "Only what this person did.") var actor: String?
    @Option(help: ArgumentHelp("From this day on (UTC).", valueName: "YYYY-MM-DD")) var since:
        String?
    @Option(help: ArgumentHelp("Before this day (UTC).", valueName: "YYYY-MM-DD")) var until:
        String?
    @Option(help: "At most this many, the most recent.") var limit: Int?
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let since = try self.since.map {
            TimeZone.gmt.instant(of: try parseDate($0), at: .midnight)
        }
        let until = try self.until.map {
            TimeZone.gmt.instant(of: try parseDate($0), at: .midnight)
        }
        if let limit, limit < 1 {
            throw CommandFailure(.usage, "--limit must be 1 or more")
        }
        let practice = try await options.open()
        let records = try await practice.auditJournal(
            AuditQuery(
                clientID: client, action: action, principal: actor, since: since, until: until,
                limit: limit))
        if output.json { return try printJSON(records.map(AuditRecordJSON.init)) }
        if records.isEmpty { print("No audit records match.") }
        for record in records {
            print(
                "\(record.seq)  \(record.at.formatted(.iso8601))  \(record.principal)  "
                    + "\(record.action)  \(record.objectKind) \(record.objectID)"
                    + (record.clientID.map { "  (\($0))" } ?? ""))
        }
    }
}

/// `carryover audit --json`: one object per record.
struct AuditRecordJSON: Encodable {
    let seq: Int
    let at: Date
    let actor: String
    let action: String
    let objectKind: String
    let objectID: String
    let clientID: String?

    init(_ record: AuditRecord) {
        seq = record.seq
        at = record.at
        actor = record.principal
        action = record.action
        objectKind = record.objectKind
        objectID = record.objectID
        clientID = record.clientID
    }
}
