import CarryoverCore
import CarryoverStore
import Foundation

/// What a change of a client's record did to their open assignments.
public struct ClientChange: Sendable {
    public var client: Client
    /// The open assignments it changed: moved to the new time zone by a new
    /// version, or ended by a discharge.
    public var assignments: [Assignment]
}

extension Practice {
    /// Changes a client's display name or time zone. A new time zone moves
    /// every open assignment by a new version from today on, at the same
    /// local times in the new zone; the weeks before keep theirs. All in one
    /// transaction.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` for an unknown zone or no
    ///   change, `.refused` for a discharged client.
    public func editClient(_ id: String, displayName: String?, timeZone: String?) async throws
        -> ClientChange
    {
        var client = try await client(id)
        try Self.requireInTreatment(client)
        var moved: [Assignment] = []
        if let displayName {
            guard !displayName.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw PracticeError(
                    .invalidInput, "give the client a name (--name) or leave it out")
            }
            client.displayName = displayName
        }
        if let timeZone, timeZone != client.timeZone {
            try Self.checkTimeZone(timeZone)
            let today = LocalDate(clock.now(), in: TimeZone(identifier: timeZone) ?? .gmt)
            for var assignment in try await store.assignments(clientID: id, status: nil)
            where !assignment.status.isFinal {
                let schedule = assignment.schedule
                let there = try Schedule(
                    timeZone: timeZone, start: schedule.start, pattern: schedule.pattern,
                    timing: schedule.timing, end: schedule.end, graceMinutes: schedule.graceMinutes)
                try assignment.modify(
                    AssignmentModification(schedule: there), from: today, at: clock.now(),
                    reason: "client's time zone changed from \(client.timeZone) to \(timeZone)")
                moved.append(assignment)
            }
            client.timeZone = timeZone
        }
        guard displayName != nil || timeZone != nil else {
            throw PracticeError(.invalidInput, "nothing to change: give --name or --time-zone")
        }
        try await store.updateClient(client, assignments: moved)
        await refreshDigests(of: moved)
        return ClientChange(client: client, assignments: moved)
    }

    /// Discharges a client: every open assignment ends (completed when its
    /// rule is met, abandoned otherwise) with the reason, and the client is
    /// marked discharged, all in one transaction. Everything recorded stays;
    /// open risk flags stay in status until acknowledged.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` without a reason,
    ///   `.refused` when the client was discharged already.
    public func dischargeClient(_ id: String, reason: String) async throws -> ClientChange {
        var client = try await client(id)
        try Self.requireInTreatment(client)
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PracticeError(
                .invalidInput, "give a reason for the discharge (--reason); it is kept")
        }
        let now = clock.now()
        var ended: [Assignment] = []
        for var assignment in try await store.assignments(clientID: id, status: nil)
        where !assignment.status.isFinal {
            let met = try await progress(of: assignment, now: now).completion.met
            try assignment.transition(
                to: met ? .completed : .abandoned, at: now, reason: "discharged: \(reason)")
            ended.append(assignment)
        }
        client.dischargedAt = now
        client.dischargeReason = reason
        try await store.updateClient(client, assignments: ended)
        await refreshDigests(of: ended)
        return ClientChange(client: client, assignments: ended)
    }

    /// New work is for clients in treatment only.
    static func requireInTreatment(_ client: Client) throws {
        guard let discharged = client.dischargedAt else { return }
        throw PracticeError(
            .refused,
            "client \(client.id) was discharged on \(discharged.formatted(.iso8601)); "
                + "their record is kept and can be read, but not changed")
    }

    static func checkTimeZone(_ timeZone: String) throws {
        guard TimeZone(identifier: timeZone) != nil else {
            throw PracticeError(
                .invalidInput,
                "unknown time zone '\(timeZone)'; use an IANA name such as Europe/Berlin or America/New_York"
            )
        }
    }
}
