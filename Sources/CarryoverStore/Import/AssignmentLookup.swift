import CarryoverCore

/// The assignments an import's lines name, fetched once each.
struct AssignmentLookup {
    /// Past this many ids the cache starts over, so memory stays bounded
    /// even when every line names another (unknown) assignment.
    static let capacity = 10_000

    let store: any PracticeStore
    private var cache: [String: Assignment?] = [:]

    init(store: any PracticeStore) {
        self.store = store
    }

    /// The assignment, or `nil` when the practice has none with this id.
    mutating func assignment(_ id: String) async throws -> Assignment? {
        if let cached = cache[id] { return cached }
        let found: Assignment?
        do {
            found = try await store.assignment(id: id)
        } catch let error as StoreError where error.code == .notFound {
            found = nil
        }
        if cache.count >= Self.capacity { cache.removeAll(keepingCapacity: true) }
        cache[id] = found
        return found
    }
}
