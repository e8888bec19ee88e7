import CarryoverCore
import CarryoverExport
import Foundation

extension Practice {
    /// The client's plan for the FHIR export: the client id as pseudonym (no
    /// name), SMART goals with their measure and time bound, one task per
    /// assignment, measures scored by the core's instruments, and homework scores.
    ///
    /// - Parameters:
    ///   - clientID: The client's pseudonymous id.
    ///   - codeSystemBase: Base URL of the clinic's own code systems; the
    ///     patient identifier system is `<base>/client-id`.
    public func carePlan(
        clientID: String, codeSystemBase: String = "https://carryover.invalid/fhir"
    ) async throws -> CarePlanExport {
        let client = try await client(clientID)
        let zone = TimeZone(identifier: client.timeZone) ?? .gmt
        let progress = try await progress(clientID: client.id, withFields: true)
        let entries = progress.flatMap(\.entries)
        let supporters = Dictionary(
            uniqueKeysWithValues: try await store.supporters(clientID: client.id).map {
                ($0.id, $0)
            })
        let respondent = { (entry: Entry) in Self.respondent(of: entry, supporters: supporters) }
        return CarePlanExport(
            patient: .init(pseudonym: client.id, identifierSystem: codeSystemBase + "/client-id"),
            planID: "plan-\(client.id)", planTitle: "Homework plan",
            planStatus: progress.contains { $0.assignment.status == .active }
                ? "active" : "completed",
            goals: try await goals(clientID: client.id).map { goal in
                CarePlanExport.Goal(
                    id: goal.id,
                    description: goal.specific.isEmpty
                        ? goal.title : "\(goal.title): \(goal.specific)",
                    lifecycleStatus: .active, measure: goal.measure, dueDate: goal.timeBound)
            },
            tasks: progress.map { item in
                let span = Self.span(of: item.assignment, zone: zone)
                return CarePlanExport.Task(
                    assignmentID: item.assignment.id, description: item.title,
                    status: item.assignment.status, start: span.start, end: span.end)
            },
            measures: try MeasureMapping.series(of: entries, in: zone, respondent: respondent),
            scores: scoreSeries(
                of: entries, titles: titles(progress), codes: try scoreCodes(progress), zone: zone),
            informantResponses: try informantResponses(
                progress, zone: zone, respondent: respondent),
            codeSystemBase: codeSystemBase)
    }

    /// Each scored homework type's `metadata` codes, read from the version its
    /// assignment uses. A type that no longer loads (its pack removed) exports
    /// its scores with the project's codes only.
    func scoreCodes(_ progress: [AssignmentProgress]) throws -> [String: ScoreCodes] {
        var codes: [String: ScoreCodes] = [:]
        for item in progress where codes[item.assignment.homeworkType] == nil {
            let assignment = item.assignment
            guard !item.entries.allSatisfy({ $0.scores.isEmpty }),
                let type = try homeworkTypeIfItLoads(
                    assignment.homeworkType, version: assignment.homeworkVersion,
                    seed: assignment.seed)
            else { continue }
            codes[assignment.homeworkType] = type.declaration.scoreCodes
        }
        return codes
    }

    /// First and last local day of an assignment's schedule (no last day
    /// for a schedule without an end).
    static func span(of assignment: Assignment, zone: TimeZone) -> (
        start: LocalDate, end: LocalDate?
    ) {
        let schedule = assignment.schedule
        let start: LocalDate
        if case .on(let date) = schedule.start {
            start = date
        } else {
            start = LocalDate(assignment.createdAt, in: zone)
        }
        switch schedule.end {
        case .never: return (start, nil)
        case .until(let date): return (start, date)
        case .after(let amount, let unit):
            return (start, start.adding(days: amount * (unit == .weeks ? 7 : 1) - 1))
        case .count(let count):
            return (
                start, schedule.occurrence(index: count - 1).map { LocalDate($0.start, in: zone) }
            )
        }
    }
}
