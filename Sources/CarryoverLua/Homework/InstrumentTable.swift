import CarryoverCore

/// The `instruments` global every plugin sees: Core's instrument catalogue
/// (PHQ-9, GAD-7) as plain Lua data, so plugins read items, answers, bands,
/// LOINC codes and reliable-change figures from the one source instead of
/// copying them.
///
/// ```lua
/// local PHQ9 = instruments.phq9
/// PHQ9.questions[9]   -- "Thoughts that you would be better off dead, ..."
/// PHQ9.responses[2]   -- "More than half the days" (keyed by score, from 0)
/// PHQ9.band_of[12]    -- "moderate"
/// PHQ9.loinc.total    -- "44261-6"
/// ```
///
/// Generated from the catalogue (data only, no code) and loaded after the
/// DSL prelude; sealed with the other globals when the plugin is. `package`: the
/// benchmarks' bare baseline loads it too.
package enum InstrumentTable {
    /// The chunk name errors in the table would carry.
    package static let chunkName = "carryover-instruments"

    /// `instruments = { phq9 = {...}, gad7 = {...} }`.
    package static let source: String = {
        var table: [String: Value] = [:]
        for instrument in Instrument.catalogue.values {
            table[luaName(of: instrument)] = value(of: instrument)
        }
        return "instruments = " + LuaLiteral.render(.object(table), integerKeys: true) + "\n"
    }()

    /// The table compiled once per process (each plugin's state loads it as bytecode).
    static let compiled = TrustedChunk(source: source, name: "=" + chunkName)

    /// The instrument's key in the table: its id without `-` (`phq-9` is `phq9`).
    static func luaName(of instrument: Instrument) -> String {
        String(instrument.id.filter { $0 != "-" })
    }

    /// One instrument as Lua data; maps keyed by score use integer keys.
    static func value(of instrument: Instrument) -> Value {
        func byScore(_ label: (Int) -> String, _ range: ClosedRange<Int>) -> Value {
            .object(
                Dictionary(uniqueKeysWithValues: range.map { (String($0), .string(label($0))) }))
        }
        var loinc: [String: Value] = ["total": .string(instrument.loincTotal)]
        if let panel = instrument.loincPanel { loinc["panel"] = .string(panel) }
        let reliability = instrument.reliability
        return .object([
            "id": .string(instrument.id), "name": .string(instrument.name),
            "stem": .string(instrument.stem), "source": .string(instrument.source),
            "items": .array(instrument.items.map(Value.string)),
            "questions": .array(instrument.questions.map(Value.string)),
            "responses": byScore({ instrument.responses[$0] }, instrument.itemRange),
            "item_max": .int(Int64(instrument.itemRange.upperBound)),
            "max_total": .int(Int64(instrument.maximumTotal)),
            "bands": .array(
                instrument.bands.map {
                    [
                        "min": .int(Int64($0.range.lowerBound)),
                        "max": .int(Int64($0.range.upperBound)), "label": .string($0.label),
                    ]
                }),
            "band_of": byScore(
                { instrument.band(forTotal: $0)?.label ?? "" }, 0...instrument.maximumTotal),
            "loinc": .object(loinc),
            "reliability": [
                "sd": .double(reliability.standardDeviation),
                "r": .double(reliability.testRetestReliability),
                "threshold": .double(reliability.reliableChangeThreshold),
                "source": .string(reliability.source),
            ],
            "risk_items": .array(instrument.riskItems.map { .int(Int64($0.number)) }),
            "direction": .string(instrument.direction.rawValue),
        ])
    }
}
