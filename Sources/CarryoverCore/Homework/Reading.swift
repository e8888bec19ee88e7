/// Reading material a homework type shows before its check questions
/// (`readings = { ... }` in the DSL), as the host sees it: the text and which
/// field asks about which section, never the right answers (those stay in
/// the plugin's sandbox, which scores the answers).
public struct Reading: Sendable, Hashable {
    /// The reading's id, the value of the `reading` param that picks it.
    public var id: String
    public var title: String
    /// The text in Markdown; `##` headings mark the sections checks point to.
    public var markdown: String
    /// The check questions, in order: each a choice field of the type.
    public var checks: [Check]

    /// One check question: its field and the section that answers it.
    public struct Check: Sendable, Hashable {
        /// The name of the choice field that holds the client's answer.
        public var field: String
        /// The anchor of the section that answers it (see ``Reading/anchor(of:)``).
        public var section: String

        public init(field: String, section: String) {
            self.field = field
            self.section = section
        }
    }

    public init(id: String, title: String, markdown: String, checks: [Check]) {
        self.id = id
        self.title = title
        self.markdown = markdown
        self.checks = checks
    }

    /// A heading's anchor, as the DSL prelude computes it: ASCII letters and
    /// digits lower-cased, every other run of characters one hyphen, none at
    /// either end ("Why it helps" -> `why-it-helps`).
    public static func anchor(of heading: String) -> String {
        var anchor = ""
        var pendingHyphen = false
        for scalar in heading.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !anchor.isEmpty { anchor.append("-") }
                pendingHyphen = false
                anchor.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return anchor
    }
}

extension HomeworkDeclaration {
    /// The reading the assignment's `params` pick (the first without one);
    /// `nil` for a type without readings.
    public func reading(params: Value) -> Reading? {
        guard !readings.isEmpty else { return nil }
        let chosen = applyingParamDefaults(to: params)["reading"]?.string
        return readings.first { $0.id == chosen } ?? readings[0]
    }

    /// The declaration as one assignment sees it: only the reading its
    /// `params` pick and that reading's check questions, now required (the
    /// same as `self` for a type without readings). Forms and prompts are
    /// built from this.
    public func narrowed(toParams params: Value) -> HomeworkDeclaration {
        guard let chosen = reading(params: params) else { return self }
        var narrowed = self
        // Optional in the type (each reading has its own), required here.
        let asked = Set(chosen.checks.map(\.field))
        narrowed.fields = fields(params: params).map { field in
            var field = field
            if asked.contains(field.name) { field.optional = false }
            return field
        }
        narrowed.readings = [chosen]
        return narrowed
    }

    /// The fields a form for `params` shows: the check questions of other
    /// readings are left out (they are optional and the prelude rejects them).
    public func fields(params: Value) -> [FieldSpec] {
        guard let chosen = reading(params: params) else { return fields }
        let others = Set(
            readings.filter { $0.id != chosen.id }.flatMap { $0.checks.map(\.field) })
        return fields.filter { !others.contains($0.name) }
    }
}
