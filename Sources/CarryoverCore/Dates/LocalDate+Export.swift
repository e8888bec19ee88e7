/// Dates as JSON object keys ("2026-03-04": ...), so exported maps of days
/// read like the rest of the project instead of becoming key-value arrays.
extension LocalDate: CodingKeyRepresentable {
    private struct TextKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public var codingKey: any CodingKey { TextKey(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }
}
