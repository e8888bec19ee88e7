import Mustache

// Mustache looks names up by reflection (Mirror) unless a view answers them
// itself; a form has hundreds of lookups on views of 35 properties, and
// reflection made rendering most of a form request's time (benchmark
// scenario 6). These answer by name, with the same values.

extension FieldView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "id": id
        case "label": label
        case "help": help
        case "hasHelp": hasHelp
        case "optional": optional
        case "error": error
        case "hasError": hasError
        case "describedBy": describedBy
        case "hasDescribedBy": hasDescribedBy
        case "value": value
        case "isText": isText
        case "isTextArea": isTextArea
        case "isNumber": isNumber
        case "isRadios": isRadios
        case "isCheckboxes": isCheckboxes
        case "isDate": isDate
        case "isTime": isTime
        case "isGroup": isGroup
        case "isList": isList
        case "min": min
        case "max": max
        case "step": step
        case "unit": unit
        case "maxLength": maxLength
        case "hasMin": hasMin
        case "hasMax": hasMax
        case "hasUnit": hasUnit
        case "hasMaxLength": hasMaxLength
        case "options": options
        case "children": children
        case "rows": rows
        case "canAddRow": canAddRow
        case "addRowLabel": addRowLabel
        default: nil
        }
    }
}

extension OptionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "value": value
        case "label": label
        case "checked": checked
        default: nil
        }
    }
}

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "clinic": clinic
        case "signedIn": signedIn
        case "hasSafetyPlan": hasSafetyPlan
        case "csrf": csrf
        case "body": body
        default: nil
        }
    }
}
