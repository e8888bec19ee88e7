import CLua

/// The Lua version this runtime is built against (from the system headers).
public let luaVersion: String = "\(LUA_VERSION_MAJOR).\(LUA_VERSION_MINOR)"
