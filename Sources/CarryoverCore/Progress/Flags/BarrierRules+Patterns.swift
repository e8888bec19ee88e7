import Foundation

extension BarrierRules {
    func consecutiveMissesFlag(trailing: Int) -> ProgressFlag? {
        guard consecutiveMisses > 0, trailing >= consecutiveMisses else { return nil }
        return ProgressFlag(
            level: .attention, code: .consecutiveMisses,
            message: "The last \(trailing) scheduled times in a row were missed.",
            suggestion: "Contact the client before the next session to find out what is in the way."
        )
    }

    func timeConstraintsFlag(_ fold: DigestFold) -> ProgressFlag? {
        // Labels only for the slot that wins: building one per occurrence
        // was a fifth of a caseload.
        let byWeekday = bestCluster(
            fold.weekdays, label: { "on \(LocalCalendar.weekdayName($0))s" })
        let byTime = bestCluster(
            fold.minutes,
            // LocalTime's "HH:MM", not String(format:), which was 6% of a status.
            label: { "at \(LocalTime(hour: $0 / 60, minute: $0 % 60)!)" })
        let clusters = [byWeekday, byTime].compactMap { $0 }
        guard let cluster = clusters.max(by: { $0.misses < $1.misses }) else { return nil }
        return ProgressFlag(
            level: .info, code: .timeConstraints,
            message:
                "Misses cluster \(cluster.label): \(cluster.misses) of \(cluster.total) missed "
                + "there, against \(cluster.outsideMisses) of \(cluster.outsideTotal) at other times.",
            suggestion: "Likely time constraints: move the homework to a better time or day, "
                + "chosen with the client.")
    }

    func unclearInstructionsFlag(opening statuses: [OccurrenceStatus], rejected: Int)
        -> ProgressFlag?
    {
        let opening = statuses.prefix(missedFromStart)
        let missedOpening =
            missedFromStart > 0 && opening.count == missedFromStart
            && opening.allSatisfy { $0 == .missed }
        let reasons =
            (rejectedAttempts > 0 && rejected >= rejectedAttempts
                ? ["\(rejected) entries were rejected or left incomplete"] : [])
            + (missedOpening
                ? ["the first \(missedFromStart) scheduled times were all missed"] : [])
        guard !reasons.isEmpty else { return nil }
        return ProgressFlag(
            level: .info, code: .unclearInstructions,
            message: reasons.joined(separator: "; ").capitalizedFirst + ".",
            suggestion: "The instructions may be unclear: go over the homework in session "
                + "and fill in an example together.")
    }

    /// From the weekly adherence of the `weeks` weeks that count (sparse
    /// ones left out): the first and the latest ones, oldest first.
    func lowMotivationFlag(first: Double?, recent weekly: [Double], weeks: Int) -> ProgressFlag? {
        guard decliningWeeks >= 2, weeks >= decliningWeeks,
            let start = first, start >= goodStart,
            let latest = weekly.last, latest <= lowAdherence
        else { return nil }
        let recent = Array(weekly.suffix(decliningWeeks))
        guard zip(recent, recent.dropFirst()).allSatisfy({ $0 > $1 }) else { return nil }
        let percents = recent.map { "\(Int(($0 * 100).rounded()))%" }
        return ProgressFlag(
            level: .info, code: .lowMotivation,
            message: "Adherence fell week over week after a good start: "
                + percents.joined(separator: " -> ") + ".",
            suggestion: "Motivation may be low: make the step smaller, and add or raise "
                + "the reinforcement.")
    }

    /// A slot where misses cluster, with the counts the message shows.
    struct Cluster {
        var label: String
        /// The slot's key (weekday, minute of day).
        var key: Int
        var misses: Int
        var total: Int
        var outsideMisses: Int
        var outsideTotal: Int
    }

    /// The slot among `slots` (named by `label`) that clusters most misses,
    /// if any clusters (rule in the type's doc).
    private func bestCluster(_ slots: [SlotCount], label: (Int) -> String) -> Cluster? {
        let misses = Dictionary(uniqueKeysWithValues: slots.map { ($0.key, $0.missed) })
        let totals = Dictionary(uniqueKeysWithValues: slots.map { ($0.key, $0.total) })
        let allMisses = misses.values.reduce(0, +)
        let allTotal = totals.values.reduce(0, +)
        let candidates = totals.keys.sorted().compactMap { key -> Cluster? in
            let cluster = Cluster(
                label: "", key: key, misses: misses[key]!, total: totals[key]!,
                outsideMisses: allMisses - misses[key]!, outsideTotal: allTotal - totals[key]!)
            let rate = Double(cluster.misses) / Double(cluster.total)
            guard cluster.misses >= clusterMinimumMisses, rate >= clusterMinimumMissRate,
                cluster.outsideTotal > 0
            else { return nil }
            let outsideRate = Double(cluster.outsideMisses) / Double(cluster.outsideTotal)
            return outsideRate <= clusterOutsideRateRatio * rate ? cluster : nil
        }
        // Most misses wins; max(by:) keeps the first (earliest slot) among equals.
        return candidates.max { $0.misses < $1.misses }.map {
            var named = $0
            named.label = label(named.key)
            return named
        }
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
