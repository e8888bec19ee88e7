import CarryoverCore
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverLua

/// The Lua the runtime carries lives in .lua files, embedded at build time by
/// the EmbedLuaFiles plugin: each constant is its file's exact text and
/// compiles as a Lua text chunk.
@Suite struct EmbeddedLuaTests {
    static let files: [(path: String, text: String)] = [
        ("Sandbox/sandbox_prelude.lua", EmbeddedLua.sandboxPrelude),
        ("Homework/homework_prelude.lua", EmbeddedLua.homeworkPrelude),
        ("Homework/test_library.lua", EmbeddedLua.testLibrary),
        ("Homework/carryover_types.lua", EmbeddedLua.carryoverTypes),
    ]

    @Test(arguments: files.map(\.path))
    func eachConstantIsItsFilesText(path: String) throws {
        let file = PackageRoot.url.appendingPathComponent("Sources/CarryoverLua/\(path)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(Self.files.first { $0.path == path }?.text == text)
    }

    /// The definitions file is never run by the engine; it must still parse.
    @Test(arguments: files.map(\.path))
    func eachFileCompiles(path: String) throws {
        let sandbox = try makeSandbox("function syntax(source) return select(2, load(source)) end")
        let text = try #require(Self.files.first { $0.path == path }?.text)
        #expect(try sandbox.call("syntax", [.string(text)]) == .null)
    }

    /// Every .lua file of the target is one of the constants above.
    @Test func noLuaFileIsLeftOut() throws {
        let folder = PackageRoot.url.appendingPathComponent("Sources/CarryoverLua")
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        let found = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".lua") }.sorted()
        #expect(found == Self.files.map(\.path).sorted())
    }
}
