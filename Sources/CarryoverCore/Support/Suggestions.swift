/// "Did you mean ...?" for unknown names: the closest known names by edit
/// distance, so a typo in a client id or homework type is one step from fixed.
package enum Suggestions {
    /// Up to `limit` names within a distance that scales with the name's length.
    package static func closest(to name: String, among candidates: [String], limit: Int = 3)
        -> [String]
    {
        let target = Array(name.lowercased())
        let threshold = max(2, target.count / 3)
        return
            candidates
            .map { (name: $0, distance: editDistance(target, Array($0.lowercased()))) }
            .filter { $0.distance <= threshold || $0.name.lowercased().contains(name.lowercased()) }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            .prefix(limit)
            .map(\.name)
    }

    /// A hint for an error line: " Did you mean 'a' or 'b'?" or "".
    package static func hint(for name: String, among candidates: [String]) -> String {
        let names = closest(to: name, among: candidates).map { "'\($0)'" }
        guard !names.isEmpty else { return "" }
        return " Did you mean \(names.joined(separator: " or "))?"
    }

    /// Levenshtein distance with one rolling row.
    package static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = Swift.min(
                    previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
