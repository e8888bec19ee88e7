import Foundation
import Testing

@testable import CarryoverCore

@Suite struct ValueTests {
    @Test func canonicalJSONSortsKeys() throws {
        let value: Value = ["b": 1, "a": [true, nil, 2.5, "x"]]
        #expect(value.canonicalJSON() == #"{"a":[true,null,2.5,"x"],"b":1}"#)
    }

    @Test func parseKeepsIntegersAndFloatsApart() throws {
        let value = try Value.parse(json: #"{"n": 3, "x": 3.5, "t": true}"#)
        #expect(value["n"] == .int(3))
        #expect(value["x"] == .double(3.5))
        #expect(value["t"] == .bool(true))
    }

    @Test func seededRandomIsReproducible() {
        // SplitMix64 reference outputs for seed 0 (Vigna's splitmix64.c).
        var random = SeededRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
