import CarryoverCore
import CarryoverModalities
import Testing

@testable import CarryoverLua

/// The host's own Lua (sandbox prelude, DSL prelude, instrument table) is
/// compiled once per process and each new state loads its bytecode (issue 19,
/// scenario 4): a state per plugin load and per client scope no longer
/// parses some 40 KB of Lua. Plugins stay text-only (EscapeTests); errors
/// raised in prelude code still name the plugin's line
/// (HomeworkDeclarationErrorTests), as the bytecode keeps its debug information.
@Suite struct CompiledPreludeTests {
    let phq9: Value = [
        "item1": 2, "item2": 2, "item3": 2, "item4": 2, "item5": 2, "item6": 2, "item7": 2,
        "item8": 2, "item9": 1,
    ]

    /// Loads and rebuilds after the first compile none of the host's chunks again.
    @Test func loadsAndRebuildsCompileNothing() throws {
        let modality = try #require(ModalityCatalogue.all.first { $0.folder == "phq9" })
        _ = try HomeworkType(source: modality.mainSource, file: modality.main)
        let compiled = TrustedChunk.compilations
        #expect(compiled >= 3)
        for client in ["c-1", "c-2", "c-3"] {
            let type = try HomeworkType(source: modality.mainSource, file: modality.main)
            // Loaded unscoped (1 state), then each client scope gets a fresh
            // state (2 more), each built from the same compiled chunks.
            _ = try type.score(entry: phq9, params: .null, scope: client)
            #expect(
                try type.score(entry: phq9, params: .null, scope: client + "b") == ["total": 17])
            #expect(type.stateBuilds == 3)
        }
        #expect(TrustedChunk.compilations == compiled)
    }
}
