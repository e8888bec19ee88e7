extension Instrument {
    /// The answers of PHQ-9 and GAD-7 ("over the last 2 weeks, how often..."),
    /// scored 0-3.
    static let frequencyOverTwoWeeks = [
        "not at all", "several days", "more than half the days", "nearly every day",
    ]

    /// Patient Health Questionnaire, 9 items (depression).
    ///
    /// Items and bands: Kroenke, Spitzer and Williams 2001, J Gen Intern Med
    /// 16:606-613. LOINC 44261-6 is the total score.
    /// Reliable change: see ``ReliabilityParameters/phq9``.
    public static let phq9 = Instrument(
        id: "phq-9", name: "PHQ-9",
        items: [
            "little interest or pleasure in doing things",
            "feeling down, depressed or hopeless",
            "trouble with sleep (too little or too much)",
            "feeling tired or having little energy",
            "poor appetite or overeating",
            "feeling bad about yourself, or a failure",
            "trouble concentrating",
            "moving or speaking slowly, or being fidgety and restless",
            "thoughts of being better off dead or of self-harm",
        ],
        responses: frequencyOverTwoWeeks,
        bands: [
            SeverityBand(0...4, "minimal"), SeverityBand(5...9, "mild"),
            SeverityBand(10...14, "moderate"), SeverityBand(15...19, "moderately severe"),
            SeverityBand(20...27, "severe"),
        ],
        source: "Kroenke, Spitzer and Williams 2001", loincTotal: "44261-6",
        reliability: .phq9, direction: .lowerIsBetter,
        riskItems: [
            RiskItem(
                number: 9,
                suggestion: "Assess suicide risk now and review the safety plan with the client.")
        ])

    /// Generalized Anxiety Disorder scale, 7 items.
    ///
    /// Items and bands: Spitzer, Kroenke, Williams and Löwe 2006, Arch Intern
    /// Med 166:1092-1097. LOINC 70274-6 is the total score, 69737-5 the panel.
    /// Reliable change: see ``ReliabilityParameters/gad7``.
    public static let gad7 = Instrument(
        id: "gad-7", name: "GAD-7",
        items: [
            "feeling nervous, anxious or on edge",
            "not being able to stop or control worrying",
            "worrying too much about different things",
            "trouble relaxing",
            "being so restless that it is hard to sit still",
            "becoming easily annoyed or irritable",
            "feeling afraid as if something awful might happen",
        ],
        responses: frequencyOverTwoWeeks,
        bands: [
            SeverityBand(0...4, "minimal"), SeverityBand(5...9, "mild"),
            SeverityBand(10...14, "moderate"), SeverityBand(15...21, "severe"),
        ],
        source: "Spitzer et al. 2006", loincTotal: "70274-6", loincPanel: "69737-5",
        reliability: .gad7, direction: .lowerIsBetter)

    /// Every built-in instrument, by id.
    public static let catalogue: [String: Instrument] = [phq9.id: phq9, gad7.id: gad7]
}
