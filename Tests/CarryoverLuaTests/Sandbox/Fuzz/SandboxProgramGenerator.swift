import CarryoverCore

/// Random Lua programs over everything the sandbox lets a plugin reach:
/// random library functions with random arguments (huge, empty, NUL-laden
/// and non-UTF-8 strings, extreme numbers, deep and huge tables, tables with
/// metamethods, frozen library tables, functions that never return,
/// coroutines), in loops, coroutines and nested pcalls, ending with a
/// random value to convert. The same seed gives the same programs.
struct SandboxProgramGenerator {
    var random: SeededRandom

    /// Every function of the allowed library, by the name a plugin uses.
    static let functions = [
        "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal",
        "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring", "type",
        "xpcall", "print", "load", "collectgarbage",
        "string.byte", "string.char", "string.find", "string.format", "string.gmatch",
        "string.gsub", "string.len", "string.lower", "string.match", "string.rep",
        "string.reverse", "string.sub", "string.upper",
        "table.concat", "table.insert", "table.move", "table.pack", "table.remove", "table.sort",
        "table.unpack",
        "math.abs", "math.ceil", "math.floor", "math.fmod", "math.max", "math.min", "math.modf",
        "math.random", "math.sqrt", "math.exp", "math.log", "math.sin", "math.cos", "math.tan",
        "math.asin", "math.acos", "math.atan", "math.tointeger", "math.type", "math.ult",
        "utf8.char", "utf8.codepoint", "utf8.codes", "utf8.len", "utf8.offset",
        "coroutine.create", "coroutine.resume", "coroutine.wrap", "coroutine.yield",
        "coroutine.status", "coroutine.running", "coroutine.isyieldable", "coroutine.close",
        "clock.now", "clock.today",
    ]

    /// Helpers every program starts with (the values below refer to them).
    static let helpers = """
        local V = {}
        local function spin() while true do end end
        local function grow() local t = {} for i = 1, 1e9 do t[i] = { i } end end
        local deep = {} do local t = deep for i = 1, 80 do t.next = {} t = t.next end end
        local cycle = { name = 'c' } cycle.self = cycle
        local meta = setmetatable({}, {
          __index = function(t, k) return k end, __newindex = function(t, k, v) rawset(t, k, v) end,
          __len = function() return 2^62 end, __tostring = function() return 'meta' end,
          __call = function(self, ...) return ... end, __eq = function() return true end,
          __lt = function() return true end, __le = function() return false end,
          __concat = function() return 'c' end, __close = function() end,
          __pairs = function(t) return next, { 1, 2 }, nil end, __name = 'Meta',
        })
        local stuck = setmetatable({}, { __index = function() while true do end end,
          __tostring = function() while true do end end, __len = function() while true do end end })
        """

    static let numbers = [
        "0", "-1", "1", "2", "7", "2^31", "2^53", "2^63", "-2^63", "math.maxinteger",
        "math.mininteger", "1e308", "-1e308", "0/0", "1/0", "-1/0", "3.5", "-0.0", "1e15", "255",
        "256", "0x10FFFF", "0x110000",
    ]
    static let sizes = ["0", "1", "7", "255", "4096", "65536", "2^20", "2^20 + 1", "2^24", "1e9"]
    static let strings = [
        "''", "'a'", "'\\0'", "'\\0a\\0'", "'\\255\\254'", "'é'", "'\\xF0\\x9F\\x98'", "'%d %s'",
        "'%q'", "'%p'", "'%'", "'%99.99f'", "'%5s|%-5d'", "'[a-'", "'(%w+)'", "'.-.-.-b'",
        "'%b()'", "'%f[%a]'", "'^a'", "'(()'", "'%1'", "'%z*'", "'\\0.-\\0'", "'x = 1'",
        "'return ...'", "'while true do end'", "'\\27Lua'", "'count'", "'collect'", "'n'",
        "'__index'", "'__gc'",
    ]
    static let tables = [
        "{}", "{ 1, 2, 3 }", "{ a = 1, b = {} }", "deep", "cycle", "meta", "stuck", "string", "_G",
        "math", "table", "coroutine", "utf8", "clock", "V", "{ n = 0/0 }", "{ [1] = 1, [3] = 3 }",
        "{ [true] = 1 }", "table.pack(1, nil, 3)", "getmetatable('')",
    ]
    static let functionValues = [
        "print", "spin", "grow", "function() end", "function(...) return ... end", "error",
        "string.rep", "coroutine.yield", "function() error({}) end", "function() return spin() end",
        "function(a, b) return a < b end", "tostring", "pcall",
    ]
    static let threads = [
        "coroutine.create(spin)",
        "coroutine.create(function(...) coroutine.yield(...) return ... end)",
        "coroutine.running()", "coroutine.create(grow)",
    ]

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// One program: the helpers, `run(...)` and `probe()`.
    mutating func program() -> String {
        let body = (0..<int(1...6)).map { _ in statement(depth: 0) }.joined(separator: "\n  ")
        return """
            \(Self.helpers)
            function run(...)
              \(body)
              return \(value(depth: 1))
            end
            function probe() return 42 end
            """
    }

