import CarryoverCore
import CarryoverLua
import CarryoverModalities
import CarryoverPractice
import CarryoverStore
import Foundation

/// A practice of `clients` clients, each with a daily mood log and a daily
/// thought record, and `days` days of entries (about one day in seven
/// missed). One client is made through `Practice`; the others are copies
/// of its rows written straight into the same schema, which is much faster
/// than the workflow and stores exactly what the workflow would: the copied
/// entries bypass the engine, so each assignment's progress digest is then
/// computed from them through `Practice`, as the write paths keep it.
struct Caseload {
    static let start = Date(timeIntervalSince1970: 1_764_547_200)  // 2025-12-01T00:00:00Z
    let folder: URL
    let clientIDs: [String]
    /// Noon on the day after the last entry: the instant status is asked for.
    let now: Date

    static func clientID(_ number: Int) -> String { String(format: "c-%05d", number) }

    static func build(clients: Int, days: Int, in folder: URL) async throws -> Caseload {
        let practice = try Practice.create(at: folder, clock: FixedClock(start))
        let template = clientID(0)
        _ = try await practice.addClient(id: template, displayName: "Client 0", timeZone: "UTC")
        for type in ["org.carryover.mood-log", SampleEntries.homeworkType] {
            _ = try await practice.assign(
                AssignmentRequest(
                    clientID: template, homeworkType: type, schedule: "daily at 20:00"))
        }
        let database = try RawSQLite(
            path: folder.appendingPathComponent(Practice.databaseName).path)
        let assignments = try database.texts(
            "SELECT id, homework_type, status, created_at, json FROM assignment ORDER BY id")
        let entries = try EntryRows(days: days)
        try database.execute("BEGIN")
        let addClient = try database.prepare(
            "INSERT INTO client (id, display_name, time_zone) VALUES (?, ?, 'UTC')")
        let addAssignment = try database.prepare(
            "INSERT INTO assignment (id, client_id, homework_type, status, created_at, json) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
        for number in 0..<clients {
            let client = clientID(number)
            if number > 0 { try addClient.run([.text(client), .text("Client \(number)")]) }
            for (slot, row) in assignments.enumerated() {
                let id = row[0].replacingOccurrences(of: template, with: client)
                if number > 0 {
                    try addAssignment.run([
                        .text(id), .text(client), .text(row[1]), .text(row[2]),
                        .real(Double(row[3]) ?? 0),
                        .text(row[4].replacingOccurrences(of: template, with: client)),
                    ])
                }
                try entries.insert(
                    client: number, clientID: client, assignmentID: id, slot: slot, database)
            }
        }
        try database.execute("COMMIT")
        // At the last entry's day, as if each had been logged then.
        let lastDay = start.addingTimeInterval(Double(days) * 86_400)
        try await Practice.open(at: folder, clock: FixedClock(lastDay)).refreshProgressDigests()
        return Caseload(
            folder: folder, clientIDs: (0..<clients).map(clientID),
            now: start.addingTimeInterval(Double(days) * 86_400 + 43_200))
    }
}

/// The entries of one assignment: performed at 19:45 UTC each day but the
/// missed ones, with the scores the plugin gives them.
private struct EntryRows {
    let days: Int
    /// Per assignment slot (0 mood log, 1 thought record): fields, scores
    /// and flags (as stored with each entry) of each variation, cycled through by day.
    let variations: [[(fields: String, scores: [String: Double], flags: String)]]
    let insertEntry: String =
        "INSERT INTO entry (id, assignment_id, client_id, homework_type, homework_version, "
        + "performed_at, logged_at, fields, flags) VALUES (?, ?, ?, ?, '1.0.0', ?, ?, ?, ?)"

    init(days: Int) throws {
        self.days = days
        let example = try SampleEntries.example()
        let moods = (0..<10).map { day -> Value in
            .object(["mood": .int(Int64(3 + day % 7)), "sleep_hours": .double(7.5)])
        }
        let records = (0..<120).map { SampleEntries.variation($0, of: example) }
        variations = try [
            Self.scored(moods, type: "org.carryover.mood-log"),
            Self.scored(records, type: SampleEntries.homeworkType),
        ]
    }

    /// Each entry with the scores and flags its built-in plugin gives it.
    private static func scored(_ entries: [Value], type id: String) throws
        -> [(fields: String, scores: [String: Double], flags: String)]
    {
        guard let modality = ModalityCatalogue.modality(id: id) else {
            throw BenchError("no built-in \(id)")
        }
        let type = try HomeworkType(source: modality.mainSource, file: modality.main)
        let params = type.declaration.applyingParamDefaults(to: .object([:]))
        return try entries.map { fields in
            let flags = try type.flags(entry: fields, params: params, scope: "seed")
            return (
                fields.canonicalJSON(),
                try type.score(entry: fields, params: params, scope: "seed"),
                try StoreCoding.encode(flags)
            )
        }
    }

    /// Whether a client misses a day: about one in seven, spread out.
    static func missed(client: Int, day: Int, slot: Int) -> Bool {
        (client * 31 + day * 17 + slot * 7) % 7 == 0
    }

    func insert(client: Int, clientID: String, assignmentID: String, slot: Int, _ db: RawSQLite)
        throws
    {
        let entry = try db.prepare(insertEntry)
        let score = try db.prepare(
            "INSERT INTO entry_score (entry_id, name, value) VALUES (?, ?, ?)")
        let homeworkType = slot == 0 ? "org.carryover.mood-log" : SampleEntries.homeworkType
        for day in 0..<days where !Self.missed(client: client, day: day, slot: slot) {
            let variation = variations[slot][day % variations[slot].count]
            let id = "\(assignmentID)-d\(day)"
            let at = Caseload.start.timeIntervalSince1970 + Double(day) * 86_400 + 71_100
            try entry.run([
                .text(id), .text(assignmentID), .text(clientID), .text(homeworkType), .real(at),
                .real(at), .text(variation.fields), .text(variation.flags),
            ])
            for (name, value) in variation.scores {
                try score.run([.text(id), .text(name), .real(value)])
            }
        }
    }
}
