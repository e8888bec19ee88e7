import CarryoverCore

extension Practice {
    /// Checks a supporter's confirmation or informant form against its own
    /// fields (the plugin's hooks are for the client's form only).
    ///
    /// - Throws: ``PracticeError`` `.entryRejected` with every problem, or
    ///   `.invalidInput` for an informant form the type does not declare.
    static func checkSupporterFields(_ fields: Value, of kind: EntryKind, type: HomeworkDeclaration)
        throws
    {
        let declared: [FieldSpec]
        switch kind {
        case .homework:
            return
        case .confirmation:
            declared = SupporterConfirmation.fields
        case .informant:
            guard let form = type.informant else {
                throw PracticeError(
                    .invalidInput, "\(type.title) declares no informant form; nothing was saved")
            }
            declared = form.fields
        }
        let problems = FieldValidator.validate(fields, against: declared)
        guard problems.isEmpty else {
            throw PracticeError(
                .entryRejected, "the form has \(problems.count) problem(s); nothing was saved",
                problems: problems)
        }
    }
}
