import Foundation

extension ReinforcementPlan {
    /// Redeems a catalogue reward from the state's ledger.
    ///
    /// Throws ``CoreErrorCode/unknownReward`` for an id not in the catalogue,
    /// ``CoreErrorCode/vetoed`` for a vetoed reward and
    /// ``CoreErrorCode/insufficientTokens`` when the balance is short.
    @discardableResult
    public func redeem(rewardID: String, at: Date, state: inout ReinforcementState) throws
        -> TokenLedger.Line
    {
        let reward = try catalogueReward(rewardID)
        guard let unit = schedule.ledgerUnit else {
            throw CoreError(
                .invalidReinforcement,
                "This plan's schedule earns no balance to redeem; use a voucher or token schedule.")
        }
        return try state.ledger.redeem(reward, at: at, unit: unit)
    }

    /// A therapist's veto of a catalogue reward: pending redemptions of it are
    /// refunded and new ones refused until ``allow(rewardID:at:reason:state:)``.
    @discardableResult
    public func veto(rewardID: String, at: Date, reason: String, state: inout ReinforcementState)
        throws -> [TokenLedger.Line]
    {
        _ = try catalogueReward(rewardID)
        return state.ledger.veto(rewardID: rewardID, at: at, reason: reason)
    }

    /// Lifts a therapist's veto of a catalogue reward.
    @discardableResult
    public func allow(rewardID: String, at: Date, reason: String, state: inout ReinforcementState)
        throws -> TokenLedger.Line
    {
        _ = try catalogueReward(rewardID)
        return state.ledger.allow(rewardID: rewardID, at: at, reason: reason)
    }

    private func catalogueReward(_ id: String) throws -> Reward {
        guard let reward = catalogue.first(where: { $0.id == id }) else {
            throw CoreError(
                .unknownReward,
                "No reward '\(id)' in this plan's catalogue; list the catalogue for valid ids.")
        }
        return reward
    }
}
