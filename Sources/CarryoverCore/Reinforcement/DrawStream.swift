/// Derives reproducible random streams from an assignment's seed.
///
/// Each draw site has its own stream: seed + purpose + index, where the index
/// is the occurrence index for prize draws and the reinforcement number for
/// VR requirements and VI intervals. A replay of the same events therefore
/// gives identical draws, and a late or repeated event cannot shift the draws
/// of any other occurrence.
package enum DrawStream {
    /// What a stream is drawn for; part of the derivation.
    package enum Purpose: UInt64, Sendable {
        case ratioRequirement = 1
        case interval = 2
        case prize = 3
    }

    /// The generator for `purpose` at `index` under `seed`.
    package static func random(seed: UInt64, purpose: Purpose, index: Int) -> SeededRandom {
        // Two rounds of the SplitMix64 finaliser; each is a bijection, so for
        // one seed and purpose distinct indices give distinct streams.
        let keyed = mix(seed ^ (purpose.rawValue &* 0xD1B5_4A32_D192_ED03))
        return SeededRandom(seed: mix(keyed ^ UInt64(bitPattern: Int64(index))))
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var generator = SeededRandom(seed: value)
        return generator.next()
    }
}
