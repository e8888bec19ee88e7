import CarryoverCore
import CarryoverLua

/// The checks behind `carryover plugin lint`: manifest, declaration, hooks,
/// instructions and globals, each finding with file, line, severity and a fix.
public enum PluginLinter {
    /// Every finding for `folder`, errors first, then by file and line.
    public static func lint(_ folder: PluginFolder) -> [LintFinding] {
        var findings = ManifestChecks(folder: folder).findings()
        if let main = folder.main {
            findings += DeclarationChecks(main: main, manifest: folder.manifest).findings()
            findings += globalFindings(main, known: pluginGlobals, sealed: true)
        }
        for spec in folder.specs {
            findings += globalFindings(spec, known: testGlobals, sealed: false)
        }
        return findings.sorted {
            ($0.severity, $0.file, $0.line, $0.message) < (
                $1.severity, $1.file, $1.line, $1.message
            )
        }
    }

    /// Whether any finding is an error.
    public static func hasErrors(_ findings: [LintFinding]) -> Bool {
        findings.contains { $0.severity == .error }
    }

    private static let pluginGlobals =
        (try? SandboxGlobals.names(forTests: false)) ?? []
    private static let testGlobals =
        (try? SandboxGlobals.names(forTests: true)) ?? []

    /// Unknown global reads, and global writes (errors inside functions of a
    /// sealed plugin, where they fail at call time; warnings at top level).
    static func globalFindings(_ source: LuaSource, known: Set<String>, sealed: Bool)
        -> [LintFinding]
    {
        let uses = GlobalScanner.uses(in: LuaLexer.tokens(source.text))
        let topLevelDefinitions = Set(
            uses.filter { $0.isAssignment && !$0.insideFunction }.map(\.name))
        var findings: [LintFinding] = []
        var reported: Set<String> = []
        for use in uses {
            if use.isAssignment {
                guard sealed, !known.contains(use.name) else { continue }
                findings.append(
                    LintFinding(
                        use.insideFunction ? .error : .warning, file: source.path, line: use.line,
                        use.insideFunction
                            ? "assigns global '\(use.name)' inside a function; globals are read-only once the plugin is loaded"
                            : "defines global '\(use.name)'",
                        hint: "declare it local: local \(use.name) = ..."))
            } else if !known.contains(use.name), !topLevelDefinitions.contains(use.name),
                reported.insert(use.name).inserted
            {
                let suggestion = Suggestions.closest(to: use.name, among: Array(known), limit: 1)
                    .first
                    .map { "did you mean '\($0)'?" }
                findings.append(
                    LintFinding(
                        .error, file: source.path, line: use.line,
                        "uses global '\(use.name)', which the sandbox does not provide",
                        hint: SandboxGlobals.hint(for: use.name) ?? suggestion
                            ?? "declare it local, or pass it in as a param"))
            }
        }
        return findings
    }
}
