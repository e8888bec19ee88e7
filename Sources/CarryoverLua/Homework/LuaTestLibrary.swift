/// The Lua side of plugin tests, in the style of busted and luassert:
/// `describe`, `it`, `before_each` and `assert.are.same(expected, actual)`.
///
/// Loaded after the prelude and the plugin, before the spec files. Spec files
/// register cases; `LuaTestRunner` then runs each case in its own call (so
/// each gets its own instruction budget) through `carryover_run_test(index)`.
enum LuaTestLibrary {
    static let chunkName = "carryover-testing"

    /// The library's source (test_library.lua, embedded at build time).
    static let source = EmbeddedLua.testLibrary
}
