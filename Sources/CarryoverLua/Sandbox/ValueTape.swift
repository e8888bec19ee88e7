import CLua
import CLuaSandbox
import CarryoverCore

/// Swift values flattened into operations that C replays inside a protected
/// call (see `clua_replay` in the shim), so building Lua tables and strings
/// under the memory cap can never raise through a Swift frame.
///
/// Objects are written in sorted key order, so the tables Lua sees are built
/// the same way on every run.
struct ValueTape {
    private(set) var ops: [clua_op] = []
    private(set) var bytes: [UInt8] = []
    private var size = 0
    private let limits: SandboxLimits
    private let plugin: String

    init(limits: SandboxLimits, plugin: String) {
        self.limits = limits
        self.plugin = plugin
    }

    mutating func string(_ text: String) {
        let offset = bytes.count
        bytes.append(contentsOf: text.utf8)
        append(CLUA_OP_STRING, offset: offset, length: bytes.count - offset)
    }

    mutating func integer(_ value: Int64) {
        append(CLUA_OP_INT, integer: value)
    }

    /// Appends `value`; `path` names it in errors (e.g. `arguments[1].scores[2]`).
    /// It is built only when an error needs it: building it for every
    /// member was most of the conversion's cost (carryover-bench).
    mutating func value(_ value: Value, path: @autoclosure () -> String, depth: Int = 0)
        throws(SandboxError)
    {
        size += 16
        switch value {
        case .null:
            append(CLUA_OP_NIL)
        case .bool(let flag):
            append(CLUA_OP_BOOL, integer: flag ? 1 : 0)
        case .int(let number):
            integer(number)
        case .double(let number):
            guard number.isFinite else { throw conversionError("\(path()) is not a finite number") }
            append(CLUA_OP_NUMBER, number: number)
        case .string(let text):
            size += text.utf8.count
            string(text)
        case .array(let elements):
            try checkDepth(depth, path: path())
            append(CLUA_OP_TABLE, integer: Int64(elements.count))
            for (index, element) in elements.enumerated() {
                // A nil element would leave a hole that no longer reads as an array.
                guard element != .null else {
                    throw conversionError(
                        "\(path())[\(index + 1)] is null; Lua arrays cannot hold nil")
                }
                try self.value(element, path: "\(path())[\(index + 1)]", depth: depth + 1)
                append(CLUA_OP_SET_INDEX, integer: Int64(index + 1))
            }
        case .object(let members):
            try checkDepth(depth, path: path())
            append(CLUA_OP_TABLE, length: members.count)
            for key in members.keys.sorted() {
                size += key.utf8.count
                string(key)
                try self.value(members[key]!, path: ValuePath.member(path(), key), depth: depth + 1)
                append(CLUA_OP_SET_FIELD)
            }
        }
        guard size <= limits.maxValueBytes else {
            throw conversionError("\(path()) is larger than \(limits.maxValueBytes) bytes")
        }
    }

    /// One operation; unused fields stay zero (see `clua_op` for their use).
    private mutating func append(
        _ kind: Int, integer: Int64 = 0, number: Double = 0, offset: Int = 0, length: Int = 0
    ) {
        ops.append(
            clua_op(
                kind: Int32(kind), integer: integer, number: number, offset: offset,
                length: length))
    }

    /// Runs `body` with a C view of the tape, valid only during the call.
    func withTape<Result>(_ body: (UnsafeMutablePointer<clua_tape>) -> Result) -> Result {
        ops.withUnsafeBufferPointer { opBuffer in
            bytes.withUnsafeBufferPointer { byteBuffer in
                byteBuffer.withMemoryRebound(to: CChar.self) { characters in
                    var tape = clua_tape(
                        ops: opBuffer.baseAddress, count: opBuffer.count,
                        bytes: characters.baseAddress, next: 0)
                    return body(&tape)
                }
            }
        }
    }

    private func checkDepth(_ depth: Int, path: @autoclosure () -> String) throws(SandboxError) {
        guard depth < limits.maxDepth else {
            throw conversionError("\(path()) is nested deeper than \(limits.maxDepth) levels")
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
