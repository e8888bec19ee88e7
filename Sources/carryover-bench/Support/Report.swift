import Foundation

/// Prints the comparison table.
struct Report {
    var rows: [Comparison] = []

    mutating func add(_ row: Comparison) {
        rows.append(row)
        print("  \(row.passed ? "PASS" : "MISS")  \(row.scenario)", terminator: "\n")
    }

    /// The table: one line per comparison, then each row's note.
    func render() -> String {
        let header = ["scenario", "project", "baseline", "ratio", "target", "result"]
        let lines = rows.map { row in
            [
                row.scenario, "\(Format.number(row.project)) \(row.unit)",
                row.baseline.map { "\(Format.number($0)) \(row.unit)" } ?? "-",
                row.ratio.map(Format.number) ?? "-", row.target.describe(unit: row.unit),
                row.passed ? "PASS" : "MISS",
            ]
        }
        let widths = header.indices.map { column in
            ([header] + lines).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        var text = [line(header), line(widths.map { String(repeating: "-", count: $0) })]
        text += lines.map(line)
        let notes = rows.filter { !$0.note.isEmpty }.map { "- \($0.scenario): \($0.note)" }
        if !notes.isEmpty { text += [""] + notes }
        return text.joined(separator: "\n")
    }
}
