/// A standardised questionnaire: items, severity bands, codes and the
/// reliability figures used for reliable change.
public struct Instrument: Sendable, Hashable, Codable, Identifiable {
    /// Stable id, e.g. "phq-9".
    public var id: String
    /// Display name, e.g. "PHQ-9".
    public var name: String
    public var itemCount: Int
    /// Allowed score of every item.
    public var itemRange: ClosedRange<Int>
    /// Severity bands covering 0 ... ``maximumTotal`` without gaps, lowest first.
    public var bands: [SeverityBand]
    /// Published source of the items and bands.
    public var source: String
    /// LOINC code of the total score.
    public var loincTotal: String
    /// LOINC code of the panel (the whole questionnaire), when known.
    public var loincPanel: String?
    /// SD and test-retest r for the reliable change index.
    public var reliability: ReliabilityParameters
    public var direction: ScoreDirection
    /// Items whose answer above 0 raises a risk flag.
    public var riskItems: [RiskItem]

    public init(
        id: String, name: String, itemCount: Int, itemRange: ClosedRange<Int>,
        bands: [SeverityBand], source: String, loincTotal: String, loincPanel: String? = nil,
        reliability: ReliabilityParameters, direction: ScoreDirection, riskItems: [RiskItem] = []
    ) {
        self.id = id
        self.name = name
        self.itemCount = itemCount
        self.itemRange = itemRange
        self.bands = bands
        self.source = source
        self.loincTotal = loincTotal
        self.loincPanel = loincPanel
        self.reliability = reliability
        self.direction = direction
        self.riskItems = riskItems
    }

    /// The highest possible total.
    public var maximumTotal: Int { itemCount * itemRange.upperBound }

    /// The band a total falls in, nil outside 0 ... ``maximumTotal``.
    public func band(forTotal total: Int) -> SeverityBand? {
        bands.first { $0.range.contains(total) }
    }
}

/// A named range of totals, e.g. 5-9 "mild".
public struct SeverityBand: Sendable, Hashable, Codable {
    public var range: ClosedRange<Int>
    /// Lowercase label as published, e.g. "moderately severe".
    public var label: String

    public init(_ range: ClosedRange<Int>, _ label: String) {
        self.range = range
        self.label = label
    }
}

/// Which way a score improves.
public enum ScoreDirection: String, Sendable, Hashable, Codable {
    /// Symptom measures such as PHQ-9 and GAD-7: a decrease is improvement.
    case lowerIsBetter = "lower-is-better"
    case higherIsBetter = "higher-is-better"
}

/// An item that needs the clinician's attention whenever it scores above 0.
public struct RiskItem: Sendable, Hashable, Codable {
    /// 1-based item number as printed on the questionnaire.
    public var number: Int
    /// What the item asks about, for the flag message (no client data).
    public var topic: String
    public var suggestion: String

    public init(number: Int, topic: String, suggestion: String) {
        self.number = number
        self.topic = topic
        self.suggestion = suggestion
    }
}
