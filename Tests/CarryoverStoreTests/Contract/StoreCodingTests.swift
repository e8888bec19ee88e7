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

    struct Shapes: Codable, Equatable {
        enum Kind: Codable, Equatable {
            case daily(every: Int)
            case never
        }
        var kinds: [Kind]
        var byDay: [Int: Double]
        var absent: String?
        var null: Int?
        var progress: Value
        var ratio: Float
        var small: UInt8
    }

    /// Decoding straight from a value gives what JSONDecoder gives from the
    /// value's JSON text (the path it replaced), case for case.
    @Test func decodingFromAValueEqualsDecodingItsJSON() throws {
        let shapes = Shapes(
            kinds: [.daily(every: 2), .never], byDay: [1: 0.5, 7: 3], absent: nil, null: nil,
            progress: ["step": 2, "score": 2.5, "notes": [.null, "x"]], ratio: 0.25,
            small: 200)
        let assignment = Fixture.assignment()
        // An optional stored as null (JSONEncoder leaves a nil out) reads as nil.
        var members = try #require(try Value(encoding: shapes).object)
        members["null"] = .null
        let value = Value.object(members)
        func viaJSON<T: Decodable>(_ type: T.Type, _ value: Value) throws -> T {
            try StoreCoding.decode(type, from: try StoreCoding.encode(value), what: "value")
        }
        #expect(try value.decode(as: Shapes.self) == (try viaJSON(Shapes.self, value)))
        #expect(try value.decode(as: Shapes.self) == shapes)
        let stored = try Value(encoding: assignment)
        #expect(try stored.decode(as: Assignment.self) == (try viaJSON(Assignment.self, stored)))
        #expect(try stored.decode(as: Assignment.self) == assignment)
        // A whole number written with a fraction reads as one; a fraction does not.
        #expect(try Value.double(3).decode(as: Int.self) == 3)
        #expect(throws: StoreError.self) { try Value.double(3.5).decode(as: Int.self) }
        #expect(throws: StoreError.self) { try Value.int(300).decode(as: UInt8.self) }
        #expect(throws: StoreError.self) { try Value.object([:]).decode(as: TokenState.self) }
    }

    /// No flags are "[]" without JSONEncoder, the bytes JSONEncoder writes;
    /// flags are JSONEncoder's text; no list stays no list.
    @Test func flagsAreStoredAsJSONEncoderWritesThem() throws {
        let flags = [
            PluginFlag(level: .risk, code: "phq9-item9", message: "Item 9 answered 2"),
            PluginFlag(level: .attention, code: "low", message: "Low / mood"),
        ]
        #expect(try StoreCoding.flagsJSON([]) == "[]")
        #expect(try StoreCoding.flagsJSON([]) == StoreCoding.encode([PluginFlag]()))
        #expect(try StoreCoding.flagsJSON(flags) == StoreCoding.encode(flags))
        #expect(try StoreCoding.flagsJSON(nil) == nil)
        #expect(try StoreCoding.flags(StoreCoding.flagsJSON(flags), what: "flags") == flags)
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
