import CarryoverCore

/// Who answered a questionnaire and who recorded the answers: the FHIR
/// export's QuestionnaireResponse `source` and `author`.
public struct Respondent: Sendable, Hashable, Codable {
    /// A supporter who answered about the client (a FHIR RelatedPerson).
    public struct Supporter: Sendable, Hashable, Codable {
        /// The supporter's stable id (e.g. "c-017-s1"), their identifier.
        public var id: String
        /// Written only when the export includes names.
        public var name: String
        /// parent, partner, carer, teacher or other.
        public var relation: String

        public init(id: String, name: String, relation: String) {
            self.id = id
            self.name = name
            self.relation = relation
        }
    }

    /// The supporter who answered; nil when the client answered.
    public var supporter: Supporter?
    /// Who entered the answers when the therapist did (their name at the
    /// command line); nil when the respondent entered them on the portal.
    public var therapist: String?

    public init(supporter: Supporter? = nil, therapist: String? = nil) {
        self.supporter = supporter
        self.therapist = therapist
    }

    /// The client, answering on the portal.
    public static let patient = Respondent()
}

/// A supporter's answers to a homework type's informant form, exported as a
/// QuestionnaireResponse whose source and author are the supporter.
public struct InformantResponse: Sendable, Hashable, Codable {
    /// One answer, in form order.
    public struct Answer: Sendable, Hashable, Codable {
        public var linkID: String
        public var text: String
        public var value: Value

        public init(linkID: String, text: String, value: Value) {
            self.linkID = linkID
            self.text = text
            self.value = value
        }
    }

    /// The entry's id.
    public var id: String
    public var homeworkType: String
    public var date: LocalDate
    public var answers: [Answer]
    public var respondent: Respondent

    public init(
        id: String, homeworkType: String, date: LocalDate, answers: [Answer],
        respondent: Respondent
    ) {
        self.id = id
        self.homeworkType = homeworkType
        self.date = date
        self.answers = answers
        self.respondent = respondent
    }
}
