import CarryoverCore
import CarryoverLua
import CarryoverModalities

/// Scenario 4: every built-in modality loaded into a fresh sandbox
/// (`HomeworkType`: prelude, plugin, declaration read and checked, seal)
/// against the prelude and the plugin run in a fresh bare state.
struct PluginLoad {
    /// Passes over all built-in modalities per round.
    var passes: Int
    var rounds: Int

    func run(into report: inout Report) async throws {
        let modalities = ModalityCatalogue.all
        let loads = Double(passes * modalities.count)
        let rates = try await Stopwatch.alternate(
            rounds: rounds,
            project: {
                loads
                    / (try await Stopwatch.seconds {
                        for _ in 0..<passes {
                            for modality in modalities {
                                _ = try HomeworkType(
                                    source: modality.mainSource, file: modality.main)
                            }
                        }
                    })
            },
            baseline: {
                loads
                    / (try await Stopwatch.seconds {
                        for _ in 0..<passes {
                            for modality in modalities {
                                let lua = try BareLua()
                                try lua.run(
                                    HomeworkPrelude.source, chunkName: HomeworkPrelude.chunkName)
                                try lua.run(
                                    InstrumentTable.source, chunkName: InstrumentTable.chunkName)
                                try lua.run(modality.mainSource, chunkName: modality.main)
                            }
                        }
                    })
            })
        report.add(
            Comparison(
                scenario: "4 plugin load (all \(modalities.count) built-ins)", unit: "loads/s",
                project: Statistics.median(rates.project),
                baseline: Statistics.median(rates.baseline), target: .ratioAtLeast(0.5),
                note: "\(passes) passes over every built-in per round, "
                    + "median of \(rounds) alternating rounds"))
    }
}
