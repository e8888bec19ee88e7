/// The codes a homework type gives its scores for exports, from its
/// `metadata`: `loinc = { <score> = "<LOINC code>" }` and
/// `units = { <score> = "<UCUM unit>" }` (e.g. `min`, `%`, `{score}`).
///
/// The FHIR export codes each score's Observation with its LOINC code (beside
/// the project's own code) and gives its value that unit.
public struct ScoreCodes: Sendable, Hashable, Codable {
    /// Score name -> LOINC code.
    public var loinc: [String: String]
    /// Score name -> UCUM unit code.
    public var units: [String: String]

    public init(loinc: [String: String] = [:], units: [String: String] = [:]) {
        self.loinc = loinc
        self.units = units
    }
}

extension HomeworkDeclaration {
    /// The codes of the declared scores; names that are not scores, and
    /// values that are not text, are left out.
    public var scoreCodes: ScoreCodes {
        func codes(_ key: String) -> [String: String] {
            var found: [String: String] = [:]
            for name in scores {
                if let code = metadata[key]?[name]?.string, !code.isEmpty { found[name] = code }
            }
            return found
        }
        return ScoreCodes(loinc: codes("loinc"), units: codes("units"))
    }
}
