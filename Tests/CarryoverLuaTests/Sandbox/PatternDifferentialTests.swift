import CLua
import CarryoverCore
import Testing

@testable import CarryoverLua

/// The sandbox's pattern functions are a metered copy of Lua 5.4.4's
/// matcher: on thousands of generated subjects and patterns (NUL bytes,
/// `%z`, anchors, captures, balances, frontiers, back references, malformed
/// patterns), find, match, gmatch and gsub give exactly what the system's
/// own string library gives, errors included.
@Suite struct PatternDifferentialTests {
    static let probe = #"""
        local function show(...)
          local parts = {}
          for i = 1, select("#", ...) do
            local v = select(i, ...)
            parts[i] = type(v) == "string" and string.format("%q", v) or tostring(v)
          end
          return table.concat(parts, ",")
        end
        function probe(s, p, init)
          local out = { show(pcall(string.find, s, p, init)), show(pcall(string.match, s, p, init)),
            show(pcall(string.find, s, p, init, true)) }
          local ok, it = pcall(string.gmatch, s, p, init)
          if ok then
            for _ = 1, 12 do
              local r = table.pack(pcall(it))
              out[#out + 1] = show(table.unpack(r, 1, r.n))
              if not r[1] or r[2] == nil then break end
            end
          else
            out[#out + 1] = show(ok, it)
          end
          out[#out + 1] = show(pcall(string.gsub, s, p, "<%0>", init))
          out[#out + 1] = show(pcall(string.gsub, s, p, function(a) if a == "a" then return "A" end end))
          out[#out + 1] = show(pcall(string.gsub, s, p, { a = "T", b = false }))
          -- Hex, so that captures of half a UTF-8 sequence cross too.
          return (table.concat(out, " | "):gsub(".", function(c) return string.format("%02x", c:byte()) end))
        end
        """#

    static let subjectPieces = [
        "a", "b", "ab", " ", "(", ")", "\0", "x", "1", "%", "^", "$", "aa", "é",
    ]
    static let patternPieces = [
        "a", "b", ".", "%a", "%d", "%s", "%z", "%Z", "[ab]", "[^a]", "[%a-]", "[a-c]", "[]]",
        "[^]a]",
        "*", "+", "-", "?", "(", ")", "()", "%b()", "%f[%a]", "%f[%z]", "%1", "%0", "^", "$", "\0",
        "%", "[", "%x", "%w", "%p", "%c", "%u", "%l", "%g", "x", "%^",
    ]

    @Test func matchesTheSystemLibraryOnGeneratedCases() throws {
        let bare = try BareState(Self.probe)
        let sandbox = try makeSandbox(Self.probe)
        var random = SeededRandom(seed: 20_250_601)
        var differences: [String] = []
        for _ in 0..<3000 {
            let subject = (0..<Int.random(in: 0..<9, using: &random)).map { _ in
                Self.subjectPieces[Int.random(in: 0..<Self.subjectPieces.count, using: &random)]
            }.joined()
            let pattern = (0..<Int.random(in: 0..<7, using: &random)).map { _ in
                Self.patternPieces[Int.random(in: 0..<Self.patternPieces.count, using: &random)]
            }.joined()
            let initial = Int64.random(in: -2...4, using: &random)
            let expected = bare.probe(subject, pattern, initial)
            let actual: Value
            do {
                actual = try sandbox.call(
                    "probe", [.string(subject), .string(pattern), .int(initial)])
            } catch {
                Issue.record(
                    "\(subject.debugDescription) \(pattern.debugDescription) \(initial): \(error)")
                continue
            }
            if actual.string != expected {
                differences.append(
                    "\(subject.debugDescription) \(pattern.debugDescription) \(initial)")
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }
}

/// A plain Lua state with the standard libraries: the reference.
private final class BareState {
    private let state: OpaquePointer

    init(_ source: String) throws {
        state = luaL_newstate()!
        luaL_openlibs(state)
        guard luaL_loadstring(state, source) == LUA_OK, clua_pcall(state, 0, 0, 0) == LUA_OK else {
            throw SandboxError(.syntax, plugin: "bare", message: "probe does not load")
        }
    }

    deinit { lua_close(state) }

    func probe(_ subject: String, _ pattern: String, _ initial: Int64) -> String? {
        lua_settop(state, 0)
        _ = lua_getglobal(state, "probe")
        for text in [subject, pattern] {
            var text = text
            text.withUTF8 { _ = lua_pushlstring(state, $0.baseAddress, $0.count) }
        }
        lua_pushinteger(state, initial)
        guard clua_pcall(state, 3, 1, 0) == LUA_OK else { return nil }
        var length = 0
        let pointer = lua_tolstring(state, -1, &length)!
        return String(
            decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
}
