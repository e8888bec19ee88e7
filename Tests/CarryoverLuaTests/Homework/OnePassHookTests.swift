import CarryoverCore
import CarryoverModalities
import Testing

@testable import CarryoverLua

/// A homework type loaded for one client runs its first hook call in the
/// state it was loaded in, and passes the entry's scores on (issue 16 item 2).
@Suite struct OnePassHookTests {
    let phq9: Value = [
        "item1": 2, "item2": 2, "item3": 2, "item4": 2, "item5": 2, "item6": 2, "item7": 2,
        "item8": 2, "item9": 1,
    ]

    func load(scope: String?) throws -> HomeworkType {
        let modality = try #require(ModalityCatalogue.all.first { $0.folder == "phq9" })
        return try HomeworkType(source: modality.mainSource, file: modality.main, scope: scope)
    }

    /// Before: the declaration call had no scope, so the first scoped call rebuilt the state.
    @Test func aScopedLoadIsNotRebuiltForItsClient() throws {
        let type = try load(scope: "c-017")
        _ = try type.score(entry: phq9, params: .null, scope: "c-017")
        #expect(type.stateBuilds == 1)
        // Another client still gets a fresh state.
        _ = try type.score(entry: phq9, params: .null, scope: "c-018")
        #expect(type.stateBuilds == 2)
        #expect(
            try load(scope: nil).score(entry: phq9, params: .null, scope: "c-017") == ["total": 17])
    }

    /// The scores `score` gave reach `feedback` and `flags` unchanged (the
    /// PHQ-9's feedback formats the total with %d, so an integer must stay
    /// one), and those hooks are one call each.
    @Test func scoresArePassedOnToFeedbackAndFlags() throws {
        let type = try load(scope: "c-017")
        let params = type.filled(.null)
        let scores = try type.scores(entry: phq9, params: params, scope: "c-017")
        #expect(scores.numbers == ["total": 17])
        let feedback = try type.feedback(
            entry: phq9, params: params, scope: "c-017", scores: scores)
        #expect(feedback?.hasPrefix("Thank you. Your total is 17 of 27") == true)
        let flags = try type.flags(entry: phq9, params: params, scope: "c-017", scores: scores)
        #expect(flags.map(\.code) == ["phq9-item9"])
        #expect(type.hookCalls == 3)
    }
}
