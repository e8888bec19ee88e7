/// A standardised questionnaire: items, severity bands, codes and the
/// reliability figures used for reliable change.
public struct Instrument: Sendable, Hashable, Codable, Identifiable {
    /// Stable id, e.g. "phq-9".
    public var id: String
    /// Display name, e.g. "PHQ-9".
    public var name: String
    /// What each item asks about, in printed order: short topics for flags,
    /// reports and exports.
    public var items: [String]
    /// Each item's question as printed on the English form, in printed order
    /// (the plugins' field labels).
    public var questions: [String]
    /// The instruction printed above the items.
    public var stem: String
    /// Label of each answer, by score: `responses[0]` is the answer scored 0.
    public var responses: [String]
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
    /// Which way the total improves.
    public var direction: ScoreDirection
    /// Items whose answer above 0 raises a risk flag.
    public var riskItems: [RiskItem]

    /// Makes an instrument; `questions` default to the item topics.
    public init(
        id: String, name: String, items: [String], questions: [String]? = nil, stem: String = "",
        responses: [String], bands: [SeverityBand], source: String, loincTotal: String,
        loincPanel: String? = nil, reliability: ReliabilityParameters, direction: ScoreDirection,
        riskItems: [RiskItem] = []
    ) {
        self.id = id
        self.name = name
        self.items = items
        self.questions = questions ?? items
        self.stem = stem
        self.responses = responses
        self.bands = bands
        self.source = source
        self.loincTotal = loincTotal
        self.loincPanel = loincPanel
        self.reliability = reliability
        self.direction = direction
        self.riskItems = riskItems
    }

    /// How many items the questionnaire has.
    public var itemCount: Int { items.count }

    /// The score every item can take: 0 up to the last response's score.
    public var itemRange: ClosedRange<Int> { 0...max(0, responses.count - 1) }

    /// The highest possible total.
    public var maximumTotal: Int { itemCount * itemRange.upperBound }

    /// Throws unless the definition is usable: items and responses given,
    /// every total 0 ... ``maximumTotal`` in exactly one band, and every risk
    /// item numbering an item. Custom instruments may come from a config file.
    func validate() throws {
        if let problem = definitionProblem {
            throw CoreError(.invalidMeasure, "Instrument \(name) is malformed: \(problem).")
        }
    }

    private var definitionProblem: String? {
        if items.isEmpty || responses.isEmpty {
            return "it needs at least one item and one response"
        }
        if questions.count != items.count {
            return "it needs one question per item"
        }
        let covered = (0...maximumTotal).allSatisfy { total in
            bands.filter { $0.range.contains(total) }.count == 1
        }
        if !covered {
            return "its bands must cover every total from 0 to \(maximumTotal) exactly once"
        }
        if riskItems.contains(where: { !(1...itemCount).contains($0.number) }) {
            return "a risk item numbers no item"
        }
        return nil
    }

    /// The band a total falls in, nil outside 0 ... ``maximumTotal``.
    public func band(forTotal total: Int) -> SeverityBand? {
        bands.first { $0.range.contains(total) }
    }
}

/// A named range of totals, e.g. 5-9 "mild".
public struct SeverityBand: Sendable, Hashable, Codable {
    /// The totals in the band, both ends included.
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
    /// What the therapist should do when the item scores above 0.
    public var suggestion: String

    public init(number: Int, suggestion: String) {
        self.number = number
        self.suggestion = suggestion
    }
}
