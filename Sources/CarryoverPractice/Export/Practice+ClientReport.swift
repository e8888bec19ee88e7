import CarryoverCore
import CarryoverExport
import CarryoverStore
import Foundation

extension Practice {
    /// Everything the HTML report shows about a client over a period, mapped
    /// from the engine's own results (occurrences, entries, instruments,
    /// plugin state and its recorded changes, ledgers and flags) at the
    /// practice clock's now: the goals, then one section per assignment.
    ///
    /// - Parameters:
    ///   - clientID: The client's pseudonymous id.
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
        let period = DateInterval.clamped(
            zone.instant(of: start, at: .midnight),
            zone.instant(of: end.adding(days: 1), at: .midnight))
        let goals = try await goals(clientID: client.id)
        var sections: [AssignmentReport] = []
        for item in progress {
            sections.append(
                try await assignmentReport(
                    item, among: progress, goals: goals, period: period, zone: zone))
        }
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
            goals: ReportMapping.goals(goals, assignments: progress),
            assignments: sections,
            reviews: try await store.reviews(clientID: client.id).filter {
                period.contains($0.heldAt)
            }.flatMap { Self.reportDecisions($0, zone: zone) })
    }

    /// One assignment's section: plan, adherence, one series per score,
    /// measure, ladder or speech levels, milestones and ledger.
    private func assignmentReport(
        _ item: AssignmentProgress, among all: [AssignmentProgress], goals: [Goal],
        period: DateInterval, zone: TimeZone
    ) async throws -> AssignmentReport {
        let assignment = item.assignment
        // What counts for the rule marks a day done (a supporter's informant form does not).
        let adherence = self.adherence(
            of: assignment, title: item.title, entries: item.entries.filter(\.counts),
            over: period, zone: zone)
        let state = try await assignmentState(assignment)
        let changes = try await store.ledger(assignmentID: assignment.id)
            .filter { $0.kind == Self.progressEventKind }
            .map { event in
                ProgressMapping.Change(
                    date: LocalDate(event.at, in: zone), from: event.payload["from"] ?? .null,
                    to: event.payload["to"] ?? .null,
                    text: event.payload["change"]?.string ?? "")
            }
        var section = AssignmentReport(
            assignmentID: assignment.id, title: item.title,
            distinction: ReportMapping.distinction(of: item, among: all),
            status: assignment.status.rawValue,
            endedOn: assignment.endedAt.map { LocalDate($0, in: zone) },
            schedule: assignment.schedule.description, rule: assignment.completion.description,
            reinforcement: assignment.reinforcement.schedule == .none
                ? "" : assignment.reinforcement.description,
            ruleProgress: item.completion.progress, ruleMet: item.completion.met,
            task: ReportMapping.task(of: assignment, in: goals),
            progressSummary: item.progressSummary, adherence: adherence,
            milestones: changes.map { Milestone(date: $0.date, text: $0.text) })
        section.endReason = assignment.history.last { $0.status?.to.isFinal == true }?.reason
        if assignment.waitsForAnchor {
            section.waitsFor =
                "it starts "
                + (assignment.startsAfter.map { "when \($0) is completed" }
                    ?? "when the previous step is done ('carryover assignment start \(assignment.id)')")
        }
        let missed = adherence.days.filter { $0.value == .missed }.map(\.key)
        if MeasureMapping.instruments[assignment.homeworkType] != nil {
            section.measure = try MeasureMapping.series(of: item.entries, in: zone).first
        } else {
            section.scores = ReportMapping.scores(
                item.entries, titles: item.scoreTitles, gaps: missed, zone: zone)
        }
        let params = assignment.params
        if assignment.homeworkType == ProgressMapping.exposureLadder {
            section.ladder = ProgressMapping.ladder(
                params: params, state: state.progress, changes: changes)
        } else if assignment.homeworkType == ProgressMapping.speechPractice {
            // The declared defaults when the type still loads; the params as given if not.
            let withDefaults =
                try homeworkTypeIfItLoads(
                    assignment.homeworkType, version: assignment.homeworkVersion,
                    seed: assignment.seed)?.declaration.applyingParamDefaults(to: params)
                ?? params
            section.speech = ProgressMapping.speech(
                params: withDefaults, state: state.progress, entries: item.entries,
                changes: changes, zone: zone)
        }
        section.ledger = ProgressMapping.ledger(
            assignment, state.reinforcement.ledger, zone: zone)
        return section
    }

    /// What became of each day's occurrences in `period` (up to the end of a
    /// completed or abandoned assignment): done when every occurrence of the
    /// day was done, missed when one was missed, pending when one is not yet
    /// due, excused when the assignment was paused.
    func adherence(
        of assignment: Assignment, title: String, entries: [Entry], over period: DateInterval,
        zone: TimeZone
    ) -> AssignmentAdherence {
        let now = min(clock.now(), assignment.endedAt ?? .distantFuture)
        // Each version's days by its own schedule: a change keeps the weeks before as they were.
        let timeline = AssignmentTimeline(assignment)
        let pauses = assignment.pauses(until: now)
        var byIndex: [Int: [Entry]] = [:]
        for entry in entries {
            if let occurrence = timeline.occurrence(for: entry.performedAt, excluding: pauses) {
                byIndex[occurrence.index, default: []].append(entry)
            }
        }
        // Nothing after the end of an ended assignment is due, or missed.
        let shown = DateInterval(
            start: period.start,
            end: max(period.start, min(period.end, assignment.endedAt ?? period.end)))
        let kept = Set(timeline.occurrences(in: shown, excluding: pauses).map(\.index))
        let grace = TimeInterval(assignment.schedule.graceMinutes * 60)
        var days: [LocalDate: [AssignmentAdherence.DayStatus]] = [:]
        for occurrence in timeline.occurrences(in: shown)
        where occurrence.due >= assignment.createdAt || byIndex[occurrence.index] != nil {
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
    /// totals are exported as measures), with the codes of its scores, for the FHIR export.
    func scoreSeries(
        of entries: [Entry], titles: [String: String], codes: [String: ScoreCodes] = [:],
        zone: TimeZone
    ) -> [HomeworkScores] {
        Dictionary(grouping: entries.filter { MeasureMapping.instruments[$0.homeworkType] == nil })
        {
            $0.homeworkType
        }
        .sorted { $0.key < $1.key }
        .compactMap { typeID, typed in
            let points = typed.sorted { ($0.performedAt, $0.id) < ($1.performedAt, $1.id) }
                .flatMap { entry in
                    entry.scores.sorted { $0.key < $1.key }.map {
                        HomeworkScores.Point(
                            date: LocalDate(entry.performedAt, in: zone), name: $0.key,
                            value: $0.value)
                    }
                }
            return points.isEmpty
                ? nil
                : HomeworkScores(
                    homeworkType: typeID, title: titles[typeID] ?? typeID, points: points,
                    codes: codes[typeID] ?? ScoreCodes())
        }
    }
}
