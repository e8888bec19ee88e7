import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

struct AssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Give a client homework with a schedule, a completion rule and reinforcement.",
        discussion: """
            Schedules, rules and reinforcement are written in words, for example:
            --schedule
            \(phraseList(Schedule.phraseExamples.prefix(4)))
            --rule
            \(phraseList(CompletionRule.phraseExamples.prefix(5)))
            --reinforce
            \(phraseList(ReinforcementSchedule.phraseExamples[...]))
            "vouchers" is the Higgins et al. (1994) escalating schedule; "prize bowl" is Petry (2000).
            Examples:
              carryover assign c-017 org.carryover.thought-record \\
                --schedule "daily at 20:00 for 3 weeks" --rule "5 of 7 days" \\
                --reinforce "token economy" --reward "Movie night=5"
              carryover assign c-017 org.carryover.exposure-ladder \\
                --params-file ladder.json \\
                --schedule "weekly on mon wed fri at 18:00 for 6 weeks" --rule "3 in a row"
              carryover assign c-017 org.carryover.mood-log --after c-017-1 \\
                --schedule "daily at 21:00 for 2 weeks starting 2 days after the previous step"
                (starts 2 days after c-017-1 is completed)
            """)

    @Argument(help: "The client id.") var client: String
    @Argument(help: "The homework type id (see 'carryover types').") var type: String
    @Option(help: "When, in words, e.g. \"daily at 20:00 for 3 weeks\".") var schedule: String
    @Option(help: "When it counts as done, e.g. \"5 of 7 days\".") var rule = "done"
    @Option(
        help:
            "Reinforcement, e.g. \"token economy\", \"vouchers\", \"prize bowl\", \"VR 3 with a sticker\"."
    )
    var reinforce = "none"
    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("A param as name=value (repeat).", valueName: "name=value"))
    var params: [String] = []
    @Option(help: ArgumentHelp("A JSON file with the params.", valueName: "file"))
    var paramsFile: String?
    @Option(
        name: .customLong("reward"),
        help: ArgumentHelp(
            "A reward as \"Name=price\" (repeat); its id is the name in lower case with dashes.",
            valueName: "name=price"))
    var rewards: [String] = []
    @Option(help: "The goal task this assignment carries out (see 'carryover goal list').")
    var task: String?
    @Option(
        help: ArgumentHelp(
            "The previous step: an assignment whose completion starts this one (the schedule says \"starting N days after the previous step\").",
            valueName: "assignment"))
    var after: String?
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var paramValues: [String: Value] = [:]
        if let paramsFile {
            guard let object = try Value.parseFile(paramsFile).object else {
                throw CommandFailure(
                    .invalidInput, "\(paramsFile) must hold a JSON object of params")
            }
            paramValues = object
        }
        paramValues.merge(try keyValues(params, option: "--param")) { _, new in new }
        let practice = try await options.open()
        let request = AssignmentRequest(
            clientID: client, homeworkType: type, params: .object(paramValues),
            schedule: schedule, completion: rule, reinforcement: reinforce,
            rewards: try rewards.map(parseReward), taskID: task, startsAfter: after)
        let assignment = try await reportingProblems { try await practice.assign(request) }
        if output.json { return try printJSON(assignment) }
        print("Assigned \(assignment.id): \(assignment.homeworkType) \(assignment.homeworkVersion)")
        printPlan(assignment)
    }
}

/// The plan of an assignment in plain words: when, when it counts as done,
/// what reinforces it and what its rewards cost.
func printPlan(_ assignment: Assignment) {
    print("  schedule:      \(assignment.schedule.description)")
    if let previous = assignment.startsAfter, assignment.waitsForAnchor {
        print("  starts:        when \(previous) is completed")
    }
    print("  done when:     \(assignment.completion.description)")
    print("  reinforcement: \(assignment.reinforcement.description)")
    let unit = assignment.reinforcement.schedule.ledgerUnit ?? .tokens
    for reward in assignment.reinforcement.catalogue {
        print("  reward:        \(reward.name) (\(reward.id)) for \(unit.format(reward.price))")
    }
}

/// Quoted phrases, indented, packed into lines that fit an 80-column help
/// screen, so no phrase is ever broken across two lines.
private func phraseList(_ phrases: ArraySlice<String>) -> String {
    var lines: [String] = []
    for phrase in phrases.map({ "\"\($0)\"" }) {
        if let last = lines.last, last.count + phrase.count + 2 <= 78 {
            lines[lines.count - 1] = last + ", " + phrase
        } else {
            lines.append("  " + phrase)
        }
    }
    return lines.joined(separator: "\n")
}

/// "Movie night=5" -> reward "movie-night" priced 5.
func parseReward(_ text: String) throws -> Reward {
    let parts = text.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count == 2, !parts[0].isEmpty, let price = Int(parts[1]), price > 0 else {
        throw CommandFailure(
            .invalidInput, "reward '\(text)' needs the form \"Name=price\", e.g. \"Movie night=5\"")
    }
    let id = parts[0].lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        .joined(separator: "-")
    return Reward(id: id, name: parts[0], price: price)
}

extension Value {
    /// Parses a JSON file ("-" for standard input).
    static func parseFile(_ path: String) throws -> Value {
        let data = try readJSON(path: path)
        do {
            return try Value.parse(data: data)
        } catch {
            throw CommandFailure(
                .invalidInput, "\(path) is not valid JSON; check it with a JSON validator")
        }
    }
}
