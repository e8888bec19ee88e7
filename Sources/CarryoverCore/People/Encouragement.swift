import Foundation

/// A short message a supporter sends the client about one assignment; it is
/// shown on that homework on the client's page for a week.
public struct Encouragement: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var supporterID: String
    public var clientID: String
    public var assignmentID: String
    public var text: String
    public var sentAt: Date

    public init(
        id: String, supporterID: String, clientID: String, assignmentID: String, text: String,
        sentAt: Date
    ) {
        self.id = id
        self.supporterID = supporterID
        self.clientID = clientID
        self.assignmentID = assignmentID
        self.text = text
        self.sentAt = sentAt
    }

    /// The longest message, in characters: a line or two on a phone.
    public static let maxLength = 280
    /// How long a message stays on the client's page.
    public static let shownFor: TimeInterval = 7 * 86_400

    /// What is wrong with a message's text, or nil when it can be sent.
    public static func problem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "Please write a message." }
        if trimmed.count > maxLength {
            return "Please keep it to \(maxLength) characters (this one has \(trimmed.count))."
        }
        if trimmed.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control && $0 != "\n"
        }) {
            return "Please use plain text."
        }
        return nil
    }
}
