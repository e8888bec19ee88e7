import Foundation

/// The parts of a homework type's `homework.toml` a pack checks: identity and
/// the files it names. The DSL module owns the rest of the format.
public struct HomeworkManifest: Sendable, Hashable {
    /// The manifest's file name inside a homework folder.
    public static let fileName = "homework.toml"

    public let id: String
    public let version: SemanticVersion
    public let title: String
    /// The Lua file, relative to the homework folder.
    public let main: String
    /// Plugin test files, relative to the homework folder.
    public let tests: [String]

    /// Parses `homework.toml`; `file` names it in messages.
    public init(parsing data: Data, file: String) throws(PackError) {
        let fields = try TOMLFields(data, file: file)
        id = try fields.string("id")
        version = try fields.version("version")
        title = try fields.string("title")
        main = try fields.string("main")
        tests = try fields.strings("tests")
        for path in [main] + tests { try PackPath.validate(path) }
    }

    /// Checks that `entry` in `pack.toml` agrees with this manifest and that
    /// every file it names is in the pack (`paths`, relative to the pack root).
    func check(against entry: PackManifest.Homework, paths: Set<String>) throws(PackError) {
        guard id == entry.id, version == entry.version else {
            throw PackError(
                .invalidManifest,
                "pack.toml lists \(entry.id) \(entry.version) but \(entry.path)/homework.toml says "
                    + "\(id.prefix(80)) \(version); make them agree")
        }
        for file in [main] + tests where !paths.contains(entry.path + "/" + file) {
            throw PackError(
                .invalidManifest,
                "\(entry.path)/homework.toml names \(file), which is not in the pack")
        }
    }
}
