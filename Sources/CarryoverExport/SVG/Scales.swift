import CarryoverCore

/// Maps a numeric domain onto a pixel range linearly.
struct LinearScale {
    var domain: ClosedRange<Double>
    var range: ClosedRange<Double>
    /// Maps `domain.lowerBound` to `range.upperBound` when true (y axes grow upwards).
    var flipped = false

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span == 0 ? 0.5 : (value - domain.lowerBound) / span
        let u = flipped ? 1 - t : t
        return range.lowerBound + u * (range.upperBound - range.lowerBound)
    }

    /// Round tick values inside the domain: the step is the smallest of 1, 2,
    /// 2.5, 5 and 10 times a power of ten that gives at most `target` steps.
    func ticks(target: Int = 5) -> [Double] {
        let step = LinearScale.niceStep(span: domain.upperBound - domain.lowerBound, target: target)
        guard step > 0 else { return [domain.lowerBound] }
        let first = (domain.lowerBound / step).rounded(.up)
        let last = (domain.upperBound / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    static func niceStep(span: Double, target: Int) -> Double {
        guard span > 0, target > 0 else { return 0 }
        let raw = span / Double(target)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let multiple = [1, 2, 2.5, 5, 10].first { $0 * magnitude >= raw } ?? 10
        return multiple * magnitude
    }

    /// A domain that holds every value, widened to round ticks at both ends,
    /// and never empty (a single value gets room around it).
    static func niceDomain(_ values: [Double], includeZero: Bool, target: Int = 5) -> ClosedRange<
        Double
    > {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            // All zeros of a count that cannot go below zero: 0...1, not -1...1.
            if includeZero && low == 0 {
                high = 1
            } else {
                low -= 1
                high += 1
            }
        }
        let step = niceStep(span: high - low, target: target)
        return ((low / step).rounded(.down) * step)...((high / step).rounded(.up) * step)
    }
}

/// Maps calendar days onto a pixel range, one day per step.
struct DateScale {
    var start: LocalDate
    var end: LocalDate
    var range: ClosedRange<Double>

    func callAsFunction(_ date: LocalDate) -> Double {
        let days = Double(max(1, start.days(to: end)))
        return range.lowerBound + Double(start.days(to: date)) / days
            * (range.upperBound - range.lowerBound)
    }

    /// Tick dates from `start` at a step of 1, 2, 7, 14 or 28 days (or more
    /// multiples of 28), the smallest that gives at most `target` intervals.
    func ticks(target: Int = 8) -> [LocalDate] {
        let span = start.days(to: end)
        let step =
            [1, 2, 7, 14].first { span / $0 <= target } ?? 28
            * max(1, (span / 28 + target - 1) / target)
        return stride(from: 0, through: span, by: step).map { start.adding(days: $0) }
    }

    static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// "Mar 2": short, the same in every locale.
    static func label(_ date: LocalDate) -> String {
        "\(monthNames[date.month - 1]) \(date.day)"
    }
}
