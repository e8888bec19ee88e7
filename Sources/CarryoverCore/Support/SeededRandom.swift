/// A deterministic random source: the same seed gives the same draws on
/// every machine and every run, so every reinforcement draw can be replayed
/// from the seed stored with its assignment.
///
/// SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom
/// number generators", OOPSLA). Not for cryptography.
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable, Codable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) built from the top 53 bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
