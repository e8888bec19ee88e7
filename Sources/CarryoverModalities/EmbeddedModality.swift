/// A built-in homework type carried in the binary: its manifest fields and
/// the text of every file in its folder under `Modalities/`.
public struct EmbeddedModality: Sendable, Hashable {
    /// The folder name under `Modalities/`, e.g. `thought-record`.
    public let folder: String
    /// Homework type id from `homework.toml`.
    public let id: String
    public let version: String
    public let title: String
    /// Path of the Lua file that declares the homework type.
    public let main: String
    /// Paths of the Lua test files, in the manifest's order.
    public let tests: [String]
    /// Every file of the folder: path relative to the folder -> text.
    public let files: [String: String]

    package init(
        folder: String, id: String, version: String, title: String, main: String, tests: [String],
        files: [String: String]
    ) {
        self.folder = folder
        self.id = id
        self.version = version
        self.title = title
        self.main = main
        self.tests = tests
        self.files = files
    }

    /// The Lua source of the homework type (checked present at build time).
    public var mainSource: String { files[main] ?? "" }
}

/// The built-in homework types, generated at build time from `Modalities/`.
public enum ModalityCatalogue {
    /// Every built-in homework type, ordered by folder name.
    public static let all: [EmbeddedModality] = generatedModalities

    /// The built-in homework type with `id`, if there is one.
    public static func modality(id: String) -> EmbeddedModality? {
        all.first { $0.id == id }
    }
}

extension EmbeddedModality: CustomStringConvertible {
    /// `id version (folder)`: short enough for logs and test names.
    public var description: String { "\(id) \(version) (\(folder))" }
}
