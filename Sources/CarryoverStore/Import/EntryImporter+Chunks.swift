import CarryoverCore

/// The importer's chunks: lines read ahead (at most one batch's worth and
/// ``EntryImporter/maxChunkBytes``), parsed and checked on the pool of
/// workers while the chunk before is committed.
extension EntryImporter {
    /// What one line makes: an entry, or the problem that rejects it.
    enum Outcome: Sendable {
        case entry(ImportedEntry)
        case problem(String)
    }

    /// A line read and parsed: its outcome already, or what is left to do.
    fileprivate enum Parsed: Sendable {
        case done(Outcome?)
        case line(EntryLine, assignmentID: String)
    }

    /// The next lines after `resumeAfter`: at most `room`, and no more
    /// bytes than ``maxChunkBytes`` past the first.
    fileprivate static func chunk(_ reader: inout LineReader, after resumeAfter: Int, room: Int)
        throws -> [LineReader.Line]
    {
        var lines: [LineReader.Line] = []
        var bytes = 0
        while lines.count < room, bytes < maxChunkBytes, let line = try reader.next() {
            guard line.number > resumeAfter else { continue }
            bytes += line.bytes?.count ?? 0
            lines.append(line)
        }
        return lines
    }

    /// A chunk of lines, and the task working out their outcomes.
    typealias Pending = (chunk: [LineReader.Line], work: Task<Outcomes, any Error>)
    /// A chunk's outcomes in line order, and the lookup with what it learnt.
    typealias Outcomes = ([Outcome?], AssignmentLookup)

    /// The next chunk, and its outcomes being worked out; `nil` at the end.
    /// `batchLines`: the lines of the open batch before it.
    func start(
        _ reader: inout LineReader, after resumeAfter: Int, batchLines: Int,
        _ lookup: AssignmentLookup
    ) throws -> Pending? {
        let chunk = try Self.chunk(&reader, after: resumeAfter, room: batchSize - batchLines)
        guard !chunk.isEmpty else { return nil }
        let workers = Workers(
            pool: ImportWorkers(
                count: validators.count, minimumLinesPerWorker: minimumLinesPerWorker),
            validators: validators, clock: clock)
        return (chunk, Task { try await workers.outcomes(chunk, lookup) })
    }

    /// The workers with their validators: one chunk at a time has them (the
    /// next chunk starts when the one before has its outcomes).
    fileprivate struct Workers: @unchecked Sendable {
        let pool: ImportWorkers
        let validators: [EntryLineValidator]
        let clock: any WallClock

        /// Each line's entry, its problem, or `nil` for a blank line, in
        /// order: parsed and checked on the workers, the assignments looked
        /// up between; and the lookup with what it has learnt.
        func outcomes(_ lines: [LineReader.Line], _ lookup: AssignmentLookup) async throws
            -> Outcomes
        {
            var lookup = lookup
            let parsed = try await pool.map(lines.count) { _, index in
                EntryImporter.parse(lines[index])
            }
            var assignments: [Assignment?] = Array(repeating: nil, count: lines.count)
            for case (let index, .line(_, let assignmentID)) in parsed.enumerated() {
                assignments[index] = try await lookup.assignment(assignmentID)
            }
            let (validators, clock) = (self.validators, self.clock)
            let outcomes = try await pool.map(lines.count) { worker, index -> Outcome? in
                guard case .line(let line, let assignmentID) = parsed[index] else {
                    if case .done(let outcome) = parsed[index] { return outcome }
                    return nil
                }
                guard let assignment = assignments[index] else {
                    return .problem("assignment '\(assignmentID)' does not exist")
                }
                do {
                    return .entry(
                        try line.entry(
                            for: assignment, line: lines[index].number, loggedAt: clock.now(),
                            validator: validators[worker]))
                } catch let problem as LineProblem {
                    return .problem(problem.reason)
                }
            }
            return (outcomes, lookup)
        }
    }

    /// The line parsed, or its outcome when that needs no assignment.
    fileprivate static func parse(_ line: LineReader.Line) -> Parsed {
        guard let bytes = line.bytes else {
            return .done(.problem("is longer than \(LineReader.defaultMaxLineBytes) bytes"))
        }
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { return .done(nil) }
        do throws(LineProblem) {
            let parsed = try EntryLine(bytes: bytes)
            return .line(parsed, assignmentID: try parsed.assignmentID)
        } catch {
            return .done(.problem(error.reason))
        }
    }
}
