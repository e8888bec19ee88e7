import CarryoverCore
import CarryoverErrors
import CarryoverLua
import CarryoverPacks
import CarryoverSQLite
import CarryoverStore
import Foundation
import Logging

#if Postgres
    import CarryoverPostgres
#endif

/// One practice: its store, its homework catalogue and its clock. Every
/// therapist workflow (clients, goals, assignments, entries, status,
/// rewards) is a method here so the CLI stays thin and every front end
/// behaves the same.
public final class Practice: Sendable {
    /// The practice folder (database, packs, trust store, lockfile).
    public let folder: URL
    /// The records; front ends reach them through the practice's methods only.
    let store: any PracticeStore
    public let catalogue: HomeworkCatalogue
    public let clock: any WallClock
    /// Sandbox limits for every plugin call.
    public let limits: SandboxLimits
    /// Who acts: recorded with every change in the audit journal and with every entry.
    public let actor: Principal
    /// Plugin loads, hook calls and pack verifications so far.
    package let usage = PracticeUsage()

    /// The database file inside a practice folder.
    public static let databaseName = "practice.sqlite"

    init(
        folder: URL, store: any PracticeStore, clock: any WallClock,
        limits: SandboxLimits = .default, actor: Principal = .currentUser()
    ) {
        self.folder = folder
        self.store = store
        self.catalogue = HomeworkCatalogue(shelf: PackShelf(root: folder), usage: usage)
        self.clock = clock
        self.limits = limits
        self.actor = actor
    }

    /// Creates a new practice in `folder` (made private to its owner).
    ///
    /// - Throws: ``PracticeError`` `.practiceExists` when one is there already.
    public static func create(
        at folder: URL, clock: any WallClock = SystemClock(), actor: Principal = .currentUser()
    ) throws -> Practice {
        let database = folder.appendingPathComponent(databaseName)
        if FileManager.default.fileExists(atPath: database.path) {
            throw PracticeError(
                .practiceExists,
                "a practice already exists in \(folder.path); use it, or choose another folder")
        }
        let store = try SQLiteStore(
            path: database.path, create: true, principal: actor, clock: clock)
        return Practice(folder: folder, store: store, clock: clock, actor: actor)
    }

