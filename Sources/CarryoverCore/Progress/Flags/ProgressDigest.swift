import Foundation

/// An assignment's resolved occurrences folded into what adherence counts
/// and ``BarrierRules`` read, so a caseload can be brought up to date
/// without reading a single entry.
///
/// The fold covers the occurrences before ``cursor`` (the first one still
/// pending when it was computed) in schedule order; done occurrences at or
/// after the cursor are kept in ``ahead``. ``extended(to:assignment:)``
/// carries it forward to a later moment on the assumption that nothing was
/// logged since, which makes every newly resolved occurrence a miss: the
/// result equals the digest computed from scratch then.
public struct ProgressDigest: Sendable, Hashable, Codable {
    /// The rules the fold was made for (their thresholds shape what is kept).
    public var rules: BarrierRules
    /// The moment it was computed at.
    public var computedAt: Date
    /// Index of the first occurrence not folded (the first pending one, or
    /// the next to open).
    public var cursor: Int
    /// Done occurrences at or after the cursor, oldest first.
    public var ahead: [Occurrence]
    /// Rejected or incomplete attempts over every outcome.
    public var rejected: Int
    /// The fold of the occurrences before the cursor.
    var fold: DigestFold
    /// The assignment as it was folded; nil for a digest of bare outcomes.
    public var basis: Basis?
    /// The latest moment an entry that counts was performed at; a digest
    /// computed before it (the clock was behind) is not carried forward.
    public var latestPerformed: Date?
    /// How many flags the latest homework entry has that need no
    /// acknowledgement; nil when that entry was stored before flags were kept.
    public var latestFlags: Int? = 0
    /// The engine state's entry revision it was computed at (see `AssignmentState`).
    public var revision = 0

    /// Folds `outcomes` (as ``OccurrenceHistory`` gives them) at `now`.
    public init(
        outcomes: [OccurrenceOutcome], now: Date, grace: TimeInterval, timeZone: TimeZone,
        rules: BarrierRules = .standard
    ) {
        self.rules = rules
        computedAt = now
        ahead = []
        rejected = outcomes.map(\.rejectedAttempts).reduce(0, +)
        fold = DigestFold()
        let calendar = LocalCalendar(timeZone: timeZone)
        let resolved = outcomes.resolved(now: now, grace: grace)
        var cursor = (resolved.last?.outcome.occurrence.index).map { $0 + 1 } ?? 0
        var folding = true
        for (outcome, status) in resolved {
            if status == .pending, folding {
                folding = false
                cursor = outcome.occurrence.index
            }
            if folding {
                fold.add(outcome.occurrence, status, rules: rules, calendar: calendar)
            } else if status == .done {
                ahead.append(outcome.occurrence)
            }
        }
        self.cursor = cursor
    }

    /// The digest at `clockNow` of `assignment`, when no entry was recorded
    /// since it was computed; nil when it cannot be carried forward: the
    /// assignment changed since (``basis``), or the clock was behind an
    /// entry or went back.
    public func extended(to clockNow: Date, assignment: Assignment) -> ProgressDigest? {
        guard basis == Basis(assignment), latestPerformed.map({ $0 <= computedAt }) ?? true
        else { return nil }
        let now = assignment.endedAt.map { min($0, clockNow) } ?? clockNow
        let grace = TimeInterval(assignment.schedule.graceMinutes * 60)
        // The cursor's due is at least computedAt - grace, or it had not opened yet.
        let from = max(
            assignment.createdAt.addingTimeInterval(-86_400),
            computedAt.addingTimeInterval(-grace - 2 * 86_400))
        let until = max(now, assignment.createdAt).addingTimeInterval(2 * 86_400)
        guard from < until else { return nil }
        let done = Set(ahead.map(\.index))
        // As OccurrenceHistory lists them: opened, and due since it was made unless done.
        let opened = AssignmentTimeline(assignment).occurrences(
            in: .clamped(from, until), excluding: assignment.pauses(until: now)
        ).filter {
            $0.start <= now && ($0.due >= assignment.createdAt || done.contains($0.index))
        }
        let zone = TimeZone(identifier: assignment.schedule.timeZone) ?? .gmt
        return extended(to: now, occurrences: opened, grace: grace, timeZone: zone)
    }

    /// The digest at `now` when no entry was recorded since it was
    /// computed; nil when the clock went back. `occurrences` are the
    /// assignment's occurrences opened by `now` from around ``computedAt``
    /// on, as ``OccurrenceHistory`` would list them.
    func extended(to now: Date, occurrences: [Occurrence], grace: TimeInterval, timeZone: TimeZone)
        -> ProgressDigest?
    {
        guard now >= computedAt else { return nil }
        var result = self
        result.computedAt = now
        let calendar = LocalCalendar(timeZone: timeZone)
        let done = Set(ahead.map(\.index))
        var remaining: [Occurrence] = []
        var folding = true
        for occurrence in occurrences where occurrence.index >= cursor {
            let isDone = done.contains(occurrence.index)
            let status: OccurrenceStatus =
                isDone
                ? .done : now > occurrence.due.addingTimeInterval(grace) ? .missed : .pending
            if folding, status == .pending {
                folding = false
                result.cursor = occurrence.index
            }
            if folding {
                result.fold.add(occurrence, status, rules: rules, calendar: calendar)
                result.cursor = occurrence.index + 1
            } else if isDone {
                remaining.append(occurrence)
            }
        }
        result.ahead = remaining
        return result
    }

