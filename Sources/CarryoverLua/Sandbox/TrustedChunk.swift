import CLuaSandbox
import Foundation

/// One of the host's own Lua chunks (a prelude, the instrument table),
/// compiled once per process and kept as bytecode.
///
/// Parsing the preludes was most of the cost of each new sandbox state: a
/// state built per plugin load, and again per client scope. Only the host's
/// embedded source is compiled here; a plugin's code, and `load` inside the
/// sandbox, are never loaded as bytecode (Docs/sandbox.md).
final class TrustedChunk: @unchecked Sendable {
    /// The chunk name errors carry (with its leading `=`).
    let name: String
    /// The compiled chunk; the process keeps it (never freed, never written).
    let pointer: UnsafePointer<clua_chunk>

    /// Compiles `source`; a syntax error in the host's own Lua is a build mistake.
    init(source: String, name: String) {
        self.name = name
        let chunk = UnsafeMutablePointer<clua_chunk>.allocate(capacity: 1)
        let status = source.withCString { text in
            clua_compile_trusted(text, source.utf8.count, name, chunk)
        }
        precondition(status == 0, "the host's Lua chunk \(name) does not compile")
        pointer = UnsafePointer(chunk)
        Self.counter.add()
    }

    /// Host chunks compiled so far in this process (the tests hold it at one per chunk).
    static var compilations: Int { counter.value }
    private static let counter = Counter()

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    /// The sandbox prelude (sandbox_prelude.lua), run by every new state's setup.
    static let sandboxPrelude = TrustedChunk(
        source: EmbeddedLua.sandboxPrelude, name: "=" + ErrorText.preludeName)
}
