import Foundation

/// The fixture's folder as a scratch space: for tests that make several
/// practices, keys, packs or plugin folders side by side.
extension CLIFixture {
    /// A path inside the fixture's folder (nothing is created).
    func path(_ name: String) -> String { root.appending(path: name).path }

    /// Runs a command in practice `practice`, a folder in the fixture's folder,
    /// named with `--practice` (which wins over `CARRYOVER_PRACTICE`).
    func run(_ arguments: [String], practice: String, now: String? = nil) throws -> CLIResult {
        try run(arguments + ["--practice", path(practice)], now: now)
    }

    /// Every file under `folder` with its bytes, but the database (opening
    /// it may checkpoint its log): equal snapshots mean no pack, pin or key
    /// was added, removed or changed.
    func snapshot(_ folder: String) -> [String: Data] {
        let base = root.appending(path: folder)
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard !url.lastPathComponent.hasPrefix("practice.sqlite"),
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            files[url.path.replacingOccurrences(of: base.path, with: "")] = data
        }
        return files
    }

    /// Copies a folder of the package (say `Examples/clinic-pack`) into the fixture's folder as `name`.
    func copy(_ packagePath: String, to name: String) throws {
        try FileManager.default.copyItem(
            at: packageRoot.appending(path: packagePath), to: root.appending(path: name))
    }

    /// Replaces `old` with `new` in a file of the fixture's folder; throws when `old` is not there.
    func edit(_ name: String, replacing old: String, with new: String) throws {
        let url = root.appending(path: name)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw EditNotApplied(file: name, text: old) }
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// Removes a file or folder from the fixture's folder.
    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: root.appending(path: name))
    }
}

/// A fixture edit found nothing to replace: the example changed under the test.
struct EditNotApplied: Error {
    let file, text: String
}
