import Foundation

/// Sizes and rounds of one run: the full run, or `--smoke` for CI.
struct Configuration {
    var smoke: Bool
    /// Scenario numbers to run (1-7; 3 and 5 run together).
    var scenarios: Set<Int> = [1, 2, 3, 4, 5, 6, 7]
    var rounds: Int
    var evaluationEntries: Int
    var loadPasses: Int
    var importLines: Int
    var importRounds: Int
    /// Scenario 2's pool of workers (it also measures a pool of 1).
    var importWorkers = ProcessInfo.processInfo.activeProcessorCount
    var memorySizes: [Int]
    var clientSizes: [Int]
    var mainClients: Int
    var days: Int
    var statusSamples: Int
    var caseloadRounds: Int
    /// Scenario 6: simulated portal clients, and entries each sends.
    var portalClients = 200
    var portalEntries = 10
    /// `carryover log` processes (and as many baseline processes) for scenario 7.
    var logProcesses: Int

    static let full = Configuration(
        smoke: false, rounds: 9, evaluationEntries: 2_000, loadPasses: 20,
        importLines: 1_000_000, importRounds: 3, memorySizes: [1_000_000, 4_000_000],
        clientSizes: [100, 1_000, 10_000], mainClients: 1_000, days: 365, statusSamples: 200,
        caseloadRounds: 3, logProcesses: 21)

    /// Tiny sizes: seconds, for CI, where only a crash fails.
    static let smoke = Configuration(
        smoke: true, rounds: 3, evaluationEntries: 50, loadPasses: 2, importLines: 500,
        importRounds: 3, memorySizes: [2_000], clientSizes: [10, 40], mainClients: 40, days: 30,
        statusSamples: 10, caseloadRounds: 2, portalClients: 10, portalEntries: 2, logProcesses: 3)

    /// Reads `--smoke` first, then overrides: `--scenarios 1,4`,
    /// `--import-lines N`, `--memory-sizes N,M`, `--clients N,M` (the
    /// largest below 10,000 is scenario 3's), `--rounds N`, `--portal-clients N`,
    /// `--portal-entries N`, `--import-workers N`, `--import-rounds N`.
    static func parse(_ arguments: [String]) throws -> Configuration {
        var configuration = arguments.contains("--smoke") ? smoke : full
        var remaining = arguments.filter { $0 != "--smoke" }[...]
        while let option = remaining.popFirst() {
            guard let value = remaining.popFirst() else {
                throw BenchError("\(option) needs a value")
            }
            let numbers = value.split(separator: ",").compactMap { Int($0) }
            guard !numbers.isEmpty, numbers.allSatisfy({ $0 > 0 }) else {
                throw BenchError("\(option) takes positive numbers, e.g. 1000 or 100,1000")
            }
            switch option {
            case "--scenarios": configuration.scenarios = Set(numbers)
            case "--import-lines": configuration.importLines = numbers[0]
            case "--import-workers": configuration.importWorkers = numbers[0]
            case "--import-rounds": configuration.importRounds = numbers[0]
            case "--memory-sizes": configuration.memorySizes = numbers
            case "--rounds": configuration.rounds = numbers[0]
            case "--portal-clients": configuration.portalClients = numbers[0]
            case "--portal-entries": configuration.portalEntries = numbers[0]
            case "--clients":
                configuration.clientSizes = numbers.sorted()
                configuration.mainClients =
                    numbers.sorted().last { $0 <= 1_000 } ?? numbers.sorted()[0]
            default: throw BenchError("unknown option \(option); see Docs/performance.md")
            }
        }
        return configuration
    }
}
