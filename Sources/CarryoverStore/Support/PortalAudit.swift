import CarryoverCore

extension Entry {
    /// Whom the audit journal names for storing this entry: the portal for
    /// what came from it, else `nil` (the store's own principal, the acting
    /// person), never a name the entry itself carries.
    package var auditPrincipal: String? { viaPortal ? Entry.portalRecorder : nil }
}

extension StoreError {
    /// A portal form sent again: its entry is stored already.
    package static func submittedBefore() -> StoreError {
        StoreError(
            .duplicate, "This form was sent before and its entry is stored; nothing was added.")
    }
}
