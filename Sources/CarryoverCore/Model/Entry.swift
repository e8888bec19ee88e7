import Foundation

/// One piece of homework a client logged.
///
/// An entry is never erased: a correction amends it (the version before is
/// kept as an ``EntryRevision``) or voids it (it stays, marked void, and no
/// longer counts).
public struct Entry: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var assignmentID: String
    public var clientID: String
    /// Homework type id and the version the entry was made with.
    public var homeworkType: String
    public var homeworkVersion: String
    /// When the client did the homework (may be earlier than `loggedAt`).
    public var performedAt: Date
    /// When the entry reached the engine.
    public var loggedAt: Date
    /// The field values, as declared by the homework type.
    public var fields: Value
    /// Named numbers from the plugin's `score` hook.
    public var scores: [String: Double]
    /// The plugin's `flags` on these fields, stored with the entry so
    /// status and reports read them without loading the plugin; `nil` for
    /// entries stored before flags were (their flags are not known).
    public var flags: [PluginFlag]?
    /// Where the entry came from.
    public var source: EntrySource
    /// Who recorded it (the acting therapist or user); `nil` when not known.
    public var recordedBy: String?
    /// How many corrections it has had (0: as logged).
    public var revision: Int
    /// Whether a correction voided it: kept in history, counted nowhere.
    public var voided: Bool
    /// What the entry is: the homework itself, a supporter's confirmation
    /// that it happened, or a supporter's informant form.
    public var kind: EntryKind
    /// Whether it counts for the completion rule and the reinforcement
    /// schedule: homework always, a supporter's confirmation when the
    /// therapist said so when it was made, an informant form never.
    public var counts: Bool
    /// The supporter who sent it, for `source` ``EntrySource/supporter``.
    public var supporterID: String?
    /// The client's own rating of how well the practice went (1-5), the
    /// optional last question of every portal form.
    public var quality: Int?

    public init(
        id: String, assignmentID: String, clientID: String, homeworkType: String,
        homeworkVersion: String, performedAt: Date, loggedAt: Date, fields: Value,
        scores: [String: Double] = [:], flags: [PluginFlag]? = nil,
        source: EntrySource = .therapist, recordedBy: String? = nil, revision: Int = 0,
        voided: Bool = false, kind: EntryKind = .homework, counts: Bool? = nil,
        supporterID: String? = nil, quality: Int? = nil
    ) {
        self.id = id
        self.assignmentID = assignmentID
        self.clientID = clientID
        self.homeworkType = homeworkType
        self.homeworkVersion = homeworkVersion
        self.performedAt = performedAt
        self.loggedAt = loggedAt
        self.fields = fields
        self.scores = scores
        self.flags = flags
        self.source = source
        self.recordedBy = recordedBy
        self.revision = revision
        self.voided = voided
        self.kind = kind
        self.counts = counts ?? (kind == .homework)
        self.supporterID = supporterID
        self.quality = quality
    }

    private enum CodingKeys: String, CodingKey {
        case id, assignmentID, clientID, homeworkType, homeworkVersion, performedAt, loggedAt
        case fields, scores, flags, source, recordedBy, revision, voided, kind, counts
        case supporterID, quality
    }

    /// Reads entries written before sources, flags and corrections existed too.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            assignmentID: try c.decode(String.self, forKey: .assignmentID),
            clientID: try c.decode(String.self, forKey: .clientID),
            homeworkType: try c.decode(String.self, forKey: .homeworkType),
            homeworkVersion: try c.decode(String.self, forKey: .homeworkVersion),
            performedAt: try c.decode(Date.self, forKey: .performedAt),
            loggedAt: try c.decode(Date.self, forKey: .loggedAt),
            fields: try c.decode(Value.self, forKey: .fields),
            scores: try c.decodeIfPresent([String: Double].self, forKey: .scores) ?? [:],
            flags: try c.decodeIfPresent([PluginFlag].self, forKey: .flags),
            source: try c.decodeIfPresent(EntrySource.self, forKey: .source) ?? .therapist,
            recordedBy: try c.decodeIfPresent(String.self, forKey: .recordedBy),
            revision: try c.decodeIfPresent(Int.self, forKey: .revision) ?? 0,
            voided: try c.decodeIfPresent(Bool.self, forKey: .voided) ?? false,
            kind: try c.decodeIfPresent(EntryKind.self, forKey: .kind) ?? .homework,
            counts: try c.decodeIfPresent(Bool.self, forKey: .counts),
            supporterID: try c.decodeIfPresent(String.self, forKey: .supporterID),
            quality: try c.decodeIfPresent(Int.self, forKey: .quality))
    }
}

/// What an entry holds.
public enum EntryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The homework type's own fields, validated and scored by its plugin.
    case homework
    /// A supporter saw the practice happen (fields: an optional note);
    /// no plugin runs on it and it has no scores.
    case confirmation
    /// A supporter's answers to the homework type's informant form.
    case informant
}

/// Who an entry came from: the portal and supporters use `client` and
/// `supporter`; the CLI records `therapist` unless told otherwise.
public enum EntrySource: String, Sendable, Hashable, Codable, CaseIterable {
    /// Typed in by the therapist (in session, or from the client's paper form).
    case therapist
    /// Logged by the client.
    case client
    /// Logged by a supporter the therapist invited (parent, partner, carer).
    case supporter
    /// Read from a file by `carryover import`.
    case `import`
}

extension EntrySource {
    /// The source in words, for status, history and reports.
    public var label: String {
        switch self {
        case .therapist: "therapist"
        case .client: "client"
        case .supporter: "supporter"
        case .import: "import"
        }
    }
}

extension Entry {
    /// Who records what the client (or a supporter) sends from the portal
    /// (`carryover serve`): the entry's `recordedBy`, and the audit journal's principal.
    public static let portalRecorder = "portal"

    /// Whether it was sent from the portal.
    public var viaPortal: Bool { recordedBy == Self.portalRecorder }

    /// Its source in words, with the portal when it came from there ("client via portal").
    public var sourceLabel: String { source.label + (viaPortal ? " via portal" : "") }
}
