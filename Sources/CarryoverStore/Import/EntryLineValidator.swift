import CarryoverCore

/// What the importer checks a line's fields against, given by its caller:
/// the homework type's field kinds (a quick structural check) and the
/// plugin's own `validate` hook.
public struct EntryLineValidator {
    /// The fields an assignment's homework type declares, or `nil` to skip
    /// the structural check.
    public var fields: (Assignment) -> [String: FieldShape]?
    /// Deeper checks (the plugin's `validate`); each problem names the field
    /// and never quotes its value. A thrown error stops the import (a system
    /// failure: a busy or unreadable store or pack).
    public var check: (Assignment, Value) throws -> [String]
    /// The scores of a valid entry (the plugin's `score`), used when the line
    /// gives none; a thrown error rejects the line, unless it is a
    /// `CarryoverError` whose category is a system failure: that stops the import.
    public var score: (Assignment, Value) throws -> [String: Double]
    /// The flags of a valid entry (the plugin's `flags`), stored with it so a
    /// risk in imported history is raised like a logged one; `nil` when not known.
    public var flags: (Assignment, Value) throws -> [PluginFlag]?

    public init(
        fields: @escaping (Assignment) -> [String: FieldShape]? = { _ in nil },
        check: @escaping (Assignment, Value) throws -> [String] = { _, _ in [] },
        score: @escaping (Assignment, Value) throws -> [String: Double] = { _, _ in [:] },
        flags: @escaping (Assignment, Value) throws -> [PluginFlag]? = { _, _ in nil }
    ) {
        self.fields = fields
        self.check = check
        self.score = score
        self.flags = flags
    }
}

/// A field's declared kind and whether it must be there.
public struct FieldShape: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case text, number, integer, boolean, date, dateTime, list, object, any
    }

    public var kind: Kind
    public var required: Bool

    public init(_ kind: Kind, required: Bool = false) {
        self.kind = kind
        self.required = required
    }

    /// Why `value` does not fit this spec, or `nil` when it does.
    func problem(with value: Value) -> String? {
        switch (kind, value) {
        case (.any, _), (.text, .string), (.number, .int), (.number, .double), (.integer, .int),
            (.boolean, .bool), (.list, .array), (.object, .object):
            return nil
        case (.date, .string(let text)):
            do throws(StrictDate.Problem) {
                _ = try StrictDate.date(text)
                return nil
            } catch { return error.description }
        case (.dateTime, .string(let text)):
            do throws(StrictDate.Problem) {
                _ = try StrictDate.instant(text)
                return nil
            } catch { return error.description }
        default:
            return "should be \(article) \(kind.rawValue)"
        }
    }

    private var article: String { kind == .integer || kind == .object || kind == .any ? "an" : "a" }
}
