import Foundation

/// A submitted form: each name with its values in the order sent.
struct FormInput: Sendable, Equatable {
    private(set) var values: [String: [String]] = [:]

    /// Most name/value pairs one form may carry; more is refused as too large.
    static let maxPairs = 2_000

    init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    /// Reads `application/x-www-form-urlencoded` text.
    ///
    /// - Throws: ``PortalError`` `.badRequest` for malformed escapes or too many pairs.
    init(urlEncoded text: String) throws {
        let pairs = text.split(separator: "&", omittingEmptySubsequences: true)
        guard pairs.count <= Self.maxPairs else {
            throw PortalError(.tooLarge, "This form is too large to send.")
        }
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]),
                let value = Self.decode(parts.count > 1 ? parts[1] : "")
            else {
                throw PortalError(.badRequest, "This form could not be read; please send it again.")
            }
            values[name, default: []].append(value)
        }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The first value sent under `name`.
    func first(_ name: String) -> String? { values[name]?.first }

    /// Every value sent under `name`.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    mutating func set(_ name: String, _ newValues: [String]) {
        values[name] = newValues
    }

    /// The highest row number sent for the list at `path` (`path[3]...` gives 3).
    func rowCount(of path: String) -> Int {
        let prefix = path + "["
        var highest = 0
        for key in values.keys where key.hasPrefix(prefix) {
            let digits = key.dropFirst(prefix.count).prefix { $0.isNumber }
            if let row = Int(digits), row <= 100 { highest = max(highest, row) }
        }
        return highest
    }
}
