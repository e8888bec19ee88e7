import CLua

/// The Lua version this runtime is built against (from the system headers).
package let luaVersion: String = "\(LUA_VERSION_MAJOR).\(LUA_VERSION_MINOR)"
