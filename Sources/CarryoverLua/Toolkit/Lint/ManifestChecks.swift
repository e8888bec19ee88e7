/// Lint checks of `homework.toml`: required keys, id and version shapes, and
/// that the files it names exist inside the folder.
struct ManifestChecks {
    let folder: PluginFolder

    private var manifest: PluginManifest { folder.manifest }

    func findings() -> [LintFinding] {
        var findings: [LintFinding] = []
        func add(_ severity: LintFinding.Severity, _ key: String, _ message: String, _ hint: String)
        {
            findings.append(
                LintFinding(
                    severity, file: PluginManifest.fileName, line: manifest.line(of: key), message,
                    hint: hint))
        }
        for entry in manifest.entries where !PluginManifest.knownKeys.contains(entry.key) {
            add(
                .warning, entry.key, "unknown key '\(entry.key)'",
                "the keys are id, version, title, main, tests")
        }
        for key in ["id", "version", "title", "main"] where manifest.text(key) == nil {
            add(.error, key, "'\(key)' is missing (a quoted string)", "add \(key) = \"...\"")
        }
        if let id = manifest.text("id"), !Self.isReverseDNS(id) {
            add(
                .error, "id", "id '\(id)' is not reverse-DNS",
                "use lower case and dots, e.g. org.clinic.worry-time")
        }
        if let version = manifest.text("version"), !Self.isSemver(version) {
            add(
                .error, "version", "version '\(version)' is not semantic",
                "use MAJOR.MINOR.PATCH, e.g. 1.0.0")
        }
        if let main = manifest.text("main"), folder.missingFiles.contains(main) {
            add(.error, "main", "main file '\(main)' is missing", "create it, or fix the path")
        }
        let tests = manifest.list("tests")
        if tests.isEmpty {
            add(.warning, "tests", "no tests are listed", "add tests = [\"tests/<name>_spec.lua\"]")
        }
        for test in tests where folder.missingFiles.contains(test) {
            add(
                .error, "tests", "test file '\(test)' is missing",
                "create it, or remove it from tests")
        }
        return findings
    }

    /// The DSL's id rule: lower-case labels joined by dots, at least two.
    static func isReverseDNS(_ id: String) -> Bool {
        let labels = id.split(separator: ".", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        return labels.count >= 2
            && labels.allSatisfy { !$0.isEmpty && $0.allSatisfy(allowed.contains) }
            && id.first?.isLetter == true && id.last.map(allowed.contains) == true
            && id.last != "-" && id.last != "_"
    }

    /// Semantic Versioning 2.0.0: three numbers without leading zeros, then an
    /// optional `-pre.release` and `+build`.
    static func isSemver(_ version: String) -> Bool {
        let (core, suffix) =
            version.firstIndex { $0 == "-" || $0 == "+" }.map {
                (version[..<$0], version[$0...])
            } ?? (Substring(version), "")
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        let suffixAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-+")
        return numbers.count == 3
            && numbers.allSatisfy { number in
                !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
                    && (number == "0" || number.first != "0")
            }
            && suffix.allSatisfy(suffixAllowed.contains) && suffix.count != 1
    }
}
