import CarryoverCore
import Foundation

/// A practice's storage: clients, goals, assignments, entries, engine state,
/// ledgers and the audit journal.
///
/// Every method that changes something writes its change and an audit record
/// in one transaction, attributed to the store's ``Principal``. Methods are
/// `async` so one protocol serves SQLite (``SQLiteStore``) and PostgreSQL.
/// Lookups of a missing id throw ``StoreError`` with code `notFound`. The
/// client portal's tables are part of it (``PortalStore``).
public protocol PracticeStore: PortalStore {
    // MARK: Clients

    /// Adds a client; throws `duplicate` when the id is taken.
    func addClient(_ client: Client) async throws
    /// Replaces a client's name and time zone; throws `notFound` when missing.
    func updateClient(_ client: Client) async throws
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

    // MARK: Entries, engine state, ledger

    /// Writes an entry with its scores, engine state, ledger events and an
    /// audit record in one transaction, and returns the events as stored.
    /// With an idempotency key already stored for the client, writes nothing
    /// and throws `duplicate`.
    func record(_ recording: EntryRecording) async throws -> [LedgerEvent]
    /// Entries matching the query, by time performed then id.
    func entries(_ query: EntryQuery) async throws -> [Entry]
    /// Writes an assignment's new engine state with ledger events and an
    /// audit record in one transaction, for changes that come without an
    /// entry (a reward redeemed or vetoed).
    func recordState(_ recording: StateRecording) async throws -> [LedgerEvent]
    /// The assignment's engine state, or `nil` before its first entry.
    func engineState(assignmentID: String) async throws -> Value?
    /// The assignment's ledger, oldest first.
    func ledger(assignmentID: String) async throws -> [LedgerEvent]

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

extension PracticeStore {
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
