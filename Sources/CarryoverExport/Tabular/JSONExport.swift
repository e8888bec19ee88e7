import CarryoverCore
import Foundation

/// Everything exported about one client, as one JSON document.
public struct ClientArchive: Sendable, Encodable {
    /// Names the document's shape so readers can check what they got.
    public let format = "carryover-client-export"
    public let formatVersion = 2
    public var client: Client
    public var assignments: [Assignment]
    public var entries: [Entry]
    public var report: ClientReport?
    public var reminders: [ReminderSeries]

    public init(
        client: Client, assignments: [Assignment], entries: [Entry],
        report: ClientReport? = nil, reminders: [ReminderSeries] = []
    ) {
        self.client = client
        self.assignments = assignments
        self.entries = entries
        self.report = report
        self.reminders = reminders
    }

    /// Canonical JSON: keys sorted, no insignificant white space, instants as
    /// ISO 8601 UTC with seconds, integers beyond ±2^53 (seeds) as strings;
    /// the same archive always gives the same bytes.
    public func canonicalJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(TabularRecords.timestamp(date))
        }
        do {
            return JSONSafeNumbers.quotingLargeIntegers(
                String(decoding: try encoder.encode(self), as: UTF8.self))
        } catch {
            throw ExportError(
                .invalidInput,
                "The export holds a number JSON cannot represent (NaN or infinity); fix the score.")
        }
    }
}
