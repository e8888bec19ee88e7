import CarryoverCore

/// Puts declaration errors at a line of the plugin's file.
///
/// Lua cannot name the caller's line when the plugin ends in a tail call
/// (`return homework { ... }`), so such errors arrive without a place; they
/// are put at the line of `homework`, where the declaration starts.
struct DeclarationLocator {
    let source: String
    let file: String

    /// The line where `homework {` or `homework(` first appears (1 when absent).
    var declarationLine: Int {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { line in
            let code = line.drop { $0 == " " || $0 == "\t" }
            let afterReturn =
                code.hasPrefix("return ") ? code.dropFirst(7).drop { $0 == " " } : code
            guard afterReturn.hasPrefix("homework") else { return false }
            let next = afterReturn.dropFirst(8).drop { $0 == " " }.first
            return next == "{" || next == "("
        }
        return (index ?? 0) + 1
    }

    /// `error` with the plugin's file and the declaration's line when it has no place.
    func placed(_ error: SandboxError) -> SandboxError {
        guard error.code == .runtime, error.line == nil || error.file != file else { return error }
        return SandboxError(
            error.code, plugin: error.plugin, file: file, line: declarationLine,
            message: error.message)
    }

    /// Every param default must pass its own field's checks.
    func checkDefaults(of declaration: HomeworkDeclaration) throws {
        let defaults = declaration.params.compactMap { param in
            param.defaultValue.map { (param.name, $0) }
        }
        let problems = FieldValidator.validate(
            .object(Dictionary(uniqueKeysWithValues: defaults)),
            against: declaration.params.map { param in
                var optional = param
                optional.optional = true
                return optional
            })
        guard let problem = problems.first else { return }
        throw SandboxError(
            .runtime, plugin: file, file: file, line: declarationLine,
            message: "homework: the default of param \(problem.field) \(problem.message)")
    }
}
