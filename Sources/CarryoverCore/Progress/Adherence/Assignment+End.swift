import Foundation

extension Assignment {
    /// When the assignment was completed or abandoned; nil while it runs.
    /// Progress stops there: later occurrences are neither due nor missed.
    public var endedAt: Date? {
        guard status.isFinal else { return nil }
        return history.last { $0.status.map { $0.to.isFinal } ?? false }?.at
    }
}
