import CarryoverCore
import CarryoverExport
import Foundation

/// Reads the plugins' `advance` state and the reinforcement ledger into the
/// report's ladder, speech, token and flag inputs.
///
/// The state shapes are those of the built-in modalities' Lua (see
/// `Modalities/exposure-ladder` and `Modalities/speech-practice`).
enum ProgressMapping {
    static let exposureLadder = "org.carryover.exposure-ladder"
    static let speechPractice = "org.carryover.speech-practice"

    /// The ladder: steps from `params.steps` (1-based, as the plugin counts),
    /// mastered ones from `state.mastered`, the current one from `state.step`
    /// (none once `state.complete`). Before the first entry: `params.start_step`.
    static func ladder(_ assignment: Assignment, title: String, params: Value, state: Value)
        -> LadderProgress
    {
        let mastered = Set((state["mastered"]?.array ?? []).compactMap { $0.number.map(Int.init) })
        let steps = (params["steps"]?.array ?? []).enumerated().map { offset, step in
            LadderProgress.Step(
                index: offset + 1, label: step["situation"]?.string ?? "Step \(offset + 1)",
                mastered: mastered.contains(offset + 1))
        }
        let current =
            state["complete"]?.bool == true
            ? nil : (state["step"] ?? params["start_step"])?.number.map(Int.init)
        return LadderProgress(
            assignmentID: assignment.id, title: title, steps: steps, currentIndex: current)
    }

    /// The speech target: level from `state.level` (or `params.start_level`),
    /// criterion from `params.accuracy` (percent), `rule`, `sessions` and
    /// `window`; sessions from the entries' `accuracy` score (percent).
    static func speech(params: Value, state: Value, entries: [Entry], zone: TimeZone)
        -> SpeechProgress
    {
        let percent = params["accuracy"]?.number ?? 80
        let sessions = Int(params["sessions"]?.number ?? 3)
        let criterion =
            params["rule"]?.string == "m_of_n"
            ? "\(Int(percent))% in \(sessions) of \(Int(params["window"]?.number ?? 4)) sessions"
            : "\(Int(percent))% in \(sessions) consecutive sessions"
        let targets = (params["targets"]?.array ?? []).compactMap(\.string)
        let position = params["position"]?.string.map { ", \($0)" } ?? ""
        return SpeechProgress(
            target: targets.map { "/\($0)/" }.joined(separator: " ") + position,
            level: (state["level"] ?? params["start_level"])?.string ?? "",
            criterionAccuracy: percent / 100, criterion: criterion,
            mastered: state["complete"]?.bool == true,
            sessions: entries.sorted { $0.performedAt < $1.performedAt }.compactMap { entry in
                entry.scores["accuracy"].map {
                    .init(date: LocalDate(entry.performedAt, in: zone), accuracy: $0 / 100)
                }
            })
    }

    /// Token ledgers (not voucher ledgers, whose unit is money) of all the
    /// client's assignments together: balance, every line that moved the
    /// balance, and each catalogue reward with the day it was last redeemed
    /// and not refunded. Lines say why in words: the homework done, the
    /// reward bought or refunded, or the therapist's reason.
    static func tokens(
        _ ledgers: [(assignment: Assignment, title: String, ledger: TokenLedger)], zone: TimeZone
    )
        -> TokenSummary?
    {
        let tokenLedgers = ledgers.filter {
            $0.assignment.reinforcement.schedule.ledgerUnit == .tokens
        }
        guard !tokenLedgers.isEmpty else { return nil }
        var lines: [(Date, TokenSummary.LedgerLine)] = []
        var rewards: [TokenSummary.Reward] = []
        for (assignment, title, ledger) in tokenLedgers {
            let names = Dictionary(
                assignment.reinforcement.catalogue.map { ($0.id, $0.name) },
                uniquingKeysWith: { first, _ in first })
            let refunded = Set(ledger.lines.filter { $0.kind == .refund }.compactMap(\.redemption))
            for line in ledger.lines where line.amount != 0 {
                // A refund names its redemption line, which names the reward.
                let rewardID =
                    line.rewardID
                    ?? line.redemption.flatMap { number in
                        ledger.lines.first { $0.number == number }?.rewardID
                    }
                let reward = rewardID.flatMap { names[$0] } ?? "a reward"
                let reason =
                    switch line.kind {
                    case .earn: "\(title) done"
                    case .redeem: reward
                    case .refund: "Refund: \(reward)"
                    default: line.note
                    }
                lines.append(
                    (
                        line.at,
                        .init(
                            date: LocalDate(line.at, in: zone), amount: line.amount, reason: reason)
                    ))
            }
            for reward in assignment.reinforcement.catalogue {
                let redeemed = ledger.lines.last {
                    $0.kind == .redeem && $0.rewardID == reward.id && !refunded.contains($0.number)
                }
                rewards.append(
                    .init(
                        name: reward.name, cost: reward.price,
                        redeemedOn: redeemed.map { LocalDate($0.at, in: zone) }))
            }
        }
        return TokenSummary(
            balance: tokenLedgers.reduce(0) { $0 + $1.ledger.balance },
            ledger: lines.sorted { $0.0 < $1.0 }.map(\.1), rewards: rewards)
    }

    /// Risk flags kept with their entries (open ones and those raised in
    /// the period, each with its day and any acknowledgement), the latest
    /// entries' other plugin flags, then barrier flags named with their
    /// assignment's title and suggested change; most urgent first, the sort
    /// stable so each group keeps its order.
    static func flags(
        raised: [RaisedFlag], zone: TimeZone, pluginFlags: [PluginFlag],
        barrierFlags: [(title: String, flag: ProgressFlag)]
    ) -> [ReportFlag] {
        let kept = raised.map { flag in
            ReportFlag(
                level: flag.level == .risk ? .risk : .attention, code: flag.code,
                message: flag.message, raisedOn: LocalDate(flag.performedAt, in: zone),
                acknowledgement: flag.acknowledgement.map {
                    "\(LocalDate($0.at, in: zone)) by \($0.by): \($0.note)"
                })
        }
        let plugin = pluginFlags.map {
            ReportFlag(
                level: $0.level == .risk ? .risk : .attention, code: $0.code, message: $0.message)
        }
        let barriers = barrierFlags.map { title, flag in
            ReportFlag(
                level: ReportFlag.Level(rawValue: flag.level.rawValue) ?? .info,
                code: flag.code.rawValue,
                message: "\(title): \(flag.message) Suggestion: \(flag.suggestion)")
        }
        return (kept + plugin + barriers).enumerated()
            .sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }.map(\.element)
    }
}