    /// Random arguments for `run`.
    mutating func arguments() -> [Value] {
        (0..<int(0...3)).map { _ in
            switch int(0...6) {
            case 0: return .string(String(repeating: "x", count: int(0...70_000)))
            case 1: return .string("\u{0}\u{FFFD}é")
            case 2: return .int(Int64.random(in: .min ... .max, using: &random))
            case 3: return .double(Double.random(in: -1e300...1e300, using: &random))
            case 4: return .array((0..<int(0...200)).map { .int(Int64($0)) })
            case 5: return .object(["a": .object(["b": .array([.bool(true)])])])
            default: return .null
            }
        }
    }

    private mutating func statement(depth: Int) -> String {
        let slot = int(1...8)
        let choices = depth < 2 ? 11 : 6
        switch int(0..<choices) {
        case 0, 1:
            let (function, arguments) = call(depth: depth)
            return
                "V[\(slot)] = table.pack(pcall(\(function)\(arguments.isEmpty ? "" : ", ")\(arguments)))"
        case 2:
            let (function, arguments) = call(depth: depth)
            return "V[\(slot)] = \(function)(\(arguments))"
        case 3:
            return
                "pcall(function() V[\(slot)] = \(value(depth: depth)) .. \(value(depth: depth)) end)"
        case 4:
            return
                "pcall(function() (\(pick(Self.tables)))[\(value(depth: 2))] = \(value(depth: 2)) end)"
        case 5: return "pcall(error, \(value(depth: 2)), \(int(0...3)))"
        case 6: return "for i = 1, \(pick(Self.sizes)) do \(statement(depth: depth + 1)) end"
        case 7:
            return
                "pcall(function() \(statement(depth: depth + 1)) \(statement(depth: depth + 1)) end)"
        case 8:
            return """
                do local co = coroutine.wrap(function(...) \(statement(depth: depth + 1)) coroutine.yield(1) \
                \(statement(depth: depth + 1)) end) pcall(co) pcall(co) end
                """
        case 9:
            return
                "while \(int(0...3) == 0 ? "true" : "false") do \(statement(depth: depth + 1)) end"
        default:
            return
                "xpcall(function() \(statement(depth: depth + 1)) end, \(pick(Self.functionValues)))"
        }
    }

    /// A random library function and its random arguments.
    private mutating func call(depth: Int) -> (function: String, arguments: String) {
        let arguments = (0..<int(0...4)).map { _ in value(depth: depth + 1) }
        return (pick(Self.functions), arguments.joined(separator: ", "))
    }

    private mutating func value(depth: Int) -> String {
        switch int(0...9) {
        case 0, 1: return pick(Self.numbers)
        case 2, 3: return pick(Self.strings)
        case 4: return "('\(pick(["x", "\\0", "ab", "\\255", "é", "%"]))'):rep(\(pick(Self.sizes)))"
        case 5: return pick(Self.tables)
        case 6: return pick(Self.functionValues)
        case 7: return pick(Self.threads)
        case 8: return pick(["nil", "true", "false", "V[\(int(1...8))]"])
        default:
            if depth < 3 { return "\(pick(Self.functions))(\(value(depth: depth + 1)))" }
            return
                "(function() local t = {} for i = 1, \(pick(Self.sizes)) do t[i] = i end return t end)()"
        }
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }
    private mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func pick(_ list: [String]) -> String { list.randomElement(using: &random)! }
}
