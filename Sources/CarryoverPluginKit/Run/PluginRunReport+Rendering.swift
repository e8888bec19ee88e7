import CarryoverCore
import CarryoverLua
import Foundation

extension PluginRunReport {
    /// The report for people: results, then a table of resources against limits.
    public func render() -> String {
        var lines = ["\(plugin): one entry through every hook"]
        lines.append("params: " + Self.problemText(paramProblems))
        if !paramProblems.isEmpty { return lines.joined(separator: "\n") + "\n" }
        lines.append("validate: " + Self.problemText(problems))
        if problems.isEmpty && failure == nil {
            let scoreText = scores.keys.sorted().map { "\($0) = \(ScoreText.format(scores[$0]!))" }
            lines.append(
                "score: " + (scoreText.isEmpty ? "none" : scoreText.joined(separator: ", ")))
            lines.append("feedback: " + (feedback.map { "\"\($0)\"" } ?? "none"))
            let noFlags = usages.contains { $0.hook == "flags" } ? "none" : "(no flags hook)"
            lines.append("flags: " + (flags.isEmpty ? noFlags : ""))
            lines += flags.map { "  \($0.level.rawValue) \($0.code): \($0.message)" }
            lines.append("advance: " + hookResult("advance", state))
            lines.append("summarize: " + hookResult("summarize", summary))
        }
        if let failure { lines.append("error: \(failure.code.rawValue): \(failure)") }
        lines.append("resources (used / limit; instructions are counted in steps of 1,000):")
        lines.append(
            Self.row("hook", "instructions", "peak memory", "time"))
        for item in usages {
            lines.append(
                Self.row(
                    item.hook, "\(item.usage.instructions) / \(limits.instructions)",
                    "\(Self.kibibytes(item.usage.peakMemoryBytes)) / \(Self.kibibytes(limits.memoryBytes))",
                    "\(Self.milliseconds(item.usage.duration)) / \(Self.milliseconds(limits.wallClock))"
                ))
        }
        if usages.isEmpty { lines.append("  (no Lua hook ran)") }
        lines.append(
            "other limits: output \(Self.kibibytes(limits.outputBytes)) per call, strings up to "
                + "\(Self.kibibytes(limits.maxStringBytes)), values nested \(limits.maxDepth) deep")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON, for scripts, in the CLI's JSON convention
    /// (Docs/cli.md): camelCase keys, printed with sorted keys and 2-space
    /// indent; keys without a value (`feedback`, `state`, `summary`, `error`)
    /// are left out.
    public func json() -> Value {
        let problemValues = { (problems: [ValidationProblem]) in
            Value.array(
                problems.map {
                    .object(["field": .string($0.field), "message": .string($0.message)])
                })
        }
        var object: [String: Value] = [
            "plugin": .string(plugin), "succeeded": .bool(succeeded),
            "paramProblems": problemValues(paramProblems), "problems": problemValues(problems),
            "scores": .object(scores.mapValues(Value.double)),
            "flags": .array(
                flags.map {
                    .object([
                        "level": .string($0.level.rawValue), "code": .string($0.code),
                        "message": .string($0.message),
                    ])
                }),
            "resources": .array(
                usages.map { item in
                    .object([
                        "hook": .string(item.hook),
                        "instructions": .int(Int64(item.usage.instructions)),
                        "peakMemoryBytes": .int(Int64(item.usage.peakMemoryBytes)),
                        "milliseconds": .double(item.usage.duration.seconds * 1000),
                    ])
                }),
            "limits": .object([
                "instructions": .int(Int64(limits.instructions)),
                "memoryBytes": .int(Int64(limits.memoryBytes)),
                "milliseconds": .double(limits.wallClock.seconds * 1000),
                "outputBytes": .int(Int64(limits.outputBytes)),
                "maxStringBytes": .int(Int64(limits.maxStringBytes)),
            ]),
        ]
        if let feedback { object["feedback"] = .string(feedback) }
        if state != .null { object["state"] = state }
        if summary != .null { object["summary"] = summary }
        if let failure {
            object["error"] = .object([
                "code": .string(failure.code.rawValue), "message": .string(failure.description),
            ])
        }
        return .object(object)
    }

    private func hookResult(_ hook: String, _ value: Value) -> String {
        usages.contains { $0.hook == hook } ? value.canonicalJSON() : "(no \(hook) hook)"
    }

    private static func problemText(_ problems: [ValidationProblem]) -> String {
        problems.isEmpty ? "ok" : problems.map(\.description).joined(separator: "; ")
    }

    private static func row(
        _ hook: String, _ instructions: String, _ memory: String, _ time: String
    ) -> String {
        "  " + [hook.padded(10), instructions.padded(24), memory.padded(22), time].joined()
    }

    static func kibibytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes / 1024) KiB"
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.3f ms", duration.seconds * 1000)
    }
}

extension String {
    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
