import CarryoverCore
import CarryoverExport
import CarryoverStore
import Foundation

extension Practice {
    /// Everything the HTML report shows about a client over a period, mapped
    /// from the engine's own results (occurrences, entries, instruments,
    /// plugin state, ledgers and flags) at the practice clock's now.
    ///
    /// - Parameters:
    ///   - from: First local day shown; by default the day the client's first
    ///     assignment was made.
    ///   - to: Last local day shown; by default today in the client's zone.
    /// - Throws: ``PracticeError`` `.notFound` for an unknown client,
    ///   `.invalidInput` when `from` is after `to`.
    public func clientReport(clientID: String, from: LocalDate? = nil, to: LocalDate? = nil)
        async throws -> ClientReport
    {
        let client = try await client(clientID)
        let zone = TimeZone(identifier: client.timeZone) ?? .gmt
        let progress = try await progress(clientID: client.id, withFields: true)
        let end = to ?? today(in: client.timeZone)
        let start =
            from ?? progress.map { LocalDate($0.assignment.createdAt, in: zone) }.min() ?? end
        guard start <= end else {
            throw PracticeError(
                .invalidInput,
                "The report period starts after it ends: give --from on or before --to.")
        }
        let period = DateInterval(
            start: zone.instant(of: start, at: .midnight),
            end: zone.instant(of: end.adding(days: 1), at: .midnight))
        let entries = progress.flatMap(\.entries)
        let inPeriod = entries.filter { period.contains($0.performedAt) }

        var ladders: [LadderProgress] = []
        var speech: [SpeechProgress] = []
        var ledgers: [(assignment: Assignment, title: String, ledger: TokenLedger)] = []
        for item in progress {
            let assignment = item.assignment
            let state = try await assignmentState(assignment)
            ledgers.append((assignment, item.title, state.reinforcement.ledger))
            guard
                [ProgressMapping.exposureLadder, ProgressMapping.speechPractice]
                    .contains(assignment.homeworkType)
            else { continue }
            // The declared defaults when the type still loads; the params as given if not.
            let params =
                (try? homeworkType(
                    assignment.homeworkType, version: assignment.homeworkVersion,
                    seed: assignment.seed))?.declaration.applyingParamDefaults(
                    to: assignment.params) ?? assignment.params
            if assignment.homeworkType == ProgressMapping.exposureLadder {
                ladders.append(
                    ProgressMapping.ladder(
                        assignment, title: item.title, params: params, state: state.progress))
            } else {
                speech.append(
                    ProgressMapping.speech(
                        params: params, state: state.progress, entries: item.entries, zone: zone))
            }
        }
        let measures = try MeasureMapping.series(of: entries, in: zone).map { series in
            var shown = series
            shown.administrations = series.administrations.filter {
                (start...end).contains($0.date)
            }
            return shown
        }.filter { !$0.administrations.isEmpty }
        return ClientReport(
            client: ReportClient(
                pseudonym: client.id, displayName: client.displayName, timeZone: client.timeZone),
            periodStart: start, periodEnd: end,
            flags: ProgressMapping.flags(
                raised: try await store.flags(FlagQuery(clientID: client.id)).filter {
                    $0.isOpen || period.contains($0.performedAt)
                }, zone: zone,
                pluginFlags: progress.flatMap(\.pluginFlags),
                barrierFlags: progress.filter { $0.assignment.status == .active }
                    .flatMap { item in item.barrierFlags.map { (item.title, $0) } }),
            adherence: progress.map {
                adherence(
                    of: $0.assignment, title: $0.title, entries: $0.entries, over: period,
                    zone: zone)
            },
            scores: scoreSeries(of: inPeriod, titles: titles(progress), zone: zone),
            measures: measures, ladders: ladders, speech: speech,
            tokens: ProgressMapping.tokens(ledgers, zone: zone))
    }

    /// What became of each day's occurrences in `period`: done when every
    /// occurrence of the day was done, missed when one was missed, pending
    /// when one is not yet due, excused when the assignment was paused.
    func adherence(
        of assignment: Assignment, title: String, entries: [Entry], over period: DateInterval,
        zone: TimeZone
    ) -> AssignmentAdherence {
        let now = clock.now()
        // Each version's days by its own schedule: a change keeps the weeks before as they were.
        let timeline = AssignmentTimeline(assignment)
        let pauses = assignment.pauses(until: now)
        var byIndex: [Int: [Entry]] = [:]
        for entry in entries {
            if let occurrence = timeline.occurrence(for: entry.performedAt, excluding: pauses) {
                byIndex[occurrence.index, default: []].append(entry)
            }
        }
        let kept = Set(timeline.occurrences(in: period, excluding: pauses).map(\.index))
        let grace = TimeInterval(assignment.schedule.graceMinutes * 60)
        var days: [LocalDate: [AssignmentAdherence.DayStatus]] = [:]
        for occurrence in timeline.occurrences(in: period) {
            let status: AssignmentAdherence.DayStatus
            if kept.contains(occurrence.index) {
                let outcome = OccurrenceOutcome(
                    occurrence: occurrence, entries: byIndex[occurrence.index] ?? [])
                status = .init(rawValue: outcome.status(now: now, grace: grace).rawValue)!
            } else {
                status = .excused
            }
            days[LocalDate(occurrence.start, in: zone), default: []].append(status)
        }
        return AssignmentAdherence(
            assignmentID: assignment.id, title: title,
            days: days.mapValues { statuses in
                [.missed, .pending, .excused].first(where: statuses.contains) ?? .done
            }, versions: Self.versions(of: assignment, zone: zone))
    }

    /// The assignment's versions with their days and terms in words.
    static func versions(of assignment: Assignment, zone: TimeZone) -> [ReportVersion] {
        assignment.allVersions.map { version, current in
            ReportVersion(
                number: version.number, from: version.start?.date,
                through: current ? nil : LocalDate(version.until, in: zone).adding(days: -1),
                terms: "\(version.schedule); done when \(version.completion); "
                    + "reinforcement: \(version.reinforcement.schedule)")
        }
    }

    /// Homework type id -> its title, from the assignments' catalogue entries.
    func titles(_ progress: [AssignmentProgress]) -> [String: String] {
        Dictionary(
            progress.map { ($0.assignment.homeworkType, $0.title) },
            uniquingKeysWith: { first, _ in first })
    }

    /// One series per homework type that scored, measures left out (their
    /// totals are shown, and exported, as measures).
    func scoreSeries(of entries: [Entry], titles: [String: String], zone: TimeZone)
        -> [ScoreSeries]
    {
        Dictionary(grouping: entries.filter { MeasureMapping.instruments[$0.homeworkType] == nil })
        {
            $0.homeworkType
        }
        .sorted { $0.key < $1.key }
        .compactMap { typeID, typed in
            let points = typed.sorted { ($0.performedAt, $0.id) < ($1.performedAt, $1.id) }
                .flatMap { entry in
                    entry.scores.sorted { $0.key < $1.key }.map {
                        ScoreSeries.Point(
                            date: LocalDate(entry.performedAt, in: zone), name: $0.key,
                            value: $0.value)
                    }
                }
            return points.isEmpty
                ? nil
                : ScoreSeries(homeworkType: typeID, title: titles[typeID] ?? typeID, points: points)
        }
    }
}
