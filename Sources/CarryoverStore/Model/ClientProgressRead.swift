import CarryoverCore

/// Everything one client's progress reads from the store: a status is one
/// read rather than five (each read is a trip to the store's queue and a
/// transaction of its own).
public struct ClientProgressRead: Sendable {
    public var client: Client
    /// Every assignment, as ``PracticeStore/assignments(clientID:status:)`` orders them.
    public var assignments: [Assignment]
    /// The entries not voided, by time performed then id; fields only when asked for.
    public var entries: [Entry]
    /// Engine states by assignment id (none before an assignment's first entry).
    public var states: [String: Value]
    /// Risk flags not yet acknowledged.
    public var openFlags: [RaisedFlag]

    public init(
        client: Client, assignments: [Assignment], entries: [Entry], states: [String: Value],
        openFlags: [RaisedFlag]
    ) {
        self.client = client
        self.assignments = assignments
        self.entries = entries
        self.states = states
        self.openFlags = openFlags
    }
}
