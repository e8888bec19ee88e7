import CarryoverTestSupport
import Foundation
import Testing

/// Every entry under a folder with its kind, mode and contents, so a test can
/// assert that a failed operation left it byte for byte unchanged.
func snapshot(_ root: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    while let relative = enumerator?.nextObject() as? String {
        let full = root.appendingPathComponent(relative).path
        let attributes = try FileManager.default.attributesOfItem(atPath: full)
        let kind = attributes[.type] as? FileAttributeType
        let mode = (attributes[.posixPermissions] as? Int).map { String($0, radix: 8) } ?? "?"
        let contents =
            kind == .typeRegular
            ? (try Data(contentsOf: URL(fileURLWithPath: full))).base64EncodedString() : ""
        result[relative] = "\(kind?.rawValue ?? "?") \(mode) \(contents)"
    }
    return result
}

/// Runs a program, returning its exit status and combined output.
@discardableResult
func run(_ program: String, _ arguments: [String], in folder: URL? = nil) throws -> (
    status: Int32, output: String
) {
    try runProgram(program, arguments, in: folder)
}

/// Runs stock GNU tar in `folder`, recording an issue when it fails.
@discardableResult
func tar(_ arguments: [String], in folder: URL, sourceLocation: SourceLocation = #_sourceLocation)
    throws -> String
{
    let result = try run("/bin/tar", arguments, in: folder)
    #expect(result.status == 0, "tar: \(result.output)", sourceLocation: sourceLocation)
    return result.output
}

/// The real signify binary, when installed (CI installs Debian's signify-openbsd).
let signifyPath: String? = ["/usr/bin/signify-openbsd", "/usr/bin/signify"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}
