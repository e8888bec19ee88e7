extension Instrument {
    /// Patient Health Questionnaire, 9 items (depression).
    ///
    /// Items and bands: Kroenke, Spitzer and Williams 2001, J Gen Intern Med
    /// 16:606-613. LOINC 44261-6 is the total score.
    /// Reliable change: see ``ReliabilityParameters/phq9``.
    public static let phq9 = Instrument(
        id: "phq-9", name: "PHQ-9", itemCount: 9, itemRange: 0...3,
        bands: [
            SeverityBand(0...4, "minimal"), SeverityBand(5...9, "mild"),
            SeverityBand(10...14, "moderate"), SeverityBand(15...19, "moderately severe"),
            SeverityBand(20...27, "severe"),
        ],
        source: "Kroenke, Spitzer and Williams 2001", loincTotal: "44261-6",
        reliability: .phq9, direction: .lowerIsBetter,
        riskItems: [
            RiskItem(
                number: 9, topic: "thoughts of being better off dead or of self-harm",
                suggestion: "Assess suicide risk now and review the safety plan with the client.")
        ])

    /// Generalized Anxiety Disorder scale, 7 items.
    ///
    /// Items and bands: Spitzer, Kroenke, Williams and Löwe 2006, Arch Intern
    /// Med 166:1092-1097. LOINC 70274-6 is the total score, 69737-5 the panel.
    /// Reliable change: see ``ReliabilityParameters/gad7``.
    public static let gad7 = Instrument(
        id: "gad-7", name: "GAD-7", itemCount: 7, itemRange: 0...3,
        bands: [
            SeverityBand(0...4, "minimal"), SeverityBand(5...9, "mild"),
            SeverityBand(10...14, "moderate"), SeverityBand(15...21, "severe"),
        ],
        source: "Spitzer et al. 2006", loincTotal: "70274-6", loincPanel: "69737-5",
        reliability: .gad7, direction: .lowerIsBetter)

    /// Every built-in instrument, by id.
    public static let catalogue: [String: Instrument] = [phq9.id: phq9, gad7.id: gad7]
}
