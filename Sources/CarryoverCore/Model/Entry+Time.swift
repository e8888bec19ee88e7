import Foundation

extension Entry {
    /// How far after the clock's "now" an entry's time may lie: the clocks of
    /// a phone, a laptop and a server disagree by seconds to minutes, and an
    /// entry logged "now" on one must not be refused by another.
    public static let clockSkewTolerance: TimeInterval = 5 * 60

    /// What is wrong with an entry's time, said after the time ("is in the
    /// future"), or nil when the homework can have been done then: not later
    /// than `now` (beyond ``clockSkewTolerance``) and inside the dates
    /// schedules cover (``Schedule/supportedDates``).
    public static func performedAtProblem(_ time: Date, now: Date) -> String? {
        let dates = Schedule.supportedDates
        guard time.timeIntervalSince1970.isFinite, time >= dates.lowerBound.midnightUTC,
            time < dates.upperBound.adding(days: 1).midnightUTC
        else {
            return "is outside the years \(dates.lowerBound.year) to \(dates.upperBound.year)"
        }
        guard time.timeIntervalSince(now) <= clockSkewTolerance else { return "is in the future" }
        return nil
    }

    /// Refuses a time the homework cannot have been done at (see ``performedAtProblem(_:now:)``).
    ///
    /// - Throws: ``CoreError`` `.invalidEntry` naming both times.
    public static func checkPerformedAt(_ time: Date, now: Date) throws(CoreError) {
        guard let problem = performedAtProblem(time, now: now) else { return }
        throw CoreError(
            .invalidEntry,
            "the time \(StrictDate.text(time)) \(problem) (the clock says \(StrictDate.text(now)), "
                + "allowing \(Int(clockSkewTolerance / 60)) minutes for clocks that disagree); "
                + "give the time it was done, or check the clock")
    }
}
