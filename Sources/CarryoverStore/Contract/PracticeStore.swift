import CarryoverCore
import Foundation

/// A practice's storage: clients, goals, assignments, entries, engine state,
/// ledgers and the audit journal.
///
/// Every method that changes something writes its change and an audit record
/// in one transaction, attributed to the store's ``Principal``. Methods are
/// `async` so one protocol serves SQLite (`SQLiteStore`) and PostgreSQL.
/// Lookups of a missing id throw ``StoreError`` with code `notFound`. The
/// client portal's tables are part of it (``PortalStore``).
public protocol PracticeStore: PortalStore, PeopleStore {
    // MARK: Clients

    /// Adds a client; throws `duplicate` when the id is taken.
    func addClient(_ client: Client) async throws
    /// Replaces a client's name, time zone and discharge, together with
    /// changes to the client's `assignments` (e.g. ended by a discharge), in
    /// one transaction; throws `notFound` when missing. Audited as
    /// `client.discharge` when it discharges the client, else `client.update`.
    func updateClient(_ client: Client, assignments: [Assignment]) async throws
    func client(id: String) async throws -> Client
    /// Every client, by id.
    func clients() async throws -> [Client]

    // MARK: Documents (goals and other engine documents)

    /// Inserts or replaces a document; its client must exist.
    func saveDocument(_ record: DocumentRecord) async throws
    func document(kind: String, id: String) async throws -> DocumentRecord
    /// The client's documents of one kind, by id.
    func documents(kind: String, clientID: String) async throws -> [DocumentRecord]

    // MARK: Assignments

    /// Inserts or replaces an assignment; its client must exist and an
    /// assignment never moves to another client.
    func saveAssignment(_ assignment: Assignment) async throws
    func assignment(id: String) async throws -> Assignment
    /// The client's assignments, by creation time, optionally of one status.
    func assignments(clientID: String, status: Assignment.Status?) async throws -> [Assignment]
    /// Every assignment of every client the principal may see, with its
    /// engine state, in one read: what a caseload needs without reading entries.
    func assignmentsWithState() async throws -> [AssignmentWithState]

    // MARK: Entries, engine state, ledger

    /// The one way the engine changes an assignment: in one write
    /// transaction, reads the assignment's engine state (and, with
    /// `entryID`, that entry and its ledger lines) as stored, lets `body`
    /// compute the change from it, and writes the change (a new entry or a
    /// correction, the new state, ledger lines, audit records). No other
    /// writer can change the state in between, so no update is lost; when
    /// `body` throws nothing is written. Returns `body`'s value and the
    /// ledger events as stored. With `readingEntries`, the snapshot also
    /// holds the assignment's entries (``EngineSnapshot/entries``), read in
    /// the same transaction: what a log needs to keep the progress digest
    /// current in its one write.
    func writeEngine<T: Sendable>(
        assignmentID: String, entryID: String?, readingEntries: Bool,
        _ body: @escaping @Sendable (EngineSnapshot) throws -> (EngineWrite, T)
    ) async throws -> (value: T, events: [LedgerEvent])
    /// Entries matching the query, by time performed then id.
    func entries(_ query: EntryQuery) async throws -> [Entry]
    /// The entry with this id, voided or not.
    func entry(id: String) async throws -> Entry
    /// The corrections of an entry, oldest first, each with the version it replaced.
    func entryRevisions(entryID: String) async throws -> [EntryRevision]
    /// The assignment's engine state, or `nil` before its first entry.
    func engineState(assignmentID: String) async throws -> Value?
    /// The engine states of all the client's assignments, by assignment id
    /// (an assignment without an entry yet has none): one read for a status.
    func engineStates(clientID: String) async throws -> [String: Value]
    /// The client with its assignments, entries, engine states and open
    /// flags, read at one moment (``ClientProgressRead``).
    func progressRead(clientID: String, includeFields: Bool) async throws -> ClientProgressRead
    /// The assignment's ledger, oldest first.
    func ledger(assignmentID: String) async throws -> [LedgerEvent]

    // MARK: Flags

    /// Flags that wait for acknowledgement (risk), oldest entry first.
    func flags(_ query: FlagQuery) async throws -> [RaisedFlag]
    /// Acknowledges open flags by id, all or none, with the acting person,
    /// the time and a note; each is audited as `flag.ack`.
    func acknowledgeFlags(ids: [Int], note: String) async throws -> [RaisedFlag]

    // MARK: Imports

