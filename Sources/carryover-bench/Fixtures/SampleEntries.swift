import CarryoverCore
import CarryoverModalities
import Foundation

/// Thought-record entries like the modality's example, varied line by line
/// (intensities, beliefs, list lengths) so no two calls see the same table.
enum SampleEntries {
    static let homeworkType = "org.carryover.thought-record"

    /// The modality's own example entry.
    static func example() throws -> Value {
        guard let modality = ModalityCatalogue.modality(id: homeworkType),
            let json = modality.files["examples/entry.json"]
        else { throw BenchError("the thought-record modality or its example entry is missing") }
        return try Value.parse(json: json)
    }

    /// The `index`-th variation of `example`; every one passes `validate`.
    static func variation(_ index: Int, of example: Value) -> Value {
        guard var fields = example.object else { return example }
        let shift = Int64(index % 40)
        fields["thought_belief"] = .int(50 + shift)
        fields["balanced_belief"] = .int(30 + shift)
        fields["thought_belief_after"] = .int(10 + shift)
        fields["emotions"] = emotions(first: 60 + shift, second: 40 + shift / 2)
        fields["emotions_after"] = emotions(first: 30 + shift / 2, second: 20 + shift / 4)
        let evidence = (0...(index % 3)).map { Value.string("Reason \($0) of entry \(index)") }
        fields["evidence_against"] = .array(evidence)
        return .object(fields)
    }

    private static func emotions(first: Int64, second: Int64) -> Value {
        .array([
            .object(["name": "anxious", "intensity": .int(first)]),
            .object(["name": "sad", "intensity": .int(second)]),
        ])
    }
}
