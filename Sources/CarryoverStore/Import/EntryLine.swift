import CarryoverCore
import CarryoverErrors
import Crypto
import Foundation

/// One line of a JSON Lines import, checked and turned into an entry.
///
/// A line is an object: `{"id"?, "assignment", "performedAt", "loggedAt"?,
/// "fields", "scores"?}`, times in RFC 3339 with a zone. Problems name the
/// line's keys and fields, never their values (they are health data).
struct EntryLine {
    static let keys: Set<String> = [
        "id", "assignment", "performedAt", "loggedAt", "fields", "scores",
    ]

    let object: [String: Value]

    /// Parses the JSON and checks the line's own shape.
    init(bytes: [UInt8]) throws(LineProblem) {
        let value: Value
        do {
            value = try Value.parse(data: bytes)
        } catch {
            throw LineProblem("is not valid JSON")
        }
        guard case .object(let object) = value else { throw LineProblem("is not a JSON object") }
        if let unknown = object.keys.filter({ !Self.keys.contains($0) }).sorted().first {
            throw LineProblem("has an unknown key '\(unknown)'")
        }
        self.object = object
    }

    var assignmentID: String {
        get throws(LineProblem) { try text("assignment") }
    }

    /// Whether the line gives its entry's id (else the id comes from its content).
    var givesID: Bool { object["id"] != nil }

    /// The entry this line (number `line`) makes for `assignment`, after every check.
    ///
    /// - Throws: ``LineProblem`` for what is wrong with the line; a system
    ///   failure of the validator (a busy or unreadable store or pack) as it is,
    ///   since it says nothing about the line.
    func entry(
        for assignment: Assignment, line: Int, loggedAt now: Date, validator: EntryLineValidator
    ) throws -> ImportedEntry {
        let performedAt = try instant("performedAt")
        if let problem = Entry.performedAtProblem(performedAt, now: now) {
            throw LineProblem("key 'performedAt' \(problem)")
        }
        let loggedAt = object["loggedAt"] == nil ? now : try instant("loggedAt")
        guard case .object(let fields)? = object["fields"] else {
            throw LineProblem("key 'fields' should be an object")
        }
        try Self.check(fields, against: validator.fields(assignment))
        if let problem = try validator.check(assignment, .object(fields)).first {
            throw LineProblem(problem)
        }
        var scores = try scores()
        if object["scores"] == nil {
            do {
                scores = try validator.score(assignment, .object(fields))
            } catch let error as any CarryoverError where error.category.isSystemFailure {
                throw error
            } catch {
                throw LineProblem("the homework type could not score it")
            }
        }
        let flags: [PluginFlag]?
        do {
            flags = try validator.flags(assignment, .object(fields))
        } catch let error as any CarryoverError where error.category.isSystemFailure {
            throw error
        } catch {
            throw LineProblem("the homework type could not check it for flags")
        }
        let fieldsJSON = Value.object(fields).canonicalJSON()
        let id =
            givesID
            ? try text("id")
            : Self.contentID(
                assignment: assignment.id, performedAt: performedAt, fieldsJSON: fieldsJSON)
        let entry = Entry(
            id: id, assignmentID: assignment.id, clientID: assignment.clientID,
            homeworkType: assignment.homeworkType, homeworkVersion: assignment.homeworkVersion,
            performedAt: performedAt, loggedAt: loggedAt, fields: .object(fields),
            scores: scores, flags: flags, source: .import)
        return ImportedEntry(
            entry: entry, line: line, keyedByContent: !givesID, fieldsJSON: fieldsJSON)
    }

    /// The id of a line that gives none: from what makes it the same entry
    /// (its assignment, the instant it was performed, its fields), so the
    /// line gets the same id in any file and after any edit elsewhere in it.
    /// `fieldsJSON`: the canonical JSON of the fields.
    static func contentID(assignment: String, performedAt: Date, fieldsJSON: String) -> String {
        // The canonical JSON of [assignment, performedAt, fields]: an array
        // is its elements' own canonical JSON between commas, so the fields'
        // text, which the store writes too, is written once.
        let key =
            "[" + Value.string(assignment).canonicalJSON() + ","
            + Value.double(performedAt.timeIntervalSince1970).canonicalJSON() + "," + fieldsJSON
            + "]"
        return "imp-" + Hex.lowercase(SHA256.hash(data: Array(key.utf8)).prefix(16))
    }

    private static func check(_ fields: [String: Value], against specs: [String: FieldShape]?)
        throws(LineProblem)
    {
        guard let specs else { return }
        for (name, spec) in specs.sorted(by: { $0.key < $1.key }) {
            guard let value = fields[name], value != .null else {
                if spec.required { throw LineProblem("field '\(name)' is missing") }
                continue
            }
            if let problem = spec.problem(with: value) {
                throw LineProblem("field '\(name)' \(problem)")
            }
        }
        if let unknown = fields.keys.filter({ specs[$0] == nil }).sorted().first {
            throw LineProblem("field '\(unknown)' is not a field of this homework type")
        }
    }

    private func text(_ key: String) throws(LineProblem) -> String {
        guard case .string(let text)? = object[key], !text.isEmpty else {
            throw LineProblem("key '\(key)' should be a non-empty string")
        }
        return text
    }

    private func instant(_ key: String) throws(LineProblem) -> Date {
        let text = try text(key)
        do throws(StrictDate.Problem) {
            return try StrictDate.instant(text)
        } catch {
            throw LineProblem("key '\(key)' \(error)")
        }
    }

    private func scores() throws(LineProblem) -> [String: Double] {
        guard let value = object["scores"] else { return [:] }
        guard case .object(let members) = value else {
            throw LineProblem("key 'scores' should be an object of numbers")
        }
        var scores: [String: Double] = [:]
        for (name, score) in members {
            guard let number = score.number, number.isFinite else {
                throw LineProblem("score '\(name)' should be a number")
            }
            scores[name] = number
        }
        return scores
    }
}

/// Why a line was rejected (what is wrong, naming keys and fields only).
struct LineProblem: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
