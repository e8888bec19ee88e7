import CarryoverCore

/// What a homework plugin's sandbox holds before the plugin runs: the DSL
/// prelude, then the host's data (`InstrumentTable`). The engine, the
/// plugin test runner and lint's list of globals all start from here, so
/// they cannot drift apart.
package enum HomeworkEnvironment {
    /// Loads the prelude and the host's data into `sandbox`.
    static func prepare(_ sandbox: Sandbox) throws {
        try sandbox.load(trusted: HomeworkPrelude.compiled)
        try sandbox.load(trusted: InstrumentTable.compiled)
    }

    /// The globals a plugin (or, with `forTests`, a spec file) can use: read
    /// from a prepared sandbox itself, so the list matches what plugins get.
    package static func globalNames(forTests: Bool) throws -> Set<String> {
        let sandbox = try Sandbox(
            plugin: "lint", clock: FixedClock(LuaTestRunner.testInstant), seed: 0)
        try prepare(sandbox)
        if forTests {
            try sandbox.load(LuaTestLibrary.source, chunkName: LuaTestLibrary.chunkName)
        }
        let names = try sandbox.load(
            "local names = {} for name in next, _G do names[#names + 1] = name end return names",
            chunkName: "globals")
        return Set((names.array ?? []).compactMap(\.string))
    }
}
