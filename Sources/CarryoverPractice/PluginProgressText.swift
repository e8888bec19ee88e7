import CarryoverCore
import Foundation

/// A plugin's own progress state (its `advance` hook) in words for the
/// therapist: where the client is now, and what changed with an entry.
///
/// The exposure ladder and speech practice get their own wording (their state
/// shapes are those of `Modalities/exposure-ladder` and
/// `Modalities/speech-practice`); any other plugin's state is listed member by
/// member, so no plugin's progress is ever invisible.
public enum PluginProgressText {
    /// Where the client stands, e.g. "step 2 of 5 (Ride the bus one stop),
    /// 1 of 2 sessions in a row met; mastered step 1"; nil before any state.
    public static func summary(homeworkType: String, params: Value, state: Value) -> String? {
        switch homeworkType {
        case ProgressMapping.exposureLadder: return ladder(params: params, state: state)
        case ProgressMapping.speechPractice: return speech(params: params, state: state)
        default: return state == .null ? nil : generic(state)
        }
    }

    /// What an entry changed, e.g. "Step 1 mastered: next is step 2 of 5
    /// (Ride the bus one stop)."; nil when the step or level did not change.
    public static func change(homeworkType: String, params: Value, from old: Value, to new: Value)
        -> String?
    {
        guard old != new else { return nil }
        switch homeworkType {
        case ProgressMapping.exposureLadder:
            let steps = params["steps"]?.array ?? []
            guard let mastered = newlyMastered(old, new).first.flatMap(\.number).map(Int.init)
            else { return nil }
            if new["complete"]?.bool == true {
                return "Step \(mastered) mastered: the whole ladder is done."
            }
            let step = new["step"]?.number.map(Int.init) ?? mastered + 1
            return "Step \(mastered) mastered: next is \(stepText(step, of: steps))."
        case ProgressMapping.speechPractice:
            guard let mastered = newlyMastered(old, new).first?.string else { return nil }
            if new["complete"]?.bool == true {
                return "Level '\(mastered)' mastered: every level is done."
            }
            return "Level '\(mastered)' mastered: next is '\(new["level"]?.string ?? "")'."
        default:
            let before = old.object ?? [:]
            let changed = (new.object ?? [:]).sorted { $0.key < $1.key }.filter { key, value in
                before[key] != value && isScalar(value)
            }.map { key, value in "\(key) \(before[key].map(text) ?? "none") -> \(text(value))" }
            return changed.isEmpty ? nil : "Progress: " + changed.joined(separator: ", ") + "."
        }
    }

    private static func ladder(params: Value, state: Value) -> String {
        let steps = params["steps"]?.array ?? []
        let mastered = (state["mastered"]?.array ?? []).compactMap(\.number).map { Int($0) }
        if state["complete"]?.bool == true {
            return "ladder done: all \(steps.count) steps mastered"
        }
        let step = (state["step"] ?? params["start_step"])?.number.map(Int.init) ?? 1
        let needed = params["sessions"]?.number.map(Int.init) ?? 2
        let streak = state["streak"]?.number.map(Int.init) ?? 0
        var text =
            "on \(stepText(step, of: steps)), \(streak) of \(needed) sessions in a row met"
        if !mastered.isEmpty {
            text +=
                "; mastered step\(mastered.count == 1 ? "" : "s") "
                + mastered.map(String.init).joined(separator: ", ")
        }
        return text
    }

    private static func speech(params: Value, state: Value) -> String {
        let mastered = (state["mastered"]?.array ?? []).compactMap(\.string)
        let done = mastered.isEmpty ? "" : "; mastered " + mastered.joined(separator: ", ")
        if state["complete"]?.bool == true { return "every level mastered" + done }
        let level = (state["level"] ?? params["start_level"])?.string ?? "isolation"
        let results = (state["results"]?.array ?? []).compactMap(\.bool)
        let percent = formattedNumber(params["accuracy"]?.number ?? 80)
        let sessions = Int(params["sessions"]?.number ?? 3)
        let window =
            params["rule"]?.string == "m_of_n" ? Int(params["window"]?.number ?? 4) : sessions
        let recent = results.suffix(window)
        let needs = window == sessions ? "\(sessions) in a row" : "\(sessions) of \(window)"
        return "level \(level): \(recent.filter { $0 }.count) of the last \(recent.count) "
            + "sessions at \(percent)% or better (needs \(needs))" + done
    }

    /// "step 2 of 5 (Ride the bus one stop)".
    private static func stepText(_ step: Int, of steps: [Value]) -> String {
        let situation =
            steps.indices.contains(step - 1)
            ? steps[step - 1]["situation"]?.string.map { " (\($0))" } ?? "" : ""
        return "step \(step) of \(steps.count)\(situation)"
    }

    private static func newlyMastered(_ old: Value, _ new: Value) -> [Value] {
        let before = old["mastered"]?.array ?? []
        return (new["mastered"]?.array ?? []).filter { !before.contains($0) }
    }

    /// Members in name order; lists of plain values joined, nested tables left out.
    private static func generic(_ state: Value) -> String {
        guard let members = state.object else { return text(state) }
        return members.sorted { $0.key < $1.key }.compactMap { key, value in
            if isScalar(value) { return "\(key) \(text(value))" }
            if let items = value.array, items.allSatisfy(isScalar) {
                return "\(key) "
                    + (items.isEmpty ? "none" : items.map(text).joined(separator: ", "))
            }
            return nil
        }.joined(separator: ", ")
    }

    private static func isScalar(_ value: Value) -> Bool {
        value.object == nil && value.array == nil
    }

    private static func text(_ value: Value) -> String {
        if let bool = value.bool { return bool ? "yes" : "no" }
        if let number = value.number { return formattedNumber(number) }
        if let string = value.string { return string }
        return value == .null ? "none" : value.canonicalJSON()
    }

    private static func formattedNumber(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15
            ? String(Int64(number)) : String(format: "%.2f", number)
    }
}
