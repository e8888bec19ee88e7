/// The size of a chart and its plot area, and the parts every chart shares:
/// the `<svg>` wrapper and the axes.
struct ChartFrame {
    var width = 760.0
    var height = 260.0
    var left = 52.0
    var right = 20.0
    var top = 16.0
    var bottom = 40.0

    var plotX: ClosedRange<Double> { left...(width - right) }
    var plotY: ClosedRange<Double> { top...(height - bottom) }

    /// The chart as one `<svg>` element; `label` is read by screen readers.
    func svg(label: String, className: String, _ content: String) -> String {
        Markup.element(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart \(className)"),
                ("viewBox", "0 0 \(Markup.number(width)) \(Markup.number(height))"),
                ("role", "img"), ("aria-label", label),
            ],
            Markup.text("title", [], label) + content)
    }

    /// Horizontal grid lines with value labels on the left, and the y-axis title.
    func yAxis(_ scale: LinearScale, ticks: [Double], title: String, format: (Double) -> String)
        -> String
    {
        var parts = ""
        for tick in ticks {
            let y = Markup.number(scale(tick))
            parts += Markup.element(
                "line",
                [
                    ("class", "grid"), ("x1", Markup.number(left)),
                    ("x2", Markup.number(width - right)), ("y1", y), ("y2", y),
                ])
            parts += Markup.text(
                "text",
                [
                    ("class", "tick"), ("x", Markup.number(left - 6)), ("y", y),
                    ("text-anchor", "end"), ("dominant-baseline", "middle"),
                ],
                format(tick))
        }
        let middle = Markup.number((plotY.lowerBound + plotY.upperBound) / 2)
        parts += Markup.text(
            "text",
            [
                ("class", "axis-title"), ("x", "12"), ("y", middle), ("text-anchor", "middle"),
                ("transform", "rotate(-90 12 \(middle))"),
            ],
            title)
        return Markup.element("g", [("class", "axis y")], parts)
    }

    /// The x-axis line with date ticks and labels below the plot.
    func xAxis(_ scale: DateScale) -> String {
        let baseline = Markup.number(plotY.upperBound)
        var parts = Markup.element(
            "line",
            [
                ("class", "axis-line"), ("x1", Markup.number(left)),
                ("x2", Markup.number(width - right)), ("y1", baseline), ("y2", baseline),
            ])
        // About 70 px per date label ("Nov 16" is under 40), so labels never touch.
        let fit = max(1, Int((plotX.upperBound - plotX.lowerBound) / 70))
        for tick in scale.ticks(target: min(8, fit)) {
            let x = Markup.number(scale(tick))
            parts += Markup.element(
                "line",
                [
                    ("class", "axis-line"), ("x1", x), ("x2", x), ("y1", baseline),
                    ("y2", Markup.number(plotY.upperBound + 5)),
                ])
            parts += Markup.text(
                "text",
                [
                    ("class", "tick"), ("x", x), ("y", Markup.number(plotY.upperBound + 18)),
                    ("text-anchor", "middle"),
                ],
                DateScale.label(tick))
        }
        return Markup.element("g", [("class", "axis x")], parts)
    }
}

/// Point markers that differ in shape, so series differ without colour.
/// Six series styles (shape, dash and colour `s0`...`s5`) before one repeats:
/// a homework type may score five or more names (a thought record does).
enum MarkerShape: CaseIterable {
    case circle, square, triangle, diamond, triangleDown, bar

    static func forSeries(_ index: Int) -> MarkerShape { allCases[index % allCases.count] }

    /// The colour class of a series, `s0` ... `s5`.
    static func colorClass(forSeries index: Int) -> String { "s\(index % allCases.count)" }

    /// Dash pattern of the series line, again so lines differ without colour.
    static func dash(forSeries index: Int) -> String? {
        [nil, "7 4", "2 3", "9 3 2 3", "1 4", "12 4"][index % allCases.count]
    }

    func svg(x: Double, y: Double, className: String, title: String) -> String {
        let r = 4.5
        let shape: String
        switch self {
        case .circle:
            shape = Markup.element(
                "circle",
                [
                    ("class", className), ("cx", Markup.number(x)), ("cy", Markup.number(y)),
                    ("r", Markup.number(r)),
                ], Markup.text("title", [], title))
            return shape
        case .square, .bar:
            let height = self == .bar ? r : 2 * r
            return Markup.element(
                "rect",
                [
                    ("class", className), ("x", Markup.number(x - r)),
                    ("y", Markup.number(y - height / 2)),
                    ("width", Markup.number(2 * r)), ("height", Markup.number(height)),
                ], Markup.text("title", [], title))
        case .triangle:
            shape = [(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)].map {
                "\(Markup.number($0.0)),\(Markup.number($0.1))"
            }.joined(separator: " ")
        case .triangleDown:
            shape = [(x - r - 1, y - r), (x + r + 1, y - r), (x, y + r + 1)].map {
                "\(Markup.number($0.0)),\(Markup.number($0.1))"
            }.joined(separator: " ")
        case .diamond:
            shape = [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)].map {
                "\(Markup.number($0.0)),\(Markup.number($0.1))"
            }.joined(separator: " ")
        }
        return Markup.element(
            "polygon", [("class", className), ("points", shape)], Markup.text("title", [], title))
    }
}
