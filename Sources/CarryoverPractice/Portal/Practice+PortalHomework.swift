import CarryoverCore
import CarryoverLua
import Foundation

/// One piece of homework as the client sees it on the portal: what to do,
/// what is due today and by when, and the progress a client may see.
///
/// It holds nothing therapist-only: no flags, no notes, no reliable change.
public struct PortalHomework: Sendable {
    public var assignmentID: String
    public var homeworkType: String
    public var title: String
    public var instructions: String
    /// The form's fields, as the homework type declares them.
    public var fields: [FieldSpec]
    /// Today's occurrences in the client's time zone, each with whether it is done.
    public var today: [PortalDue]
    /// The next time it is due after today, if any.
    public var nextDue: Date?
    public var streak: Int
    /// The completion rule's progress, in words ("3 of 5 days").
    public var completion: CompletionStatus
    public var balance: String?
    /// The client's time zone (IANA), for showing times.
    public var timeZone: String
    /// Supporters' messages about this homework from the last week, newest first.
    public var encouragements: [PortalEncouragement] = []
}

/// One occurrence due today.
public struct PortalDue: Sendable, Hashable {
    public var due: Date
    public var allDay: Bool
    public var done: Bool
}

/// A client's assignments as the portal needs them for one request (one store read).
public struct PortalAssignments: Sendable {
    public var clientID: String
    /// The active homework the portal lists, oldest first (not the safety plan).
    public var homework: [Assignment]
    /// Whether a safety plan is assigned (active or paused).
    public var hasSafetyPlan: Bool
}

/// The client's safety plan as it stands (its latest entry), with the field
/// declarations that label it.
public struct PortalSafetyPlan: Sendable {
    public var title: String
    public var fields: [FieldSpec]
    /// The latest entry's fields, or nil before the plan is written.
    public var plan: Value?
}

extension Practice {
    /// The homework type id of the safety plan the portal keeps one tap away.
    public static let safetyPlanType = "org.carryover.safety-plan"

    /// The client's active homework, oldest assignment first.
    public func portalHomework(clientID: String) async throws -> [PortalHomework] {
        let client = try await client(clientID)
        let messages = try await shownEncouragements(clientID: client.id)
        var result: [PortalHomework] = []
        for assignment in try await store.assignments(clientID: client.id, status: .active)
        where assignment.homeworkType != Self.safetyPlanType {
            var homework = try await portalHomework(assignment, client: client)
            homework.encouragements = messages[assignment.id] ?? []
            result.append(homework)
        }
        return result
    }

    /// One active assignment of the client's, for its form.
    ///
    /// - Throws: ``PracticeError`` `.notFound` for an assignment that is not
    ///   this client's (the same answer as for one that does not exist) or
    ///   `.notActive` for a paused or ended one.
    public func portalHomework(clientID: String, assignmentID: String) async throws
        -> PortalHomework
    {
        let assignment = try await portalAssignment(clientID: clientID, assignmentID: assignmentID)
        return try await portalHomework(assignment, client: try await client(clientID))
    }

    /// The declaration (title, instructions, fields) of one active assignment
    /// of the client's, without its progress: what a form needs. A type with
    /// readings shows only the reading the assignment's params pick.
    ///
    /// - Throws: as ``portalHomework(clientID:assignmentID:)``.
    public func portalDeclaration(clientID: String, assignmentID: String) async throws
        -> HomeworkDeclaration
    {
        try portalDeclaration(
            of: try await portalAssignment(clientID: clientID, assignmentID: assignmentID))
    }

    /// ``portalDeclaration(clientID:assignmentID:)`` of an assignment read
    /// before (``portalAssignments(clientID:)``): no store read. The plugin is
    /// loaded once per homework type and version in the process
    /// (a per-process cache); its pack is looked up, and refused when
    /// revoked or removed, every time.
    public func portalDeclaration(of assignment: Assignment) throws -> HomeworkDeclaration {
        let source = try catalogue.source(
            id: assignment.homeworkType, version: assignment.homeworkVersion)
        return try DeclarationCache.shared.declaration(of: source, limits: limits) {
            try homeworkType(from: source, seed: 0).declaration
        }.narrowed(toParams: assignment.params)
    }

    /// Whether the client has a safety plan assigned (active or paused).
    public func portalHasSafetyPlan(clientID: String) async throws -> Bool {
        try await portalAssignments(clientID: clientID).hasSafetyPlan
    }

    /// The client's assignments as the portal needs them for one request,
    /// in one store read: the active homework it lists and whether a safety
    /// plan is assigned.
    public func portalAssignments(clientID: String) async throws -> PortalAssignments {
        let all = try await store.assignments(clientID: clientID, status: nil)
        return PortalAssignments(
            clientID: clientID,
            homework: all.filter { $0.status == .active && $0.homeworkType != Self.safetyPlanType },
            hasSafetyPlan: all.contains {
                $0.homeworkType == Self.safetyPlanType && !$0.status.isFinal
            })
    }

