import Testing

@testable import CarryoverLua

@Test func runsOnLua54() {
    #expect(luaVersion == "5.4")
}
