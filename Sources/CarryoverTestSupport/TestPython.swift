import Foundation
import Testing

/// The project's Python for independent validators (iCalendar, FHIR, JSON
/// Schema) and other test tools: `.venv/bin/python3`, made with pinned
/// packages by `make test-tools` (which `make test` runs first).
///
/// `CARRYOVER_TEST_PYTHON` points elsewhere when set. A test that needs a
/// package the interpreter lacks fails and names `make test-tools`; it never
/// passes silently.
package enum TestPython {
    /// What a script printed and how it exited.
    package struct Result: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String

        package init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// The exit status a check script uses for "a package is missing".
    package static let missingPackageStatus: Int32 = 3

    /// The interpreter the tests run.
    package static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["CARRYOVER_TEST_PYTHON"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return PackageRoot.url.appendingPathComponent(".venv/bin/python3")
    }

    /// Runs `script` (Python source) with `arguments` as `sys.argv[1...]`,
    /// writing `input` to its standard input.
    package static func run(_ script: String, arguments: [String] = [], input: Data? = nil) throws
        -> Result
    {
        let folder = try TemporaryFolder(prefix: "carryover-python")
        let scriptURL = folder.url.appendingPathComponent("check.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        return try run(file: scriptURL, arguments: arguments, input: input)
    }

    /// Runs the Python file at `scriptURL` (a suite kept in the repository,
    /// such as Tests/Browser/portal_browser.py) with `arguments`.
    package static func run(file scriptURL: URL, arguments: [String] = [], input: Data? = nil)
        throws -> Result
    {
        let python = executable
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            return Result(
                status: missingPackageStatus,
                stdout: "no test Python at \(python.path); run 'make test-tools'", stderr: "")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [scriptURL.path] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (
            stdin, stdout, stderr
        )
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: input ?? Data())
        try stdin.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot fill one and block.
        let errData = ReadInBackground(stderr.fileHandleForReading)
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    /// Writes `contents` to a temporary file whose path is the script's
    /// `sys.argv[1]` (then `arguments`), runs the script, and returns what it
    /// printed; records a test failure and returns `nil` unless it exited 0.
    package static func check(
        _ script: String, file contents: String, suffix: String, arguments: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String? {
        let folder = try TemporaryFolder(prefix: "carryover-python-input")
        let input = folder.url.appendingPathComponent("input" + suffix)
        try contents.write(to: input, atomically: true, encoding: .utf8)
        let result = try run(script, arguments: [input.path] + arguments)
        expectSuccess(result, sourceLocation: sourceLocation)
        return result.status == 0 ? result.stdout : nil
    }

    /// Records a test failure unless the script exited 0; says how to install
    /// the test tools when a package was missing.
    package static func expectSuccess(
        _ result: Result, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if result.status == missingPackageStatus {
            Issue.record("\(result.stdout)", sourceLocation: sourceLocation)
        } else if result.status != 0 {
            Issue.record(
                "Python check failed (\(result.status)): \(result.stdout)\n\(result.stderr)",
                sourceLocation: sourceLocation)
        }
    }

    /// The lines a check script starts with: the imports it needs, exiting
    /// with ``missingPackageStatus`` when one is missing.
    package static func imports(_ modules: String) -> String {
        """
        import sys
        try:
            import \(modules)
        except ImportError as error:
            print(f"missing Python package ({error.name}); run 'make test-tools'")
            sys.exit(\(missingPackageStatus))

        """
    }
}

/// Reads a pipe to its end on another thread.
private final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
