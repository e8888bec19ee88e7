import CarryoverCore

/// Administrations of one standardised measure (e.g. PHQ-9) with its bands.
public struct MeasureSeries: Sendable, Hashable, Codable {
    /// A severity band, inclusive at both ends (PHQ-9 "mild" is 5...9).
    public struct Band: Sendable, Hashable, Codable {
        public var name: String
        public var lower: Int
        public var upper: Int

        public init(name: String, lower: Int, upper: Int) {
            self.name = name
            self.lower = lower
            self.upper = upper
        }
    }

    /// Instrument id as the engine knows it (e.g. "phq-9", "gad-7").
    public var instrumentID: String
    public var title: String
    /// Highest possible total (27 for PHQ-9); the chart's top.
    public var maxTotal: Int
    /// Bands from lowest to highest.
    public var bands: [Band]
    public var administrations: [MeasureAdministration]
    /// LOINC code of the total (from Core's instrument), when it has one.
    public var loincTotal: String?

    public init(
        instrumentID: String, title: String, maxTotal: Int, bands: [Band],
        administrations: [MeasureAdministration], loincTotal: String? = nil
    ) {
        self.instrumentID = instrumentID
        self.title = title
        self.maxTotal = maxTotal
        self.bands = bands
        self.administrations = administrations
        self.loincTotal = loincTotal
    }
}

/// One time a client filled in a measure.
public struct MeasureAdministration: Sendable, Hashable, Codable {
    /// The engine's id of this administration (stable across exports).
    public var id: String
    public var date: LocalDate
    /// Item scores in questionnaire order (item 1 first).
    public var itemScores: [Int]
    /// Sum of the item scores as the engine scored it.
    public var total: Int
    /// Name of the band the total falls in.
    public var bandName: String
    /// Reliable change against the baseline, when the engine computed one.
    public var reliableChange: ReliableChange?
    /// Who answered and who recorded it (FHIR `source` and `author`).
    public var respondent: Respondent = .patient

    public init(
        id: String, date: LocalDate, itemScores: [Int], total: Int, bandName: String,
        reliableChange: ReliableChange? = nil, respondent: Respondent = .patient
    ) {
        self.respondent = respondent
        self.id = id
        self.date = date
        self.itemScores = itemScores
        self.total = total
        self.bandName = bandName
        self.reliableChange = reliableChange
    }
}

/// The Jacobson-Truax reliable change index of an administration, as the
/// engine computed it (the report only shows it).
public struct ReliableChange: Sendable, Hashable, Codable {
    /// (post - pre) / S_diff.
    public var rci: Double
    /// |RCI| above which change counts as reliable (1.96 by default).
    public var threshold: Double
    /// The SD and test-retest r the RCI used, shown so a reader can check.
    public var standardDeviation: Double
    public var reliability: Double
    /// Whether a lower total is better (true for PHQ-9 and GAD-7).
    public var lowerIsBetter: Bool

    public init(
        rci: Double, threshold: Double = 1.96, standardDeviation: Double, reliability: Double,
        lowerIsBetter: Bool = true
    ) {
        self.rci = rci
        self.threshold = threshold
        self.standardDeviation = standardDeviation
        self.reliability = reliability
        self.lowerIsBetter = lowerIsBetter
    }

    /// What the RCI says, in the words the report prints.
    public enum Verdict: String, Sendable {
        case reliablyImproved = "reliably improved"
        case reliablyWorse = "reliably worse"
        case noReliableChange = "no reliable change"
    }

    /// Reliable when |RCI| exceeds the threshold; better or worse by the
    /// sign and `lowerIsBetter`.
    public var verdict: Verdict {
        guard abs(rci) > threshold else { return .noReliableChange }
        return (rci < 0) == lowerIsBetter ? .reliablyImproved : .reliablyWorse
    }
}
