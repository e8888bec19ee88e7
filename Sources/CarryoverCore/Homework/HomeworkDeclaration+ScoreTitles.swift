extension HomeworkDeclaration {
    /// What people read for a score: the title the type declares for it,
    /// else the label of the field of the same name, else the name in words
    /// ("emotion_change" becomes "Emotion change").
    public func scoreTitle(_ name: String) -> String {
        if let title = scoreTitles[name] { return title }
        if let field = fields.first(where: { $0.name == name }), field.label != name {
            return field.label
        }
        return ScoreTitles.words(name)
    }
}

/// A homework type's scores in the order it declares them, with their titles,
/// so every list of scores for people reads in the author's order and words.
public struct ScoreTitles: Sendable, Hashable {
    /// Declared score names, in order.
    public let names: [String]
    private let titles: [String: String]

    /// No declaration at hand: names as they are, in name order.
    public init() {
        names = []
        titles = [:]
    }

    public init(_ declaration: HomeworkDeclaration) {
        self.init(DeclaredHomework(declaration))
    }

    /// The scores an assignment kept of its homework type's declaration.
    public init(_ declared: DeclaredHomework) {
        names = declared.scores.map(\.name)
        titles = Dictionary(
            declared.scores.map { ($0.name, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// The title of `name`; a name the type does not declare in words.
    public func title(_ name: String) -> String { titles[name] ?? Self.words(name) }

    /// `names` in declared order, undeclared ones after them by name.
    public func ordered(_ names: some Sequence<String>) -> [String] {
        let position = Dictionary(uniqueKeysWithValues: self.names.enumerated().map { ($1, $0) })
        return names.sorted {
            (position[$0] ?? Int.max, $0) < (position[$1] ?? Int.max, $1)
        }
    }

    /// "emotion_change" -> "Emotion change".
    static func words(_ name: String) -> String {
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