    /// The fold with the done occurrences ahead added: what the rules read at
    /// ``computedAt`` (pending occurrences count neither way).
    func closed(timeZone: TimeZone) -> DigestFold {
        var closed = fold
        let calendar = LocalCalendar(timeZone: timeZone)
        for occurrence in ahead { closed.add(occurrence, .done, rules: rules, calendar: calendar) }
        closed.closeWeek(rules: rules)
        return closed
    }

    /// What a digest was computed against: the parts of an assignment that
    /// decide its occurrences. Any other value means "compute it again".
    public struct Basis: Sendable, Hashable, Codable {
        public var createdAt: Date
        public var status: Assignment.Status
        public var version: Int
        /// Changes in the assignment's history (pauses, versions, status).
        public var changes: Int
        public var lastChange: Date?
        public var schedule: Schedule

        public init(_ assignment: Assignment) {
            createdAt = assignment.createdAt
            status = assignment.status
            version = assignment.versionNumber
            changes = assignment.history.count
            lastChange = assignment.history.last?.at
            schedule = assignment.schedule
        }
    }

    /// The digest of an assignment's history at its moment, with its basis
    /// and the latest moment of the entries that count.
    public init(history: OccurrenceHistory, entries: [Entry], rules: BarrierRules = .standard) {
        self.init(
            outcomes: history.outcomes, now: history.now, grace: history.grace,
            timeZone: history.timeZone, rules: rules)
        basis = Basis(history.assignment)
        latestPerformed = entries.lazy.filter(\.counts).map(\.performedAt).max()
    }

    /// Done and due occurrences at ``computedAt``.
    public var adherence: AdherenceCount {
        var count = fold.count
        count.done += ahead.count
        count.due += ahead.count
        return count
    }
}

/// Done or missed occurrences of one slot (a weekday or a minute of the day).
struct SlotCount: Sendable, Hashable, Codable {
    var key: Int
    var missed: Int
    var total: Int
}

/// The running fold of resolved statuses, in schedule order.
struct DigestFold: Sendable, Hashable, Codable {
    var count = AdherenceCount(done: 0, due: 0)
    /// Misses since the latest done occurrence.
    var trailingMisses = 0
    /// The first statuses, as many as the unclear-instructions rule reads.
    var opening: [OccurrenceStatus] = []
    /// Per ISO weekday and per local minute of day (timed occurrences only).
    var weekdays: [SlotCount] = []
    var minutes: [SlotCount] = []
    /// The week being folded (its local Monday) and its count.
    var weekStart: Date?
    var week = AdherenceCount(done: 0, due: 0)
    /// Closed weeks with enough occurrences due for the motivation rule:
    /// how many, the first and the latest ones.
    var qualifyingWeeks = 0
    var firstWeek: AdherenceCount?
    var recentWeeks: [AdherenceCount] = []

    mutating func add(
        _ occurrence: Occurrence, _ status: OccurrenceStatus, rules: BarrierRules,
        calendar: LocalCalendar
    ) {
        guard status != .pending else { return }
        count.add(status)
        trailingMisses = status == .missed ? trailingMisses + 1 : 0
        if opening.count < max(rules.missedFromStart, 0) { opening.append(status) }
        let missed = status == .missed ? 1 : 0
        Self.bump(&weekdays, calendar.isoWeekday(of: occurrence.start), missed)
        if !occurrence.allDay {
            Self.bump(&minutes, calendar.minuteOfDay(of: occurrence.start), missed)
        }
        let start = calendar.weekStart(of: occurrence.start)
        if start != weekStart {
            closeWeek(rules: rules)
            weekStart = start
        }
        week.add(status)
    }

    /// Ends the week being folded, keeping it when it qualifies.
    mutating func closeWeek(rules: BarrierRules) {
        defer { week = AdherenceCount(done: 0, due: 0) }
        guard weekStart != nil, week.due >= max(1, rules.minimumWeeklyDue) else { return }
        qualifyingWeeks += 1
        if firstWeek == nil { firstWeek = week }
        recentWeeks.append(week)
        recentWeeks = Array(recentWeeks.suffix(max(rules.decliningWeeks, 1)))
    }

    private static func bump(_ slots: inout [SlotCount], _ key: Int, _ missed: Int) {
        if let at = slots.firstIndex(where: { $0.key == key }) {
            slots[at].missed += missed
            slots[at].total += 1
        } else {
            slots.append(SlotCount(key: key, missed: missed, total: 1))
        }
    }
}
