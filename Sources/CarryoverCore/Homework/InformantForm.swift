/// An informant version of a homework type's form: what someone who knows
/// the client (a parent, a teacher) answers about them, declared with
/// `informant = { title = ..., instructions = ..., fields = { ... } }`.
///
/// Its entries are kept apart from the client's own: no hook of the plugin
/// runs on them, they have no scores and never count for the completion rule.
public struct InformantForm: Sendable, Hashable {
    public var title: String
    /// What the informant is asked, in their words.
    public var instructions: String
    public var fields: [FieldSpec]

    public init(title: String, instructions: String, fields: [FieldSpec]) {
        self.title = title
        self.instructions = instructions
        self.fields = fields
    }
}
