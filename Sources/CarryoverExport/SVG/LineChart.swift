import CarryoverCore

/// A line chart of values over days: one line per named series, with round
/// y ticks, date ticks, a marker per point and an optional reference line.
///
/// A line is never drawn across a gap: where something was due and nothing
/// was logged between two points, the line stops and starts again.
struct LineChart {
    struct Series {
        var name: String
        var points: [(date: LocalDate, value: Double)]
        /// Days due with nothing logged: the line breaks at them.
        var gaps: [LocalDate] = []
    }

    /// A horizontal line such as a mastery criterion.
    struct ReferenceLine {
        var value: Double
        var label: String
    }

    var title: String
    var yTitle: String
    var start: LocalDate
    var end: LocalDate
    var series: [Series]
    /// Fixed y domain (e.g. 0...1 for accuracy); otherwise from the data.
    var yDomain: ClosedRange<Double>?
    var reference: ReferenceLine?
    var format: (Double) -> String = { Markup.number($0) }
    var frame = ChartFrame()
    /// Drawn under the grid (e.g. severity bands), given the chart's scales.
    var underlay: (LinearScale, DateScale) -> String = { _, _ in "" }
    /// Drawn over the lines (e.g. reliable-change markers).
    var overlay: (LinearScale, DateScale) -> String = { _, _ in "" }

    func svg() -> String {
        let values =
            series.flatMap { $0.points.map(\.value) } + (reference.map { [$0.value] } ?? [])
        let y = LinearScale(
            domain: yDomain
                ?? LinearScale.niceDomain(values, includeZero: values.allSatisfy { $0 >= 0 }),
            range: frame.plotY, flipped: true)
        let x = DateScale(start: start, end: end, range: frame.plotX)
        // Counts and ratings are whole numbers: no ticks between them (0.2 items).
        let whole = yDomain == nil && values.allSatisfy { $0 == $0.rounded() }
        let ticks = y.ticks(target: 6).filter { !whole || $0 == $0.rounded() }
        var content = underlay(y, x)
        content +=
            frame.yAxis(y, ticks: ticks, title: yTitle, format: format)
            + frame.xAxis(x)
        if let reference {
            let ry = Markup.number(y(reference.value))
            content += Markup.element(
                "line",
                [
                    ("class", "reference"), ("x1", Markup.number(frame.plotX.lowerBound)),
                    ("x2", Markup.number(frame.plotX.upperBound)), ("y1", ry), ("y2", ry),
                ])
            // At the left end, where the first sessions are: the latest, at the
            // right, are what a reader looks at against the line.
            content += Markup.text(
                "text",
                [
                    ("class", "reference-label"), ("x", Markup.number(frame.plotX.lowerBound + 4)),
                    ("y", Markup.number(y(reference.value) - 5)), ("text-anchor", "start"),
                ],
                reference.label)
        }
        for (index, line) in series.enumerated() {
            content += seriesMarkup(line, index: index, x: x, y: y)
        }
        content += overlay(y, x)
        return frame.svg(label: title, className: "line-chart", content)
    }

    /// The points in runs with no gap inside: a new run starts after a day
    /// that was due and missed.
    static func runs(_ points: [(date: LocalDate, value: Double)], gaps: [LocalDate])
        -> [[(date: LocalDate, value: Double)]]
    {
        var runs: [[(date: LocalDate, value: Double)]] = []
        for point in points.sorted(by: { $0.date < $1.date }) {
            if let last = runs.last?.last,
                !gaps.contains(where: { $0 > last.date && $0 < point.date })
            {
                runs[runs.count - 1].append(point)
            } else {
                runs.append([point])
            }
        }
        return runs
    }

    private func seriesMarkup(_ line: Series, index: Int, x: DateScale, y: LinearScale) -> String {
        let points = line.points.sorted { $0.date < $1.date }
        let path = Self.runs(points, gaps: line.gaps).filter { $0.count > 1 }.map { run in
            run.enumerated().map { offset, point in
                "\(offset == 0 ? "M" : "L")\(Markup.number(x(point.date))) \(Markup.number(y(point.value)))"
            }.joined(separator: " ")
        }.joined(separator: " ")
        var attributes = [
            ("class", "series \(MarkerShape.colorClass(forSeries: index))"), ("d", path),
        ]
        if let dash = MarkerShape.dash(forSeries: index) {
            attributes.append(("stroke-dasharray", dash))
        }
        var content = path.isEmpty ? "" : Markup.element("path", attributes)
        let shape = MarkerShape.forSeries(index)
        for point in points {
            content += shape.svg(
                x: x(point.date), y: y(point.value),
                className: "marker \(MarkerShape.colorClass(forSeries: index))",
                title: "\(line.name), \(point.date): \(format(point.value))")
        }
        return Markup.element(
            "g", [("class", "series-group"), ("data-series", line.name)], content)
    }

    /// Legend entries as HTML (beside the chart, so long names wrap).
    func legendHTML() -> String {
        let items = series.enumerated().map { index, line in
            let shape = MarkerShape.forSeries(index).svg(
                x: 14, y: 8, className: "marker \(MarkerShape.colorClass(forSeries: index))",
                title: line.name)
            var attributes = [
                ("class", "series \(MarkerShape.colorClass(forSeries: index))"),
                ("d", "M0 8 L28 8"),
            ]
            if let dash = MarkerShape.dash(forSeries: index) {
                attributes.append(("stroke-dasharray", dash))
            }
            let swatch = Markup.element(
                "svg",
                [
                    ("xmlns", "http://www.w3.org/2000/svg"), ("class", "swatch"),
                    ("viewBox", "0 0 28 16"), ("aria-hidden", "true"),
                ],
                Markup.element("path", attributes) + shape)
            return Markup.element("li", [], swatch + Markup.escape(line.name))
        }
        return Markup.element("ul", [("class", "legend")], items.joined())
    }
}
