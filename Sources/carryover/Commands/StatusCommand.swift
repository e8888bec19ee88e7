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
        if output.json { return try printJSON(ClientStatusJSON(client: found, progress: progress)) }
        StatusRendering(terminal: .standardOutput, client: found).print(progress)
    }

    private func caseload(_ practice: Practice) async throws {
        var rows: [CaseloadRowJSON] = []
        for client in try await practice.clients() {
            let progress = try await practice.progress(clientID: client.id)
            let row = CaseloadRowJSON(client: client, progress: progress)
            // A discharged client stays on the caseload while a risk is open.
            if client.isDischarged && row.riskFlags == 0 { continue }
            rows.append(row)
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

    init(client: Client, progress: [AssignmentProgress]) {
        clientID = client.id
        discharged = client.isDischarged ? true : nil
        let active = progress.filter { $0.assignment.status == .active }
        activeAssignments = active.count
        let done = active.map(\.adherence.overall.done).reduce(0, +)
        let due = active.map(\.adherence.overall.due).reduce(0, +)
        adherence = due == 0 ? nil : Double(done) / Double(due)
        // Every assignment, ended ones too: a risk stays until a therapist acknowledges it.
        riskFlags = progress.flatMap(\.riskFlags).count
        flags =
            riskFlags
            + active.map {
                $0.pluginFlags.filter { !$0.needsAcknowledgement }.count + $0.barrierFlags.count
            }.reduce(0, +)
    }
}
