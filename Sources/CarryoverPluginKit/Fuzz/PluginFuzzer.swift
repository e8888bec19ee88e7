import CarryoverCore
import CarryoverLua

/// The settings of a fuzz run.
public struct FuzzOptions: Sendable {
    public var runs: Int
    public var seed: UInt64
    public var limits: SandboxLimits
    /// How many distinct failures to shrink and report.
    public var maxReported: Int
    /// Whether ``PluginFuzzer/fuzz(_:options:)`` starts from the folder's
    /// `examples/` (see ``PluginFolder/examples(for:)``).
    public var useExamples: Bool
    /// Example inputs to start from, besides the folder's.
    public var examples: [FuzzExample]

    public init(
        runs: Int = 10_000, seed: UInt64 = 42, limits: SandboxLimits = .default,
        maxReported: Int = 5, useExamples: Bool = true, examples: [FuzzExample] = []
    ) {
        self.runs = runs
        self.seed = seed
        self.limits = limits
        self.maxReported = maxReported
        self.useExamples = useExamples
        self.examples = examples
    }
}

/// The engine behind `carryover plugin fuzz`: generated entries and params
/// through every hook, each valid input twice in fresh sandboxes.
public enum PluginFuzzer {
    /// Fuzzes the homework type in `folder`, starting half the inputs from
    /// its example entries when it has any.
    /// - Throws: `SandboxError` when the plugin does not load or an example is invalid.
    public static func fuzz(_ folder: PluginFolder, options: FuzzOptions = FuzzOptions()) throws
        -> FuzzReport
    {
        let type = try folder.load(limits: options.limits)
        var options = options
        if options.useExamples {
            options.examples = try folder.examples(for: type) + options.examples
        }
        return fuzz(type: type, name: folder.name, options: options)
    }

    /// Fuzzes a loaded homework type.
    public static func fuzz(type: HomeworkType, name: String, options: FuzzOptions) -> FuzzReport {
        let start = ContinuousClock.now
        var session = FuzzSession(type: type, options: options)
        var report = FuzzReport(plugin: name, seed: options.seed, runs: options.runs)
        report.examples = options.examples.map(\.name)
        var generator = ValueGenerator(random: SeededRandom(seed: options.seed))
        let declaration = type.declaration
        for run in 0..<options.runs {
            generator.startInput()
            var params = generator.valid(declaration.params)
            var entry = generator.valid(declaration.fields)
            // Half the inputs start from an example: a field or two changed,
            // the rest as a real entry has them (cross-field rules still hold).
            if !options.examples.isEmpty, generator.chance(0.5) {
                let example = generator.pick(options.examples)
                generator.startInput(from: example)
                params = generator.mutated(example.params, declaration.params, changes: 0...1)
                entry = generator.mutated(example.entry, declaration.fields, changes: 1...2)
                report.inputsFromExamples += 1
            }
            let mode = generator.int(0, 9)
            if mode >= 7 {
                report.invalidInputs += 1
                if mode == 9, !declaration.params.isEmpty,
                    let broken = generator.invalid(declaration.params)
                {
                    if type.validateParams(broken).isEmpty {
                        session.record(
                            .acceptedInvalid, hook: "params",
                            message: "invalid params passed the param checks", run: run,
                            entry: entry, params: broken)
                    }
                } else if let broken = generator.invalid(declaration.fields, from: entry) {
                    session.checkRejected(entry: broken, params: params, run: run)
                }
                continue
            }
            report.validInputs += 1
            if session.probe(entry: entry, params: params, run: run) { report.reachedAllHooks += 1 }
        }
        report.failures = session.shrunkFailures()
        report.unreportedKinds = session.kindCount - report.failures.count
        report.peak = session.probe.peak
        report.duration = ContinuousClock.now - start
        return report
    }
}

/// The state of one fuzz run: the probe, and failures grouped by kind, hook and message.
struct FuzzSession {
    let type: HomeworkType
    let options: FuzzOptions
    var probe: HookProbe
    private var found: [String: FuzzFailure] = [:]
    private var order: [String] = []
    private var scopes = 0

    init(type: HomeworkType, options: FuzzOptions) {
        self.type = type
        self.options = options
        probe = HookProbe(type: type)
    }

    /// A fresh client scope, so the sandbox rebuilds its state.
    private mutating func freshScope() -> String {
        scopes += 1
        return "fuzz-\(scopes)"
    }

