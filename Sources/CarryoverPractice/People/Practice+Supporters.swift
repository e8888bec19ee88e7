import CarryoverCore
import CarryoverStore
import Foundation

extension Practice {
    /// Adds a supporter of the client (active, allowed nothing yet).
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` for an empty or overlong
    ///   name, `.refused` for a discharged client, `.notFound` for an unknown one.
    public func addSupporter(clientID: String, name: String, relation: SupporterRelation)
        async throws -> Supporter
    {
        let client = try await client(clientID)
        try Self.requireInTreatment(client)
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100,
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw PracticeError(
                .invalidInput,
                "a supporter's name is 1 to 100 printable characters, e.g. --name \"Maria\"")
        }
        let existing = try await store.supporters(clientID: client.id)
        let supporter = Supporter(
            id: "\(client.id)-s\(existing.count + 1)", clientID: client.id, name: trimmed,
            relation: relation, addedAt: clock.now())
        try await store.addSupporter(supporter)
        return supporter
    }

    /// The client's supporters, removed ones too, by id.
    public func supporters(clientID: String) async throws -> [Supporter] {
        try await store.supporters(clientID: try await client(clientID).id)
    }

    /// The supporter with `id`, or a not-found error that says where to look.
    public func supporter(_ id: String) async throws -> Supporter {
        do {
            return try await store.supporter(id: id)
        } catch let error as StoreError where error.code == .notFound {
            throw PracticeError(
                .notFound, "no supporter '\(id)'; see 'carryover supporter list CLIENT'")
        }
    }

    /// Sets what a supporter may do for one of the client's assignments;
    /// no permissions takes every one away.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` for an assignment of
    ///   another client, counting confirmations without confirming, or the
    ///   informant form of a type that declares none; `.refused` for a
    ///   removed supporter or an ended assignment.
    public func allow(
        supporterID: String, assignmentID: String, permissions: Set<SupporterPermission>,
        confirmationsCount: Bool = false
    ) async throws -> Supporter {
        var supporter = try await supporter(supporterID)
        try Self.requireNotRemoved(supporter)
        let assignment = try await assignment(assignmentID)
        guard assignment.clientID == supporter.clientID else {
            throw PracticeError(
                .invalidInput,
                "assignment \(assignment.id) is not \(supporter.clientID)'s; a supporter helps "
                    + "with their own client's homework only")
        }
        guard !assignment.status.isFinal else {
            throw PracticeError(
                .refused, "assignment \(assignment.id) has ended; there is nothing to support")
        }
        if confirmationsCount && !permissions.contains(.confirm) {
            throw PracticeError(
                .invalidInput, "--count-confirmations needs 'confirm' among the permissions")
        }
        if permissions.contains(.informant) {
            let declaration = try homeworkType(
                assignment.homeworkType, version: assignment.homeworkVersion, seed: 0
            ).declaration
            guard declaration.informant != nil else {
                throw PracticeError(
                    .invalidInput,
                    "\(declaration.title) declares no informant form; allow see, confirm or "
                        + "encourage instead")
            }
        }
        supporter.grants.removeAll { $0.assignmentID == assignment.id }
        let grant = SupporterGrant(
            assignmentID: assignment.id, permissions: permissions,
            confirmationsCount: confirmationsCount)
        if !permissions.isEmpty { supporter.grants.append(grant) }
        supporter.grants.sort { $0.assignmentID < $1.assignmentID }
        supporter.history.append(
            SupporterChange(at: clock.now(), what: "\(assignment.id): \(grant.summary)"))
        try await store.updateSupporter(supporter, action: "supporter.grant")
        return supporter
    }

    /// Pauses, resumes or removes a supporter, keeping the reason. Removing
    /// signs every device of theirs out and withdraws their open links;
    /// their past entries and messages stay.
    public func setSupporterStatus(_ id: String, to status: Supporter.Status, reason: String?)
        async throws -> Supporter
    {
        var supporter = try await supporter(id)
        try Self.requireNotRemoved(supporter)
        guard supporter.status != status else {
            throw PracticeError(
                .refused, "supporter \(supporter.id) is \(status.rawValue) already")
        }
        let verb: String =
            switch status {
            case .active: "resume"
            case .paused: "pause"
            case .removed: "remove"
            }
        supporter.status = status
        supporter.history.append(
            SupporterChange(at: clock.now(), what: status.rawValue, reason: reason))
        try await store.updateSupporter(supporter, action: "supporter.\(verb)")
        return supporter
    }

    /// A single-use link that signs the supporter in to the portal.
    public func inviteSupporter(_ id: String, validFor: TimeInterval = inviteLifetime)
        async throws -> IssuedInvite
    {
        let supporter = try await supporter(id)
        try Self.requireNotRemoved(supporter)
        let client = try await client(supporter.clientID)
        try Self.requireInTreatment(client)
        return try await makeInvite(client: client, supporterID: supporter.id, validFor: validFor)
    }

    /// Withdraws every unused link of the supporter; returns how many.
    public func revokeSupporterInvites(_ id: String) async throws -> Int {
        let supporter = try await supporter(id)
        return try await store.revokeInvites(
            clientID: supporter.clientID, supporterID: supporter.id, at: clock.now())
    }

    static func requireNotRemoved(_ supporter: Supporter) throws {
        guard supporter.status != .removed else {
            throw PracticeError(
                .refused,
                "supporter \(supporter.id) was removed; add them again with 'carryover supporter "
                    + "add' if they should help")
        }
    }
}
