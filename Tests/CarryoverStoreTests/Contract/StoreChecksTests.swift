import Testing

@testable import CarryoverStore

@Suite struct StoreChecksTests {
    /// Printable ASCII takes a shortcut past the Unicode lookup; both ways
    /// give the rule: 1 to 200 characters, no control character.
    @Test(arguments: [
        ("a", true), (String(repeating: "x", count: 200), true),
        ("imp-0123456789abcdef0123456789abcdef", true), ("a b~", true),
        ("", false), (String(repeating: "x", count: 201), false),
        ("a\tb", false), ("a\u{7F}", false), ("a\u{85}", false), ("\r\n", false),
        ("é", true), (String(repeating: "é", count: 200), true),
        (String(repeating: "é", count: 201), false),
    ])
    func anIdIsOneTo200PrintableCharacters(_ id: String, _ valid: Bool) {
        let accepted = (try? StoreChecks.id(id, "entry")) != nil
        #expect(accepted == valid)
    }
}
