import CLua
import CarryoverManifest
import Foundation

/// One folder under `Modalities/`: its manifest, files, and what is wrong.
struct ModalityFolder {
    let name: String
    /// The manifest, when it has no problem.
    let manifest: HomeworkManifest?
    /// Path relative to the folder -> text, sorted by path when written.
    let files: [String: String]
    let problems: [String]

    static func readAll(in root: URL) throws -> [ModalityFolder] {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { !$0.hasPrefix(".") }
            .filter { isDirectory(root.appending(path: $0)) }
            .sorted()
        return try names.map { try ModalityFolder(folder: root.appending(path: $0)) }
    }

    init(folder: URL) throws {
        name = folder.lastPathComponent
        var files: [String: String] = [:]
        var problems: [String] = []
        for path in try Self.relativeFiles(below: folder) {
            let url = folder.appending(path: path)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append("\(url.path): error: not UTF-8 text")
                continue
            }
            files[path] = text
            if path.hasSuffix(".lua"), let problem = LuaSyntax.check(text, path: url.path) {
                problems.append(problem)
            }
        }
        let manifestPath = folder.appending(path: HomeworkManifest.fileName).path
        var manifest: HomeworkManifest?
        if let text = files[HomeworkManifest.fileName] {
            // The same reading and rules as `carryover plugin lint` and packs.
            let reading = ManifestReading(text, file: manifestPath)
            let found = reading.problems + reading.missingFiles { files[$0] != nil }
            problems += found.map { "\(manifestPath):\($0.line): error: \($0.message)" }
            manifest = found.isEmpty ? reading.manifest : nil
        } else {
            problems.append("\(manifestPath):1: error: every modality needs a homework.toml")
        }
        self.manifest = manifest
        self.files = files
        self.problems = problems
    }

    private static func isDirectory(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
    }

    private static func relativeFiles(below folder: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .filter { !isDirectory(folder.appending(path: $0)) }
            .sorted()
    }
}

/// Syntax check with the real Lua parser, text mode only (as the sandbox loads).
enum LuaSyntax {
    /// `file:line: error: message` for a syntax error, or `nil`.
    static func check(_ source: String, path: String) -> String? {
        guard let state = luaL_newstate() else { return "\(path):1: error: cannot start Lua" }
        defer { lua_close(state) }
        let bytes = Array(source.utf8)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(bytes.count, 1)) {
                luaL_loadbufferx(state, $0, bytes.count, "@\(path)", "t")
            }
        }
        guard status != LUA_OK else { return nil }
        let message = clua_tostring(state, -1).map { String(cString: $0) } ?? "syntax error"
        // Lua writes "<path>:<line>: <message>"; keep the line, add "error:".
        let prefix = "\(path):"
        guard message.hasPrefix(prefix),
            let colon = message.dropFirst(prefix.count).firstIndex(of: ":")
        else { return "\(path):1: error: \(message)" }
        let line = message[message.index(message.startIndex, offsetBy: prefix.count)..<colon]
        return
            "\(path):\(line): error: \(message[message.index(after: colon)...].drop { $0 == " " })"
    }
}
