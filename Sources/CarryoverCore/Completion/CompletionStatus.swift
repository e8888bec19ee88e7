import Foundation

/// How far an assignment is towards its completion rule.
public struct CompletionStatus: Sendable, Hashable, Codable {
    /// Whether the rule is met.
    public var met: Bool
    /// Progress in words for the CLI, e.g. "4 of 5 occurrences".
    public var progress: String
    /// Progress as a fraction in 0...1 for a bar or chart.
    public var fraction: Double

    /// Makes a status; `fraction` is clamped to 0...1 (NaN counts as 0) so a
    /// plugin cannot hand the display an impossible value.
    public init(met: Bool, progress: String, fraction: Double) {
        self.met = met
        self.progress = progress
        self.fraction = fraction.isNaN ? 0 : min(1, max(0, fraction))
    }
}

/// What a completion rule is evaluated over.
public struct CompletionInput: Sendable, Hashable {
    /// The occurrences so far, in any order; they are sorted by index.
    public var occurrences: [Occurrence]
    /// Entries matched to each occurrence, keyed by occurrence index.
    public var entries: [Int: [Entry]]
    /// The instant of evaluation: an occurrence without entries whose `due`
    /// is after it is pending, not missed. Pass now minus any grace window.
    public var now: Date

    public init(occurrences: [Occurrence], entries: [Int: [Entry]], now: Date) {
        self.occurrences = occurrences.sorted { $0.index < $1.index }
        self.entries = entries
        self.now = now
    }

    /// Whether the occurrence has an entry, none yet, or none in time.
    public func state(of occurrence: Occurrence) -> OccurrenceState {
        if let matched = entries[occurrence.index], !matched.isEmpty { return .completed }
        return occurrence.due > now ? .pending : .missed
    }

    /// Entries of the given occurrences in the order they were performed
    /// (ties broken by id so the order never depends on dictionary order).
    public var entriesInOrder: [Entry] {
        occurrences.flatMap { entries[$0.index] ?? [] }
            .sorted { ($0.performedAt, $0.id) < ($1.performedAt, $1.id) }
    }
}

/// Where an occurrence stands for completion rules.
public enum OccurrenceState: String, Sendable, Hashable, Codable {
    case completed, missed, pending
}

/// Evaluates plugin predicates for the core, which has no Lua.
///
/// The Lua runtime implements it by calling the homework type's hook in its
/// sandbox with this client's input only.
public protocol CompletionPredicateHost: Sendable {
    /// Evaluates the plugin hook named `hook` over `input`.
    func evaluate(hook: String, input: CompletionInput) throws -> CompletionStatus
}
