import ArgumentParser
import CarryoverCore
import CarryoverPractice
import CarryoverStore
import Foundation

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Open a session with a review of the homework since the last one, and decide.",
        discussion: """
            Without --decision it shows, for each active or paused assignment, how much was
            done since the last review (adherence), the client's own quality ratings from the
            portal, supporters' confirmations and the engine's suggestions. With a --decision
            for every assignment it holds the review: continue, modify (a new version from
            today; the days before keep their terms and adherence), replace (ends it and
            assigns another) or stop, each with a --reason (optional for continue). Options
            that name an assignment take ID=VALUE and can be repeated.
            Examples:
              carryover review c-017
              carryover review c-017 --decision c-017-1=continue --rating c-017-1=4
              carryover review c-017 --decision c-017-1=modify \\
                  --schedule c-017-1="daily at 19:00 for 2 weeks" --barrier c-017-1=time,forgot \\
                  --reason c-017-1="evenings are busy; an earlier time and a phone alarm"
              carryover review c-017 --decision c-017-2=replace \\
                  --replace-with c-017-2=org.carryover.mood-log --schedule c-017-2="daily at 21:00" \\
                  --reason c-017-2="too hard for now"
              carryover review c-017 --history
            """)

    @Argument(help: "The client id.") var client: String
    @Option(
        help: ArgumentHelp("ID=continue|modify|replace|stop (repeat).", valueName: "id=decision"))
    var decision: [String] = []
    @Option(help: ArgumentHelp("ID=why (repeat).", valueName: "id=text")) var reason: [String] = []
    @Option(help: ArgumentHelp("ID=1-5: your rating of how well it was done.", valueName: "id=n"))
    var rating: [String] = []
    @Option(
        help: ArgumentHelp(
            "ID=motivation,unclear-instructions,time,forgot,too-hard (comma-separated).",
            valueName: "id=list"))
    var barrier: [String] = []
    @Option(help: ArgumentHelp("ID=what else got in the way.", valueName: "id=text"))
    var barrierNote: [String] = []
    @Option(help: ArgumentHelp("ID=the new schedule (modify, replace).", valueName: "id=text"))
    var schedule: [String] = []
    @Option(help: ArgumentHelp("ID=the new completion rule.", valueName: "id=text"))
    var rule: [String] = []
    @Option(help: ArgumentHelp("ID=the new reinforcement.", valueName: "id=text"))
    var reinforce: [String] = []
    @Option(help: ArgumentHelp("ID=the homework type replacing it.", valueName: "id=type"))
    var replaceWith: [String] = []
    @Flag(help: "List the client's past reviews instead.") var history = false
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let practice = try await options.open(history || decision.isEmpty ? .readOnly : .readWrite)
        let found = try await practice.client(client)
        if history {
            let reviews = try await practice.reviews(clientID: found.id)
            if output.json { return try printJSON(reviews) }
            if reviews.isEmpty { return print("No reviews yet.") }
            for review in reviews { ReviewLines.print(review, timeZone: found.timeZone) }
            return
        }
        if decision.isEmpty {
            let draft = try await practice.prepareReview(clientID: found.id)
            if output.json { return try printJSON(ReviewDraftJSON(draft)) }
            ReviewLines.print(draft, timeZone: found.timeZone)
            return
        }
        let review = try await practice.holdReview(clientID: found.id, choices: try choices())
        if output.json { return try printJSON(review) }
        ReviewLines.print(review, timeZone: found.timeZone)
    }

    /// One choice per --decision, with the options that name the same assignment.
    func choices() throws -> [ReviewChoice] {
        let decisions = try Self.pairs(decision, "--decision")
        let known = Set(decisions.keys)
        let named: [(String, [String])] = [
            ("--reason", reason), ("--rating", rating), ("--barrier", barrier),
            ("--barrier-note", barrierNote), ("--schedule", schedule), ("--rule", rule),
            ("--reinforce", reinforce), ("--replace-with", replaceWith),
        ]
        var values: [String: [String: String]] = [:]
        for (option, list) in named {
            let pairs = try Self.pairs(list, option)
            if let stray = pairs.keys.sorted().first(where: { !known.contains($0) }) {
                throw CommandFailure(
                    .usage, "\(option) names \(stray), which has no --decision \(stray)=...")
            }
            values[option] = pairs
        }
        return try decisions.keys.sorted().map { id in
            guard let chosen = ReviewDecision(rawValue: decisions[id]!) else {
                throw CommandFailure(
                    .invalidInput,
                    "'\(decisions[id]!)' is not a decision; write --decision \(id)=continue, "
                        + "modify, replace or stop")
            }
            let rating = try values["--rating"]?[id].map { text in
                guard let number = Int(text) else {
                    throw CommandFailure(.invalidInput, "--rating \(id)=\(text): give 1 to 5")
                }
                return number
            }
            let barriers = try (values["--barrier"]?[id]).map { text in
                try text.split(separator: ",").map { word in
                    let name = word.trimmingCharacters(in: .whitespaces)
                    guard let barrier = ReviewBarrier(rawValue: name) else {
                        throw CommandFailure(
                            .invalidInput,
                            "'\(name)' is not a barrier; write --barrier \(id)= with motivation, "
                                + "unclear-instructions, time, forgot or too-hard (and "
                                + "--barrier-note for anything else)")
                    }
                    return barrier
                }
            }
            return ReviewChoice(
                assignmentID: id, decision: chosen, reason: values["--reason"]?[id] ?? "",
                therapistRating: rating, barriers: barriers ?? [],
                barrierNote: values["--barrier-note"]?[id], schedule: values["--schedule"]?[id],
                completion: values["--rule"]?[id], reinforcement: values["--reinforce"]?[id],
                replacementType: values["--replace-with"]?[id])
        }
    }

    /// `ID=VALUE` pairs, each assignment once.
    static func pairs(_ list: [String], _ option: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in list {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CommandFailure(
                    .usage,
                    "\(option) '\(pair)' needs the form ID=VALUE, e.g. \(option) c-017-1=...")
            }
            let id = String(pair[..<equals])
            guard result[id] == nil else {
                throw CommandFailure(.usage, "\(option) names \(id) twice; give it once")
            }
            result[id] = String(pair[pair.index(after: equals)...])
        }
        return result
    }
}
