/// The one source of the PHQ-9 and GAD-7 facts: items, questions, answers,
/// bands, LOINC codes and reliable-change figures. The built-in plugins read
/// them from the `instruments` table the host gives every sandbox
/// (CarryoverLua's `InstrumentTable`); reports and FHIR export read them here.
extension Instrument {
    /// The answers of PHQ-9 and GAD-7 ("over the last 2 weeks, how often..."),
    /// scored 0-3, as printed.
    static let frequencyOverTwoWeeks = [
        "Not at all", "Several days", "More than half the days", "Nearly every day",
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
        questions: [
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself, or that you are a failure or have let yourself or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual",
            "Thoughts that you would be better off dead, or of hurting yourself in some way",
        ],
        stem:
            "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
        responses: frequencyOverTwoWeeks,
        bands: [
            SeverityBand(0...4, "minimal"), SeverityBand(5...9, "mild"),
            SeverityBand(10...14, "moderate"), SeverityBand(15...19, "moderately severe"),
            SeverityBand(20...27, "severe"),
        ],
        source: "Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606-613",
        loincTotal: "44261-6",
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
        questions: [
            "Feeling nervous, anxious, or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid, as if something awful might happen",
        ],
        stem: "Over the last 2 weeks, how often have you been bothered by the following problems?",
        responses: frequencyOverTwoWeeks,
        bands: [
            SeverityBand(0...4, "minimal"), SeverityBand(5...9, "mild"),
            SeverityBand(10...14, "moderate"), SeverityBand(15...21, "severe"),
        ],
        source: "Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092-1097",
        loincTotal: "70274-6", loincPanel: "69737-5",
        reliability: .gad7, direction: .lowerIsBetter)

    /// Every built-in instrument, by id.
    public static let catalogue: [String: Instrument] = [phq9.id: phq9, gad7.id: gad7]
}
