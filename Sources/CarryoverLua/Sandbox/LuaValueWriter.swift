import CLua
import CLuaSandbox
import CarryoverCore

/// Pushes Swift values onto the Lua stack with direct C-API calls, as the
/// arguments of a protected entry point (see `clua_push_entry`).
///
/// The runner calls it between `clua_begin_host_push` and
/// `clua_end_host_push`: while the host pushes, the allocator refuses
/// nothing, so no call can raise through this Swift frame. The size of what
/// is pushed is bounded here instead (`maxValueBytes`, `maxStringBytes`,
/// `maxDepth`), and the runner checks the memory cap right after.
struct LuaValueWriter {
    private let state: OpaquePointer
    private let limits: SandboxLimits
    private let plugin: String
    private var size = 0
    /// Object members in sorted key order (the error path's second try, so
    /// the error reported is the same whatever order a dictionary has).
    private var sortingKeys = false
    /// How many values this writer put on the stack (the entry's arguments).
    private(set) var count: Int32 = 0

    init(state: OpaquePointer, limits: SandboxLimits, plugin: String) {
        self.state = state
        self.limits = limits
        self.plugin = plugin
    }

    /// Pushes text as it is (a source, a chunk or function name): only the
    /// string limit applies.
    mutating func push(text: String) throws(SandboxError) {
        guard text.utf8.count <= limits.maxStringBytes else {
            throw SandboxError(
                .memoryLimit, plugin: plugin,
                message: "a string longer than the \(limits.maxStringBytes)-byte limit was refused")
        }
        pushString(text)
        count += 1
    }

    /// Pushes one of the host's compiled chunks (a light userdata: no copy).
    mutating func push(chunk: TrustedChunk) {
        lua_pushlightuserdata(state, UnsafeMutableRawPointer(mutating: chunk.pointer))
        count += 1
    }

    /// Pushes `value`; `path` names it in errors (e.g. `arguments[1].scores[2]`).
    /// On an error nothing of the value stays on the stack.
    mutating func push(_ value: Value, path: @autoclosure () -> String) throws(SandboxError) {
        let base = lua_gettop(state)
        let sizeBefore = size
        do {
            try write(value, path: path(), sizePath: path(), insideObject: false, depth: 0)
        } catch {
            lua_settop(state, base)
            guard !sortingKeys else { throw error }
            // Again in sorted key order, for the same error on every run.
            sortingKeys = true
            size = sizeBefore
            defer {
                lua_settop(state, base)
                sortingKeys = false
            }
            try write(value, path: path(), sizePath: path(), insideObject: false, depth: 0)
            throw error
        }
        count += 1
    }

    /// `sizePath` is the part of `path` that does not depend on member
    /// order (inside an object the size limit may be reached in any member).
    /// Paths are built only when an error needs them.
    private mutating func write(
        _ value: Value, path: @autoclosure () -> String, sizePath: @autoclosure () -> String,
        insideObject: Bool, depth: Int
    ) throws(SandboxError) {
        size += 16
        switch value {
        case .null:
            lua_pushnil(state)
        case .bool(let flag):
            lua_pushboolean(state, flag ? 1 : 0)
        case .int(let number):
            lua_pushinteger(state, number)
        case .double(let number):
            guard number.isFinite else { throw conversionError("\(path()) is not a finite number") }
            lua_pushnumber(state, number)
        case .string(let text):
            size += text.utf8.count
            try checkSize(sizePath())
            guard text.utf8.count <= limits.maxStringBytes else {
                throw SandboxError(
                    .memoryLimit, plugin: plugin,
                    message:
                        "\(path()) is longer than the \(limits.maxStringBytes)-byte string limit")
            }
            pushString(text)
        case .array(let elements):
            try checkDepth(depth, path: path())
            lua_createtable(state, Int32(clamping: elements.count), 0)
            for (index, element) in elements.enumerated() {
                // A nil element would leave a hole that no longer reads as an array.
                if case .null = element {
                    throw conversionError(
                        "\(path())[\(index + 1)] is null; Lua arrays cannot hold nil")
                }
                try write(
                    element, path: "\(path())[\(index + 1)]",
                    sizePath: insideObject ? sizePath() : "\(path())[\(index + 1)]",
                    insideObject: insideObject, depth: depth + 1)
                lua_rawseti(state, -2, lua_Integer(index + 1))
            }
        case .object(let members):
            try checkDepth(depth, path: path())
            lua_createtable(state, 0, Int32(clamping: members.count))
            if sortingKeys {
                for key in members.keys.sorted() {
                    try writeMember(
                        key, members[key]!, of: path(), sizePath: sizePath(), depth: depth)
                }
            } else {
                for (key, member) in members {
                    try writeMember(key, member, of: path(), sizePath: sizePath(), depth: depth)
                }
            }
        }
        try checkSize(sizePath())
    }

    private mutating func writeMember(
        _ key: String, _ member: Value, of path: @autoclosure () -> String,
        sizePath: @autoclosure () -> String, depth: Int
    ) throws(SandboxError) {
        size += key.utf8.count
        try checkSize(sizePath())
        pushString(key)
        try write(
            member, path: ValuePath.member(path(), key), sizePath: sizePath(), insideObject: true,
            depth: depth + 1)
        lua_rawset(state, -3)
    }

    private func pushString(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = lua_pushlstring(state, bytes.baseAddress, bytes.count)
        }
    }

    private func checkSize(_ path: @autoclosure () -> String) throws(SandboxError) {
        guard size <= limits.maxValueBytes else {
            throw conversionError("\(path()) is larger than \(limits.maxValueBytes) bytes")
        }
    }

    private func checkDepth(_ depth: Int, path: @autoclosure () -> String) throws(SandboxError) {
        guard depth < limits.maxDepth else {
            throw conversionError("\(path()) is nested deeper than \(limits.maxDepth) levels")
        }
        guard lua_checkstack(state, 3) != 0 else {
            throw conversionError("\(path()) is nested too deeply for the Lua stack")
        }
    }

    private func conversionError(_ message: String) -> SandboxError {
        SandboxError(.conversion, plugin: plugin, message: message)
    }
}

/// How conversion errors name a place inside a value.
enum ValuePath {
    /// `path.key` for identifier-like keys, `path["key"]` otherwise.
    static func member(_ path: String, _ key: String) -> String {
        let identifier =
            !key.isEmpty && key.utf8.count <= 40
            && key.unicodeScalars.allSatisfy {
                // ASCII ranges, not `properties.isAlphabetic`: that Unicode
                // table lookup was a fifth of every hook call (carryover-bench).
                $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                    || ("0"..."9").contains($0)
            }
            && !("0"..."9").contains(key.unicodeScalars.first!)
        if identifier { return "\(path).\(key)" }
        return "\(path)[\"\(key.prefix(40))\"]"
    }
}
