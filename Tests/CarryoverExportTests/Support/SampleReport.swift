import CarryoverCore

@testable import CarryoverExport

/// A four-week report with every kind of section filled, used by the HTML
/// tests and for the screenshots in Docs/exports.md.
enum SampleReport {
    static let hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>"

    static func date(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 3, day: day)! }

    static func make(displayName: String = "Alex Example") throws -> ClientReport {
        // 2026-03-04 is a Wednesday; 28 days run to 2026-03-31 (a Tuesday).
        let start = date(4)
        let end = date(31)
        var days: [LocalDate: AssignmentAdherence.DayStatus] = [:]
        for offset in 0..<28 {
            let day = start.adding(days: offset)
            switch offset {
            case 26, 27: days[day] = .pending
            case 5, 12: days[day] = .missed
            case 9: days[day] = .excused
            case _ where day.isoWeekday == 7: break  // nothing on Sundays
            default: days[day] = .done
            }
        }
        let phq9Bands = [
            MeasureSeries.Band(name: "minimal", lower: 0, upper: 4),
            MeasureSeries.Band(name: "mild", lower: 5, upper: 9),
            MeasureSeries.Band(name: "moderate", lower: 10, upper: 14),
            MeasureSeries.Band(name: "moderately severe", lower: 15, upper: 19),
            MeasureSeries.Band(name: "severe", lower: 20, upper: 27),
        ]
        let rc = ReliableChange(rci: -2.47, standardDeviation: 5, reliability: 0.84)
        let beliefs = [
            (4, 80, 60), (8, 75, 50), (12, 85, 45), (18, 70, 40), (24, 65, 30), (29, 60, 25),
        ]
        let thought = AssignmentReport(
            assignmentID: "a1", title: "Thought record", schedule: "daily at 20:00",
            rule: "5 of every 7 scheduled times done",
            ruleProgress: "4 done of scheduled times 22-28",
            adherence: AssignmentAdherence(assignmentID: "a1", title: "Thought record", days: days),
            scores: [
                ScoreSeries(
                    name: "belief_before", title: "Belief before (%)",
                    points: beliefs.map { .init(date: date($0.0), value: Double($0.1)) },
                    gaps: [date(9), date(16)]),
                ScoreSeries(
                    name: "belief_after", title: "Belief after (%)",
                    points: beliefs.map { .init(date: date($0.0), value: Double($0.2)) }),
            ],
            ledger: LedgerSummary(
                kind: "tokens", balance: "14 tokens",
                lines: [
                    .init(date: date(7), words: "+10 tokens earned (week 1)", amount: "+10 tokens"),
                    .init(
                        date: date(14), words: "+10 tokens earned (week 2)", amount: "+10 tokens"),
                    .init(
                        date: date(15), words: "-6 tokens: Cinema ticket", amount: "-6 tokens",
                        delivery: .delivered),
                ],
                rewards: [
                    .init(name: "Cinema ticket", price: "6 tokens"),
                    .init(name: "Book voucher", price: "15 tokens"),
                ]))
        let phq9 = AssignmentReport(
            assignmentID: "a2", title: "PHQ-9", schedule: "weekly on Wed",
            adherence: AssignmentAdherence(
                assignmentID: "a2", title: "PHQ-9",
                days: [date(4): .done, date(11): .missed, date(18): .done, date(25): .done]),
            measure: MeasureSeries(
                instrumentID: "phq-9", title: "PHQ-9", maxTotal: 27, bands: phq9Bands,
                administrations: [
                    MeasureAdministration(
                        id: "m1", date: start, itemScores: [2, 2, 2, 2, 2, 2, 2, 1, 1],
                        total: 16, bandName: "moderately severe"),
                    MeasureAdministration(
                        id: "m2", date: date(18), itemScores: [2, 1, 2, 1, 2, 1, 2, 1, 0],
                        total: 12, bandName: "moderate"),
                    MeasureAdministration(
                        id: "m3", date: date(30), itemScores: [1, 1, 1, 1, 1, 1, 1, 1, 0],
                        total: 8, bandName: "mild", reliableChange: rc),
                ]))
        let lifts = AssignmentReport(
            assignmentID: "a3", title: "Exposure ladder", schedule: "daily at 18:00",
            adherence: AssignmentAdherence(assignmentID: "a3", title: "Exposure ladder", days: [:]),
            ladder: LadderProgress(
                steps: [
                    .init(index: 1, label: "Look at a lift", mastered: true, masteredOn: date(6)),
                    .init(
                        index: 2, label: "Stand in an open lift", mastered: true,
                        masteredOn: date(13)),
                    .init(index: 3, label: "Ride one floor with a friend", mastered: false),
                    .init(index: 4, label: "Ride five floors alone", mastered: false),
                ], currentIndex: 3),
            milestones: [
                .init(
                    date: date(6),
                    text: "Step 1 mastered: next is step 2 of 4 (Stand in an open lift)."),
                .init(
                    date: date(13),
                    text: "Step 2 mastered: next is step 3 of 4 (Ride one floor with a friend)."),
            ])
        let speech = AssignmentReport(
            assignmentID: "a4", title: "Speech practice", schedule: "weekly on Thu",
            adherence: AssignmentAdherence(assignmentID: "a4", title: "Speech practice", days: [:]),
            speech: SpeechProgress(
                target: "/r/ initial", currentLevel: "word", criterionAccuracy: 0.8,
                criterion: "80% in 3 consecutive sessions",
                levels: [.init(name: "syllable", masteredOn: date(12)), .init(name: "word")],
                sessions: [
                    (5, 0.82, "syllable"), (9, 0.85, "syllable"), (12, 0.9, "syllable"),
                    (19, 0.7, "word"), (26, 0.78, "word"),
                ].map { .init(date: date($0.0), accuracy: $0.1, level: $0.2) }))
        let ended = AssignmentReport(
            assignmentID: "a5", title: "Thought record", distinction: "every 2 days at 07:00",
            status: "abandoned", endedOn: date(10), schedule: "every 2 days at 07:00",
            adherence: AssignmentAdherence(
                assignmentID: "a5", title: "Thought record",
                days: [date(4): .done, date(6): .missed, date(8): .missed]))
        return ClientReport(
            client: ReportClient(
                pseudonym: "c-017", displayName: displayName, timeZone: "Europe/Berlin"),
            periodStart: start, periodEnd: end,
            flags: [
                ReportFlag(
                    level: .info, code: "streak", message: "Seven-day streak on the thought record."
                ),
                ReportFlag(
                    level: .attention, code: "non-adherence",
                    message: "Two missed walks; try an earlier time."),
                ReportFlag(
                    level: .risk, code: "phq9-item9",
                    message:
                        "PHQ-9 item 9 answered 1 on 2026-03-04: ask about thoughts of self-harm."),
            ],
            goals: [
                ReportGoal(
                    title: "Fewer anxious evenings", details: ["Measure: 5 thought records a week"],
                    timeBound: date(31),
                    phases: [
                        .init(
                            title: "Notice and record", start: start, end: date(17),
                            tasks: [
                                .init(
                                    title: "Thought records",
                                    assignments: ["a1 Thought record (active)"])
                            ])
                    ])
            ],
            assignments: [thought, phq9, lifts, speech, ended])
    }
}
