extension TokenLedger {
    /// A line in plain words for the therapist, with what became of it:
    /// "+2 tokens earned (scheduled time 5)", "prize: large ($20.00), to deliver",
    /// "-3 tokens: Movie night, delivered", "a sticker (entry 3), to deliver".
    ///
    /// - Parameters:
    ///   - line: The ledger line.
    ///   - unit: The ledger's unit (nil for schedules without a balance).
    ///   - rewards: Catalogue reward names by id.
    ///   - delivery: Whether to add what became of it (", to deliver").
    public func words(
        for line: Line, unit: LedgerUnit?, rewards: [String: String] = [:],
        delivery: Bool = true
    ) -> String {
        let state = delivery ? state(of: line) : ""
        let amount = unit.map { unit in
            (line.amount > 0 ? "+" : "") + unit.format(line.amount)
        }
        let reward = line.rewardID.map { rewards[$0] ?? $0 }
        switch line.kind {
        case .earn:
            return "\(amount ?? String(line.amount)) earned (\(line.note))"
        case .redeem:
            return "\(amount ?? String(line.amount)): \(reward ?? line.note)\(state)"
        case .reinforcer:
            let what =
                line.value.map { value in
                    value > 0
                        ? "prize: \(line.item ?? "prize") (\(LedgerUnit.cents.format(value)))"
                        : "prize draw: \(line.item ?? "no prize")"
                } ?? (line.item ?? "a reinforcer")
            return "\(what) (\(line.note))\(state)"
        case .deliver:
            return "delivered: line \(line.redemption.map(String.init) ?? "?")"
        case .refund:
            let redeemed = line.redemption.flatMap { number in lines.first { $0.number == number } }
            let name = redeemed?.rewardID.map { rewards[$0] ?? $0 } ?? "a reward"
            return "\(amount ?? String(line.amount)) refunded: \(name) (\(line.note))"
        case .adjust:
            return "\(amount ?? String(line.amount)) adjusted by the therapist (\(line.note))"
        case .veto:
            return "vetoed: \(reward ?? "a reward") (\(line.note))"
        case .allow:
            return "allowed again: \(reward ?? "a reward") (\(line.note))"
        case .reverse:
            let earning = line.reverses.map { " of line \($0)" } ?? ""
            return "\(amount ?? String(line.amount)) taken back\(earning): \(line.note)"
        }
    }

    /// ", to deliver", ", delivered", ", refunded" or "" for lines with nothing to hand over.
    private func state(of line: Line) -> String {
        guard line.isDeliverable else { return "" }
        if delivery(of: line.number) != nil { return ", delivered" }
        if lines.contains(where: { $0.kind == .refund && $0.redemption == line.number }) {
            return ", refunded"
        }
        return ", to deliver"
    }
}
