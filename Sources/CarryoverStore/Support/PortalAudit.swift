import CarryoverCore

extension EntrySource {
    /// Whom the audit journal names for a change from this source; nil for
    /// the store's own principal (the therapist).
    package var auditPrincipal: String? { self == .therapist ? nil : label }
}

extension StoreError {
    /// A portal form sent again: its entry is stored already.
    package static func submittedBefore() -> StoreError {
        StoreError(
            .duplicate, "This form was sent before and its entry is stored; nothing was added.")
    }
}
