import CarryoverCore
import CarryoverStore
import Foundation
import Synchronization

/// A store that forwards every call to another and counts the calls by
/// method name, so a test can assert how many reads and writes one workflow
/// call makes (one pass per entry; status without repeated reads).
final class CountingStore: PracticeStore {
    let base: any PracticeStore
    private let counts = Mutex<[String: Int]>([:])

    init(_ base: any PracticeStore) {
        self.base = base
    }

    /// The calls so far, by method name.
    var calls: [String: Int] { counts.withLock { $0 } }

    /// Every call so far, summed.
    var total: Int { calls.values.reduce(0, +) }

    /// Forgets the calls so far.
    func reset() { counts.withLock { $0 = [:] } }

    func count(_ name: String) {
        counts.withLock { $0[name, default: 0] += 1 }
    }

    func addClient(_ client: Client) async throws {
        count("addClient")
        try await base.addClient(client)
    }

    func updateClient(_ client: Client, assignments: [Assignment]) async throws {
        count("updateClient")
        try await base.updateClient(client, assignments: assignments)
    }

    func client(id: String) async throws -> Client {
        count("client")
        return try await base.client(id: id)
    }

    func clients() async throws -> [Client] {
        count("clients")
        return try await base.clients()
    }

    func saveDocument(_ record: DocumentRecord) async throws {
        count("saveDocument")
        try await base.saveDocument(record)
    }

    func document(kind: String, id: String) async throws -> DocumentRecord {
        count("document")
        return try await base.document(kind: kind, id: id)
    }

    func documents(kind: String, clientID: String) async throws -> [DocumentRecord] {
        count("documents")
        return try await base.documents(kind: kind, clientID: clientID)
    }

    func saveAssignment(_ assignment: Assignment) async throws {
        count("saveAssignment")
        try await base.saveAssignment(assignment)
    }

    func assignment(id: String) async throws -> Assignment {
        count("assignment")
        return try await base.assignment(id: id)
    }

    func assignments(clientID: String, status: Assignment.Status?) async throws -> [Assignment] {
        count("assignments")
        return try await base.assignments(clientID: clientID, status: status)
    }

    func writeEngine<T: Sendable>(
        assignmentID: String, entryID: String?, readingEntries: Bool,
        _ body: @escaping @Sendable (EngineSnapshot) throws -> (EngineWrite, T)
    ) async throws -> (value: T, events: [LedgerEvent]) {
        count("writeEngine")
        return try await base.writeEngine(
            assignmentID: assignmentID, entryID: entryID, readingEntries: readingEntries, body)
    }

    func entries(_ query: EntryQuery) async throws -> [Entry] {
        count("entries")
        return try await base.entries(query)
    }

    func entry(id: String) async throws -> Entry {
        count("entry")
        return try await base.entry(id: id)
    }

    func entryRevisions(entryID: String) async throws -> [EntryRevision] {
        count("entryRevisions")
        return try await base.entryRevisions(entryID: entryID)
    }

    func assignmentsWithState() async throws -> [AssignmentWithState] {
        count("assignmentsWithState")
        return try await base.assignmentsWithState()
    }

    func engineState(assignmentID: String) async throws -> Value? {
        count("engineState")
        return try await base.engineState(assignmentID: assignmentID)
    }

    func engineStates(clientID: String) async throws -> [String: Value] {
        count("engineStates")
        return try await base.engineStates(clientID: clientID)
    }

    func progressRead(clientID: String, includeFields: Bool) async throws -> ClientProgressRead {
        count("progressRead")
        return try await base.progressRead(clientID: clientID, includeFields: includeFields)
    }

    func ledger(assignmentID: String) async throws -> [LedgerEvent] {
        count("ledger")
        return try await base.ledger(assignmentID: assignmentID)
    }

    func flags(_ query: FlagQuery) async throws -> [RaisedFlag] {
        count("flags")
        return try await base.flags(query)
    }

    func acknowledgeFlags(ids: [Int], note: String) async throws -> [RaisedFlag] {
        count("acknowledgeFlags")
        return try await base.acknowledgeFlags(ids: ids, note: note)
    }

    func importProgress(fileHash: String) async throws -> ImportProgress? {
        count("importProgress")
        return try await base.importProgress(fileHash: fileHash)
    }

    func commitImportBatch(_ batch: ImportBatch) async throws -> ImportBatchResult {
        count("commitImportBatch")
        return try await base.commitImportBatch(batch)
    }

    func auditJournal(_ query: AuditQuery) async throws -> [AuditRecord] {
        count("auditJournal")
        return try await base.auditJournal(query)
    }

    func backup(to path: String) async throws {
        count("backup")
        try await base.backup(to: path)
    }
}
