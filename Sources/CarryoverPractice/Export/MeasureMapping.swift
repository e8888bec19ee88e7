import CarryoverCore
import CarryoverExport
import Foundation

/// Turns measure entries (PHQ-9, GAD-7) into the exports' measure series,
/// scored by the core's instruments, never by the plugin or the exporter.
enum MeasureMapping {
    /// Homework type id -> the instrument that scores its entries.
    static let instruments: [String: Instrument] = [
        "org.carryover.phq9": .phq9,
        "org.carryover.gad7": .gad7,
    ]

    /// One series per instrument that has entries, administrations oldest
    /// first; each after the first carries its reliable change against the
    /// first (the baseline).
    ///
    /// - Throws: the core's error when an entry lacks an item or scores out of range.
    static func series(
        of entries: [Entry], in zone: TimeZone,
        respondent: (Entry) -> Respondent = { _ in .patient }
    ) throws -> [MeasureSeries] {
        try instruments.keys.sorted().compactMap { typeID in
            let instrument = instruments[typeID]!
            // The client's own answers; an informant's are not the measure.
            let taken = entries.filter { $0.homeworkType == typeID && $0.kind == .homework }
                .sorted { ($0.performedAt, $0.id) < ($1.performedAt, $1.id) }
            guard !taken.isEmpty else { return nil }
            var baseline: Int?
            let administrations = try taken.map { entry in
                let score = try instrument.score(
                    try itemScores(of: entry, count: instrument.itemCount))
                defer { baseline = baseline ?? score.total }
                return MeasureAdministration(
                    id: entry.id, date: LocalDate(entry.performedAt, in: zone),
                    itemScores: score.answers, total: score.total, bandName: score.band.label,
                    reliableChange: try baseline.map {
                        try reliableChange(
                            instrument.reliableChange(pre: $0, post: score.total),
                            direction: instrument.direction)
                    }, respondent: respondent(entry))
            }
            return MeasureSeries(
                instrumentID: instrument.id, title: instrument.name,
                maxTotal: instrument.maximumTotal,
                bands: instrument.bands.map {
                    .init(name: $0.label, lower: $0.range.lowerBound, upper: $0.range.upperBound)
                },
                administrations: administrations, loincTotal: instrument.loincTotal)
        }
    }

    /// The entry's `item1` ... `itemN` fields (the modalities' field names).
    static func itemScores(of entry: Entry, count: Int) throws -> [Int] {
        try (1...count).map { number in
            guard let value = entry.fields["item\(number)"]?.number, value == value.rounded() else {
                throw PracticeError(
                    .invalidInput,
                    "A stored \(entry.homeworkType) entry has no whole-number item \(number): "
                        + "check the entry \(entry.id) and log it again.")
            }
            return Int(value)
        }
    }

    /// The core's Jacobson-Truax result in the shape the report shows.
    static func reliableChange(
        _ change: CarryoverCore.ReliableChange, direction: ScoreDirection
    ) -> CarryoverExport.ReliableChange {
        CarryoverExport.ReliableChange(
            rci: change.index, threshold: ReliabilityParameters.criticalValue,
            standardDeviation: change.parameters.standardDeviation,
            reliability: change.parameters.testRetestReliability,
            lowerIsBetter: direction == .lowerIsBetter)
    }
}
