import CarryoverCore

/// Checks both stores make before writing, so they refuse the same things
/// with the same messages.
package enum StoreChecks {
    /// Ids are printable, at most 200 characters, no control characters.
    package static func id(_ id: String, _ kind: String) throws {
        // Printable ASCII (every id the importer derives) needs no Unicode
        // property lookup: an import's writer checked each line's id that way.
        if id.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), (1...200).contains(id.utf8.count) {
            return
        }
        guard !id.isEmpty, id.count <= 200,
            !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw StoreError(
                .invalidInput,
                "A \(kind) id must be 1 to 200 printable characters; choose another id.")
        }
    }

    /// A supporter's entry must come from a supporter of the entry's client.
    package static func supporterOwner(_ owner: String?, of entry: Entry) throws {
        guard let supporterID = entry.supporterID else { return }
        guard let owner else { throw StoreError.notFound("supporter", supporterID) }
        guard owner == entry.clientID else {
            throw StoreError(
                .conflict,
                "Entry '\(entry.id)' names supporter '\(supporterID)' of another client; "
                    + "only the client's own supporters send entries for them.")
        }
    }

    package static func clientChange(_ kind: String, _ id: String) -> StoreError {
        StoreError(
            .conflict,
            "The \(kind) '\(id)' belongs to another client and cannot move; "
                + "create a new \(kind) for this client instead.")
    }

    /// The entry must belong to its assignment's client and homework type.
    package static func entry(_ entry: Entry, of assignment: Assignment) throws {
        try id(entry.id, "entry")
        guard entry.clientID == assignment.clientID else {
            throw StoreError(
                .conflict,
                "Entry '\(entry.id)' names another client than its assignment "
                    + "'\(assignment.id)'; log it under the assignment's client.")
        }
        guard entry.homeworkType == assignment.homeworkType else {
            throw StoreError(
                .conflict,
                "Entry '\(entry.id)' is of another homework type than its assignment "
                    + "'\(assignment.id)'; log it under the right assignment.")
        }
        guard (entry.source == .supporter) == (entry.supporterID != nil),
            entry.kind == .homework || entry.source == .supporter,
            entry.kind != .informant || !entry.counts,
            entry.quality.map(QualityRating.scale.contains) ?? true
        else {
            throw StoreError(
                .invalidInput,
                "Entry '\(entry.id)' must name its supporter exactly when a supporter sent it, "
                    + "and only a supporter's entry is a confirmation or an informant form.")
        }
        guard entry.performedAt.timeIntervalSince1970.isFinite,
            entry.scores.values.allSatisfy(\.isFinite)
        else {
            throw StoreError(
                .invalidInput,
                "Entry '\(entry.id)' has a time or score that is not a finite number.")
        }
    }
}

extension StoreChecks {
    /// A batch must start after the last committed line (two runs of one import at once).
    package static func batchBehind(_ progress: ImportProgress) -> StoreError {
        StoreError(
            .conflict,
            "Lines up to \(progress.lastLine) of this file are already imported (another import "
                + "of it ran at the same time?); run the import again to resume.")
    }
}

extension StoreChecks {
    package static func entryElsewhere(_ entryID: String, _ assignmentID: String) -> StoreError {
        StoreError(
            .conflict,
            "Entry '\(entryID)' belongs to another assignment than '\(assignmentID)'; "
                + "check the entry id.")
    }

    /// A correction must start from the entry as stored, which must not be void.
    package static func correction(_ correction: EntryCorrection, of entry: Entry) throws {
        guard !entry.voided else {
            throw StoreError(
                .conflict,
                "Entry '\(entry.id)' is void and cannot be corrected again; log a new entry instead."
            )
        }
        guard correction.revision == entry.revision else {
            throw StoreError(
                .conflict,
                "Entry '\(entry.id)' was corrected by someone else meanwhile; look at it again "
                    + "with 'carryover entry show' and retry.")
        }
        guard !correction.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(
                .invalidInput, "A correction needs a reason; it is kept with the entry's history.")
        }
        if correction.action == .amend, correction.fields == nil {
            throw StoreError(.invalidInput, "An amendment needs the entry's new fields.")
        }
    }

    package static func acknowledgement(ids: [Int], note: String) throws {
        guard !ids.isEmpty, Set(ids).count == ids.count else {
            throw StoreError(.invalidInput, "Name each flag to acknowledge once.")
        }
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(
                .invalidInput,
                "Say what was done about the flag (--note); it is kept with the acknowledgement.")
        }
    }

    package static func alreadyAcknowledged(_ flag: RaisedFlag) -> StoreError {
        StoreError(
            .conflict,
            "Flag \(flag.id) was already acknowledged by \(flag.acknowledgement?.by ?? "someone"); "
                + "see 'carryover flags list --all'.")
    }

    /// An assignment saved with a client must be that client's.
    package static func assignments(_ assignments: [Assignment], of client: Client) throws {
        if let other = assignments.first(where: { $0.clientID != client.id }) {
            throw clientChange("assignment", other.id)
        }
    }
}
