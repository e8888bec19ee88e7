import CarryoverCore
import CarryoverExport
import Foundation

extension Practice {
    /// Who answered an entry and who recorded it, for the FHIR export.
    static func respondent(of entry: Entry, supporters: [String: Supporter]) -> Respondent {
        if entry.source == .supporter, let id = entry.supporterID {
            let supporter = supporters[id]
            return Respondent(
                supporter: .init(
                    id: id, name: supporter?.name ?? id,
                    relation: supporter?.relation.rawValue ?? "other"))
        }
        // The client's own answers: typed in by the client on the portal, or
        // by the therapist (or an import) on the client's behalf.
        return entry.source == .client
            ? .patient : Respondent(therapist: entry.recordedBy ?? entry.source.label)
    }

    /// Supporters' informant forms, answers in the form's order (by name when
    /// the type no longer loads).
    func informantResponses(
        _ progress: [AssignmentProgress], zone: TimeZone, respondent: (Entry) -> Respondent
    ) throws -> [InformantResponse] {
        try progress.flatMap { item in
            let informant = item.entries.filter { $0.kind == .informant && !$0.voided }
            guard !informant.isEmpty else { return [InformantResponse]() }
            let form = try homeworkTypeIfItLoads(
                item.assignment.homeworkType, version: item.assignment.homeworkVersion, seed: 0
            )?.declaration.informant
            return informant.map { entry in
                let fields = entry.fields.object ?? [:]
                let order =
                    form?.fields.map { ($0.name, $0.label) }
                    ?? fields.keys.sorted().map { ($0, $0) }
                return InformantResponse(
                    id: entry.id, homeworkType: entry.homeworkType,
                    date: LocalDate(entry.performedAt, in: zone),
                    answers: order.compactMap { name, label in
                        fields[name].flatMap { $0 == .null ? nil : $0 }.map {
                            .init(linkID: name, text: label, value: $0)
                        }
                    }, respondent: respondent(entry))
            }
        }
    }
}
