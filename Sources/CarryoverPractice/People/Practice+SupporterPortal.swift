import CarryoverCore
import CarryoverStore
import Foundation

/// One assignment as a supporter sees it on the portal: what they may do,
/// and (when allowed to see it) whether it is due and done today. Never a
/// score, a note, a flag, a streak or a balance.
public struct SupporterHomework: Sendable {
    public var assignmentID: String
    public var title: String
    public var permissions: Set<SupporterPermission>
    /// Today's occurrences with whether each is done; empty without `see`.
    public var today: [PortalDue]
    /// The next time due after today; nil without `see`.
    public var nextDue: Date?
    /// When this supporter confirmed practice today.
    public var confirmedToday: [Date]
    /// The informant form's title, when the supporter may fill it in.
    public var informantTitle: String?
    public var timeZone: String
}

/// The supporter's own page.
public struct SupporterPage: Sendable {
    public var name: String
    public var relation: SupporterRelation
    /// Paused supporters see that they can do nothing for now.
    public var paused: Bool
    public var homework: [SupporterHomework]
}

extension Practice {
    /// The supporter's page: the client's active homework the therapist let
    /// them help with, oldest assignment first.
    ///
    /// - Throws: ``PracticeError`` `.notFound` for a supporter that is not
    ///   the client's, or removed (their session should not exist).
    public func supporterPage(supporterID: String, clientID: String) async throws -> SupporterPage {
        let supporter = try await portalSupporter(supporterID, clientID: clientID)
        let client = try await client(clientID)
        let zone = TimeZone(identifier: client.timeZone) ?? .gmt
        var homework: [SupporterHomework] = []
        for assignment in try await store.assignments(clientID: client.id, status: .active) {
            guard let grant = supporter.grant(for: assignment.id), !grant.permissions.isEmpty
            else { continue }
            let type = try homeworkType(
                assignment.homeworkType, version: assignment.homeworkVersion, seed: 0)
            var item = SupporterHomework(
                assignmentID: assignment.id, title: type.declaration.title,
                permissions: grant.permissions, today: [], nextDue: nil, confirmedToday: [],
                informantTitle: grant.permissions.contains(.informant)
                    ? type.declaration.informant?.title : nil, timeZone: client.timeZone)
            let day = Self.localDay(clock.now(), zone)
            let entries = try await store.entries(
                .init(assignmentID: assignment.id, includeFields: false))
            item.confirmedToday = entries.filter {
                $0.supporterID == supporter.id && $0.kind == .confirmation
                    && day.contains($0.performedAt)
            }.map(\.performedAt)
            if grant.permissions.contains(.see) {
                let due = try await dueToday(assignment, client: client)
                item.today = due.today
                item.nextDue = due.next
            }
            homework.append(item)
        }
        return SupporterPage(
            name: supporter.name, relation: supporter.relation,
            paused: supporter.status == .paused, homework: homework)
    }

    /// The assignments a supporter may act on (what the portal lists), oldest first.
    public func supporterAssignmentIDs(supporterID: String, clientID: String) async throws
        -> [String]
    {
        let supporter = try await portalSupporter(supporterID, clientID: clientID)
        return try await store.assignments(clientID: clientID, status: .active)
            .filter { supporter.grant(for: $0.id).map { !$0.permissions.isEmpty } ?? false }
            .map(\.id)
    }

    /// Records that the supporter saw the practice happen, now. It counts
    /// for the completion rule and the reinforcement schedule when the
    /// therapist's grant says so; it is kept either way.
    ///
    /// - Throws: ``PracticeError`` `.notFound` unless the supporter may
    ///   confirm this assignment (`.notActive` while paused), `.entryRejected`
    ///   for a note that is too long.
    public func confirmPractice(
        supporterID: String, clientID: String, assignmentID: String, fields: Value,
        idempotencyKey: String
    ) async throws -> LogOutcome {
        let (supporter, grant) = try await permitted(
            .confirm, supporterID: supporterID, clientID: clientID, assignmentID: assignmentID)
        return try await record(
            NewEntry(
                kind: .confirmation, fields: fields, source: .supporter,
                recordedBy: Entry.portalRecorder, supporterID: supporter.id,
                counts: grant.confirmationsCount),
            assignmentID: assignmentID, idempotencyKey: idempotencyKey)
    }

    /// The informant form of an assignment the supporter may fill it in for.
    public func informantForm(supporterID: String, clientID: String, assignmentID: String)
        async throws -> InformantForm
    {
        _ = try await permitted(
            .informant, supporterID: supporterID, clientID: clientID, assignmentID: assignmentID)
        let assignment = try await assignment(assignmentID)
        guard
            let form = try homeworkType(
                assignment.homeworkType, version: assignment.homeworkVersion, seed: 0
            ).declaration.informant
        else { throw Self.notOnList }
        return form
    }