    /// How far an earlier import of the file with this hash got, if any.
    func importProgress(fileHash: String) async throws -> ImportProgress?
    /// Writes a batch of imported entries together with the import's new
    /// progress in one transaction, so a killed import leaves whole batches.
    /// Entries whose id is already stored are left as they were and reported.
    func commitImportBatch(_ batch: ImportBatch) async throws -> ImportBatchResult

    // MARK: Audit and backup

    /// The audit journal, oldest first.
    func auditJournal(_ query: AuditQuery) async throws -> [AuditRecord]
    /// Writes a consistent copy of the practice to `path` (mode 0600).
    func backup(to path: String) async throws
}

/// How often every store tries a transaction again that was refused as busy
/// (it rolled back, so another try cannot write anything twice) before it
/// throws `locked`.
public let storeBusyRetries = 3

/// Whether a store may write. Commands that only read open their store
/// read-only, so they leave the practice exactly as it was.
public enum StoreAccess: Sendable {
    case readWrite
    /// Every write is refused with ``StoreErrorCode/readOnly``.
    case readOnly
}

/// An assignment with its engine state as stored (`nil` before the first entry).
public struct AssignmentWithState: Sendable {
    public var assignment: Assignment
    public var state: Value?

    public init(assignment: Assignment, state: Value?) {
        self.assignment = assignment
        self.state = state
    }
}

extension PracticeStore {
    /// Five reads, through the reads every store has (a store that can read
    /// them in one transaction overrides it).
    public func progressRead(clientID: String, includeFields: Bool) async throws
        -> ClientProgressRead
    {
        ClientProgressRead(
            client: try await client(id: clientID),
            assignments: try await assignments(clientID: clientID, status: nil),
            entries: try await entries(.init(clientID: clientID, includeFields: includeFields)),
            states: try await engineStates(clientID: clientID),
            openFlags: try await flags(FlagQuery(clientID: clientID, openOnly: true)))
    }

    /// ``writeEngine(assignmentID:entryID:readingEntries:_:)`` without the entries.
    public func writeEngine<T: Sendable>(
        assignmentID: String, entryID: String?,
        _ body: @escaping @Sendable (EngineSnapshot) throws -> (EngineWrite, T)
    ) async throws -> (value: T, events: [LedgerEvent]) {
        try await writeEngine(
            assignmentID: assignmentID, entryID: entryID, readingEntries: false, body)
    }

    /// One read per client and one per assignment, through the reads every
    /// store has (a store with a single query overrides it).
    public func assignmentsWithState() async throws -> [AssignmentWithState] {
        var result: [AssignmentWithState] = []
        for client in try await clients() {
            for assignment in try await assignments(clientID: client.id, status: nil) {
                result.append(
                    AssignmentWithState(
                        assignment: assignment,
                        state: try await engineState(assignmentID: assignment.id)))
            }
        }
        return result
    }

    /// Replaces a client's name, time zone and discharge.
    public func updateClient(_ client: Client) async throws {
        try await updateClient(client, assignments: [])
    }

    /// Writes an entry whose engine state was computed beforehand, with its
    /// scores, flags, ledger events and an audit record, in one transaction.
    /// Prefer ``writeEngine(assignmentID:entryID:_:)`` when the state is
    /// computed from the stored one.
    @discardableResult
    public func record(_ recording: EntryRecording) async throws -> [LedgerEvent] {
        let write = recording.write
        return try await writeEngine(assignmentID: recording.entry.assignmentID, entryID: nil) {
            _ in (write, ())
        }.events
    }

    /// Writes an engine state computed beforehand with ledger events and an
    /// audit record, for changes without an entry.
    @discardableResult
    public func recordState(_ recording: StateRecording) async throws -> [LedgerEvent] {
        let write = recording.write
        return try await writeEngine(assignmentID: recording.assignmentID, entryID: nil) { _ in
            (write, ())
        }.events
    }

    /// Inserts or replaces a typed document.
    public func save<D: StoredDocument>(_ document: D) async throws {
        try await saveDocument(DocumentRecord(document))
    }

    /// The document of type `D` with this id.
    public func document<D: StoredDocument>(_ type: D.Type, id: String) async throws -> D {
        try await document(kind: D.kind, id: id).decode(type)
    }

    /// The client's documents of type `D`, by id.
    public func documents<D: StoredDocument>(_ type: D.Type, clientID: String) async throws -> [D] {
        try await documents(kind: D.kind, clientID: clientID).map { try $0.decode(type) }
    }
}
