import Foundation
import PackagePlugin

/// `swift package lint-modalities`: builds the package's own `carryover`
/// product and runs `carryover plugin lint` on every folder under
/// `Modalities/`, the way swift-argument-parser's GenerateManual plugin builds
/// and runs its product. So the built-in homework types are checked by the
/// same linter (and the same manifest rules) a plugin author gets.
///
/// `--configuration debug|release` picks the build (default: debug).
@main
struct LintModalities: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let configuration: PackageManager.BuildConfiguration =
            extractor.extractOption(named: "configuration").first == "release" ? .release : .debug
        let build = try packageManager.build(
            .product("carryover"), parameters: .init(configuration: configuration))
        guard build.succeeded,
            let carryover = build.builtArtifacts.first(where: {
                $0.kind == .executable && $0.url.lastPathComponent == "carryover"
            })
        else {
            Diagnostics.error("Building carryover failed:\n\(build.logText)")
            return
        }
        let root = context.package.directoryURL.appending(path: "Modalities")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        var failed: [String] = []
        for folder in folders {
            let process = Process()
            process.executableURL = carryover.url
            process.arguments = ["plugin", "lint", root.appending(path: folder).path]
            try process.run()
            process.waitUntilExit()
            if process.terminationReason != .exit || process.terminationStatus != 0 {
                failed.append(folder)
            }
        }
        if !failed.isEmpty {
            Diagnostics.error(
                "lint found errors in \(failed.joined(separator: ", ")) (listed above)")
        }
    }
}
