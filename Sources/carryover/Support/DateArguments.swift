import CarryoverCore
import Foundation

/// The dates and times the command line reads, all through the core's one
/// strict parser (``StrictDate``): a day that does not exist is refused with
/// exit 65, never rolled over.

/// A local date from YYYY-MM-DD, in the years schedules cover
/// (``Schedule/supportedDates``): a report or goal far outside them would only
/// make the engine count days for minutes.
func parseDate(_ text: String) throws -> LocalDate {
    let date: LocalDate
    do throws(StrictDate.Problem) {
        date = try StrictDate.date(text)
    } catch {
        let why = error.kind == .shape ? "is not a date" : error.description
        throw CommandFailure(
            .invalidInput, "'\(text)' \(why); write it as YYYY-MM-DD (e.g. 2026-11-30)")
    }
    let range = Schedule.supportedDates
    guard range.contains(date) else {
        throw CommandFailure(
            .invalidInput,
            "'\(text)' is outside \(range.lowerBound) to \(range.upperBound); give a date in that range"
        )
    }
    return date
}

/// "2026-12-01 19:30" in the client's time zone, or an RFC 3339 instant with
/// its offset ("2026-12-01T19:30:00+01:00", "2026-12-01T18:30:00Z").
func parseInstant(_ text: String, timeZone: String) throws -> Date {
    let problem: StrictDate.Problem
    do throws(StrictDate.Problem) {
        return try StrictDate.instant(text)
    } catch { problem = error }
    if problem.kind == .shape, let local = try? StrictDate.localDateTime(text),
        let zone = TimeZone(identifier: timeZone)
    {
        return zone.instant(of: local.date, at: local.time)
            .addingTimeInterval(TimeInterval(local.second))
    }
    let why = problem.kind == .shape ? "is not a time" : problem.description
    throw CommandFailure(
        .invalidInput,
        "'\(text)' \(why); write \"YYYY-MM-DD HH:MM\" (the client's time) "
            + "or an instant such as 2026-12-01T19:30:00+01:00")
}

extension PracticeOptions {
    /// The system clock, or a fixed instant from CARRYOVER_NOW (RFC 3339) so
    /// scripts and tests can replay a week in seconds. A CARRYOVER_NOW that is
    /// set but not an instant is a usage error (64), never silently ignored.
    static func clock() throws -> any WallClock {
        guard let text = ProcessInfo.processInfo.environment["CARRYOVER_NOW"] else {
            return SystemClock()
        }
        let advice = "set it to an instant such as 2026-12-01T19:30:00Z, or unset it"
        let instant: Date
        do throws(StrictDate.Problem) {
            instant = try StrictDate.instant(text)
        } catch {
            throw CommandFailure(.usage, "CARRYOVER_NOW='\(text.prefix(40))' \(error); \(advice)")
        }
        let range = Schedule.supportedDates
        guard range.contains(LocalDate(instant, in: .gmt)) else {
            throw CommandFailure(
                .usage,
                "CARRYOVER_NOW='\(text.prefix(40))' is outside the years \(range.lowerBound.year) "
                    + "to \(range.upperBound.year); \(advice)")
        }
        return FixedClock(instant)
    }
}