    /// Opens the practice in `folder`; with `access` `.readOnly` (for
    /// commands that only read) its database file is left byte for byte as it was.
    ///
    /// - Throws: ``PracticeError`` `.practiceMissing` with how to create one.
    public static func open(
        at folder: URL, access: StoreAccess = .readWrite, clock: any WallClock = SystemClock(),
        actor: Principal = .currentUser()
    ) throws -> Practice {
        let database = folder.appendingPathComponent(databaseName)
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw PracticeError(
                .practiceMissing,
                "no practice in \(folder.path); create one with 'carryover init \(folder.path)' "
                    + "or point --practice (or CARRYOVER_PRACTICE) at yours")
        }
        let store = try SQLiteStore(
            path: database.path, access: access, principal: actor, clock: clock)
        return Practice(folder: folder, store: store, clock: clock, actor: actor)
    }

    /// Opens (or, with `create`, first makes) a practice whose records live in
    /// PostgreSQL at `databaseURL`; `folder` keeps its packs, trust store and
    /// lockfile. Needs a build with the `Postgres` package trait.
    ///
    /// Signed in as a clinic account, the account acts (Docs/clinic.md):
    /// `actor` may only name it, and is refused with `permissionDenied`
    /// otherwise. Signed in as the database's owner, `actor` (default: the
    /// operating-system user) acts.
    public static func open(
        at folder: URL, databaseURL: String, create: Bool = false,
        access: StoreAccess = .readWrite, clock: any WallClock = SystemClock(),
        actor: Principal? = nil
    ) async throws -> Practice {
        #if Postgres
            if create {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            }
            let store = try await PostgresStore.connect(
                url: databaseURL, access: access, principal: actor ?? .currentUser(), clock: clock)
            if let account = store.account, let actor, actor.name != account {
                store.close()
                throw StoreError(
                    .permissionDenied,
                    "--as (or CARRYOVER_ACTOR) names '\(actor.name)', but the database signed you "
                        + "in as account '\(account)', which the journal names; leave out --as.")
            }
            return Practice(folder: folder, store: store, clock: clock, actor: store.principal)
        #else
            throw PracticeError(
                .invalidInput,
                "this carryover was built without PostgreSQL; build it with "
                    + "'swift build --traits Postgres', or leave out --database-url")
        #endif
    }

    /// Loads the homework type an assignment was made with.
    func homeworkType(_ id: String, version: String?, seed: UInt64) throws -> HomeworkType {
        try homeworkType(from: catalogue.source(id: id, version: version), seed: seed)
    }

    /// The homework type an assignment was made with, or `nil` when it no
    /// longer loads (its pack removed or revoked, its Lua failing): a read of
    /// history goes on without it. A failure of the machine (a busy or
    /// unreadable store or pack folder) is thrown, never read as "no type".
    func homeworkTypeIfItLoads(_ id: String, version: String?, seed: UInt64) throws
        -> HomeworkType?
    {
        try Self.ifItLoads { try homeworkType(id, version: version, seed: seed) }
    }

    /// ``loggableType(of:version:)`` for a read of history: `nil` when the
    /// type no longer loads, a failure of the machine thrown.
    func loggableTypeIfItLoads(of assignment: Assignment) throws -> HomeworkType? {
        try Self.ifItLoads { try loggableType(of: assignment) }
    }

    /// What `read` finds in the store, or `nil` when it has no such record:
    /// a busy or damaged store is thrown, never read as "not there".
    func ifFound<T>(_ read: () async throws -> T) async throws -> T? {
        do {
            return try await read()
        } catch let error as StoreError where error.code == .notFound {
            return nil
        }
    }

    /// What `load` gives, or `nil` when it failed for a reason of the type
    /// (removed, revoked, failing); busy, storage and internal failures are thrown.
    private static func ifItLoads(_ load: () throws -> HomeworkType) throws -> HomeworkType? {
        do {
            return try load()
        } catch let error as any CarryoverError where error.category.isSystemFailure {
            throw error
        } catch {
            return nil
        }
    }

    /// Loads the homework type an assignment was made with, for new work on
    /// it (logging, amending), already scoped to its client: refused, naming
    /// the revocation or removal, when its pack is revoked or gone.
    func loggableType(of assignment: Assignment, version: String? = nil) throws -> HomeworkType {
        let version = version ?? assignment.homeworkVersion
        let source: HomeworkSource
        do {
            source = try catalogue.source(id: assignment.homeworkType, version: version)
        } catch let error as PracticeError where error.code == .notFound {
            throw catalogue.unavailable(id: assignment.homeworkType, version: version, cause: error)
        }
        return try homeworkType(from: source, seed: assignment.seed, scope: assignment.clientID)
    }

    /// Loads a homework type whose source was already looked up (and its
    /// pack verified); with `scope`, already scoped to that client.
    func homeworkType(from source: HomeworkSource, seed: UInt64, scope: String? = nil) throws
        -> HomeworkType
    {
        let start = ContinuousClock.now
        // Hooks see the entry's moment while one is handled (EntryMoment), else now.
        let type = try HomeworkType(
            source: source.source, file: source.file, limits: limits,
            clock: EntryClock(base: clock), seed: seed, scope: scope)
        usage.count("load")
        usage.count("build", type.stateBuilds)
        PracticeDiagnostics.logger.debug(
            "homework type loaded",
            metadata: [
                "type": "\(source.id) \(source.version)", "from": "\(source.origin)",
                "took": "\(ContinuousClock.now - start)",
            ])
        return type
    }
}

extension Practice {
    /// The declaration (fields, params, scores) of the newest version of a homework type.
    public func declaration(of id: String) throws -> HomeworkDeclaration {
        let source = try catalogue.source(id: id)
        return try homeworkType(source.id, version: source.version, seed: 0).declaration
    }

    /// The declaration of the homework type an assignment is on, at its
    /// version: the form a front end asks the client to fill in (a type with
    /// readings narrowed to the questions of the reading the assignment picks).
    public func declaration(ofAssignment id: String) async throws -> HomeworkDeclaration {
        let assignment = try await assignment(id)
        return try homeworkType(
            assignment.homeworkType, version: assignment.homeworkVersion, seed: 0
        ).declaration.narrowed(toParams: assignment.params)
    }
}
