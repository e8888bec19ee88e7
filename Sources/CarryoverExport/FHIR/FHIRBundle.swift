import CarryoverCore

/// Writes a client's plan as a FHIR R4 Bundle of type `collection` (JSON).
///
/// Every resource gets a `urn:uuid:` full URL made from the patient's
/// pseudonym, the resource type and the engine's id (UUID version 5), so
/// references resolve inside the bundle and re-exports keep the same ids.
public enum FHIRBundle {
    /// The Bundle as canonical JSON (keys sorted).
    public static func json(_ export: CarePlanExport) throws -> String {
        try bundle(export).canonicalJSON()
    }

    /// The Bundle as a JSON-shaped value.
    public static func bundle(_ export: CarePlanExport) throws -> Value {
        let statuses = ["draft", "active", "on-hold", "revoked", "completed"]
        guard statuses.contains(export.planStatus) else {
            throw ExportError(
                .invalidInput,
                "A care plan's status must be one of \(statuses.joined(separator: ", ")).")
        }
        guard export.scores.allSatisfy({ $0.points.allSatisfy { $0.value.isFinite } }) else {
            throw ExportError(
                .invalidInput, "A homework score is not a finite number; fix the score.")
        }
        var builder = FHIRResources(export: export)
        builder.build()
        return [
            "resourceType": "Bundle",
            "id": .string(builder.ids.uuid("Bundle", export.planID)),
            "type": "collection",
            "entry": .array(
                builder.entries.map { ["fullUrl": .string($0.fullURL), "resource": $0.resource] }),
        ]
    }
}

/// Deterministic resource ids for one patient.
struct FHIRIds {
    let pseudonym: String

    func uuid(_ type: String, _ id: String) -> String {
        NameBasedUUID.v5("carryover:\(pseudonym)/\(type)/\(id)")
    }

    func reference(_ type: String, _ id: String) -> Value {
        ["reference": .string("urn:uuid:" + uuid(type, id))]
    }
}
