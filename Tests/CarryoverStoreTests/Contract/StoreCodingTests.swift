import CarryoverCore
import Foundation
import Testing

@testable import CarryoverStore

@Suite struct StoreCodingTests {
    struct TokenState: Codable, Equatable {
        var balance: Int
        var lastDraw: Date
        var vetoed: [String]
    }

    @Test func codableValuesRoundTripThroughValue() throws {
        let state = TokenState(balance: 12, lastDraw: Fixture.t0, vetoed: ["r-1"])
        let value = try Value(encoding: state)
        // Dates are seconds since 1970 (Fixture.t0 = 1,772,323,200 s).
        #expect(value == ["balance": 12, "lastDraw": 1_772_323_200, "vetoed": ["r-1"]])
        #expect(try value.decode(as: TokenState.self) == state)
    }

    @Test func aValueOfAnotherShapeIsACorruptStoredValue() async {
        await expectStoreError(.corrupt) { _ = try Value.string("x").decode(as: TokenState.self) }
    }

    @Test func nonFiniteNumbersAreRefusedNotStoredAsNull() async {
        await expectStoreError(.invalidInput) { _ = try StoreCoding.encode(["x": Double.nan]) }
    }

    @Test func theCurrentUserHasAName() {
        #expect(!Principal.currentUser().name.isEmpty)
    }
}
