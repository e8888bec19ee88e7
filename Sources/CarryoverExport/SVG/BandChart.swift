import CarryoverCore

/// A measure's totals over time drawn over its severity bands, with
/// reliable-change markers.
///
/// Bands are labelled in the chart and the markers carry words, so nothing
/// depends on telling colours apart.
struct BandChart {
    var series: MeasureSeries
    var start: LocalDate
    var end: LocalDate

    func svg() -> String {
        let administrations = series.administrations.filter { $0.date >= start && $0.date <= end }
        var chart = LineChart(
            title: "\(series.title) totals over time with severity bands",
            yTitle: "\(series.title) total", start: start, end: end,
            series: [
                .init(
                    name: "\(series.title) total",
                    points: administrations.map { ($0.date, Double($0.total)) })
            ],
            yDomain: 0...Double(max(1, series.maxTotal)))
        // A gutter on the right holds the band labels, clear of the data points.
        chart.frame.right = 150
        let frame = chart.frame
        chart.underlay = { y, _ in bands(y, frame: frame) }
        chart.overlay = { y, x in markers(administrations, y: y, x: x) }
        return chart.svg()
    }

    /// One shaded rectangle per band, from its lower bound to the next band's
    /// (integer totals: band 5...9 covers 5 up to 10), labelled in the right-hand gutter.
    private func bands(_ y: LinearScale, frame: ChartFrame) -> String {
        let maxTotal = Double(series.maxTotal)
        return series.bands.enumerated().map { index, band in
            let top = y(min(Double(band.upper + 1), maxTotal))
            let bottom = y(Double(band.lower))
            let rect = Markup.element(
                "rect",
                [
                    ("class", "band b\(min(index, 4))"),
                    ("x", Markup.number(frame.plotX.lowerBound)),
                    ("y", Markup.number(top)),
                    ("width", Markup.number(frame.plotX.upperBound - frame.plotX.lowerBound)),
                    ("height", Markup.number(bottom - top)),
                ], Markup.text("title", [], "\(band.name): \(band.lower)-\(band.upper)"))
            let label = Markup.text(
                "text",
                [
                    ("class", "band-label"), ("x", Markup.number(frame.plotX.upperBound + 8)),
                    ("y", Markup.number((top + bottom) / 2)),
                    ("dominant-baseline", "middle"),
                ], "\(band.name) \(band.lower)-\(band.upper)")
            return rect + label
        }.joined()
    }

    /// A ring around each administration whose change is reliable, with the
    /// verdict in words above it.
    private func markers(_ administrations: [MeasureAdministration], y: LinearScale, x: DateScale)
        -> String
    {
        administrations.compactMap { administration in
            guard let change = administration.reliableChange,
                change.verdict != .noReliableChange
            else { return nil }
            let better = change.verdict == .reliablyImproved
            let cx = x(administration.date)
            let cy = y(Double(administration.total))
            let ring = Markup.element(
                "circle",
                [
                    ("class", better ? "rc rc-better" : "rc rc-worse"), ("cx", Markup.number(cx)),
                    ("cy", Markup.number(cy)), ("r", "9"),
                ],
                Markup.text(
                    "title", [], "\(change.verdict.rawValue), RCI \(Markup.number(change.rci))"))
            // Near the plot's right end a centred label would run into the
            // band names beside the plot, so it ends at the ring's edge instead.
            let nearRight = cx > x.range.upperBound - 40
            let label = Markup.text(
                "text",
                [
                    ("class", "rc-label"), ("x", Markup.number(nearRight ? cx + 9 : cx)),
                    ("y", Markup.number(cy - 14)), ("text-anchor", nearRight ? "end" : "middle"),
                ], better ? "RC \u{2193} better" : "RC \u{2191} worse")
            return ring + label
        }.joined()
    }
}
