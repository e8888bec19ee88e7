/// The form a supporter sends to confirm that practice happened: the
/// moment is when it is sent; a note for the therapist is optional.
public enum SupporterConfirmation {
    /// The longest note, in characters.
    public static let maxNote = 300

    /// The confirmation's fields (the entry's `fields`).
    public static let fields = [
        FieldSpec(
            name: "note", kind: .text(maxLength: maxNote),
            label: "A note for the therapist",
            help: "What you saw, if you like. The therapist reads it; your family member does not.",
            optional: true)
    ]
}
