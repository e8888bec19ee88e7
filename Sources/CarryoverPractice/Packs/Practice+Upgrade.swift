import CarryoverCore
import CarryoverLua
import CarryoverManifest
import CarryoverPacks
import CarryoverStore
import Foundation

extension Practice {
    /// Moves an assignment to a newer installed version of its homework type,
    /// recording the move and its reason in the assignment's history.
    ///
    /// Entries already logged keep the version they were made with and stay
    /// valid under it (older pack versions stay installed). With
    /// ``AssignmentUpgradeRequest/migrateEntries`` the new version's `migrate`
    /// hook rewrites every older entry; each result must pass the new
    /// version's validation and is stored as a ``MigratedEntry`` beside the
    /// untouched original. Every plugin call runs before anything is written,
    /// so a failing hook or an invalid result changes nothing.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` for a version that is not
    ///   newer, params or migrated entries the new version refuses, or an
    ///   empty reason; `.notFound` when the version is not installed; the
    ///   plugin's `SandboxError`.
    public func upgrade(_ request: AssignmentUpgradeRequest) async throws -> AssignmentUpgrade {
        var assignment = try await assignment(request.assignmentID)
        let from = assignment.homeworkVersion
        try Self.checkUpgrade(assignment, to: request.version, reason: request.reason)
        _ = try catalogue.source(id: assignment.homeworkType, version: request.version)
        let type = try homeworkType(
            assignment.homeworkType, version: request.version, seed: assignment.seed)
        var params = assignment.params.object ?? [:]
        params.merge(request.params) { _, new in new }
        let problems = type.validateParams(.object(params))
        guard problems.isEmpty else {
            throw PracticeError(
                .invalidInput,
                "the params of \(assignment.id) have \(problems.count) problem(s) under version "
                    + "\(request.version); give the new values with --param",
                problems: problems)
        }
        let now = clock.now()
        let migrated =
            request.migrateEntries
            ? try await migrations(
                of: assignment, to: type, version: request.version, params: .object(params), at: now
            )
            : []
        guard now >= assignment.history.last?.at ?? assignment.createdAt else {
            throw PracticeError(
                .invalidInput,
                "the upgrade cannot be dated before the assignment's last change; check the clock")
        }
        let counted = migrated.isEmpty ? "" : "; \(migrated.count) old entries migrated"
        assignment.history.append(
            AssignmentChange(
                at: now, what: "homework version \(from) -> \(request.version)\(counted)",
                reason: request.reason))
        assignment.homeworkVersion = request.version
        assignment.declared = DeclaredHomework(type.declaration)
        assignment.params = .object(params)
        // Copies first: they are derived and keyed by version, so a crash before
        // the assignment is saved leaves copies a repeated upgrade replaces.
        for copy in migrated { try await store.save(copy) }
        try await store.saveAssignment(assignment)
        await refreshDigests(of: [assignment])
        return AssignmentUpgrade(assignment: assignment, fromVersion: from, migrated: migrated)
    }

    /// The migrated copies of an assignment's entries in its current version, by original id.
    public func migratedEntries(assignmentID: String) async throws -> [MigratedEntry] {
        let assignment = try await assignment(assignmentID)
        return try await store.documents(MigratedEntry.self, clientID: assignment.clientID)
            .filter {
                $0.assignmentID == assignment.id && $0.toVersion == assignment.homeworkVersion
            }
            .sorted { $0.originalEntryID < $1.originalEntryID }
    }

    /// Validates every entry of an assignment under the version it was logged
    /// with: after an upgrade, old entries must stay valid as they were made.
    public func checkEntries(assignmentID: String) async throws -> [EntryCheck] {
        let assignment = try await assignment(assignmentID)
        var types: [String: HomeworkType] = [:]
        var checks: [EntryCheck] = []
        for entry in try await store.entries(.init(assignmentID: assignment.id))
        where entry.kind == .homework {
            let version = entry.homeworkVersion
            let type =
                try types[version]
                ?? homeworkType(entry.homeworkType, version: version, seed: assignment.seed)
            types[version] = type
            let params = type.declaration.applyingParamDefaults(to: assignment.params)
            checks.append(
                EntryCheck(
                    entryID: entry.id, version: version,
                    problems: try type.validate(
                        entry: entry.fields, params: params, scope: assignment.clientID)))
        }
        return checks
    }

    /// Runs `type`'s `migrate` hook over every entry logged with another
    /// version; refuses when any result fails the new version's validation.
    private func migrations(
        of assignment: Assignment, to type: HomeworkType, version: String, params: Value,
        at now: Date
    ) async throws -> [MigratedEntry] {
        let params = type.declaration.applyingParamDefaults(to: params)
        let scope = assignment.clientID
        var copies: [MigratedEntry] = []
        var problems: [ValidationProblem] = []
        for entry in try await store.entries(.init(assignmentID: assignment.id))
        where entry.homeworkVersion != version && entry.kind == .homework {
            let fields = try type.migrate(
                entry: entry.fields, from: entry.homeworkVersion, scope: scope)
            let found = try type.validate(entry: fields, params: params, scope: scope)
            // Field paths and the plugin's words only, under the entry id: no values.
            problems += found.map {
                ValidationProblem(field: "entry \(entry.id) \($0.field)", message: $0.message)
            }
            guard found.isEmpty else { continue }
            copies.append(
                MigratedEntry(
                    id: MigratedEntry.id(entryID: entry.id, version: version),
                    clientID: entry.clientID, assignmentID: assignment.id,
                    originalEntryID: entry.id, fromVersion: entry.homeworkVersion,
                    toVersion: version, migratedAt: now, fields: fields,
                    scores: try type.score(entry: fields, params: params, scope: scope)))
        }
        guard problems.isEmpty else {
            throw PracticeError(
                .invalidInput,
                "\(problems.count) problem(s) in old entries of \(assignment.id) after version "
                    + "\(version)'s migrate hook; nothing was changed; ask the pack's publisher to "
                    + "fix migrate, or upgrade without --migrate-entries",
                problems: problems)
        }
        return copies
    }

    /// The version must be newer than the assignment's, the assignment still
    /// open and the reason given.
    private static func checkUpgrade(_ assignment: Assignment, to version: String, reason: String)
        throws
    {
        guard !assignment.status.isFinal else {
            throw PracticeError(
                .notActive,
                "assignment \(assignment.id) is \(assignment.status.rawValue) and cannot change; "
                    + "make a new assignment")
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PracticeError(
                .invalidInput, "give a reason for the upgrade; it is kept in the history")
        }
        guard let target = SemanticVersion(version) else {
            throw PracticeError(
                .invalidInput, "'\(version.prefix(40))' is not a version such as 1.1.0")
        }
        guard let current = SemanticVersion(assignment.homeworkVersion), target > current else {
            throw PracticeError(
                .invalidInput,
                "assignment \(assignment.id) uses \(assignment.homeworkType) "
                    + "\(assignment.homeworkVersion); upgrade only to a newer version")
        }
    }
}
