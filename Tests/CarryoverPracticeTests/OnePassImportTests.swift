import CarryoverCore
import Foundation
import Testing

@testable import CarryoverPractice

/// One pass per imported line: each hook once, `score`'s result passed on
/// to `flags`, the plugin loaded once per assignment and already scoped.
@Suite struct OnePassImportTests {
    let packs: ClinicPackFixture

    init() throws { packs = try ClinicPackFixture() }

    /// The counting pack of ``OnePassTests``, whose `flags` also reports the
    /// counts so far as an attention flag (code `calls`) kept with each entry.
    static func reportingCounts(_ lua: String) -> String {
        OnePassTests.countingHooks(lua).replacingOccurrences(
            of: "  local advance = spec.advance\n",
            with: """
                  local flags = spec.flags
                  spec.flags = function(...)
                    local raised = flags(...)
                    local names = {}
                    for name, count in pairs(calls) do names[#names + 1] = name .. "=" .. count end
                    table.sort(names)
                    raised[#raised + 1] = { level = "attention", code = "calls",
                      message = table.concat(names, " ") }
                    return raised
                  end
                  local advance = spec.advance

                """)
    }

    /// Three lines. Before this change (checked) the plugin's `score` ran
    /// twice per line (again inside `flags`: score=2, 4, 6) and the
    /// assignment's params had their defaults filled for every hook.
    @Test func eachHookOncePerLine() async throws {
        let (fixture, assignment) = try await packs.assigned(lua: Self.reportingCounts)
        let fields = ClinicPackFixture.entry.canonicalJSON()
        let lines = ["2026-11-30T18:00:00Z", "2026-12-01T18:00:00Z", "2026-12-02T18:00:00Z"].map {
            #"{"assignment":"\#(assignment.id)","performedAt":"\#($0)","fields":\#(fields)}"#
        }
        let file = fixture.folder.appendingPathComponent("entries.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let practice = try fixture.at(instant("2026-12-03T08:00:00Z"))
        let report = try await practice.importEntries(path: file.path, strict: true)
        #expect(report.imported == 3)
        let stored = try await practice.store.entries(.init(assignmentID: assignment.id))
        let counts = stored.map { $0.flags?.first { $0.code == "calls" }?.message }
        #expect(
            counts == [
                "advance=0 feedback=0 flags=1 score=1 validate=1",
                "advance=0 feedback=0 flags=2 score=2 validate=2",
                "advance=0 feedback=0 flags=3 score=3 validate=3",
            ])
        // No "verify": this process verified the pack when it was assigned.
        #expect(
            practice.usage.snapshot == ["load": 1, "build": 1, "hook.score": 3, "hook.flags": 3])
    }
}
