import CarryoverCore
import CarryoverLua
import CarryoverManifest
import Foundation

/// Lint checks of the main Lua file: it loads with a valid declaration (the
/// DSL's own checks of fields, params and defaults), agrees with the
/// manifest, has real instructions, and its hooks are defined and known.
struct DeclarationChecks {
    let main: LuaSource
    let manifest: ManifestReading

    /// The keys `homework { ... }` accepts.
    static let identityKeys = ["id", "version", "title", "instructions"]
    static let dataKeys = ["fields", "params", "scores", "metadata", "informant"]
    static var knownKeys: [String] {
        identityKeys + dataKeys + HomeworkHook.allCases.map(\.rawValue)
    }

    func findings() -> [LintFinding] {
        let tokens = LuaLexer.tokens(main.text)
        let keys = Self.homeworkKeys(in: tokens)
        var findings = keyFindings(keys) + unusedHookFindings(tokens)
        do {
            let type = try HomeworkType(
                source: main.text, file: main.path, clock: FixedClock(LuaTestRunner.testInstant))
            findings += agreement(type.declaration) + hookFindings(keys, type.declaration)
        } catch let error as SandboxError {
            let unknownKey = keys.contains { key in
                !Self.knownKeys.contains(key.name)
                    && error.message.contains("unknown key '\(key.name)'")
            }
            if !unknownKey {
                findings.append(
                    LintFinding(
                        .error, file: error.file ?? main.path, line: error.line ?? 1,
                        "does not load: \(error.message)",
                        hint: error.code == .syntax
                            ? "fix the Lua syntax at this line"
                            : "see Docs/authoring for the homework { } and field.<kind> options"))
            }
        } catch {
            findings.append(
                LintFinding(
                    .error, file: main.path, line: 1, "does not load: \(error)",
                    hint: "check the file"))
        }
        return findings
    }

    private func finding(
        _ severity: LintFinding.Severity, _ line: Int, _ message: String, _ hint: String
    )
        -> LintFinding
    {
        LintFinding(severity, file: main.path, line: line, message, hint: hint)
    }

    /// Unknown keys in `homework { ... }`, with the closest known key.
    private func keyFindings(_ keys: [TableKey]) -> [LintFinding] {
        keys.filter { !Self.knownKeys.contains($0.name) }.map { key in
            let close = Suggestions.closest(to: key.name, among: Array(Self.knownKeys), limit: 1)
                .first
            return finding(
                .error, key.line, "homework { } has an unknown key '\(key.name)'",
                close.map { "did you mean '\($0)'?" }
                    ?? "the hooks are \(HomeworkHook.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }

    /// A hook key whose value turned out nil: the function it names is never defined.
    private func hookFindings(_ keys: [TableKey], _ declaration: HomeworkDeclaration)
        -> [LintFinding]
    {
        keys.compactMap { key in
            guard let hook = HomeworkHook(rawValue: key.name), !declaration.hooks.contains(hook)
            else {
                return nil
            }
            return finding(
                .error, key.line,
                "hook '\(key.name)' is declared but never defined (its value is nil)",
                "define the function before homework { }, e.g. local function \(key.name)(entry, params) ... end"
            )
        }
    }

    /// `local function score(...)` that `homework { }` never receives.
    private func unusedHookFindings(_ tokens: [LuaToken]) -> [LintFinding] {
        var findings: [LintFinding] = []
        for index in tokens.indices.dropLast(2)
        where tokens[index].isKeyword("local") && tokens[index + 1].isKeyword("function") {
            let name = tokens[index + 2]
            guard HomeworkHook(rawValue: name.text) != nil else { continue }
            let uses = tokens.filter { $0.kind == .name && $0.text == name.text }.count
            if uses == 1 {
                findings.append(
                    finding(
                        .warning, name.line,
                        "hook function '\(name.text)' is defined but never given to homework { }",
                        "add \(name.text) = \(name.text) to homework { }"))
            }
        }
        return findings
    }

    /// The manifest and the declaration name the same type; instructions say something.
    private func agreement(_ declaration: HomeworkDeclaration) -> [LintFinding] {
        var findings: [LintFinding] = []
        for (key, declared) in [
            ("id", declaration.id), ("version", declaration.version), ("title", declaration.title),
        ] {
            if let listed = manifest.texts[key], listed != declared {
                findings.append(
                    LintFinding(
                        .error, file: HomeworkManifest.fileName, line: manifest.line(of: key),
                        "\(key) '\(listed)' differs from the plugin's \(key) '\(declared)'",
                        hint: "make homework.toml and homework { } agree"))
            }
        }
        let line =
            Self.homeworkKeys(in: LuaLexer.tokens(main.text)).first { $0.name == "instructions" }?
            .line ?? 1
        let instructions = declaration.instructions.trimmingCharacters(in: .whitespacesAndNewlines)
        if instructions.isEmpty {
            findings.append(
                finding(
                    .error, line, "instructions are empty",
                    "tell the client what to do, in their words"))
        } else if instructions.count < 20 {
            findings.append(
                finding(
                    .warning, line,
                    "instructions are very short (\(instructions.count) characters)",
                    "say what to do, when, and how long it takes"))
        }
        return findings
    }

    /// A key of the `homework { ... }` table and its line.
    struct TableKey: Hashable {
        var name: String
        var line: Int
    }

    /// The keys at the top level of the first `homework { ... }` (or `homework({ ... })`).
    static func homeworkKeys(in tokens: [LuaToken]) -> [TableKey] {
        guard
            let start = tokens.indices.first(where: { index in
                tokens[index].kind == .name && tokens[index].text == "homework"
                    && tokens.indices.contains(index + 1)
                    && (tokens[index + 1].isSymbol("{")
                        || (tokens[index + 1].isSymbol("(") && tokens.indices.contains(index + 2)
                            && tokens[index + 2].isSymbol("{")))
            })
        else { return [] }
        let open = tokens[start + 1].isSymbol("{") ? start + 1 : start + 2
        // Brackets and the block keywords that pair with `end` (or `until`).
        let opensBlock: Set = ["{", "(", "[", "function", "if", "do", "repeat"]
        let closesBlock: Set = ["}", ")", "]", "end", "until"]
        var keys: [TableKey] = []
        var depth = 0
        for index in open..<tokens.count {
            let token = tokens[index]
            if opensBlock.contains(token.text) && token.kind != .string {
                depth += 1
            } else if closesBlock.contains(token.text) && token.kind != .string {
                depth -= 1
                if depth == 0 { break }
            } else if depth == 1, token.kind == .name, index + 1 < tokens.count,
                tokens[index + 1].isSymbol("="),
                tokens[index - 1].isSymbol("{") || tokens[index - 1].isSymbol(",")
                    || tokens[index - 1].isSymbol(";")
            {
                keys.append(TableKey(name: token.text, line: token.line))
            }
        }
        return keys
    }
}
