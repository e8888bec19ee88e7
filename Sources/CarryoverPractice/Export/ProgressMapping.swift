import CarryoverCore
import CarryoverExport
import Foundation

/// Reads the plugins' `advance` state, its recorded changes and the
/// reinforcement ledger into the report's ladder, speech, ledger and flag inputs.
///
/// The state shapes are those of the built-in modalities' Lua (see
/// `Modalities/exposure-ladder` and `Modalities/speech-practice`).
enum ProgressMapping {
    static let exposureLadder = "org.carryover.exposure-ladder"
    static let speechPractice = "org.carryover.speech-practice"

    /// A recorded progress change: its day and the state before and after.
    struct Change {
        var date: LocalDate
        var from: Value
        var to: Value
        var text: String
    }

    /// Values newly in the `mastered` list of a change, with its day.
    static func masteredOn(_ changes: [Change]) -> [Value: LocalDate] {
        var days: [Value: LocalDate] = [:]
        for change in changes {
            let before = change.from["mastered"]?.array ?? []
            for value in change.to["mastered"]?.array ?? [] where !before.contains(value) {
                days[value] = days[value] ?? change.date
            }
        }
        return days
    }

    /// The ladder: steps from `params.steps` (1-based, as the plugin counts),
    /// mastered ones from `state.mastered` with the day each was mastered, the
    /// current one from `state.step` (none once `state.complete`).
    static func ladder(params: Value, state: Value, changes: [Change]) -> LadderProgress {
        let mastered = Set((state["mastered"]?.array ?? []).compactMap { $0.number.map(Int.init) })
        let days = masteredOn(changes)
        let steps = (params["steps"]?.array ?? []).enumerated().map { offset, step in
            LadderProgress.Step(
                index: offset + 1, label: step["situation"]?.string ?? "Step \(offset + 1)",
                mastered: mastered.contains(offset + 1),
                masteredOn: days[.int(Int64(offset + 1))] ?? days[.double(Double(offset + 1))])
        }
        let current =
            state["complete"]?.bool == true
            ? nil : (state["step"] ?? params["start_step"])?.number.map(Int.init)
        return LadderProgress(steps: steps, currentIndex: current)
    }

    /// The speech target, level by level: levels mastered (from `state.mastered`,
    /// each with the day it was mastered) then the current one; sessions from
    /// the entries' `level` field and `accuracy` score (percent).
    static func speech(
        params: Value, state: Value, entries: [Entry], changes: [Change], zone: TimeZone
    )
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
        let days = masteredOn(changes)
        let complete = state["complete"]?.bool == true
        let current = complete ? nil : (state["level"] ?? params["start_level"])?.string
        let mastered = (state["mastered"]?.array ?? []).compactMap(\.string)
        return SpeechProgress(
            target: targets.map { "/\($0)/" }.joined(separator: " ") + position,
            currentLevel: current, criterionAccuracy: percent / 100, criterion: criterion,
            levels: mastered.map { .init(name: $0, masteredOn: days[.string($0)]) }
                + (current.map { [.init(name: $0)] } ?? []),
            sessions: entries.sorted { $0.performedAt < $1.performedAt }.compactMap { entry in
                entry.scores["accuracy"].map {
                    .init(
                        date: LocalDate(entry.performedAt, in: zone), accuracy: $0 / 100,
                        level: entry.fields["level"]?.string ?? current ?? "")
                }
            })
    }

    /// An assignment's ledger in words: every line that gave, bought or
    /// settled something, its delivery, the balance and the catalogue; the
    /// tokens or vouchers earned in one week on one line (a daily token
    /// economy would otherwise fill pages), everything else line by line.
    static func ledger(_ assignment: Assignment, _ ledger: TokenLedger, zone: TimeZone)
        -> LedgerSummary?
    {
        let plan = assignment.reinforcement
        guard plan.schedule != .none || !ledger.lines.isEmpty else { return nil }
        let unit = plan.schedule.ledgerUnit
        let names = Dictionary(
            plan.catalogue.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let refunded = Set(ledger.lines.filter { $0.kind == .refund }.compactMap(\.redemption))
        var earned: [(week: LocalDate, lines: [TokenLedger.Line])] = []
        var lines: [LedgerSummary.Line] = []
        func flush() {
            guard let group = earned.first, let unit else { return }
            earned = []
            guard group.lines.count > 1 else {
                let line = group.lines[0]
                lines.append(
                    .init(
                        date: LocalDate(line.at, in: zone),
                        words: ledger.words(for: line, unit: unit, rewards: names),
                        amount: "+" + unit.format(line.amount)))
                return
            }
            let sum = group.lines.reduce(0) { $0 + $1.amount }
            lines.append(
                .init(
                    date: LocalDate(group.lines[0].at, in: zone),
                    words: "+\(unit.format(sum)) earned for \(group.lines.count) scheduled times "
                        + "in the week of \(group.week)",
                    amount: "+" + unit.format(sum)))
        }
        for line in ledger.lines.sorted(by: { ($0.at, $0.number) < ($1.at, $1.number) })
        where line.kind != .deliver {
            let day = LocalDate(line.at, in: zone)
            let week = day.adding(days: -day.weekday.offset)
            if line.kind == .earn {
                if earned.first?.week != week { flush() }
                if earned.isEmpty { earned = [(week, [])] }
                earned[0].lines.append(line)
                continue
            }
            flush()
            let delivery: LedgerSummary.Delivery? =
                !line.isDeliverable
                ? nil
                : ledger.delivery(of: line.number) != nil
                    ? .delivered : refunded.contains(line.number) ? .refunded : .pending
            lines.append(
                LedgerSummary.Line(
                    date: day,
                    words: ledger.words(for: line, unit: unit, rewards: names, delivery: false),
                    amount: line.amount == 0
                        ? nil : unit.map { (line.amount > 0 ? "+" : "") + $0.format(line.amount) },
                    delivery: delivery))
        }
        flush()
        let kind: String =
            switch plan.schedule {
            case .tokens: "tokens"
            case .escalating: "vouchers"
            case .prizeDraws: "prizes"
            default: "reinforcers"
            }
        return LedgerSummary(
            kind: kind, balance: unit?.format(ledger.balance), lines: lines,
            rewards: plan.catalogue.map {
                .init(
                    name: $0.name, price: (unit ?? .tokens).format($0.price),
                    vetoed: ledger.vetoedRewards.contains($0.id))
            })
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
