import CarryoverLua

/// LuaLS (lua-language-server) definitions of the homework DSL, the sandbox
/// globals and the test library, so editors complete and check plugin code.
///
/// Carried in the binary: `carryover plugin new` writes it as
/// `carryover.d.lua` next to the scaffold and points `.luarc.json` at it.
public enum LuaTypeDefinitions {
    /// The file name `plugin new` writes.
    public static let fileName = "carryover.d.lua"

    /// The text of `carryover.d.lua` (LuaLS annotations, `---@meta`), kept in
    /// CarryoverLua's Homework/carryover_types.lua.
    public static let source = EmbeddedLua.carryoverTypes
}
