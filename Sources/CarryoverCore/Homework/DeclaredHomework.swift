/// What status and reports read of a homework type's declaration, kept with
/// the assignment when it is made or upgraded (as its title is), so a
/// client's status needs no plugin loaded.
public struct DeclaredHomework: Sendable, Hashable, Codable {
    /// A declared score and what people read for it.
    public struct Score: Sendable, Hashable, Codable {
        public var name: String
        public var title: String
    }

    /// The declared scores, in the type's order.
    public var scores: [Score]
    /// Whether the type keeps a progress state of its own (an `advance` hook).
    public var advances: Bool
    /// The params' declared defaults, by name.
    public var paramDefaults: [String: Value]

    public init(_ declaration: HomeworkDeclaration) {
        scores = declaration.scores.map { Score(name: $0, title: declaration.scoreTitle($0)) }
        advances = declaration.hooks.contains(.advance)
        paramDefaults = Dictionary(
            declaration.params.compactMap { param in param.defaultValue.map { (param.name, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// The params with every left-out param set to its default (see
    /// ``HomeworkDeclaration/applyingParamDefaults(to:)``).
    public func applyingParamDefaults(to given: Value) -> Value {
        HomeworkDeclaration.filling(given, defaults: paramDefaults.sorted { $0.key < $1.key })
    }
}
