import CarryoverCore
import CarryoverLua

/// Writes a fuzz failure as a busted-style test case for the plugin's spec file.
enum FuzzCaseWriter {
    static func testCase(for failure: FuzzFailure, seed: UInt64) -> String {
        let entry = LuaLiteral.render(failure.entry)
        let params = LuaLiteral.render(failure.params)
        let title = "fuzz seed \(seed) run \(failure.run): \(failure.hook) \(failure.kind.rawValue)"
        guard failure.kind != .acceptedInvalid else {
            // Field checks run in the engine, not in Lua: report, do not paste.
            return """
                -- Not a plugin bug: report this input to the Carryover maintainers.
                -- entry = \(entry)
                -- params = \(params)
                """
        }
        return """
            it(\(LuaLiteral.quote(title)), function()
              local entry = \(entry)
              local params = \(params)
            \(body(failure).map { "  " + $0 }.joined(separator: "\n"))
            end)
            """
    }

    /// The calls that reproduce the failure; a non-deterministic hook is
    /// asserted to give the same result twice.
    private static func body(_ failure: FuzzFailure) -> [String] {
        let call: String
        switch failure.hook {
        case "advance": call = "plugin.advance(plugin.advance(nil, entry, params), entry, params)"
        case "summarize": call = "plugin.summarize({ entry }, params)"
        default: call = "plugin.\(failure.hook)(entry, params)"
        }
        if failure.kind == .nonDeterministic {
            // One test state may repeat itself where two fresh ones did not
            // (pairs order follows a per-state hash seed): sort keys first.
            return [
                "-- differed between two fresh sandboxes; iterate over sorted keys, not pairs order",
                "assert.are.same(\(call), \(call))",
            ]
        }
        return ["-- \(failure.kind.rawValue): \(failure.message.prefix(160))", call]
    }
}
