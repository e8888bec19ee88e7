import CarryoverCore
import CarryoverLua
import CarryoverModalities
import Foundation

/// Scenario 1: the engine's full path for thought-record entries (Value to
/// Lua in the sandbox, `validate` + `score`, the completion rule, the token
/// economy's `apply`; no store) against the same two Lua hooks called
/// through the C API in a bare state.
struct PluginEvaluation {
    var entries: Int
    var rounds: Int

    func run(into report: inout Report) async throws {
        let example = try SampleEntries.example()
        let fields = (0..<entries).map { SampleEntries.variation($0, of: example) }
        let engine = try EnginePath()
        let bare = try BareHooks()
        _ = try engine.evaluate(fields)  // warm-up: first calls fill caches
        _ = try bare.evaluate(fields)
        let rates = try await Stopwatch.alternate(
            rounds: rounds,
            project: {
                Double(entries) / (try await Stopwatch.seconds { _ = try engine.evaluate(fields) })
            },
            baseline: {
                Double(entries) / (try await Stopwatch.seconds { _ = try bare.evaluate(fields) })
            })
        report.add(
            Comparison(
                scenario: "1 plugin evaluation (thought record)", unit: "entries/s",
                project: Statistics.median(rates.project),
                baseline: Statistics.median(rates.baseline), target: .ratioAtLeast(0.5),
                note: "\(entries) entries per round, median of \(rounds) alternating rounds"))
    }
}

/// What the engine does with an entry before it reaches the store.
private struct EnginePath {
    let type: HomeworkType
    let params: Value
    let rule: CompletionRule
    let plan: ReinforcementPlan
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    init() throws {
        guard let modality = ModalityCatalogue.modality(id: SampleEntries.homeworkType) else {
            throw BenchError("no built-in \(SampleEntries.homeworkType)")
        }
        type = try HomeworkType(
            source: modality.mainSource, file: modality.main, clock: FixedClock(start), seed: 7)
        params = type.declaration.applyingParamDefaults(to: .object([:]))
        rule = try CompletionRule(phrase: "5 of 7 days")
        plan = ReinforcementPlan(
            schedule: try ReinforcementSchedule(phrase: "token economy"),
            catalogue: [Reward(id: "movie", name: "Movie night", price: 3)])
    }

    /// Validates, scores, evaluates the rule over the last week and
    /// reinforces each entry as one day's occurrence; returns the tokens earned.
    func evaluate(_ entries: [Value]) throws -> Int {
        var state = ReinforcementState(startedAt: start)
        var week: [Int: [Entry]] = [:]
        var occurrences: [Occurrence] = []
        var earned = 0
        for (day, fields) in entries.enumerated() {
            let problems = try type.validate(entry: fields, params: params, scope: "c-1")
            guard problems.isEmpty else { throw BenchError("sample entry \(day) rejected") }
            let at = start.addingTimeInterval(Double(day) * 86_400 + 72_000)
            let entry = Entry(
                id: "e-\(day)", assignmentID: "c-1-1", clientID: "c-1", homeworkType: "tr",
                homeworkVersion: "1.0.0", performedAt: at, loggedAt: at, fields: fields,
                scores: try type.score(entry: fields, params: params, scope: "c-1"))
            occurrences.append(
                Occurrence(
                    index: day, start: at.addingTimeInterval(-72_000), due: at, allDay: false))
            if occurrences.count > 7 { occurrences.removeFirst() }
            week[day] = [entry]
            week[day - 7] = nil
            _ = try CompletionEvaluator().evaluate(
                rule, over: CompletionInput(occurrences: occurrences, entries: week, now: at))
            for event in [HomeworkEvent.entry(at: at), .completed(occurrence: day, at: at)] {
                earned += try plan.apply(event, to: &state, seed: 7).count
            }
        }
        return earned
    }
}

/// The same hooks with no sandbox: prelude and plugin in a bare state.
private struct BareHooks {
    let lua: BareLua
    let params: Value = .object(["min_evidence_against": .int(1)])

    init() throws {
        guard let modality = ModalityCatalogue.modality(id: SampleEntries.homeworkType) else {
            throw BenchError("no built-in \(SampleEntries.homeworkType)")
        }
        lua = try BareLua()
        try lua.run(HomeworkPrelude.source, chunkName: HomeworkPrelude.chunkName)
        try lua.run(modality.mainSource, chunkName: modality.main)
    }

    /// Calls `validate` and `score` on each entry; returns the scores read.
    func evaluate(_ entries: [Value]) throws -> Int {
        var read = 0
        for fields in entries {
            guard try lua.callHook("validate", [fields, params]) == 0 else {
                throw BenchError("bare validate rejected a sample entry")
            }
            read += try lua.callHook("score", [fields, params])
        }
        return read
    }
}
