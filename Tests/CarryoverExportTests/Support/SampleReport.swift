import CarryoverCore

@testable import CarryoverExport

/// A four-week report with every section filled, used by the HTML tests and
/// for the screenshots in Docs/exports.md.
enum SampleReport {
    static let hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>"

    static func make(displayName: String = "Alex Example") throws -> ClientReport {
        // 2026-03-04 is a Wednesday; 28 days run to 2026-03-31 (a Tuesday).
        let start = LocalDate(year: 2026, month: 3, day: 4)!
        let end = LocalDate(year: 2026, month: 3, day: 31)!
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
            adherence: [
                AssignmentAdherence(assignmentID: "a1", title: "Thought record", days: days)
            ],
            scores: [
                ScoreSeries(
                    homeworkType: "org.example.thought-record", title: "Thought record",
                    points: [
                        (4, 80, 60), (8, 75, 50), (12, 85, 45), (18, 70, 40), (24, 65, 30),
                        (29, 60, 25),
                    ].flatMap { day, before, after in
                        [
                            ScoreSeries.Point(
                                date: LocalDate(year: 2026, month: 3, day: day)!,
                                name: "belief before",
                                value: Double(before)),
                            ScoreSeries.Point(
                                date: LocalDate(year: 2026, month: 3, day: day)!,
                                name: "belief after",
                                value: Double(after)),
                        ]
                    })
            ],
            measures: [
                MeasureSeries(
                    instrumentID: "phq-9", title: "PHQ-9", maxTotal: 27, bands: phq9Bands,
                    administrations: [
                        MeasureAdministration(
                            id: "m1", date: start, itemScores: [2, 2, 2, 2, 2, 2, 2, 1, 1],
                            total: 16, bandName: "moderately severe"),
                        MeasureAdministration(
                            id: "m2", date: LocalDate(year: 2026, month: 3, day: 18)!,
                            itemScores: [2, 1, 2, 1, 2, 1, 2, 1, 0], total: 12, bandName: "moderate"
                        ),
                        MeasureAdministration(
                            id: "m3", date: LocalDate(year: 2026, month: 3, day: 30)!,
                            itemScores: [1, 1, 1, 1, 1, 1, 1, 1, 0], total: 8, bandName: "mild",
                            reliableChange: rc),
                    ])
            ],
            ladders: [
                LadderProgress(
                    assignmentID: "a2", title: "Lifts",
                    steps: [
                        .init(index: 0, label: "Look at a lift", mastered: true),
                        .init(index: 1, label: "Stand in an open lift", mastered: true),
                        .init(index: 2, label: "Ride one floor with a friend", mastered: false),
                        .init(index: 3, label: "Ride five floors alone", mastered: false),
                    ], currentIndex: 2)
            ],
            speech: [
                SpeechProgress(
                    target: "/r/ initial", level: "word", criterionAccuracy: 0.8,
                    criterion: "80% in 3 consecutive sessions", mastered: false,
                    sessions: [(5, 0.55), (12, 0.7), (19, 0.82), (26, 0.78)].map {
                        .init(date: LocalDate(year: 2026, month: 3, day: $0)!, accuracy: $1)
                    })
            ],
            tokens: TokenSummary(
                balance: 14,
                ledger: [
                    .init(
                        date: LocalDate(year: 2026, month: 3, day: 7)!, amount: 10,
                        reason: "Week 1 target met"),
                    .init(
                        date: LocalDate(year: 2026, month: 3, day: 14)!, amount: 10,
                        reason: "Week 2 target met"),
                    .init(
                        date: LocalDate(year: 2026, month: 3, day: 15)!, amount: -6,
                        reason: "Cinema ticket"),
                ],
                rewards: [
                    .init(
                        name: "Cinema ticket", cost: 6,
                        redeemedOn: LocalDate(year: 2026, month: 3, day: 15)!),
                    .init(name: "Book voucher", cost: 15),
                ]))
    }
}
