import CarryoverTestSupport
import Foundation
import Testing

/// What one run of the `carryover` binary left behind.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Standard error's lines, without the empty one after the last newline.
    var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }

    /// Standard output parsed as JSON (objects and arrays as Foundation types).
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    }

    /// Standard output as one JSON object; records an issue if it is not one.
    func object(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try #require(try json() as? [String: Any], sourceLocation: sourceLocation)
    }

    /// Standard output as a JSON array of objects.
    func objects(sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        try #require(try json() as? [[String: Any]], sourceLocation: sourceLocation)
    }
}

/// Finds and runs the built `carryover` binary as a child process.
///
/// The binary is looked up, in order: `$CARRYOVER_BIN`; next to the running
/// test bundle (on Linux `swift test` runs `<bin>/CarryoverPackageTests.xctest`
/// from the build's bin folder, on macOS the `.xctest` bundle lives there);
/// then `.build/debug/carryover` under the package root. The test target
/// depends on the `carryover` product, so `swift build --build-tests` builds it.
enum CarryoverBinary {
    static let url: URL? = {
        let manager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["CARRYOVER_BIN"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        let bundles =
            [Bundle.main] + Bundle.allBundles.filter { $0.bundleURL.pathExtension == "xctest" }
        for bundle in bundles {
            candidates.append(
                bundle.bundleURL.deletingLastPathComponent().appending(path: "carryover"))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        candidates.append(executable.deletingLastPathComponent().appending(path: "carryover"))
        candidates.append(PackageRoot.url.appending(path: ".build/debug/carryover"))
        return candidates.first { manager.isExecutableFile(atPath: $0.path) }
    }()

    /// The binary, or a failed requirement that says how to get one.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(
            url, "build carryover first (swift build --build-tests) or set CARRYOVER_BIN",
            sourceLocation: sourceLocation)
    }
}

/// A private practice folder and the environment every run in a test shares.
///
/// Each test gets its own temporary folder and a fixed clock, so tests run in
/// parallel and replay the same days every time.
final class CLIFixture {
    let scratch: TemporaryFolder
    var root: URL { scratch.url }
    var environment: [String: String]

    /// The practice folder (not created: call `initialise()` or run `init`).
    var practice: URL { root.appending(path: "practice") }

    init(now: String = "2026-11-30T08:00:00Z") throws {
        scratch = try TemporaryFolder(prefix: "carryover-cli")
        let inherited = ProcessInfo.processInfo.environment
        environment = [
            "PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": scratch.url.path,
            "LANG": "C.UTF-8",
        ]
        environment["CARRYOVER_PRACTICE"] = root.appending(path: "practice").path
        environment["CARRYOVER_NOW"] = now
    }

    /// Runs `carryover arguments...`, with `input` on standard input (empty by
    /// default, never a terminal) and `environment` changes on top of the fixture's.
    @discardableResult
    func run(
        _ arguments: [String], input: String = "", now: String? = nil,
        environment extra: [String: String] = [:]
    ) throws -> CLIResult {
        try launch(
            try CarryoverBinary.require(), arguments, input: input, now: now, environment: extra)
    }

    /// Runs `executable` in the fixture's folder and environment and waits for it.
    func launch(
        _ executable: URL, _ arguments: [String], input: String = "", now: String? = nil,
        environment extra: [String: String] = [:]
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = environment
        if let now { environment["CARRYOVER_NOW"] = now }
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.currentDirectoryURL = root
        // Files, not pipes: a chatty child can never block on a full pipe buffer.
        let id = UUID().uuidString
        let inURL = root.appending(path: "\(id).in")
        let outURL = root.appending(path: "\(id).out")
        let errURL = root.appending(path: "\(id).err")
        try Data(input.utf8).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let stdin = try FileHandle(forReadingFrom: inURL)
        let stdout = try FileHandle(forWritingTo: outURL)
        let stderr = try FileHandle(forWritingTo: errURL)
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
            for url in [inURL, outURL, errURL] { try? FileManager.default.removeItem(at: url) }
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Runs a command that must succeed, recording stderr if it does not.
    @discardableResult
    func ok(
        _ arguments: [String], input: String = "", now: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIResult {
        let result = try run(arguments, input: input, now: now)
        #expect(
            result.status == 0, "carryover \(arguments.joined(separator: " ")): \(result.stderr)",
            sourceLocation: sourceLocation)
        return result
    }

    /// Writes `text` to a file in the fixture's folder, making the folders
    /// `name` passes through, and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = root.appending(path: name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