    /// Logs a portal form: the same validation, plugin and engine as `log`,
    /// recorded as the client's, once per idempotency key, with the client's
    /// own rating of how well it went when given.
    ///
    /// - Throws: as ``portalHomework(clientID:assignmentID:)`` and ``log(assignmentID:fields:performedAt:source:recordedBy:idempotencyKey:quality:)``.
    public func submitPortalEntry(
        clientID: String, assignmentID: String, fields: Value, idempotencyKey: String,
        quality: Int? = nil
    ) async throws -> LogOutcome {
        let assignment = try await portalAssignment(clientID: clientID, assignmentID: assignmentID)
        return try await log(
            assignmentID: assignment.id, fields: fields, source: .client,
            recordedBy: Entry.portalRecorder, idempotencyKey: idempotencyKey, quality: quality)
    }

    /// ``submitPortalEntry(clientID:assignmentID:fields:idempotencyKey:quality:)``
    /// for an assignment read before in this request
    /// (``portalAssignments(clientID:)``) by a client whose time zone is
    /// known: the assignment and the client are not read again (the write
    /// still reads the assignment as stored, inside its transaction).
    ///
    /// - Throws: `.notFound` unless the assignment is `clientID`'s, `.notActive`
    ///   unless it is active, and as ``log(assignmentID:fields:performedAt:source:recordedBy:idempotencyKey:quality:)``.
    public func submitPortalEntry(
        clientID: String, timeZone: String, assignment: Assignment, fields: Value,
        idempotencyKey: String, quality: Int? = nil
    ) async throws -> LogOutcome {
        try Self.checkPortal(assignment, of: clientID)
        return try await record(
            NewEntry(
                kind: .homework, fields: fields, source: .client,
                recordedBy: Entry.portalRecorder, quality: quality),
            assignment: assignment, timeZone: timeZone, idempotencyKey: idempotencyKey)
    }

    /// The client's safety plan, when one is assigned (active or paused).
    public func portalSafetyPlan(clientID: String) async throws -> PortalSafetyPlan? {
        let client = try await client(clientID)
        guard
            let assignment = try await store.assignments(clientID: client.id, status: nil)
                .last(where: {
                    $0.homeworkType == Self.safetyPlanType && !$0.status.isFinal
                })
        else { return nil }
        let type = try homeworkType(
            assignment.homeworkType, version: assignment.homeworkVersion, seed: assignment.seed)
        let latest = try await store.entries(.init(assignmentID: assignment.id)).last
        return PortalSafetyPlan(
            title: type.declaration.title, fields: type.declaration.fields, plan: latest?.fields)
    }

    private func portalAssignment(clientID: String, assignmentID: String) async throws
        -> Assignment
    {
        guard let assignment = try await ifFound({ try await store.assignment(id: assignmentID) })
        else { throw Self.notOnList }
        try Self.checkPortal(assignment, of: clientID)
        return assignment
    }

    /// The answer for an assignment that is not the client's (the same as for one that does not exist).
    private static var notOnList: PracticeError {
        PracticeError(.notFound, "This homework is not on your list. Go back to today's homework.")
    }

    /// Refuses an assignment that is not `clientID`'s or not active.
    private static func checkPortal(_ assignment: Assignment, of clientID: String) throws {
        guard assignment.clientID == clientID else { throw notOnList }
        guard assignment.status == .active else {
            throw PracticeError(
                .notActive, "This homework is paused or finished. Go back to today's homework.")
        }
    }

    private func portalHomework(_ assignment: Assignment, client: Client) async throws
        -> PortalHomework
    {
        let type = try homeworkType(
            assignment.homeworkType, version: assignment.homeworkVersion, seed: assignment.seed)
        let due = try await dueToday(assignment, client: client)
        let progress = due.progress
        return PortalHomework(
            assignmentID: assignment.id, homeworkType: assignment.homeworkType,
            title: type.declaration.title, instructions: type.declaration.instructions,
            fields: type.declaration.fields, today: due.today, nextDue: due.next,
            streak: progress.streak.current, completion: progress.completion,
            balance: progress.balance, timeZone: client.timeZone)
    }

    /// Today's occurrences in the client's time zone with whether each is
    /// done (by what counts), and the next time due after today.
    func dueToday(_ assignment: Assignment, client: Client)
        async throws -> (progress: AssignmentProgress, today: [PortalDue], next: Date?)
    {
        let now = clock.now()
        let progress = try await progress(of: assignment, now: now)
        let zone = TimeZone(identifier: client.timeZone) ?? .gmt
        let day = Self.localDay(now, zone)
        let pauses = assignment.pauses(until: now)
        let timeline = AssignmentTimeline(assignment)
        let occurrences = timeline.occurrences(in: day, excluding: pauses)
        let matched = timeline.matching(
            progress.entries.filter(\.counts).map(\.performedAt), among: occurrences)
        let done = Set(matched.compactMap { $0?.index })
        return (
            progress,
            occurrences.map {
                PortalDue(due: $0.due, allDay: $0.allDay, done: done.contains($0.index))
            },
            progress.next.flatMap { $0.due >= day.end ? $0.due : nil }
        )
    }
}