    /// Stores the supporter's answers to the informant form. It never counts
    /// for the completion rule, and no hook of the plugin runs on it.
    public func submitInformant(
        supporterID: String, clientID: String, assignmentID: String, fields: Value,
        idempotencyKey: String
    ) async throws -> LogOutcome {
        let (supporter, _) = try await permitted(
            .informant, supporterID: supporterID, clientID: clientID, assignmentID: assignmentID)
        return try await record(
            NewEntry(
                kind: .informant, fields: fields, source: .supporter,
                recordedBy: Entry.portalRecorder, supporterID: supporter.id, counts: false),
            assignmentID: assignmentID, idempotencyKey: idempotencyKey)
    }

    /// Sends the client a short message about one assignment; a second send
    /// with the same form key stores nothing more and answers false.
    ///
    /// - Throws: ``PracticeError`` `.entryRejected` for an empty or overlong
    ///   text, with the problem on the `message` field.
    public func sendEncouragement(
        supporterID: String, clientID: String, assignmentID: String, text: String,
        idempotencyKey: String
    ) async throws -> Bool {
        let (supporter, _) = try await permitted(
            .encourage, supporterID: supporterID, clientID: clientID, assignmentID: assignmentID)
        if let problem = Encouragement.problem(text) {
            throw PracticeError(
                .entryRejected, "the message has a problem; nothing was sent",
                problems: [ValidationProblem(field: "message", message: problem)])
        }
        let message = Encouragement(
            id: "enc-" + PortalSecret.hash("encouragement:" + idempotencyKey).prefix(20),
            supporterID: supporter.id, clientID: clientID, assignmentID: assignmentID,
            text: text.trimmingCharacters(in: .whitespacesAndNewlines), sentAt: clock.now())
        do {
            try await store.addEncouragement(message)
            return true
        } catch let error as StoreError where error.code == .duplicate {
            return false
        }
    }

    /// The messages the client's page shows: sent within the last week by
    /// supporters who were not removed, newest first, by assignment.
    func shownEncouragements(clientID: String) async throws -> [String: [PortalEncouragement]] {
        let since = clock.now().addingTimeInterval(-Encouragement.shownFor)
        let messages = try await store.encouragements(clientID: clientID, since: since)
        guard !messages.isEmpty else { return [:] }
        let supporters = Dictionary(
            uniqueKeysWithValues: try await store.supporters(clientID: clientID).map { ($0.id, $0) }
        )
        var shown: [String: [PortalEncouragement]] = [:]
        for message in messages.reversed() {
            guard let from = supporters[message.supporterID], from.status != .removed else {
                continue
            }
            shown[message.assignmentID, default: []].append(
                PortalEncouragement(from: from.name, text: message.text, sentAt: message.sentAt))
        }
        return shown
    }

    /// The supporter of a portal session, if still the client's and not removed.
    private func portalSupporter(_ id: String, clientID: String) async throws -> Supporter {
        guard let supporter = try await ifFound({ try await store.supporter(id: id) }),
            supporter.clientID == clientID,
            supporter.status != .removed
        else { throw Self.notOnList }
        return supporter
    }

    /// The supporter and their grant, when they may do `permission` on an
    /// active assignment of the client's now.
    private func permitted(
        _ permission: SupporterPermission, supporterID: String, clientID: String,
        assignmentID: String
    ) async throws -> (Supporter, SupporterGrant) {
        let supporter = try await portalSupporter(supporterID, clientID: clientID)
        guard supporter.status == .active else {
            throw PracticeError(
                .notActive,
                "Your therapist has paused what you can do here for now. Nothing was sent.")
        }
        guard let assignment = try await ifFound({ try await store.assignment(id: assignmentID) }),
            assignment.clientID == clientID, assignment.status == .active,
            let grant = supporter.grant(for: assignmentID),
            grant.permissions.contains(permission)
        else { throw Self.notOnList }
        return (supporter, grant)
    }

    private static var notOnList: PracticeError {
        PracticeError(.notFound, "This homework is not on your list. Go back to the start page.")
    }

    static func localDay(_ now: Date, _ zone: TimeZone) -> DateInterval {
        let today = LocalDate(now, in: zone)
        return DateInterval(
            start: zone.instant(of: today, at: .midnight),
            end: zone.instant(of: today.adding(days: 1), at: .midnight))
    }
}

/// A supporter's message on the client's page.
public struct PortalEncouragement: Sendable, Hashable {
    /// The supporter's name, as the therapist entered it.
    public var from: String
    public var text: String
    public var sentAt: Date
}
