/// Vouchers that grow with each consecutive completion, reset on a miss and
/// recover after a run of completions.
///
/// All amounts are in cents. Each completion raises the escalation level by
/// one and earns a voucher of `start + step x (level - 1)`; the run ``bonus``
/// adds to every n-th consecutive completion. A missed occurrence (for drug testing: a positive or missed
/// sample) resets the value to `start`. After `recoveryAfter` consecutive
/// completions following a reset, the level returns to the highest level
/// reached before the reset(s), so the next voucher earns what it would have
/// earned after that level. Earned vouchers are never taken away.
public struct EscalatingSchedule: Sendable, Hashable, Codable {
    /// Value of the first voucher, in cents.
    public var start: Int
    /// Increase for each consecutive completion, in cents.
    public var step: Int
    /// Extra cents for runs of consecutive completions (nil: no bonus).
    public var bonus: RunBonus?
    /// Consecutive completions after a reset that restore the pre-reset level
    /// (nil: no recovery).
    public var recoveryAfter: Int?

    public init(start: Int, step: Int, bonus: RunBonus?, recoveryAfter: Int?) {
        self.start = start
        self.step = step
        self.bonus = bonus
        self.recoveryAfter = recoveryAfter
    }

    /// Higgins et al. (1994), Archives of General Psychiatry 51:568-576: $2.50
    /// for the first negative sample, $1.25 more for each consecutive negative,
    /// a $10 bonus for every third consecutive negative, reset to $2.50 on a
    /// positive or missed sample, and recovery to the pre-reset value after 5
    /// consecutive negatives (NIDA's CRA + Vouchers manual). 36 consecutive
    /// negatives (12 weeks at 3 a week) pay $877.50 + 12 x $10 = $997.50.
    public static let higgins1994 = EscalatingSchedule(
        start: 250, step: 125, bonus: RunBonus(every: 3, amount: 1000), recoveryAfter: 5)

    /// The voucher value, in cents, at escalation level `level` (1-based).
    public func value(atLevel level: Int) -> Int {
        start + step * (level - 1)
    }

    func validate() throws {
        let most = ReinforcementPlan.maximumAmount
        try requireReinforcement(
            (1...most).contains(start), "an escalating schedule needs a start of 1 to \(most)")
        try requireReinforcement(
            (0...most).contains(step), "an escalating step must be 0 to \(most)")
        try bonus?.validate()
        try requireReinforcement(
            (1...ReinforcementPlan.maximumCount).contains(recoveryAfter ?? 1),
            "recovery needs 1 to \(ReinforcementPlan.maximumCount) completions")
    }
}
