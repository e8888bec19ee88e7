import Foundation

/// Whether a change between two scores is reliable (Jacobson and Truax
/// 1991, S_diff after Christensen and Mendoza 1986), and optionally
/// clinically significant.
public struct ReliableChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The verdict on a change, in the measure's direction of improvement.
    public enum Classification: String, Sendable, Hashable, Codable {
        case reliablyImproved = "reliably-improved"
        case noReliableChange = "no-reliable-change"
        case reliablyDeteriorated = "reliably-deteriorated"
    }

    /// The earlier score.
    public var pre: Double
    /// The later score.
    public var post: Double
    /// post - pre.
    public var change: Double
    /// RCI = (post - pre) / S_diff.
    public var index: Double
    public var classification: Classification
    /// The cutoff between the clinical and the non-clinical range, if given.
    public var cutoff: Double?
    /// With a cutoff: reliably improved and moved from the clinical side of
    /// the cutoff to the other (Jacobson and Truax's "recovered"); nil without.
    public var clinicallySignificant: Bool?
    /// The SD and r used, to show with the result.
    public var parameters: ReliabilityParameters

    /// Assesses the change from `pre` to `post`.
    ///
    /// Reliable when |RCI| > 1.96. With `cutoff`, the clinical range is
    /// `>= cutoff` when lower is better (e.g. PHQ-9 caseness 10 or more) and
    /// `< cutoff` when higher is better.
    /// - Throws: ``CoreErrorCode/invalidMeasure`` for non-finite scores or
    ///   reliability figures where S_diff is undefined.
    public init(
        pre: Double, post: Double, parameters: ReliabilityParameters,
        direction: ScoreDirection, cutoff: Double? = nil
    ) throws {
        try parameters.validate()
        guard pre.isFinite, post.isFinite, cutoff?.isFinite ?? true else {
            throw CoreError(
                .invalidMeasure, "Reliable change needs two finite scores (and a finite cutoff).")
        }
        let index = (post - pre) / parameters.standardErrorOfDifference
        let improvement = direction == .lowerIsBetter ? -index : index
        let classification: Classification =
            improvement > ReliabilityParameters.criticalValue
            ? .reliablyImproved
            : improvement < -ReliabilityParameters.criticalValue
                ? .reliablyDeteriorated : .noReliableChange
        self.pre = pre
        self.post = post
        self.change = post - pre
        self.index = index
        self.classification = classification
        self.cutoff = cutoff
        self.parameters = parameters
        self.clinicallySignificant = cutoff.map { cutoff in
            let isClinical = { (score: Double) in
                direction == .lowerIsBetter ? score >= cutoff : score < cutoff
            }
            return classification == .reliablyImproved && isClinical(pre) && !isClinical(post)
        }
    }
}

extension ReliableChange {
    /// One line for reports, with the figures used, e.g. "16 -> 10 (change
    /// -6): RCI -2.12, reliably improved; SD 5, r 0.84 (...): SEM 2.00, ...".
    public var description: String {
        let verdict = classification.rawValue.replacingOccurrences(of: "-", with: " ")
        let significance = clinicallySignificant.map { significant in
            (significant ? ", clinically significant" : ", not clinically significant")
                + " (cutoff \(cutoff!.plain))"
        }
        return "\(pre.plain) -> \(post.plain) (change \(change.plain)): RCI "
            + String(format: "%.2f", index) + ", \(verdict)\(significance ?? ""); \(parameters)"
    }
}

extension Instrument {
    /// Reliable change between two totals of this instrument, with its
    /// stored reliability figures and direction.
    /// - Throws: ``CoreErrorCode/invalidMeasure`` when a total is outside
    ///   0 ... ``maximumTotal``.
    public func reliableChange(pre: Int, post: Int, cutoff: Double? = nil) throws
        -> ReliableChange
    {
        let totals = 0...maximumTotal
        guard totals.contains(pre), totals.contains(post) else {
            throw CoreError(
                .invalidMeasure,
                "\(name) totals run from 0 to \(maximumTotal): check the scores compared.")
        }
        return try ReliableChange(
            pre: Double(pre), post: Double(post), parameters: reliability,
            direction: direction, cutoff: cutoff)
    }
}
