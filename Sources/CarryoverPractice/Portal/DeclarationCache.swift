import CarryoverCore
import CarryoverLua
import Synchronization

/// Homework declarations (title, instructions, fields) kept for the life of
/// the process, so a portal form does not start a Lua state just to read
/// its fields.
///
/// A declaration is what the plugin's source declares, the same for every
/// client, so it is keyed by the source itself (its text, id, version and
/// origin) and the sandbox limits it was loaded under: a changed or
/// reinstalled pack is a new key. The lookup of the source still goes
/// through the catalogue every time, so a revoked or removed pack is
/// refused at once, as before. No client's data is ever in a declaration.
final class DeclarationCache: Sendable {
    /// The cache every practice of this process shares.
    static let shared = DeclarationCache()

    private struct Key: Hashable {
        let source: HomeworkSource
        let limits: SandboxLimits
    }

    private let declarations = Mutex<[Key: HomeworkDeclaration]>([:])

    /// The declaration of `source`, loaded by `load` the first time only.
    func declaration(
        of source: HomeworkSource, limits: SandboxLimits,
        load: () throws -> HomeworkDeclaration
    ) rethrows -> HomeworkDeclaration {
        let key = Key(source: source, limits: limits)
        if let known = declarations.withLock({ $0[key] }) { return known }
        let loaded = try load()
        declarations.withLock { $0[key] = loaded }
        return loaded
    }
}
