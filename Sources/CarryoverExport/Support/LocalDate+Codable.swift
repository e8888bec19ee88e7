/// Dates travel as ISO 8601 text (`2026-03-01`, `2026-03-01T20:00:00`), also
/// as dictionary keys, so exported JSON reads like the rest of the project.
extension LocalDate {
    public init(from decoder: Decoder) throws {
        try self.init(iso: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension LocalDate: CodingKeyRepresentable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public var codingKey: any CodingKey { Key(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) {
        guard let date = try? LocalDate(iso: codingKey.stringValue) else { return nil }
        self = date
    }
}

extension LocalDateTime {
    /// Parses `YYYY-MM-DDTHH:MM[:SS]`.
    public init(iso text: String) throws {
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        let time = halves.count == 2 ? halves[1].split(separator: ":").map { Int($0) } : []
        guard halves.count == 2, (2...3).contains(time.count), !time.contains(nil) else {
            throw ExportError(.invalidDate, "Write local date-times as YYYY-MM-DDTHH:MM[:SS].")
        }
        try self.init(
            LocalDate(iso: String(halves[0])), time[0]!, time[1]!, time.count == 3 ? time[2]! : 0)
    }

    public init(from decoder: Decoder) throws {
        try self.init(iso: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
