import Testing

@testable import CarryoverSQLite
@testable import CarryoverStore

@Test func sqliteIsRecentEnoughForWAL() throws {
    let parts = try sqliteVersion().split(separator: ".").compactMap { Int($0) }
    #expect(parts.count >= 2)
    #expect(parts[0] == 3 && parts[1] >= 35)
}
