import CarryoverLua
import CarryoverManifest

/// Lint checks of `homework.toml`: every problem the shared manifest rules
/// find (the same ones the build tool and packs apply), the files it names,
/// and whether it lists tests.
struct ManifestChecks {
    let folder: PluginFolder

    func findings() -> [LintFinding] {
        var findings = (folder.manifest.problems + folder.missingFiles).map { problem in
            LintFinding(
                .error, file: HomeworkManifest.fileName, line: problem.line, problem.problem,
                hint: problem.fix)
        }
        if folder.manifest.tests.isEmpty {
            findings.append(
                LintFinding(
                    .warning, file: HomeworkManifest.fileName,
                    line: folder.manifest.line(of: "tests"), "no tests are listed",
                    hint: "add tests = [\"tests/<name>_spec.lua\"]"))
        }
        return findings
    }
}
