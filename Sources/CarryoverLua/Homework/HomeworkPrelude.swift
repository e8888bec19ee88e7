/// The Lua side of the homework DSL (homework_prelude.lua), loaded into each plugin's sandbox before
/// the plugin: `homework { ... }`, `field.<kind>(...)`, and the `plugin` table
/// whose functions the engine reaches through the global `carryover_hook`.
///
/// It checks a declaration where the author wrote it (errors carry the
/// plugin's file and line), keeps the hook functions in its own locals, and
/// hands plain data to Swift (functions cannot cross). Results of hooks are
/// checked here too, so Swift only ever sees well-shaped data.
///
/// `package`: the benchmarks load the same
/// prelude into a bare Lua state as their baseline.
package enum HomeworkPrelude {
    /// The chunk name errors in the prelude carry.
    package static let chunkName = "carryover-prelude"

    /// The DSL prelude's source: reading_checks.lua then homework_prelude.lua (embedded at
    /// build time), one chunk, so the reading support stays local.
    package static let source =
        EmbeddedLua.readingChecks + "\n" + EmbeddedLua.homeworkPrelude

    /// The source compiled once per process (each plugin's state loads it as bytecode).
    static let compiled = TrustedChunk(source: source, name: "=" + chunkName)
}
