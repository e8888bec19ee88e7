import Foundation

// carryover-bench: each scenario against its bare baseline, alternating
// rounds in one run. See Docs/performance.md.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == ImportChild.flag, arguments.count == 3 {
    try await ImportChild.main(practice: arguments[1], file: arguments[2])
    exit(0)
}
if arguments.first == LogProcess.insertFlag, arguments.count == 4 {
    try LogProcess.insertChild(database: arguments[1], assignment: arguments[2], id: arguments[3])
    exit(0)
}

let configuration: Configuration
do {
    configuration = try Configuration.parse(arguments)
} catch {
    FileHandle.standardError.write(Data("carryover-bench: \(error)\n".utf8))
    exit(64)
}
let workspace = FileManager.default.temporaryDirectory
    .appendingPathComponent("carryover-bench-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)

print(
    """
    carryover-bench\(configuration.smoke ? " --smoke (tiny sizes: a crash check, not a measurement)" : "")
    Figures are medians over alternating rounds (project, baseline, project, ...).
    This machine is shared and noisy: compare ratios, not absolute figures.
    """)
let (report, failure) = await runScenarios(configuration, workspace: workspace)
try? FileManager.default.removeItem(at: workspace)
if let failure {
    print(report.render())
    FileHandle.standardError.write(Data("carryover-bench: \(failure)\n".utf8))
    exit(70)
}
print("")
print(report.render())
let missed = report.rows.filter { !$0.passed }.count
print("\n\(report.rows.count - missed) PASS, \(missed) MISS")

/// Runs the scenarios the configuration asks for: every row made, and the
/// error that stopped the run, if one did.
func runScenarios(_ configuration: Configuration, workspace: URL) async -> (Report, (any Error)?) {
    var report = Report()
    do {
        try await runScenarios(configuration, workspace: workspace, into: &report)
        return (report, nil)
    } catch {
        return (report, error)
    }
}

func runScenarios(_ configuration: Configuration, workspace: URL, into report: inout Report)
    async throws
{
    let wanted = configuration.scenarios
    if wanted.contains(1) {
        try await PluginEvaluation(
            entries: configuration.evaluationEntries, rounds: configuration.rounds
        ).run(into: &report)
    }
    if wanted.contains(4) {
        try await PluginLoad(passes: configuration.loadPasses, rounds: configuration.rounds)
            .run(into: &report)
    }
    if wanted.contains(2) {
        try await ImportScenario(
            lines: configuration.importLines, rounds: configuration.importRounds,
            memorySizes: configuration.memorySizes, workers: configuration.importWorkers,
            workspace: workspace
        ).run(into: &report)
    }
    if wanted.contains(6) {
        try await PortalLoad(
            clients: configuration.portalClients, entries: configuration.portalEntries,
            workspace: workspace
        ).run(into: &report)
    }
    if wanted.contains(7) {
        try await LogProcess(processes: configuration.logProcesses, workspace: workspace)
            .run(into: &report)
    }
    if !wanted.isDisjoint(with: [3, 5]) {
        try await StatusScenario(
            sizes: configuration.clientSizes, main: configuration.mainClients,
            days: configuration.days, samples: configuration.statusSamples,
            caseloadRounds: configuration.caseloadRounds, workspace: workspace
        ).run(into: &report)
    }
}
