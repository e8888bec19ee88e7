import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Where a client stands, or the whole caseload: due, adherence, streaks, scores, rewards, flags.",
        discussion: """
            Risk flags come first. Without a client id, one line per client.
            Examples:
              carryover status c-017
              carryover status
              carryover status c-017 --json
            """)

    @Argument(help: "The client id; leave out for the whole caseload.") var client: String?
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let practice = try await options.open(.readOnly)
        guard let client else { return try await caseload(practice) }
        let found = try await practice.client(client)
        let progress = try await practice.progress(clientID: found.id)
        let opened = try await practice.portalLastOpened(clientID: found.id)
        if output.json {
            return try printJSON(
                ClientStatusJSON(client: found, progress: progress, portalLastOpened: opened))
        }
        StatusRendering(terminal: .standardOutput, client: found, portalLastOpened: opened)
            .print(progress)
    }

    private func caseload(_ practice: Practice) async throws {
        var rows: [CaseloadRowJSON] = []
        for line in try await practice.caseload() {
            // A discharged client stays on the caseload while a risk is open.
            if line.client.isDischarged && line.riskFlags == 0 { continue }
            rows.append(CaseloadRowJSON(line))
        }
        if output.json { return try printJSON(rows) }
        if rows.isEmpty { Swift.print("No clients yet: add one with 'carryover client add'.") }
        let terminal = Terminal.standardOutput
        for row in rows.sorted(by: {
            ($0.riskFlags > 0 ? 0 : 1, $0.clientID) < ($1.riskFlags > 0 ? 0 : 1, $1.clientID)
        }) {
            let risk = row.riskFlags > 0 ? terminal.paint(" RISK ", .redBackground) + " " : ""
            let adherence = row.adherence.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
            Swift.print(
                "\(risk)\(row.clientID)  active \(row.activeAssignments)  adherence \(adherence)  "
                    + "flags \(row.flags)\(row.discharged == true ? "  (discharged)" : "")")
        }
    }
}

/// `carryover status --json` without a client: one row per client.
struct CaseloadRowJSON: Encodable {
    let clientID: String
    let activeAssignments: Int
    /// Done over due across active assignments, or nil when nothing was due yet.
    let adherence: Double?
    let riskFlags: Int
    let flags: Int
    /// Present (true) for a discharged client, listed while a risk flag is open.
    let discharged: Bool?

    init(_ row: CaseloadRow) {
        clientID = row.client.id
        discharged = row.client.isDischarged ? true : nil
        activeAssignments = row.activeAssignments
        adherence = row.adherence.fraction
        riskFlags = row.riskFlags
        flags = row.flags
    }
}
