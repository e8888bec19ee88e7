import CarryoverCore
import CarryoverExport
import Foundation

extension Practice {
    /// The client's entries as RFC 4180 CSV, oldest first, one line each.
    public func entriesCSV(clientID: String) async throws -> String {
        let client = try await client(clientID)
        return CSVTable.csv(entries: try await entries(of: client))
    }

    /// Everything about the client as canonical JSON: client, assignments,
    /// entries, the report over the whole treatment so far, and reminders.
    public func archiveJSON(clientID: String) async throws -> String {
        let client = try await client(clientID)
        return try ClientArchive(
            client: client,
            assignments: try await store.assignments(clientID: client.id, status: nil)
                .sorted { $0.id < $1.id },
            entries: try await entries(of: client),
            report: try await clientReport(clientID: client.id),
            reminders: try await reminders(clientID: client.id)
        ).canonicalJSON()
    }

    private func entries(of client: Client) async throws -> [Entry] {
        try await store.entries(.init(clientID: client.id))
            .sorted { ($0.performedAt, $0.id) < ($1.performedAt, $1.id) }
    }
}