    /// Runs a valid input twice; returns whether it got past `validate`.
    mutating func probe(entry: Value, params: Value, run: Int) -> Bool {
        switch outcomeTwice(entry: entry, params: params) {
        case .success(let outcome):
            return outcome["validate"]?.array?.isEmpty == true
        case .failure(let failure):
            record(
                failure.kind, hook: failure.hook, message: failure.message, run: run, entry: entry,
                params: params)
            return false
        }
    }

    mutating func checkRejected(entry: Value, params: Value, run: Int) {
        let problems = (try? type.validate(entry: entry, params: params, scope: freshScope())) ?? []
        if problems.isEmpty {
            record(
                .acceptedInvalid, hook: "fields",
                message: "an invalid entry passed the field checks", run: run, entry: entry,
                params: params)
        }
    }

    private struct Classified: Error {
        var kind: FuzzFailure.Kind
        var hook: String
        var message: String
    }

    /// The outcome of two runs in fresh sandboxes, or the failure that stopped them.
    private mutating func outcomeTwice(entry: Value, params: Value) -> Result<Value, Classified> {
        var outcomes: [Value] = []
        for _ in 0..<2 {
            do {
                outcomes.append(
                    try probe.outcome(entry: entry, params: params, scope: freshScope()))
            } catch {
                return .failure(Self.classify(error))
            }
        }
        guard outcomes[0] != outcomes[1] else { return .success(outcomes[0]) }
        let hook = HookProbe.order.first { outcomes[0][$0] != outcomes[1][$0] } ?? "validate"
        let shown = { (outcome: Value) in (outcome[hook] ?? .null).canonicalJSON().prefix(200) }
        return .failure(
            Classified(
                kind: .nonDeterministic, hook: hook,
                message: "first run gave \(shown(outcomes[0])), second gave \(shown(outcomes[1]))"))
    }

    private static func classify(_ failure: ProbeFailure) -> Classified {
        let error = failure.error
        let kind: FuzzFailure.Kind
        switch error.code {
        case .instructionLimit, .memoryLimit, .timeLimit, .outputLimit: kind = .limitHit
        case _ where failure.hook == "score" && error.message.contains("score hook"):
            kind = .badScore
        case .conversion where failure.hook == "score": kind = .badScore
        default: kind = .runtimeError
        }
        let place =
            error.file.map { file in error.line.map { "\(file):\($0): " } ?? "\(file): " } ?? ""
        return Classified(kind: kind, hook: failure.hook, message: place + error.message)
    }

    mutating func record(
        _ kind: FuzzFailure.Kind, hook: String, message: String, run: Int, entry: Value,
        params: Value
    ) {
        // Differing outputs make every non-deterministic message unique: group those by hook.
        let key = "\(kind.rawValue) \(hook) \(kind == .nonDeterministic ? "" : message)"
        if found[key] != nil {
            found[key]!.count += 1
            return
        }
        order.append(key)
        found[key] = FuzzFailure(
            kind: kind, hook: hook, message: message, run: run, count: 1, entry: entry,
            params: params, luaTestCase: "")
    }

    /// The first `maxReported` failures, shrunk, each with its Lua test case.
    /// How many distinct failures were found.
    var kindCount: Int { order.count }

    mutating func shrunkFailures() -> [FuzzFailure] {
        order.prefix(options.maxReported).map { key in
            var failure = found[key]!
            if failure.kind != .acceptedInvalid { shrink(&failure) }
            failure.luaTestCase = FuzzCaseWriter.testCase(for: failure, seed: options.seed)
            return failure
        }
    }

    private mutating func shrink(_ failure: inout FuzzFailure) {
        var shrinker = InputShrinker(
            bounds: Self.bounds(of: type.declaration.fields + type.declaration.params))
        let input = Value.object(["entry": failure.entry, "params": failure.params])
        let smallest = shrinker.shrink(input) { candidate in
            guard let entry = candidate["entry"], let params = candidate["params"],
                type.validateParams(params).isEmpty,
                case .failure(let found) = outcomeTwice(entry: entry, params: params)
            else { return false }
            return found.kind == failure.kind && found.hook == failure.hook
        }
        failure.entry = smallest["entry"] ?? failure.entry
        failure.params = smallest["params"] ?? failure.params
    }

    /// Every numeric bound in the fields, for the shrinker to try.
    static func bounds(of fields: [FieldSpec]) -> [Double] {
        func collect(_ kind: FieldKind) -> [Double] {
            switch kind.input {
            case .number(let bounds, _, _): [bounds.min, bounds.max].compactMap { $0 }
            case .list(let item, _): collect(item)
            case .group(let fields): fields.flatMap { collect($0.kind) }
            case .text, .notation, .choice, .toggle: []
            }
        }
        return Array(Set(fields.flatMap { collect($0.kind) })).sorted()
    }
}
