import Foundation

/// One form control as the `field` template draws it.
///
/// Every property is non-optional on purpose: Mustache looks a missing (nil)
/// name up in the enclosing context, so an optional left nil in a list item
/// would show its parent's value. Flags (`hasHelp`, `hasError`) say what is there.
struct FieldView: Sendable {
    /// The input's name: the field's path as validation reports it (`emotions[2].name`).
    let name: String
    /// The element id, made from the path (`f-emotions-2-name`).
    let id: String
    let label: String
    let help: String
    let hasHelp: Bool
    let optional: Bool
    let error: String
    let hasError: Bool
    /// The ids of the help and error texts, for `aria-describedby`.
    let describedBy: String
    let hasDescribedBy: Bool
    /// The value as typed (or stored), for text-like inputs.
    let value: String

    // One flag per control the template knows; exactly one is true.
    let isText: Bool
    let isTextArea: Bool
    let isNumber: Bool
    let isRadios: Bool
    let isCheckboxes: Bool
    let isDate: Bool
    let isTime: Bool
    let isGroup: Bool
    let isList: Bool

    /// Bounds for number inputs, as attribute text ("" when unbounded).
    let min: String
    let max: String
    let step: String
    let unit: String
    let maxLength: String
    let hasMin: Bool
    let hasMax: Bool
    let hasUnit: Bool
    let hasMaxLength: Bool
    /// Radio buttons and checkboxes.
    let options: [OptionView]
    /// A record's fields (an emotion's name and intensity).
    let children: [FieldView]
    /// A list's rows, each a group or a single control.
    let rows: [FieldView]
    /// For lists: whether another row may be added, and the button's value.
    let canAddRow: Bool
    let addRowLabel: String

    init(
        name: String, label: String, help: String?, optional: Bool, error: String?,
        value: String = "", control: Control, min: String = "", max: String = "",
        step: String = "", unit: String = "", maxLength: String = "",
        options: [OptionView] = [], children: [FieldView] = [], rows: [FieldView] = [],
        canAddRow: Bool = false, addRowLabel: String = ""
    ) {
        self.name = name
        self.id = FieldView.elementID(name)
        self.label = label
        self.help = help ?? ""
        self.hasHelp = !(help ?? "").isEmpty
        self.optional = optional
        self.error = error ?? ""
        self.hasError = error != nil
        self.describedBy = [
            hasHelp ? "\(id)-help" : nil, error != nil ? "\(id)-error" : nil,
        ].compactMap { $0 }.joined(separator: " ")
        self.hasDescribedBy = !describedBy.isEmpty
        self.value = value
        isText = control == .text
        isTextArea = control == .textArea
        isNumber = control == .number
        isRadios = control == .radios
        isCheckboxes = control == .checkboxes
        isDate = control == .date
        isTime = control == .time
        isGroup = control == .group
        isList = control == .list
        self.min = min
        self.max = max
        self.step = step
        self.unit = unit
        self.maxLength = maxLength
        hasMin = !min.isEmpty
        hasMax = !max.isEmpty
        hasUnit = !unit.isEmpty
        hasMaxLength = !maxLength.isEmpty
        self.options = options
        self.children = children
        self.rows = rows
        self.canAddRow = canAddRow
        self.addRowLabel = addRowLabel
    }

    /// The controls the template can draw.
    enum Control: Sendable {
        case text, textArea, number, radios, checkboxes, date, time, group, list
    }

    /// An HTML id from a field path: letters and digits kept, the rest '-'.
    static func elementID(_ path: String) -> String {
        var body = ""
        for scalar in path.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                body.unicodeScalars.append(scalar)
            } else if !body.isEmpty, body.last != "-" {
                body.append("-")
            }
        }
        if body.last == "-" { body.removeLast() }
        return "f-" + body
    }
}

/// One radio button or checkbox.
struct OptionView: Sendable {
    let id: String
    /// The group's input name (every option of a group shares it).
    let name: String
    let value: String
    let label: String
    let checked: Bool
}
